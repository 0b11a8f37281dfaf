using Liaison.Data.Database;
using Liaison.Tests.Shared;

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
    private readonly TempSqlite? _sqlite;

    private TestDb(DatabaseTarget target, TempSqlite? sqlite)
    {
        Target = target;
        _sqlite = sqlite;
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
            var file = new TempSqlite();
            db = new TestDb(file.Target, file);
        }
        if (migrate)
        {
            await using var context = db.Open();
            await Schema.MigrateAsync(context, CancellationToken.None);
        }
        return db;
    }

    public LiaisonDb Open() => Target.CreateContext();

    public ValueTask DisposeAsync() => _sqlite?.DisposeAsync() ?? ValueTask.CompletedTask;
}
