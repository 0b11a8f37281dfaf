using Liaison.Domain.Access;
using Liaison.Domain.Divisions;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Access;

/// <summary>
/// Work that spans the whole database — setting the policy, planning, the First Secretary cycle —
/// belongs to who governs all of it: the administrator, or the office whose jurisdiction holds every
/// village (the city's office; a county's when the database is one county's).
/// </summary>
public static class WholeDatabase
{
    public static async Task<bool> GovernedByAsync(LiaisonDb db, Role role, Scope scope, CancellationToken ct)
    {
        if (role == Role.Admin)
        {
            return true;
        }
        if (role != Role.Office || scope.DivisionCode is not { } root)
        {
            return false;
        }
        using var whole = Unscoped.Section("whether an office's jurisdiction holds every village of the database");
        return !await db.Divisions.AnyAsync(d => d.Level == DivisionLevel.Village && d.WithdrawnOn == null && !d.Code.StartsWith(root), ct);
    }
}
