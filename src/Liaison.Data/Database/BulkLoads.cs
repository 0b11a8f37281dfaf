using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Database;

/// <summary>
/// What follows a bulk load of the tables the field API writes to (the demo's year of activity): on
/// PostgreSQL they are vacuumed and analysed at once. Otherwise autovacuum's first pass over a freshly
/// loaded table — every page read, marked all-visible and frozen — comes minutes later, under the
/// day's traffic: in the soak it made one minute's visits wait up to half a second
/// (docs/PERFORMANCE.md). A real city fills these tables gradually, through the API, and autovacuum
/// keeps up; SQLite needs nothing.
/// </summary>
public static class BulkLoads
{
    /// <summary>Vacuums and analyses the tables of <paramref name="entities"/>; called after the load's transaction has committed.</summary>
    public static async Task SettleAsync(LiaisonDb db, CancellationToken ct, params Type[] entities)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }
        foreach (var table in entities.Select(t => db.Model.FindEntityType(t)?.GetTableName() ?? throw new InvalidOperationException($"{t.Name} is not mapped")).Distinct())
        {
            // VACUUM runs outside a transaction: the load has committed, and EF sends raw SQL as it is.
            // The table name comes from the EF model, never from input.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync($"VACUUM (ANALYZE) {table}", ct);
#pragma warning restore EF1002
        }
    }
}
