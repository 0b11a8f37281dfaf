using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Liaison.Data.Database.Sql;

/// <summary>
/// The SQL Liaison writes by hand, where speed needs it, and everything in which the two databases
/// differ: one class per provider (<see cref="PostgresSql"/>, <see cref="SqliteSql"/>), this base
/// holding what both speak alike. Everything else is LINQ, the same for both. <see cref="For"/>
/// gives the one for a context.
/// </summary>
public abstract class DatabaseSql
{
    protected DatabaseSql(LiaisonDb db) => Db = db;

    protected LiaisonDb Db { get; }

    public static DatabaseSql For(LiaisonDb db) => db.Database.IsNpgsql() ? new PostgresSql(db) : new SqliteSql(db);

    /// <summary>Whether rows go in by binary COPY (<see cref="InsertAsync"/>); otherwise EF's inserts serve a request's few rows.</summary>
    public abstract bool Copies { get; }

    /// <summary>The isolation that gives one reader a consistent snapshot of every table (<c>report verify</c>).</summary>
    public abstract IsolationLevel Snapshot { get; }

    /// <summary>Inserts or updates (by the spec's key) every row, inside the caller's transaction; reports rows written.</summary>
    public abstract Task UpsertAsync<T>(TableSpec<T> spec, IEnumerable<T> rows, Action<long>? progress, CancellationToken ct)
        where T : class;

    /// <summary>
    /// Inserts new rows with binary COPY, inside the caller's transaction: a row whose key exists
    /// already fails the whole write (23505) rather than overwriting it. Only where <see cref="Copies"/>.
    /// </summary>
    public abstract Task InsertAsync<T>(TableSpec<T> spec, IEnumerable<T> rows, CancellationToken ct)
        where T : class;

    /// <summary>
    /// Reserves <paramref name="count"/> ids of a table's generated key inside the caller's
    /// transaction, so that rows written in bulk can be referred to (a tie's stays) before they exist.
    /// </summary>
    public abstract Task<long[]> ReserveIdsAsync(string table, int count, CancellationToken ct);

    /// <summary>Holds a lock named by <paramref name="key"/> until the transaction ends, so that two writers of the same thing take turns.</summary>
    public abstract Task LockAsync(long key, CancellationToken ct);

    /// <summary>
    /// Takes the audit chain's lock <paramref name="key"/> and reads its newest entry; where rows
    /// go in by COPY, also reserves the next <paramref name="count"/> entries' ids under the lock, so
    /// that they follow the chain. Null ids: EF assigns them as it inserts, one writer at a time.
    /// </summary>
    public abstract Task<(Audit.AuditHead? Head, long[]? Ids)> LockChainAsync(long key, int count, CancellationToken ct);

    /// <summary>What a freshly bulk-loaded table needs before the day's traffic reaches it (see <see cref="BulkLoads"/>).</summary>
    public abstract Task SettleAsync(string table, CancellationToken ct);

    /// <summary>An instant read by hand from a query's row (SQLite keeps it as a number, LiaisonDb.ConfigureConventions).</summary>
    public abstract DateTimeOffset ReadInstant(System.Data.Common.DbDataReader row, int ordinal);

    /// <summary>What a database needs once its schema is in place.</summary>
    public virtual Task AfterMigrateAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Adds each row's last value to the stored row of the same key, inserting the rows not there
    /// yet: one statement per few hundred rows, the same SQL on both databases (<c>ON CONFLICT … DO
    /// UPDATE</c>), safe against a concurrent writer of the same key. Table and column names are
    /// the caller's constants; the values travel as parameters.
    /// </summary>
    public async Task AccumulateAsync(string table, IReadOnlyList<string> keys, string value, IEnumerable<object[]> rows, CancellationToken ct)
    {
        var width = keys.Count + 1;
        var columns = string.Join(", ", keys.Append(value));
        // At most 2,000 parameters a statement: well inside both databases' limits.
        foreach (var chunk in rows.Chunk(2_000 / width))
        {
            var tuples = string.Join(", ", chunk.Select((_, r) => "(" + string.Join(", ", Enumerable.Range(0, width).Select(c => $"{{{(r * width) + c}}}")) + ")"));
            var sql = $"INSERT INTO {table} ({columns}) VALUES {tuples} ON CONFLICT ({string.Join(", ", keys)}) DO UPDATE SET {value} = {table}.{value} + excluded.{value}";
            await Db.Database.ExecuteSqlRawAsync(sql, chunk.SelectMany(row => row), ct);
        }
    }

    /// <summary>The caller's open transaction, which bulk work joins.</summary>
    protected System.Data.Common.DbTransaction Transaction(string what) =>
        Db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException($"{what} run inside the caller's transaction");

    /// <summary>Rows handed from the reading thread to the writer at a time; progress is reported per batch.</summary>
    protected const int BatchSize = 2_000;
}
