using Liaison.Data;
using Liaison.Data.Audit;
using Liaison.Domain.Access;

namespace Liaison.App.Features.Audit;

/// <summary>
/// Reads of the audit log, narrowed to a scope: an office sees the entries of its own subtree (entries
/// without a division, such as sign-ins and imports, only an administrator sees); nobody without a scope sees any.
/// </summary>
public sealed class AuditQueries(LiaisonDb db, Scope? scope)
{
    public IQueryable<AuditEntry> Entries()
    {
        var query = db.AuditEntries.AsQueryable();
        if (scope is null)
        {
            return query.Where(_ => false);
        }
        return scope.DivisionCode is { } root
            ? query.Where(e => e.DivisionCode != null && e.DivisionCode.StartsWith(root))
            : query;
    }
}
