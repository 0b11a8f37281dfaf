using Liaison.Data.Database;
using Microsoft.Data.Sqlite;

namespace Liaison.Data.Tests;

/// <summary>The two providers every data test runs on.</summary>
public sealed class Providers : TheoryData<string>
{
    public Providers()
    {
        Add("postgres");
        Add("sqlite");
    }
}

/// <summary>A fresh, migrated database of one provider, deleted afterwards.</summary>
public sealed class TestDb : IAsyncDisposable
{
    private readonly string? _sqlitePath;

    private TestDb(DatabaseTarget target, string? sqlitePath)
    {
        Target = target;
        _sqlitePath = sqlitePath;
    }

    public DatabaseTarget Target { get; }

    public static async Task<TestDb> CreateAsync(string provider, bool migrate = true)
    {
        TestDb db;
        if (provider == "postgres")
        {
            db = new TestDb(new DatabaseTarget(DatabaseProvider.Postgres, await PgCluster.CreateDatabaseAsync()), null);
        }
        else
        {
            var path = Path.Combine(Path.GetTempPath(), "liaison-test-" + Guid.NewGuid().ToString("N") + ".db");
            db = new TestDb(DatabaseTarget.Sqlite(path), path);
        }
        if (migrate)
        {
            await using var context = db.Open();
            await Schema.MigrateAsync(context, CancellationToken.None);
        }
        return db;
    }

    public LiaisonDb Open() => Target.CreateContext();

    public ValueTask DisposeAsync()
    {
        if (_sqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm" })
            {
                File.Delete(f);
            }
        }
        return ValueTask.CompletedTask;
    }
}
