using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Liaison.Data.Database.Sql;

/// <summary>
/// PostgreSQL's side: binary COPY for bulk work (straight into an empty table, through a staging
/// table otherwise), ids from the key's sequence, transaction-scoped advisory locks, and a vacuum
/// after a bulk load.
/// </summary>
public sealed class PostgresSql(LiaisonDb db) : DatabaseSql(db)
{
    public override bool Copies => true;

    public override IsolationLevel Snapshot => IsolationLevel.RepeatableRead;

    private NpgsqlConnection Connection => (NpgsqlConnection)Db.Database.GetDbConnection();

    public override DateTimeOffset ReadInstant(DbDataReader row, int ordinal) => row.GetFieldValue<DateTimeOffset>(ordinal);

    public override async Task UpsertAsync<T>(TableSpec<T> spec, IEnumerable<T> rows, Action<long>? progress, CancellationToken ct)
    {
        _ = Transaction("bulk writes");
        var pg = Connection;
        var columns = spec.ColumnList;
        // An empty table cannot conflict: COPY straight into it, the fastest path there is.
        await using (var probe = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {spec.Table})", pg))
        {
            if (!(bool)(await probe.ExecuteScalarAsync(ct))!)
            {
                await CopyAsync(pg, spec.Table, columns, spec, rows, progress, ct);
                return;
            }
        }
        var staging = "bulk_" + spec.Table;
        await ExecuteAsync(pg, $"CREATE TEMP TABLE {staging} ON COMMIT DROP AS SELECT {columns} FROM {spec.Table} WITH NO DATA", ct);
        await CopyAsync(pg, staging, columns, spec, rows, progress, ct);
        await ExecuteAsync(pg, $"INSERT INTO {spec.Table} ({columns}) SELECT {columns} FROM {staging}" + spec.UpsertTail(), ct);
        await ExecuteAsync(pg, $"DROP TABLE {staging}", ct);
    }

    public override async Task InsertAsync<T>(TableSpec<T> spec, IEnumerable<T> rows, CancellationToken ct)
    {
        _ = Transaction("bulk writes");
        // A request's few hundred rows are written straight from the caller's thread: no read-ahead worker.
        await using var writer = await Connection.BeginBinaryImportAsync($"COPY {spec.Table} ({spec.ColumnList}) FROM STDIN (FORMAT BINARY)", ct);
        var writers = spec.CopyWriters;
        foreach (var row in rows)
        {
            var prepared = spec.Prepare(row);
            writer.StartRow();
            foreach (var write in writers)
            {
                write(writer, prepared);
            }
        }
        await writer.CompleteAsync(ct);
    }

    /// <summary>From the column's sequence, in one round trip.</summary>
    public override async Task<long[]> ReserveIdsAsync(string table, int count, CancellationToken ct)
    {
        if (count == 0)
        {
            return [];
        }
        await using var cmd = Connection.CreateCommand();
        cmd.Transaction = (NpgsqlTransaction)Transaction("ids are reserved");
        cmd.CommandText = $"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, {count})";
        var ids = new long[count];
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        for (var i = 0; await reader.ReadAsync(ct); i++)
        {
            ids[i] = reader.GetInt64(0);
        }
        return ids;
    }

    public override async Task LockAsync(long key, CancellationToken ct) =>
        await Db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);

    /// <summary>
    /// One round trip of three statements: the lock, then the newest entry read with its own
    /// snapshot taken after the lock is granted (so it sees every entry committed before), then the
    /// ids, taken under the lock.
    /// </summary>
    public override async Task<(Audit.AuditHead? Head, long[]? Ids)> LockChainAsync(long key, int count, CancellationToken ct)
    {
        await using var cmd = Connection.CreateCommand();
        cmd.Transaction = (NpgsqlTransaction)Transaction("the audit chain's lock is taken");
        cmd.CommandText = $"SELECT pg_advisory_xact_lock({key}); SELECT id, hash FROM audit_entries ORDER BY id DESC LIMIT 1; " +
            $"SELECT nextval(pg_get_serial_sequence('audit_entries', 'id')) FROM generate_series(1, {count})";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        var head = await reader.ReadAsync(ct) ? new Audit.AuditHead(reader.GetInt64(0), reader.GetString(1)) : null;
        await reader.NextResultAsync(ct);
        var ids = new List<long>(count);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetInt64(0));
        }
        ids.Sort();
        return (head, [.. ids]);
    }

    /// <summary>
    /// VACUUM (ANALYZE) at once, outside a transaction (the load has committed): otherwise
    /// autovacuum's first pass over a freshly loaded table comes minutes later, under the day's traffic.
    /// </summary>
    public override async Task SettleAsync(string table, CancellationToken ct)
    {
        // The table name comes from the EF model, never from input.
#pragma warning disable EF1002
        await Db.Database.ExecuteSqlRawAsync($"VACUUM (ANALYZE) {table}", ct);
#pragma warning restore EF1002
    }

    private static async Task CopyAsync<T>(NpgsqlConnection pg, string table, string columns, TableSpec<T> spec, IEnumerable<T> rows, Action<long>? progress, CancellationToken ct)
        where T : class
    {
        await using var writer = await pg.BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        long n = 0;
        var writers = spec.CopyWriters;
        await foreach (var batch in ReadAhead.BatchesAsync(rows.Select(spec.Prepare), BatchSize, ct))
        {
            foreach (var row in batch)
            {
                writer.StartRow();
                foreach (var write in writers)
                {
                    write(writer, row);
                }
            }
            n += batch.Length;
            progress?.Invoke(n);
        }
        await writer.CompleteAsync(ct);
        progress?.Invoke(n);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
