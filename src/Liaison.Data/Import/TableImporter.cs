using System.Diagnostics;
using System.Globalization;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Database;
using Liaison.Data.Database.Sql;
using Liaison.Data.People;
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

    /// <summary>
    /// The scope the file is the whole roster of (<c>--complete-for</c>): every row must lie inside it,
    /// and the active records of the scope that the file does not list are ended. Null: nothing is ended.
    /// </summary>
    public string? CompleteFor { get; init; }

    /// <summary>The scope of <see cref="CompleteFor"/> and its active records; null (a problem recorded) when the scope is not one this import can be complete for.</summary>
    protected virtual Task<CompleteRoster<T>?> RosterAsync(LiaisonDb db, string scope, ImportProblems problems, CancellationToken ct) =>
        throw new NotSupportedException($"an import of {Entity} cannot be declared complete for a scope");

    /// <summary>Ends a record of a complete roster that the file does not list, through the registry's own rules, inside the import's transaction.</summary>
    protected virtual Task EndAsync(LiaisonDb db, Actor actor, RosterMember member, DateOnly on, string reason, CancellationToken ct) =>
        throw new NotSupportedException($"an import of {Entity} ends nothing");

    /// <summary>
    /// The uploader's jurisdiction (a division code) when it does not hold the whole database — a
    /// county's office in a city's database: every row must lie inside it, and so must every stored
    /// record a row would change (a staff number of another county's cadre is refused, not moved).
    /// Null: the whole database.
    /// </summary>
    public string? Within { get; init; }

    /// <summary>The division a record lies in (its village, its unit's division), for <see cref="Within"/>; null: the import is for the whole database only.</summary>
    protected virtual string? DivisionOf(T item) => null;

    /// <summary>The file's column that places a row (its village, unit or division), named in a refusal outside <see cref="Within"/>.</summary>
    protected virtual string PlaceColumn => KeyColumn;

    /// <summary>For a registry (cadres, households, units): how the import keeps its records' versions. Null: the table has no versions.</summary>
    protected virtual RegistryVersioning<T>? Versions => null;

    public async Task<ImportResult> ImportAsync(LiaisonDb db, string path, Action<ImportProgress>? progress, CancellationToken ct, Actor? actor = null)
    {
        var clock = Stopwatch.StartNew();
        actor ??= Actor.Cli;
        using var outside = Unscoped.Section(WholeRegistry);
        var file = TabularFile.Open(path, allowXlsx: true, allowGb18030: true, Columns);
        var map = ColumnMap.Bind(file, Columns);
        var problems = new ImportProblems(file.Name);
        await db.Database.OpenConnectionAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PrepareAsync(db, ct);
        var roster = await CompleteRosterAsync(db, problems, ct);
        problems.ThrowIfAny();
        var keys = roster is null ? null : new HashSet<string>(StringComparer.Ordinal);
        var versions = Versions;
        var stored = versions is null && Within is null ? null : await StoredAsync(db, ct);
        var compared = versions is null ? null : Compared(db);
        var edits = new List<RegistryEdit>();
        long rows = 0;
        IEnumerable<T> Valid()
        {
            foreach (var (item, key, _) in Read(file, map, problems, roster, keys, stored))
            {
                // After the first problem nothing more is written: the rest is only checked.
                if (!problems.Any)
                {
                    rows++;
                    if (versions is not null)
                    {
                        Stamp(versions, stored!, compared!, item, key, edits);
                    }
                    yield return item;
                }
            }
        }
        await DatabaseSql.For(db).UpsertAsync(Spec(db), Valid(), n => progress?.Invoke(new ImportProgress("rows", file.ReadFraction(), 1)), ct);
        RefuseEmptyRoster(roster, rows, problems);
        problems.ThrowIfAny();
        if (versions is not null && edits.Count > 0)
        {
            await RegistryStore.ImportedAsync(db, Clock, actor, versions.Kind, edits, file.Name, ct);
        }
        var ended = new List<RowEnded>();
        long ends = 0;
        if (roster is not null)
        {
            var today = ChinaTime.Today(Clock);
            var reason = $"不在“{roster.Scope.Zh}”的完整名册中（导入文件 {file.Name}）";
            reason = reason.Length > Domain.People.RegistryRules.MaxReason ? reason[..Domain.People.RegistryRules.MaxReason] : reason;
            foreach (var member in Missing(roster, keys!))
            {
                progress?.Invoke(new ImportProgress("ends", ends, roster.Members.Count));
                await EndAsync(db, actor, member, today, reason, ct);
                ends++;
                if (ended.Count < ImportPreview.ListLimit)
                {
                    ended.Add(new RowEnded(member.Key, member.Ending));
                }
            }
        }
        await WrittenAsync(db, ct);
        progress?.Invoke(new ImportProgress("rollups", 1, 1));
        await RollupStore.RefreshAsync(db, ct);
        await AuditLog.AppendAsync(db, Clock, actor, ImportAudit.Record("import." + Entity, Entity, path, rows, CompleteFor, ends), ct);
        await tx.CommitAsync(ct);
        return new ImportResult(rows, Math.Round(clock.Elapsed.TotalSeconds, 3))
        {
            Report = ImportPreview.Of(file, file.Name, Entity, problems, written: true) with { Rows = rows, Ends = ends, Ended = ended },
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
            var roster = await CompleteRosterAsync(db, problems, ct);
            if (problems.Any)
            {
                // A scope the file cannot be complete for: nothing to compare with.
                return ImportPreview.Of(file, name, Entity, problems, written: false);
            }
            var keys = roster is null ? null : new HashSet<string>(StringComparer.Ordinal);
            var stored = await StoredAsync(db, ct);
            var compared = Compared(db);
            long adds = 0, changes = 0, same = 0, rows = 0;
            var added = new List<RowAdded>();
            var changed = new List<RowChange>();
            foreach (var (item, key, line) in Read(file, map, problems, roster, keys, stored))
            {
                rows++;
                if (!stored.TryGetValue(key, out var old))
                {
                    adds++;
                    if (added.Count < ImportPreview.ListLimit)
                    {
                        added.Add(new RowAdded(line, key));
                    }
                    continue;
                }
                var fields = Differences(compared, old, item)
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
            RefuseEmptyRoster(roster, rows, problems);
            var missing = roster is null ? [] : Missing(roster, keys!).ToList();
            return ImportPreview.Of(file, name, Entity, problems, written: false) with
            {
                Rows = rows,
                Adds = adds,
                Changes = changes,
                Unchanged = same,
                Added = added,
                Changed = changed,
                Ends = missing.Count,
                Ended = missing.Take(ImportPreview.ListLimit).Select(m => new RowEnded(m.Key, m.Ending)).ToList(),
            };
        }
        catch (ImportRefusedException e)
        {
            return ImportPreview.Refused(file, name, Entity, problems, e);
        }
    }

    /// <summary>A "complete" roster with no row at all is a wrong file far more often than a scope emptied: refused, never read as "end everyone".</summary>
    private static void RefuseEmptyRoster(CompleteRoster<T>? roster, long rows, ImportProblems problems)
    {
        if (roster is { Members.Count: > 0 } && rows == 0 && !problems.Any)
        {
            problems.Add(null, "--complete-for", ImportReason.EmptyCompleteRoster, [roster.Scope, Term.Same(roster.Members.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }
    }

    private async Task<CompleteRoster<T>?> CompleteRosterAsync(LiaisonDb db, ImportProblems problems, CancellationToken ct) =>
        CompleteFor is { } scope ? await RosterAsync(db, CellNormaliser.Code(scope), problems, ct) : null;

    /// <summary>The active records of a complete roster's scope that the file does not list, in key order.</summary>
    private static IEnumerable<RosterMember> Missing(CompleteRoster<T> roster, HashSet<string> keys) =>
        roster.Members.Where(m => !keys.Contains(m.Key)).OrderBy(m => m.Key, StringComparer.Ordinal);

    /// <summary>The properties a row changes on a stored record: name, stored value, the file's.</summary>
    private static IEnumerable<(string Name, object? Before, object? After)> Differences(List<(string Name, Func<T, object?> Get)> compared, T old, T item) =>
        compared.Select(p => (p.Name, Before: p.Get(old), After: p.Get(item))).Where(x => !Equals(x.Before, x.After));

    /// <summary>A row's version: 1 for a new record, the stored one for an unchanged record, the next for a changed one (with its edit, for the registry's history).</summary>
    private static void Stamp(RegistryVersioning<T> versions, Dictionary<string, T> stored, List<(string Name, Func<T, object?> Get)> compared, T item, string key, List<RegistryEdit> edits)
    {
        if (!stored.TryGetValue(key, out var old))
        {
            versions.SetVersion(item, 1);
            return;
        }
        var version = versions.Version(old);
        // A re-import of a whole registry stamps a million unchanged rows: no list unless something changed.
        List<string>? fields = null;
        foreach (var (name, get) in compared)
        {
            if (!Equals(get(old), get(item)))
            {
                var field = versions.Field(name);
                fields ??= [];
                if (!fields.Contains(field, StringComparer.Ordinal))
                {
                    fields.Add(field);
                }
            }
        }
        if (fields is not null)
        {
            version++;
            edits.Add(new RegistryEdit(versions.Id(old), key, versions.Division(item), string.Join(',', fields), version));
        }
        versions.SetVersion(item, version);
    }

    /// <summary>The file's rows that read without a problem, with their lines; duplicates of a key refused, and a row outside a complete roster's scope.</summary>
    private IEnumerable<(T Item, string Key, long Line)> Read(TabularFile file, ColumnMap map, ImportProblems problems, CompleteRoster<T>? roster, HashSet<string>? keys, Dictionary<string, T>? stored)
    {
        var jurisdiction = Within is { } within ? Domain.Access.Scope.Division(within) : null;
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
            if (jurisdiction is not null && !InJurisdiction(jurisdiction, reader, item, key, stored))
            {
                continue;
            }
            if (roster is not null)
            {
                // A file declared the whole roster of a scope says nothing about records outside it.
                if (!roster.Covers(item))
                {
                    reader.Problem(roster.Column, ImportReason.OutsideScope, [Term.Same(reader.Optional(roster.Column)), roster.Scope]);
                    continue;
                }
                keys!.Add(key);
            }
            yield return (item, key, row.Line);
        }
    }

    /// <summary>Whether a row, and the stored record it would change, lie inside the uploader's jurisdiction; a problem on its line where not.</summary>
    private bool InJurisdiction(Domain.Access.Scope jurisdiction, RowReader reader, T item, string key, Dictionary<string, T>? stored)
    {
        var scope = Term.Same(Within!);
        if (DivisionOf(item) is not { } at || !jurisdiction.Covers(at))
        {
            reader.Problem(PlaceColumn, ImportReason.OutsideJurisdiction, [Term.Same(reader.Optional(PlaceColumn)), scope]);
            return false;
        }
        if (stored is not null && stored.TryGetValue(key, out var old) && DivisionOf(old) is { } was && !jurisdiction.Covers(was))
        {
            reader.Problem(KeyColumn, ImportReason.RecordOutsideJurisdiction, [Term.Same(key), Term.Same(was), scope]);
            return false;
        }
        return true;
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
        // The version is the import's own bookkeeping, not a field of the file.
        var plain = entity.GetProperties()
            .Where(p => p.PropertyInfo is not null && p.Name != "Version" && Written(p.GetColumnName()))
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
