using System.Diagnostics;
using Liaison.Data.Audit;
using Liaison.Data.Database;
using Liaison.Data.Database.Sql;
using Liaison.Data.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Import;

/// <summary>What an import did, printed as JSON by <c>--json</c>.</summary>
public sealed record ImportResult(long Rows, double Seconds);

/// <summary>
/// The frame of every row-by-row import (units, cadres, households): header check, rows parsed
/// and validated as they stream into the database inside one transaction, and a rollback of
/// everything when any row was refused. The feature importers say only how a row reads.
/// </summary>
public abstract class TableImporter<T>(TimeProvider clock)
    where T : class
{
    protected TimeProvider Clock { get; } = clock;

    /// <summary>The kind of record, as the audit log names it: units, cadres, households.</summary>
    protected abstract string Entity { get; }

    /// <summary>The columns of the file, in template order.</summary>
    public abstract IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>Loads what rows are checked against (villages, units) before reading.</summary>
    protected virtual Task PrepareAsync(LiaisonDb db, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Reads one row; null when it has problems (already recorded).</summary>
    protected abstract T? Parse(RowReader row);

    /// <summary>The row's natural key, unique within a file and in the table.</summary>
    protected abstract string Key(T item);

    /// <summary>The column named in a duplicate-key message.</summary>
    protected abstract string KeyColumn { get; }

    protected abstract TableSpec<T> Spec(LiaisonDb db);

    /// <summary>What else the import writes once every row is in, in the same transaction (village profiles: the divisions' current columns).</summary>
    protected virtual Task WrittenAsync(LiaisonDb db, CancellationToken ct) => Task.CompletedTask;

    public async Task<ImportResult> ImportAsync(LiaisonDb db, string path, Action<ImportProgress>? progress, CancellationToken ct, Actor? actor = null)
    {
        var clock = Stopwatch.StartNew();
        var file = TabularFile.Open(path, allowXlsx: true, allowGb18030: true);
        var map = ColumnMap.Bind(file, Columns);
        var problems = new ImportProblems(file.Name);
        await db.Database.OpenConnectionAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PrepareAsync(db, ct);
        // Keys seen so far, by a 128-bit hash (a collision among millions of keys is less likely than
        // a memory error): no strings kept alive, so a million-row import does not grow the old heap.
        var seen = new Dictionary<UInt128, long>();
        long rows = 0;
        IEnumerable<T> Valid()
        {
            foreach (var row in file.Rows)
            {
                var reader = new RowReader(row, map, problems);
                var item = Parse(reader);
                if (item is null)
                {
                    continue;
                }
                var key = Key(item);
                var hash = System.IO.Hashing.XxHash128.HashToUInt128(System.Runtime.InteropServices.MemoryMarshal.AsBytes(key.AsSpan()));
                if (seen.TryGetValue(hash, out var first))
                {
                    reader.Problem(KeyColumn, ImportReason.DuplicateKey, key, first.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    continue;
                }
                seen.Add(hash, row.Line);
                // After the first problem nothing more is written: the rest is only checked.
                if (!problems.Any)
                {
                    rows++;
                    yield return item;
                }
            }
        }
        await DatabaseSql.For(db).UpsertAsync(Spec(db), Valid(), n => progress?.Invoke(new ImportProgress("rows", file.ReadFraction(), 1)), ct);
        problems.ThrowIfAny();
        await WrittenAsync(db, ct);
        progress?.Invoke(new ImportProgress("rollups", 1, 1));
        await RollupStore.RefreshAsync(db, ct);
        await AuditLog.AppendAsync(db, Clock, actor ?? Actor.Cli, ImportAudit.Record("import." + Entity, Entity, path, rows), ct);
        await tx.CommitAsync(ct);
        return new ImportResult(rows, Math.Round(clock.Elapsed.TotalSeconds, 3));
    }
}
