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
        var sql = Sql.DatabaseSql.For(db);
        foreach (var table in entities.Select(t => db.Model.FindEntityType(t)?.GetTableName() ?? throw new InvalidOperationException($"{t.Name} is not mapped")).Distinct())
        {
            await sql.SettleAsync(table, ct);
        }
    }
}
