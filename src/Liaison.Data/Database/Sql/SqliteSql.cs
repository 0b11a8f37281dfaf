using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Database.Sql;

/// <summary>
/// SQLite's side: one writer at a time (so no locks to take and ids counted on from the largest),
/// prepared statements for bulk work, WAL so that the web app reads while an import writes.
/// </summary>
public sealed class SqliteSql(LiaisonDb db) : DatabaseSql(db)
{
    public override bool Copies => false;

    public override IsolationLevel Snapshot => IsolationLevel.Serializable;

    public override async Task UpsertAsync<T>(TableSpec<T> spec, IEnumerable<T> rows, Action<long>? progress, CancellationToken ct)
    {
        var tx = (SqliteTransaction)Transaction("bulk writes");
        await using var cmd = ((SqliteConnection)Db.Database.GetDbConnection()).CreateCommand();
        cmd.Transaction = tx;
        var names = spec.Columns.Select((_, i) => "$p" + i).ToList();
        cmd.CommandText = $"INSERT INTO {spec.Table} ({spec.ColumnList}) VALUES ({string.Join(", ", names)})" + spec.UpsertTail();
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

    public override Task InsertAsync<T>(TableSpec<T> spec, IEnumerable<T> rows, CancellationToken ct) =>
        throw new NotSupportedException("COPY is PostgreSQL's: on SQLite, EF inserts the rows (see Copies)");

    /// <summary>Writers are serialised: the next ids are those after the largest.</summary>
    public override async Task<long[]> ReserveIdsAsync(string table, int count, CancellationToken ct)
    {
        if (count == 0)
        {
            return [];
        }
        await using var cmd = Db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = Transaction("ids are reserved");
        cmd.CommandText = $"SELECT coalesce(max(id), 0) FROM {table}";
        var max = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return Enumerable.Range(1, count).Select(i => max + i).ToArray();
    }

    /// <summary>Nothing to take: SQLite lets one writer in at a time.</summary>
    public override Task LockAsync(long key, CancellationToken ct) => Task.CompletedTask;

    public override async Task<(Audit.AuditHead? Head, long[]? Ids)> LockChainAsync(long key, int count, CancellationToken ct)
    {
        var last = await Db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(ct);
        return (last is null ? null : new Audit.AuditHead(last.Id, last.Hash), null);
    }

    public override Task SettleAsync(string table, CancellationToken ct) => Task.CompletedTask;

    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter Instants = new();

    public override DateTimeOffset ReadInstant(System.Data.Common.DbDataReader row, int ordinal) => (DateTimeOffset)Instants.ConvertFromProvider(row.GetInt64(ordinal))!;

    /// <summary>Readers (the web app) and a writer (an import) at once; survives restarts.</summary>
    public override async Task AfterMigrateAsync(CancellationToken ct) => await Db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL", ct);
}
