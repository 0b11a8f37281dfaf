using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Liaison.Data.Database;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database to use: <c>sqlite:PATH</c> or <c>postgres:NPGSQL-CONNECTION-STRING</c>, from
/// <c>--db</c> or <c>LIAISON_DB</c>; without either, a SQLite file in the user's data folder.
/// </summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    public const string EnvironmentVariable = "LIAISON_DB";

    /// <summary>~/.local/share/liaison/liaison.db on Linux.</summary>
    public static string DefaultSqlitePath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "liaison", "liaison.db");

    public bool IsDefault { get; init; }

    public static DatabaseTarget Default => Sqlite(DefaultSqlitePath) with { IsDefault = true };

    public static DatabaseTarget Sqlite(string path) =>
        new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString());

    public static DatabaseTarget Resolve(string? option, string? environment) =>
        !string.IsNullOrWhiteSpace(option) ? Parse(option)
        : !string.IsNullOrWhiteSpace(environment) ? Parse(environment)
        : Default;

    public static DatabaseTarget Parse(string text)
    {
        if (text.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = text["sqlite:".Length..];
            if (path.Length == 0)
            {
                throw new FormatException("sqlite: needs a file path, e.g. sqlite:/var/lib/liaison/liaison.db");
            }
            return Sqlite(path);
        }
        if (text.StartsWith("postgres:", StringComparison.OrdinalIgnoreCase))
        {
            var cs = text["postgres:".Length..];
            try
            {
                _ = new NpgsqlConnectionStringBuilder(cs);
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"postgres: connection string is not valid: {e.Message}", e);
            }
            return new DatabaseTarget(DatabaseProvider.Postgres, cs);
        }
        throw new FormatException($"'{text}': the database must be sqlite:PATH or postgres:CONNECTION-STRING");
    }

    /// <summary>Where the data lives, for messages: never prints a password.</summary>
    public string Describe() => Provider switch
    {
        DatabaseProvider.Sqlite => "sqlite:" + new SqliteConnectionStringBuilder(ConnectionString).DataSource,
        _ => DescribePostgres(ConnectionString),
    };

    private static string DescribePostgres(string cs)
    {
        var b = new NpgsqlConnectionStringBuilder(cs);
        return $"postgres:Host={b.Host};Port={b.Port};Database={b.Database};Username={b.Username}";
    }

    public DbContextOptions<LiaisonDb> Options()
    {
        var builder = new DbContextOptionsBuilder<LiaisonDb>();
        Configure(builder);
        return builder.Options;
    }

    /// <summary>The one place that knows how each provider is set up.</summary>
    public void Configure(DbContextOptionsBuilder builder)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource));
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }
            builder.UseSqlite(ConnectionString, o => o.MigrationsAssembly("Liaison.Data.Sqlite"));
        }
        else
        {
            builder.UseNpgsql(Tuned(ConnectionString), o => o.MigrationsAssembly("Liaison.Data.Postgres"));
        }
        builder.UseSnakeCaseNamingConvention();
        // The audit chain's head is written outside the database once its transaction commits.
        // Personal data is sealed to its row on the way in and opened on the way out.
        builder.AddInterceptors(Audit.AuditHeadInterceptor.Instance, Privacy.SealingInterceptor.Instance, Years.YearLock.Instance);
    }

    public LiaisonDb CreateContext() => new(Options());

    /// <summary>
    /// Liaison's defaults for its PostgreSQL connections, where the connection string does not say:
    /// statements prepared automatically and kept across a pooled connection's uses (Liaison keeps
    /// no session state: no SET, temporary tables only ON COMMIT DROP). Together they halve the
    /// database's work per API request (docs/PERFORMANCE.md, field work). And no JIT compilation:
    /// Liaison's statements are short, and once the planner's estimates cross <c>jit_above_cost</c>
    /// (after an autoanalyze, say) PostgreSQL spends 400 ms compiling a query that runs in 100
    /// (docs/PERFORMANCE.md, the soak).
    /// </summary>
    private static string Tuned(string connectionString)
    {
        // Which keys the string sets itself, spaces and case aside ("No Reset On Close" = "noresetonclose").
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()).ToHashSet();
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("NORESETONCLOSE"))
        {
            b.NoResetOnClose = true;
        }
        if (!given.Contains("MAXAUTOPREPARE"))
        {
            b.MaxAutoPrepare = 64;
        }
        if (!given.Contains("OPTIONS"))
        {
            b.Options = "-c jit=off";
        }
        return b.ConnectionString;
    }
}
