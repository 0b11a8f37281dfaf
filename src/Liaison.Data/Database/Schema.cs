using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Database;

/// <summary>Creating and upgrading the schema, the same way from the command line, at first start and in tests.</summary>
public static class Schema
{
    /// <summary>Applies pending migrations; returns their names.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(LiaisonDb db, CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // Readers (the web app) and a writer (an import) at once; survives restarts.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL", ct);
        }
        return pending;
    }

    public static async Task<IReadOnlyList<string>> PendingAsync(LiaisonDb db, CancellationToken ct) =>
        (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
}
