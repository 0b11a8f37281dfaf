using System.Diagnostics;
using Liaison.Data.Audit;
using Liaison.Data.Database;
using Liaison.Data.Database.Sql;
using Liaison.Data.Import;
using Liaison.Data.Reporting;
using Liaison.Domain.Divisions;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Divisions;

/// <summary>What <c>liaison import divisions</c> did: rows written, by level.</summary>
public sealed record DivisionImportResult(long Rows, IReadOnlyDictionary<string, long> ByLevel, double Seconds)
{
    /// <summary>Codes of the stored scope the file no longer has, now withdrawn.</summary>
    public int Withdrawn { get; init; }
    /// <summary>Of them, villages merged into another (their households moved).</summary>
    public int Merged { get; init; }
}

/// <summary>
/// <c>liaison import divisions FILE [--root CODE]</c>: the NBS code list (code,name,level,parent_code,village_kind),
/// CSV or .csv.gz. The whole file is read and checked before anything is written, because a
/// parent may come after its children; re-import updates by code.
/// </summary>
public static class DivisionImporter
{
    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new("code", true, "代码", "code"),
        new("name", true, "名称", "name"),
        new("level", true, "层级", "level"),
        new("parent", true, "上级代码", "parent_code"),
        new("village_kind", false, "村类型", "village_kind"),
    ];

    public static async Task<DivisionImportResult> ImportAsync(LiaisonDb db, TimeProvider clock, string path, string? root, Action<ImportProgress>? progress, CancellationToken ct, Actor? actor = null, DivisionChangeOptions? changes = null)
    {
        using var outside = Liaison.Data.Access.Unscoped.Section("a division import compares the file with the whole division tree and writes across it");
        var watch = Stopwatch.StartNew();
        changes ??= new DivisionChangeOptions();
        actor ??= Actor.Cli;
        var file = TabularFile.Open(path, allowXlsx: false, allowGb18030: false, Columns);
        var map = ColumnMap.Bind(file, Columns);
        var problems = new ImportProblems(file.Name);
        var rows = Read(file, map, problems, progress);
        var merges = DivisionChanges.ReadMerges(changes.MergesPath, problems);
        await db.Database.OpenConnectionAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await CheckParentsAsync(db, rows, map, problems, ct);
        problems.ThrowIfAny();
        var kept = root is null ? rows.Values.Select(r => r.Division).ToList() : KeepSubtree(rows, root, file.Name);
        var keptCodes = kept.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        var plan = await DivisionChanges.PlanAsync(db, kept, ScopeRoots(rows, keptCodes, root), merges, changes.Withdraw, problems, ct);
        problems.ThrowIfAny();
        var spec = TableSpec.For<Division>(db, [nameof(Division.Code)],
            nameof(Division.Code), nameof(Division.Name), nameof(Division.Level), nameof(Division.ParentCode), nameof(Division.VillageKind));
        await DatabaseSql.For(db).UpsertAsync(spec, kept, n => progress?.Invoke(new ImportProgress("write", n, kept.Count)), ct);
        await DivisionChanges.ApplyAsync(db, clock, actor, plan, changes.On ?? ChinaTime.Today(clock), ct);
        await Policy.CityStore.RecordFromImportAsync(db, clock, actor, kept, ct);
        progress?.Invoke(new ImportProgress("rollups", 1, 1));
        await RollupStore.RefreshAsync(db, ct);
        await AuditLog.AppendAsync(db, clock, actor, ImportAudit.Record("import.divisions", "divisions", path, kept.Count), ct);
        await tx.CommitAsync(ct);
        var byLevel = Enum.GetValues<DivisionLevel>().ToDictionary(DivisionCode.LevelName, l => (long)kept.Count(d => d.Level == l));
        return new DivisionImportResult(kept.Count, byLevel, Math.Round(watch.Elapsed.TotalSeconds, 3)) { Withdrawn = plan.Withdrawals.Count, Merged = plan.Withdrawals.Count(w => w.Into is not null) };
    }

    /// <summary>
    /// Reads and checks the file as <see cref="ImportAsync"/> does and compares it with the stored
    /// divisions by code; writes nothing.
    /// </summary>
    public static async Task<ImportPreview> PreviewAsync(LiaisonDb db, string path, string? root, CancellationToken ct, DivisionChangeOptions? options = null)
    {
        using var outside = Liaison.Data.Access.Unscoped.Section("a division import's preview compares the file with the whole division tree");
        var name = Path.GetFileName(path);
        TabularFile? file = null;
        var problems = new ImportProblems(name);
        try
        {
            file = TabularFile.Open(path, allowXlsx: false, allowGb18030: false, Columns);
            var map = ColumnMap.Bind(file, Columns);
            var rows = Read(file, map, problems, null);
            var merges = DivisionChanges.ReadMerges(options?.MergesPath, problems);
            await CheckParentsAsync(db, rows, map, problems, ct);
            var kept = problems.Any || root is null ? rows.Values.ToList() : KeepSubtree(rows, root, file.Name).Select(d => rows[d.Code]).ToList();
            var stored = (await db.Divisions.AsNoTracking().ToListAsync(ct)).ToDictionary(d => d.Code, StringComparer.Ordinal);
            var plan = problems.Any ? null
                : await DivisionChanges.PlanAsync(db, kept.Select(r => r.Division).ToList(), ScopeRoots(rows, kept.Select(r => r.Division.Code).ToHashSet(StringComparer.Ordinal), root),
                    merges, options?.Withdraw ?? false, problems, ct);
            long adds = 0, changes = 0, same = 0;
            var added = new List<RowAdded>();
            var changed = new List<RowChange>();
            foreach (var (d, line) in kept.OrderBy(r => r.Line))
            {
                if (!stored.TryGetValue(d.Code, out var old))
                {
                    adds++;
                    if (added.Count < ImportPreview.ListLimit)
                    {
                        added.Add(new RowAdded(line, d.Code));
                    }
                    continue;
                }
                var fields = new List<FieldChange>();
                void Compare(string key, string? before, string? after)
                {
                    if (before != after)
                    {
                        fields.Add(new FieldChange(Columns.First(c => c.Key == key).Name, Term.Same(before ?? ""), Term.Same(after ?? "")));
                    }
                }
                Compare("name", old.Name, d.Name);
                Compare("level", DivisionCode.LevelName(old.Level), DivisionCode.LevelName(d.Level));
                Compare("parent", old.ParentCode, d.ParentCode);
                Compare("village_kind", old.VillageKind?.ToString().ToLowerInvariant(), d.VillageKind?.ToString().ToLowerInvariant());
                if (old.IsWithdrawn)
                {
                    // A code withdrawn before that the newer list has again: it is in force again.
                    fields.Add(new FieldChange(Words.Status, Words.Withdrawn, DivisionChanges.InForce));
                }
                if (fields.Count == 0)
                {
                    same++;
                    continue;
                }
                changes++;
                if (changed.Count < ImportPreview.ListLimit)
                {
                    changed.Add(new RowChange(line, d.Code, fields));
                }
            }
            return ImportPreview.Of(file, name, "divisions", problems, written: false) with
            {
                Rows = kept.Count,
                Adds = adds,
                Changes = changes,
                Unchanged = same,
                Added = added,
                Changed = changed,
                Ends = plan?.Withdrawals.Count ?? 0,
                Ended = plan?.Withdrawals.Take(ImportPreview.ListLimit).Select(w => w.Describe()).ToList() ?? [],
            };
        }
        catch (ImportRefusedException e)
        {
            return ImportPreview.Refused(file, name, "divisions", problems, e);
        }
    }

    private sealed record Row(Division Division, long Line);

    private static Dictionary<string, Row> Read(TabularFile file, ColumnMap map, ImportProblems problems, Action<ImportProgress>? progress)
    {
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
        var levels = string.Join("/", Enum.GetValues<DivisionLevel>().Select(DivisionCode.LevelName));
        long n = 0;
        foreach (var tabular in file.Rows)
        {
            if (++n % 20_000 == 0)
            {
                progress?.Invoke(new ImportProgress("read", file.ReadFraction(), 1));
            }
            var row = new RowReader(tabular, map, problems);
            var code = row.Code("code", required: true);
            var name = row.Name("name", 100, required: true);
            var levelText = row.Required("level");
            var parent = row.Code("parent", required: false);
            if (code.Length == 0 || levelText.Length == 0)
            {
                continue;
            }
            if (!DivisionCode.TryParseLevel(levelText, out var level))
            {
                row.Problem("level", ImportReason.UnknownLevel, levelText, levels);
                continue;
            }
            if (!DivisionCode.IsWellFormed(code, level))
            {
                row.Problem("code", ImportReason.MalformedCode, code, levelText, DivisionCode.LengthOf(level).ToString(System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }
            if (level == DivisionLevel.Province ? parent.Length > 0 : parent.Length == 0)
            {
                row.Problem("parent", parent.Length == 0 ? ImportReason.EmptyValue : ImportReason.InvalidValue, [Term.Same(parent), new Term("省级应为空", "empty for a province")]);
                continue;
            }
            if (parent.Length > 0 && !DivisionCode.IsInSubtree(code, parent))
            {
                row.Problem("parent", ImportReason.CodeNotUnderParent, code, parent);
                continue;
            }
            if (rows.TryGetValue(code, out var first))
            {
                row.Problem("code", ImportReason.DuplicateKey, code, first.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }
            if (name.Length == 0)
            {
                continue;
            }
            VillageKind? kind = null;
            if (level == DivisionLevel.Village)
            {
                var kindText = row.Optional("village_kind");
                kind = kindText.ToLowerInvariant() switch
                {
                    "village" => VillageKind.Village,
                    "community" => VillageKind.Community,
                    "" => VillageKindOf(name),
                    _ => null,
                };
                if (kind is null)
                {
                    row.Problem("village_kind", ImportReason.InvalidValue, kindText, "village/community");
                    continue;
                }
            }
            rows.Add(code, new Row(new Division { Code = code, Name = name, Level = level, ParentCode = parent.Length == 0 ? null : parent, VillageKind = kind }, tabular.Line));
        }
        return rows;
    }

    /// <summary>As the NBS list does it: a village committee's name ends in 村委会 or 村民委员会.</summary>
    public static VillageKind VillageKindOf(string name) =>
        name.EndsWith("村委会", StringComparison.Ordinal) || name.EndsWith("村民委员会", StringComparison.Ordinal) ? VillageKind.Village : VillageKind.Community;

    /// <summary>Every parent must exist, in the file or already in the database, one level up.</summary>
    private static async Task CheckParentsAsync(LiaisonDb db, Dictionary<string, Row> rows, ColumnMap map, ImportProblems problems, CancellationToken ct)
    {
        var missing = rows.Values.Select(r => r.Division.ParentCode).OfType<string>().Where(p => !rows.ContainsKey(p)).Distinct().ToList();
        var known = new Dictionary<string, DivisionLevel>(StringComparer.Ordinal);
        foreach (var chunk in missing.Chunk(1000))
        {
            foreach (var d in await db.Divisions.AsNoTracking().Where(d => chunk.Contains(d.Code)).Select(d => new { d.Code, d.Level }).ToListAsync(ct))
            {
                known[d.Code] = d.Level;
            }
        }
        foreach (var (division, line) in rows.Values.OrderBy(r => r.Line))
        {
            if (division.ParentCode is not { } parent)
            {
                continue;
            }
            DivisionLevel parentLevel;
            if (rows.TryGetValue(parent, out var p))
            {
                parentLevel = p.Division.Level;
            }
            else if (!known.TryGetValue(parent, out parentLevel))
            {
                problems.Add(line, map.HeaderOf("parent"), ImportReason.UnknownParent, parent);
                continue;
            }
            if (parentLevel != division.Level - 1)
            {
                problems.Add(line, map.HeaderOf("level"), ImportReason.LevelNotBelowParent, DivisionCode.LevelName(division.Level), parent, DivisionCode.LevelName(parentLevel));
            }
        }
    }

    /// <summary>
    /// Where the file speaks for the whole tree, so that a stored code under it that the file lacks is
    /// withdrawn: with <c>--root</c>, the root; otherwise, from each top row of the file (one whose
    /// parent the file does not have), down while a row has exactly one child in the file — a county's
    /// list with its province and city above it speaks for the county, not for the city's other
    /// counties. A row without children in the file speaks only for itself.
    /// </summary>
    private static List<string> ScopeRoots(Dictionary<string, Row> rows, HashSet<string> kept, string? root)
    {
        var children = rows.Values.Where(r => kept.Contains(r.Division.Code) && r.Division.ParentCode is not null)
            .ToLookup(r => r.Division.ParentCode!, r => r.Division.Code, StringComparer.Ordinal);
        if (root is not null)
        {
            return children[root].Any() ? [root] : [];
        }
        var roots = new List<string>();
        foreach (var top in kept.Where(c => rows[c].Division.ParentCode is not { } p || !kept.Contains(p)))
        {
            var r = top;
            while (children[r].Count() == 1)
            {
                r = children[r].First();
            }
            if (children[r].Any())
            {
                roots.Add(r);
            }
        }
        return roots;
    }

    /// <summary>The subtree of <paramref name="root"/> and the root's ancestors.</summary>
    private static List<Division> KeepSubtree(Dictionary<string, Row> rows, string root, string fileName)
    {
        if (!rows.ContainsKey(root))
        {
            throw new ImportRefusedException(new ImportProblem(fileName, null, null, ImportReason.UnknownRoot, root));
        }
        var ancestors = DivisionCode.Ancestors(root).ToHashSet(StringComparer.Ordinal);
        return rows.Values.Select(r => r.Division)
            .Where(d => DivisionCode.IsInSubtree(d.Code, root) || ancestors.Contains(d.Code))
            .ToList();
    }
}
