using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Liaison.Data.Database;

/// <summary>
/// Writes many rows inside the caller's transaction, as fast as each provider allows: binary COPY
/// on PostgreSQL, prepared statements on SQLite. Provider differences for bulk work live here.
/// </summary>
public static class BulkWriter
{
    /// <summary>Rows handed from the reading thread to the writer at a time; progress is reported per batch.</summary>
    private const int BatchSize = 2_000;

    /// <summary>Inserts or updates (by the spec's key) every row; reports rows written.</summary>
    public static async Task UpsertAsync<T>(LiaisonDb db, TableSpec<T> spec, IEnumerable<T> rows, Action<long>? progress, CancellationToken ct)
        where T : class
    {
        var tx = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("bulk writes run inside the import's transaction");
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection pg)
        {
            await PostgresUpsertAsync(pg, spec, rows, progress, ct);
        }
        else
        {
            await SqliteUpsertAsync((SqliteConnection)connection, (SqliteTransaction)tx, spec, rows, progress, ct);
        }
    }

    /// <summary>
    /// Inserts new rows with binary COPY straight into a PostgreSQL table, inside the caller's
    /// transaction: no upsert, so a row whose key exists already fails the whole COPY (a unique
    /// violation, 23505) rather than overwriting it. PostgreSQL only.
    /// </summary>
    public static async Task InsertAsync<T>(LiaisonDb db, TableSpec<T> spec, IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        _ = db.Database.CurrentTransaction ?? throw new InvalidOperationException("bulk writes run inside the writer's transaction");
        var pg = db.Database.GetDbConnection() as NpgsqlConnection ?? throw new NotSupportedException("COPY is PostgreSQL's");
        // A request's few hundred rows are written straight from the caller's thread: no read-ahead worker.
        await using var writer = await pg.BeginBinaryImportAsync($"COPY {spec.Table} ({string.Join(", ", spec.Columns)}) FROM STDIN (FORMAT BINARY)", ct);
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

    /// <summary>
    /// Reserves <paramref name="count"/> ids of a table's generated key inside the caller's
    /// transaction, so that rows written in bulk can be referred to (a tie's stays) before they exist.
    /// PostgreSQL takes them from the column's sequence; SQLite, whose writers are serialised, counts
    /// on from the largest id.
    /// </summary>
    public static async Task<long[]> ReserveIdsAsync(LiaisonDb db, string table, int count, CancellationToken ct)
    {
        if (count == 0)
        {
            return [];
        }
        var connection = db.Database.GetDbConnection();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("ids are reserved inside the writer's transaction");
        var ids = new long[count];
        if (connection is NpgsqlConnection)
        {
            cmd.CommandText = $"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, {count})";
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            for (var i = 0; await reader.ReadAsync(ct); i++)
            {
                ids[i] = reader.GetInt64(0);
            }
            return ids;
        }
        cmd.CommandText = $"SELECT coalesce(max(id), 0) FROM {table}";
        var max = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++)
        {
            ids[i] = max + 1 + i;
        }
        return ids;
    }

    private static async Task PostgresUpsertAsync<T>(NpgsqlConnection pg, TableSpec<T> spec, IEnumerable<T> rows, Action<long>? progress, CancellationToken ct)
        where T : class
    {
        var columns = string.Join(", ", spec.Columns);
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

    private static async Task SqliteUpsertAsync<T>(SqliteConnection connection, SqliteTransaction tx, TableSpec<T> spec, IEnumerable<T> rows, Action<long>? progress, CancellationToken ct)
        where T : class
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        var names = spec.Columns.Select((_, i) => "$p" + i).ToList();
        cmd.CommandText = $"INSERT INTO {spec.Table} ({string.Join(", ", spec.Columns)}) VALUES ({string.Join(", ", names)})" + spec.UpsertTail();
        var parameters = names.Select(n => cmd.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        cmd.Prepare();
        long count = 0;
        var getters = spec.Getters;
        await foreach (var batch in ReadAhead.BatchesAsync(rows.Select(spec.Prepare), BatchSize, ct))
        {
            foreach (var row in batch)
            {
                for (var i = 0; i < getters.Count; i++)
                {
                    parameters[i].Value = getters[i](row) ?? DBNull.Value;
                }
                cmd.ExecuteNonQuery();
            }
            count += batch.Length;
            progress?.Invoke(count);
        }
        progress?.Invoke(count);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
