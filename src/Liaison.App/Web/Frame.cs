using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Web;

/// <summary>
/// What the signed-in layout shows around every page: whose scope this is ("汶上县 · 驻村办"), read
/// once per request through the scoped query root.
/// </summary>
public sealed class Frame(Auth.Jurisdiction jurisdiction, Data.Access.Scoped scoped, Data.LiaisonDb db, TimeProvider clock)
{
    public async Task<string?> ScopeLabelAsync(CancellationToken ct)
    {
        if (jurisdiction.Role is not { } role || jurisdiction.Scope is not { } scope)
        {
            return null;
        }
        var roleName = Ui.T(Domain.Access.Roles.Label(role));
        if (scope.UnitId is { } unit)
        {
            var name = await scoped.Units.Where(u => u.Id == unit).Select(u => u.Name).FirstOrDefaultAsync(ct);
            return $"{name} · {roleName}";
        }
        if (scope.DivisionCode is { } code)
        {
            var name = await scoped.Divisions.Where(d => d.Code == code).Select(d => d.Name).FirstOrDefaultAsync(ct);
            return $"{name ?? code} · {roleName}";
        }
        return $"{Ui.T(Words.All)} · {roleName}";
    }

    /// <summary>The programme's supervision telephone, from this year's policy: the public pages show it on every page.</summary>
    public async Task<string?> TelephoneAsync(CancellationToken ct)
    {
        var policy = await Data.Policy.PolicyStore.GetAsync(db, ChinaTime.Today(clock).Year, ct);
        return string.IsNullOrWhiteSpace(policy.Policy.Public.Telephone) ? null : policy.Policy.Public.Telephone;
    }
}
