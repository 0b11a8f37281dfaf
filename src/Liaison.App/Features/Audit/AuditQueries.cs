using Liaison.Data.Audit;

namespace Liaison.App.Features.Audit;

/// <summary>
/// Reads of the audit log, narrowed to a scope: an office sees the entries of its own subtree (entries
/// without a division, such as sign-ins and imports, only an administrator sees); nobody without a scope sees any.
/// </summary>
public sealed class AuditQueries(Data.Access.Scoped scoped)
{
    /// <summary>The entries in scope, or of the divisions under <paramref name="under"/> within it (a filter the reader picked).</summary>
    public IQueryable<AuditEntry> Entries(string? under = null) => scoped.Under(under).AuditEntries;
}
