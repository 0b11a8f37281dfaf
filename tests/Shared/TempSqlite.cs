using Liaison.Data.Database;
using Liaison.Data.Demo;
using Microsoft.Data.Sqlite;

namespace Liaison.Tests.Shared;

/// <summary>A SQLite file of a test's own in /tmp, removed with its WAL files afterwards. Shared by the test projects.</summary>
public sealed class TempSqlite : IAsyncDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "liaison-test-" + Guid.NewGuid().ToString("N") + ".db");

    public DatabaseTarget Target => DatabaseTarget.Sqlite(Path);

    /// <summary>The <c>--db</c> / <c>Liaison:Db</c> text for this file.</summary>
    public string DbSetting => "sqlite:" + Path;

    /// <summary>A migrated file holding the small demo (seed 1), as a fresh `liaison serve` would.</summary>
    public static async Task<TempSqlite> WithSmallDemoAsync()
    {
        var file = new TempSqlite();
        await using var db = file.Target.CreateContext();
        await Schema.MigrateAsync(db, default);
        await DemoSeeder.SeedAsync(db, TimeProvider.System, DemoScale.Small, 1, null, default);
        return file;
    }

    /// <summary>
    /// The small demo with this year's liaison plan and First Secretaries, as the first start of
    /// `liaison serve` makes it (which adds the year's activity; tests that need it generate it).
    /// </summary>
    public static async Task<TempSqlite> WithPlannedSmallDemoAsync()
    {
        var file = await WithSmallDemoAsync();
        await using var db = file.Target.CreateContext();
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        await DemoYear.RunAsync(db, TimeProvider.System, Liaison.Data.Audit.Actor.System, today, default);
        return file;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(f);
        }
        return ValueTask.CompletedTask;
    }
}
