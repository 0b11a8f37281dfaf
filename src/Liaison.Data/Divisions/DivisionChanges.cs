using System.Globalization;
using Liaison.Data.Audit;
using Liaison.Data.Import;
using Liaison.Domain.Divisions;
using Liaison.Domain.People;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Divisions;

/// <summary>
/// What an office declares with a newer NBS list (docs/IMPORTS.md): the village merges file (原代码 →
/// 并入代码), whether codes that still have records may be withdrawn without a merge, and the day the
/// changes took effect (today when not given).
/// </summary>
public sealed record DivisionChangeOptions(string? MergesPath = null, bool Withdraw = false, DateOnly? On = null);

/// <summary>One declared merge: the withdrawn village, the village it merged into, why (a decision's number), its line.</summary>
public sealed record DivisionMerge(string From, string Into, string? Reason, long Line, string File);

/// <summary>What points at a division: households (current of them), ties (current of them), units, visits, cases, First Secretary postings.</summary>
public sealed record DivisionRecords(int Households, int CurrentHouseholds, int Ties, int CurrentTies, int Units, int Visits, int Cases, int Postings)
{
    public static DivisionRecords None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    public bool Any => Households + Ties + Units + Visits + Cases + Postings > 0;

    /// <summary>In words: "120 户农户、3 条联系、45 次走访".</summary>
    public Term Described()
    {
        var zh = new List<string>();
        var en = new List<string>();
        void Of(int n, string z, string e)
        {
            if (n > 0)
            {
                zh.Add($"{n} {z}");
                en.Add($"{n} {e}");
            }
        }
        Of(Households, "户农户", Households == 1 ? "household" : "households");
        Of(Ties, "条联系", Ties == 1 ? "tie" : "ties");
        Of(Units, "个单位", Units == 1 ? "unit" : "units");
        Of(Visits, "次走访", Visits == 1 ? "visit" : "visits");
        Of(Cases, "件诉求", Cases == 1 ? "case" : "cases");
        Of(Postings, "次第一书记选派", Postings == 1 ? "First Secretary posting" : "First Secretary postings");
        return new(string.Join("、", zh), string.Join(", ", en));
    }
}

/// <summary>A stored code the newer list withdraws: the division, the village it merged into (if declared), what points at it.</summary>
public sealed record Withdrawal(Division Division, string? Into, string? IntoName, string? Reason, DivisionRecords Records, bool Confirmed)
{
    /// <summary>The preview's row to end: the code and what ending it does.</summary>
    public RowEnded Describe()
    {
        var name = Division.Name;
        var records = Records.Described();
        if (Into is not null)
        {
            return new RowEnded(Division.Code, new(
                $"{name}：撤销，并入 {Into}（{IntoName}）；{Records.CurrentHouseholds} 户在册农户移入该村，{Records.CurrentTies} 条联系结束，该村待重新编制",
                $"{name}: withdrawn, merged into {Into} ({IntoName}); {Records.CurrentHouseholds} current households move there, {Records.CurrentTies} ties end, that village is to re-plan"));
        }
        if (!Records.Any)
        {
            return new RowEnded(Division.Code, new($"{name}：撤销（无记录）", $"{name}: withdrawn (no records)"));
        }
        return Confirmed
            ? new RowEnded(Division.Code, new($"{name}：撤销（已确认，记录保留为历史：{records.Zh}；{Records.CurrentTies} 条联系结束）",
                $"{name}: withdrawn (confirmed; the records stay as history: {records.En}; {Records.CurrentTies} ties end)"))
            : new RowEnded(Division.Code, new($"{name}：将撤销，但仍有记录（{records.Zh}）：须写明并入哪个村或确认撤销",
                $"{name}: to be withdrawn, but records point at it ({records.En}): name the village it merged into or confirm the withdrawal"));
    }
}

/// <summary>The changes a newer list makes beyond adding and updating rows: codes withdrawn (with their merges) and codes in force again.</summary>
public sealed record DivisionChangePlan(IReadOnlyList<Withdrawal> Withdrawals, IReadOnlyList<string> Reinstated);

/// <summary>
/// A newer NBS list applied: codes of the stored scope the list no longer has are withdrawn — never
/// deleted, for records point at them — with their current ties and First Secretary postings ended
/// (the reason says why, so the re-plan shows them); a village declared merged hands its current
/// households to the village it merged into (an edit of each household's village, with its registry
/// event), its visits and cases keep pointing at it as history.
/// </summary>
public static class DivisionChanges
{
    public static readonly IReadOnlyList<ImportColumn> MergeColumns =
    [
        new("code", true, "原代码", "code", "撤销代码", "被并村代码", "原村代码"),
        new("into", true, "并入代码", "merged_into", "并入村代码", "into"),
        new("name", false, "原名称", "name", "原村名称"),
        new("reason", false, "依据", "reason", "理由", "批复文号", "备注"),
    ];

    /// <summary>In force (a status).</summary>
    public static Term InForce { get; } = new("有效", "in force");

    /// <summary>Reads the merges file (CSV or xlsx), its problems under its own name; none without a file.</summary>
    public static List<DivisionMerge> ReadMerges(string? path, ImportProblems problems)
    {
        if (path is null)
        {
            return [];
        }
        var name = Path.GetFileName(path);
        var own = new ImportProblems(name);
        var merges = new List<DivisionMerge>();
        try
        {
            var file = TabularFile.Open(path, allowXlsx: true, allowGb18030: true, MergeColumns);
            var map = ColumnMap.Bind(file, MergeColumns);
            var seen = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var tabular in file.Rows)
            {
                var row = new RowReader(tabular, map, own);
                var from = row.Code("code", required: true);
                var into = row.Code("into", required: true);
                var reason = row.Text("reason", 200, required: false);
                if (from.Length == 0 || into.Length == 0)
                {
                    continue;
                }
                if (!DivisionCode.IsWellFormed(from, DivisionLevel.Village))
                {
                    row.Problem("code", ImportReason.MalformedCode, from, DivisionCode.LevelName(DivisionLevel.Village), DivisionCode.LengthOf(DivisionLevel.Village).ToString(CultureInfo.InvariantCulture));
                    continue;
                }
                if (!DivisionCode.IsWellFormed(into, DivisionLevel.Village))
                {
                    row.Problem("into", ImportReason.MalformedCode, into, DivisionCode.LevelName(DivisionLevel.Village), DivisionCode.LengthOf(DivisionLevel.Village).ToString(CultureInfo.InvariantCulture));
                    continue;
                }
                if (seen.TryGetValue(from, out var first))
                {
                    row.Problem("code", ImportReason.DuplicateKey, from, first.ToString(CultureInfo.InvariantCulture));
                    continue;
                }
                seen[from] = tabular.Line;
                merges.Add(new DivisionMerge(from, into, reason.Length == 0 ? null : reason, tabular.Line, name));
            }
        }
        catch (ImportRefusedException e)
        {
            foreach (var p in e.ImportProblems)
            {
                problems.Add(p);
            }
            return [];
        }
        foreach (var p in own.Refused())
        {
            problems.Add(p);
        }
        return merges;
    }

    /// <summary>
    /// Compares the list (the rows kept) with the stored divisions under <paramref name="roots"/>:
    /// codes withdrawn, each with what points at it and its declared merge; codes in force again.
    /// Adds a problem for each merge that does not fit and each withdrawn code with records that
    /// neither merges nor is confirmed. Writes nothing.
    /// </summary>
    public static async Task<DivisionChangePlan> PlanAsync(LiaisonDb db, IReadOnlyList<Division> kept, IReadOnlyList<string> roots, IReadOnlyList<DivisionMerge> merges,
        bool withdraw, ImportProblems problems, CancellationToken ct)
    {
        var listed = kept.ToDictionary(d => d.Code, StringComparer.Ordinal);
        var gone = new List<Division>();
        foreach (var root in roots)
        {
            var under = await db.Divisions.AsNoTracking().Where(d => d.Code.StartsWith(root) && d.Code != root && d.WithdrawnOn == null).ToListAsync(ct);
            gone.AddRange(under.Where(d => DivisionCode.IsInSubtree(d.Code, root) && !listed.ContainsKey(d.Code)));
        }
        gone = gone.DistinctBy(d => d.Code).OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        var goneCodes = gone.ToDictionary(d => d.Code, StringComparer.Ordinal);
        var records = await RecordsAsync(db, goneCodes.Keys.ToList(), ct);
        var into = new Dictionary<string, DivisionMerge>(StringComparer.Ordinal);
        foreach (var m in merges)
        {
            if (!goneCodes.TryGetValue(m.From, out var from))
            {
                problems.Add(new ImportProblem(m.File, m.Line, "原代码", ImportReason.MergeNotWithdrawn, m.From));
                continue;
            }
            if (from.Level != DivisionLevel.Village)
            {
                problems.Add(new ImportProblem(m.File, m.Line, "原代码", ImportReason.NotAVillage, m.From, from.Name));
                continue;
            }
            if (!listed.TryGetValue(m.Into, out var target) || target.Level != DivisionLevel.Village)
            {
                problems.Add(new ImportProblem(m.File, m.Line, "并入代码", ImportReason.MergeIntoUnknown, m.Into));
                continue;
            }
            into[m.From] = m;
        }
        var withdrawals = new List<Withdrawal>();
        foreach (var d in gone)
        {
            var r = records.GetValueOrDefault(d.Code, DivisionRecords.None);
            var merge = into.GetValueOrDefault(d.Code);
            if (merge is null && r.Any && !withdraw)
            {
                problems.Add(null, null, ImportReason.WithdrawnWithRecords, [Term.Same(d.Code), Term.Same(d.Name), r.Described()]);
            }
            withdrawals.Add(new Withdrawal(d, merge?.Into, merge is null ? null : listed[merge.Into].Name, merge?.Reason, r, withdraw));
        }
        var reinstated = new List<string>();
        foreach (var chunk in listed.Keys.Chunk(1000))
        {
            reinstated.AddRange(await db.Divisions.AsNoTracking().Where(d => chunk.Contains(d.Code) && d.WithdrawnOn != null).Select(d => d.Code).ToListAsync(ct));
        }
        return new DivisionChangePlan(withdrawals, reinstated);
    }

    /// <summary>
    /// Writes the plan in the import's transaction: codes in force again, codes withdrawn on
    /// <paramref name="on"/> (with the village merged into), their current ties and postings ended
    /// with the reason, a merged village's current households moved to the village it merged into.
    /// One audit entry per withdrawn code.
    /// </summary>
    public static async Task ApplyAsync(LiaisonDb db, TimeProvider clock, Actor actor, DivisionChangePlan plan, DateOnly on, CancellationToken ct)
    {
        foreach (var chunk in plan.Reinstated.Chunk(1000))
        {
            await db.Divisions.Where(d => chunk.Contains(d.Code)).ExecuteUpdateAsync(s => s.SetProperty(d => d.WithdrawnOn, (DateOnly?)null).SetProperty(d => d.MergedInto, (string?)null), ct);
        }
        var now = clock.GetUtcNow();
        var marked = new List<string>();
        foreach (var w in plan.Withdrawals)
        {
            var code = w.Division.Code;
            var why = w.Into is not null
                ? $"村并入 {w.Into}（{w.IntoName}）" + (w.Reason is null ? "" : $"：{w.Reason}")
                : "区划代码撤销（新版统计用区划代码中已无此代码）";
            why = why.Length > Liaisons.TieEdits.MaxReason ? why[..Liaisons.TieEdits.MaxReason] : why;
            await db.Divisions.Where(d => d.Code == code).ExecuteUpdateAsync(s => s.SetProperty(d => d.WithdrawnOn, on).SetProperty(d => d.MergedInto, w.Into), ct);
            var ties = await db.LiaisonTies.Where(t => t.DivisionCode == code && t.Until == null).ToListAsync(ct);
            foreach (var tie in ties)
            {
                tie.Until = RegistryRules.EndOf(tie.Since, on);
                tie.EndReason = why;
                tie.ChangedAt = now;
                tie.ChangedBy = actor.Name;
            }
            var postings = await db.SecretaryPostings.Where(p => p.VillageCode == code && p.Until == null).ToListAsync(ct);
            foreach (var posting in postings)
            {
                posting.Until = RegistryRules.EndOf(posting.Since, on);
                posting.EndReason = why;
                posting.ChangedAt = now;
                posting.ChangedBy = actor.Name;
            }
            var moved = w.Into is { } target ? await MoveHouseholdsAsync(db, clock, actor, w, target, on, why, ct) : [];
            await db.SaveChangesAsync(ct);
            if (ties.Count > 0 || postings.Count > 0 || moved.Count > 0)
            {
                marked.Add(code);
                if (w.Into is not null)
                {
                    marked.Add(w.Into);
                }
            }
            await AuditLog.AppendAsync(db, clock, actor, new AuditRecord("division.withdraw", "division", code, code,
                new { code, name = w.Division.Name, withdrawnOn = (DateOnly?)null },
                new { code, name = w.Division.Name, withdrawnOn = on, mergedInto = w.Into, reason = w.Reason, tiesEnded = ties.Count, postingsEnded = postings.Count, householdsMoved = moved.Count, renumbered = moved.Where(m => m.Renumbered).Select(m => m.Key).ToList() }), ct);
        }
        db.ChangeTracker.Clear();
        await Field.FieldRollups.MarkAsync(db, marked.Where(c => c.Length == 12).Distinct(StringComparer.Ordinal), ct);
    }

    private sealed record Moved(string Key, bool Renumbered);

    /// <summary>
    /// The merged village's current households become the receiving village's, each as an edit of its
    /// village (a registry event on the household); a house number the receiving village already has
    /// takes the old village's name before it ("王庄-12号"), said in the event and the audit entry.
    /// </summary>
    private static async Task<List<Moved>> MoveHouseholdsAsync(LiaisonDb db, TimeProvider clock, Actor actor, Withdrawal w, string into, DateOnly on, string why, CancellationToken ct)
    {
        var from = w.Division.Code;
        var households = await db.Households.Where(h => h.VillageCode == from && h.Status == HouseholdStatus.Current).OrderBy(h => h.Id).ToListAsync(ct);
        var taken = (await db.Households.AsNoTracking().Where(h => h.VillageCode == into).Select(h => h.HouseNo).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var prefix = ShortName(w.Division.Name);
        var moved = new List<Moved>();
        var events = new List<RegistryEvent>();
        foreach (var h in households)
        {
            var oldKey = People.RegistryStore.HouseholdKey(h);
            var houseNo = h.HouseNo;
            var renumbered = false;
            if (taken.Contains(houseNo))
            {
                houseNo = $"{prefix}-{h.HouseNo}";
                for (var n = 2; taken.Contains(houseNo) || houseNo.Length > 40; n++)
                {
                    houseNo = $"{prefix[..Math.Min(prefix.Length, 10)]}-{h.HouseNo}-{n}";
                    houseNo = houseNo.Length > 40 ? $"{from[^3..]}-{h.Id}-{n}" : houseNo;
                }
                renumbered = true;
            }
            taken.Add(houseNo);
            var (_, notOpen) = RegistryRules.HouseholdNext(h.Status, RegistryAction.Edited);
            if (notOpen is not null)
            {
                continue;
            }
            h.VillageCode = into;
            h.HouseNo = houseNo;
            h.Version++;
            moved.Add(new Moved(oldKey, renumbered));
            events.Add(new RegistryEvent
            {
                Kind = RegistryKind.Household,
                RecordId = h.Id,
                RecordKey = People.RegistryStore.HouseholdKey(h),
                DivisionCode = into,
                Action = RegistryAction.Edited,
                On = on,
                Reason = why,
                OtherKey = oldKey,
                Fields = renumbered ? "division,houseNo" : "division",
                Version = h.Version,
                At = clock.GetUtcNow(),
                Actor = actor.Name,
            });
        }
        // House numbers are unique per village: the moved rows first, then their events.
        await db.SaveChangesAsync(ct);
        db.RegistryEvents.AddRange(events);
        return moved;
    }

    /// <summary>A village's name without the committee's suffix: 王庄村委会 → 王庄.</summary>
    private static string ShortName(string name)
    {
        foreach (var suffix in new[] { "村民委员会", "居民委员会", "村委会", "居委会", "社区", "村" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
            {
                return name[..^suffix.Length];
            }
        }
        return name;
    }

    /// <summary>What points at each of the codes.</summary>
    private static async Task<Dictionary<string, DivisionRecords>> RecordsAsync(LiaisonDb db, IReadOnlyList<string> codes, CancellationToken ct)
    {
        var result = new Dictionary<string, DivisionRecords>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(500))
        {
            var households = (await db.Households.AsNoTracking().Where(h => chunk.Contains(h.VillageCode)).GroupBy(h => h.VillageCode)
                .Select(g => new { g.Key, All = g.Count(), Current = g.Count(h => h.Status == HouseholdStatus.Current) }).ToListAsync(ct)).ToDictionary(x => x.Key, StringComparer.Ordinal);
            var ties = (await db.LiaisonTies.AsNoTracking().Where(t => chunk.Contains(t.DivisionCode)).GroupBy(t => t.DivisionCode)
                .Select(g => new { g.Key, All = g.Count(), Current = g.Count(t => t.Until == null) }).ToListAsync(ct)).ToDictionary(x => x.Key, StringComparer.Ordinal);
            var units = (await db.Units.AsNoTracking().Where(u => chunk.Contains(u.DivisionCode)).GroupBy(u => u.DivisionCode).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
                .ToDictionary(x => x.Key, x => x.N, StringComparer.Ordinal);
            var visits = (await db.HouseholdVisits.AsNoTracking().Where(v => chunk.Contains(v.VillageCode)).GroupBy(v => v.VillageCode).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
                .ToDictionary(x => x.Key, x => x.N, StringComparer.Ordinal);
            var cases = (await db.Cases.AsNoTracking().Where(c => chunk.Contains(c.VillageCode)).GroupBy(c => c.VillageCode).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
                .ToDictionary(x => x.Key, x => x.N, StringComparer.Ordinal);
            var postings = (await db.SecretaryPostings.AsNoTracking().Where(p => chunk.Contains(p.VillageCode)).GroupBy(p => p.VillageCode).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
                .ToDictionary(x => x.Key, x => x.N, StringComparer.Ordinal);
            foreach (var code in chunk)
            {
                var h = households.GetValueOrDefault(code);
                var t = ties.GetValueOrDefault(code);
                var r = new DivisionRecords(h?.All ?? 0, h?.Current ?? 0, t?.All ?? 0, t?.Current ?? 0, units.GetValueOrDefault(code), visits.GetValueOrDefault(code),
                    cases.GetValueOrDefault(code), postings.GetValueOrDefault(code));
                if (r.Any)
                {
                    result[code] = r;
                }
            }
        }
        return result;
    }
}
