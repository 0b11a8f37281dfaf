using System.Diagnostics;
using System.Globalization;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Database;
using Liaison.Data.Database.Sql;
using Liaison.Data.Reporting;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Import;

/// <summary>What an import did, printed as JSON by <c>--json</c>.</summary>
public sealed record ImportResult(long Rows, double Seconds)
{
    /// <summary>What was read and how: the sheet and header, normalisations, the footer (no adds and changes: the import does not compare).</summary>
    public ImportPreview? Report { get; init; }
}

/// <summary>
/// The frame of every row-by-row import (units, cadres, households, candidates): the file opened
/// and its header found (docs/IMPORTS.md), rows parsed, normalised and validated as they stream
/// into the database inside one transaction, and a rollback of everything when any row was
/// refused. <see cref="PreviewAsync"/> reads the same way and writes nothing. The feature
/// importers say only how a row reads.
/// </summary>
public abstract class TableImporter<T>(TimeProvider clock)
    where T : class
{
    private const string WholeRegistry = "an import checks a file against the whole registry and writes it whole (the operator's or an office's upload, audited)";

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

    /// <summary>The import column a property is read from, for a preview's changes (default: the property's name in snake case).</summary>
    protected virtual string ColumnOf(string property) =>
        string.Concat(property.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>A stored value in words, for a preview's changes; personal data masked.</summary>
    protected virtual Term Show(string property, object? value) => value switch
    {
        null => Term.Same(""),
        bool b => b ? Words.Yes : Words.No,
        IFormattable f => Term.Same(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => Term.Same(value.ToString() ?? ""),
    };

    /// <summary>What else the import writes once every row is in, in the same transaction (village profiles: the divisions' current columns).</summary>
    protected virtual Task WrittenAsync(LiaisonDb db, CancellationToken ct) => Task.CompletedTask;

    public async Task<ImportResult> ImportAsync(LiaisonDb db, string path, Action<ImportProgress>? progress, CancellationToken ct, Actor? actor = null)
    {
        var clock = Stopwatch.StartNew();
        using var outside = Unscoped.Section(WholeRegistry);
        var file = TabularFile.Open(path, allowXlsx: true, allowGb18030: true, Columns);
        var map = ColumnMap.Bind(file, Columns);
        var problems = new ImportProblems(file.Name);
        await db.Database.OpenConnectionAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PrepareAsync(db, ct);
        long rows = 0;
        IEnumerable<T> Valid()
        {
            foreach (var (item, _) in Read(file, map, problems))
            {
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
        return new ImportResult(rows, Math.Round(clock.Elapsed.TotalSeconds, 3))
        {
            Report = ImportPreview.Of(file, file.Name, Entity, problems, written: true) with { Rows = rows },
        };
    }

    /// <summary>
    /// Reads and checks the file as <see cref="ImportAsync"/> does and compares it with what is
    /// stored; writes nothing. A file refused as a whole (not found, no header, a missing column)
    /// is a preview with that problem.
    /// </summary>
    public async Task<ImportPreview> PreviewAsync(LiaisonDb db, string path, CancellationToken ct)
    {
        using var outside = Unscoped.Section(WholeRegistry);
        var name = Path.GetFileName(path);
        TabularFile? file = null;
        var problems = new ImportProblems(name);
        try
        {
            file = TabularFile.Open(path, allowXlsx: true, allowGb18030: true, Columns);
            var map = ColumnMap.Bind(file, Columns);
            await PrepareAsync(db, ct);
            var stored = await StoredAsync(db, ct);
            var compared = Compared(db);
            long adds = 0, changes = 0, same = 0, rows = 0;
            var added = new List<RowAdded>();
            var changed = new List<RowChange>();
            foreach (var (item, line) in Read(file, map, problems))
            {
                rows++;
                var key = Key(item);
                if (!stored.TryGetValue(key, out var old))
                {
                    adds++;
                    if (added.Count < ImportPreview.ListLimit)
                    {
                        added.Add(new RowAdded(line, key));
                    }
                    continue;
                }
                var fields = compared
                    .Select(p => (p.Name, Before: p.Get(old), After: p.Get(item)))
                    .Where(x => !Equals(x.Before, x.After))
                    .Select(x => new FieldChange(ColumnName(x.Name), Show(x.Name, x.Before), Show(x.Name, x.After)))
                    .ToList();
                if (fields.Count == 0)
                {
                    same++;
                    continue;
                }
                changes++;
                if (changed.Count < ImportPreview.ListLimit)
                {
                    changed.Add(new RowChange(line, key, fields));
                }
            }
            return ImportPreview.Of(file, name, Entity, problems, written: false) with
            {
                Rows = rows,
                Adds = adds,
                Changes = changes,
                Unchanged = same,
                Added = added,
                Changed = changed,
            };
        }
        catch (ImportRefusedException e)
        {
            foreach (var p in e.ImportProblems)
            {
                problems.Add(p.Line, p.Column, p.Reason, p.Args);
            }
            return ImportPreview.Of(file, name, Entity, problems, written: false);
        }
    }

    /// <summary>The file's rows that read without a problem, with their lines; duplicates of a key refused.</summary>
    private IEnumerable<(T Item, long Line)> Read(TabularFile file, ColumnMap map, ImportProblems problems)
    {
        // Keys seen so far, by a 128-bit hash (a collision among millions of keys is less likely than
        // a memory error): no strings kept alive, so a million-row import does not grow the old heap.
        var seen = new Dictionary<UInt128, long>();
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
                reader.Problem(KeyColumn, ImportReason.DuplicateKey, key, first.ToString(CultureInfo.InvariantCulture));
                continue;
            }
            seen.Add(hash, row.Line);
            yield return (item, row.Line);
        }
    }

    private async Task<Dictionary<string, T>> StoredAsync(LiaisonDb db, CancellationToken ct)
    {
        var all = await db.Set<T>().AsNoTracking().ToListAsync(ct);
        var stored = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in all)
        {
            stored[Key(item)] = item;
        }
        return stored;
    }

    /// <summary>The properties the import writes, but the key's: those a preview compares (personal data by its clear-text property).</summary>
    private List<(string Name, Func<T, object?> Get)> Compared(LiaisonDb db)
    {
        var spec = Spec(db);
        var entity = db.Model.FindEntityType(typeof(T))!;
        bool Written(string column) => spec.Columns.Contains(column) && !spec.KeyColumns.Contains(column);
        var plain = entity.GetProperties()
            .Where(p => p.PropertyInfo is not null && Written(p.GetColumnName()))
            .Select(p => (p.Name, (Func<T, object?>)(x => p.PropertyInfo!.GetValue(x))));
        var sealedColumns = Privacy.SealedEntity.Of(entity)?.Properties.Where(p => Written(p.Column))
            .Select(p => (p.Clr.Name, (Func<T, object?>)(x => p.Clr.GetValue(x)))) ?? [];
        return [.. plain, .. sealedColumns];
    }

    /// <summary>A property's column in both languages, for a preview's changes.</summary>
    protected virtual Term ColumnName(string property)
    {
        var key = ColumnOf(property);
        return Columns.FirstOrDefault(c => c.Key == key)?.Name ?? Term.Same(property);
    }
}
