using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Database;

/// <summary>Creating and upgrading the schema, the same way from the command line, at first start and in tests.</summary>
public static class Schema
{
    /// <summary>Applies pending migrations; returns their names.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(LiaisonDb db, CancellationToken ct)
    {
        var pending = await PendingAsync(db, ct);
        await db.Database.MigrateAsync(ct);
        await Sql.DatabaseSql.For(db).AfterMigrateAsync(ct);
        return pending;
    }

    /// <summary>Migrations not yet applied; refuses (<see cref="SchemaTooNewException"/>) a database that a newer Liaison has migrated further.</summary>
    public static async Task<IReadOnlyList<string>> PendingAsync(LiaisonDb db, CancellationToken ct)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(ct)).Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new SchemaTooNewException(unknown);
        }
        return (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
    }
}
