using System.Diagnostics;
using System.Globalization;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Divisions;
using Liaison.Data.Import;
using Liaison.Data.Policy;
using Liaison.Domain.People;
using Liaison.Domain.Policy;
using Liaison.Domain.Results;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Results;

/// <summary>
/// <c>liaison import deeds</c> / <c>import party-outputs</c> and the import page's 实事好事 and 党建成果:
/// the deeds an office lists in its ledger (台账), one row per deed for one village — the day, the
/// village by code or by name (with the township where names repeat), the kind by its name or code,
/// one or two quantities with their units as written (米 and 万元 converted), the cadre (staff
/// number) or the unit who did it, the source of funds, what was done, the case it settles. Judged
/// by the rules of the form (<see cref="DeedRules.Check"/>, <see cref="Deed.DayProblem"/>); a deed
/// already recorded the same (village, kind, day, who, quantities) is left as it is, so the ledger
/// may be imported again as it grows. All or nothing.
/// </summary>
public sealed class DeedImporter(TimeProvider clock)
{
    /// <summary>The file's columns in template order.</summary>
    public static IReadOnlyList<ImportColumn> Layout { get; } =
    [
        new("on", true, "日期", "date", "完成日期", "办理日期", "时间"),
        new("township", false, "乡镇", "township", "乡镇（街道）", "镇街", "乡镇街道"),
        new("village_name", false, "村名", "village_name", "村", "村（社区）", "村庄", "村居", "村名称"),
        new("village", false, "村代码", "village_code", "区划代码", "村（社区）代码", "村区划代码"),
        new("kind", true, "类别", "kind", "实事类别", "项目类别", "类型", "成果类别"),
        new("amount", true, "数量", "amount", "数量1"),
        new("measure", false, "计量单位", "measure", "数量单位", "计量单位1"),
        new("amount2", false, "数量2", "amount2", "第二数量"),
        new("measure2", false, "计量单位2", "measure2", "数量单位2"),
        new("cadre", false, "干部编号", "cadre_code"),
        new("cadre_name", false, "干部姓名", "cadre_name"),
        new("unit", false, "办事单位", "unit", "单位编码", "派出单位"),
        new("source", false, "资金来源", "source", "来源"),
        new("evidence", false, "情况说明", "evidence", "说明", "具体内容", "备注"),
        new("case", false, "诉求查询码", "case_code", "查询码"),
    ];

    /// <summary>The uploader's jurisdiction (a division code) when it does not hold the whole database: every village must lie inside it.</summary>
    public string? Within { get; init; }

    /// <summary>The party-building outputs' import (党建成果): only the catalogue's party kinds are read.</summary>
    public bool PartyOnly { get; init; }

    private string Entity => PartyOnly ? "party-outputs" : "deeds";

    private const string Reach = "a deed import checks the file against the divisions, cadres, units and deeds of the whole database, inside the uploader's jurisdiction";

    private sealed record Planned(long Line, Deed Deed, IReadOnlyList<DeedAmount> Amounts, string Label);

    private sealed record Plan(TabularFile File, ImportProblems Problems, List<Planned> Adds, List<Planned> Recorded, long Rows);

    /// <summary>Reads and checks the file and says which deeds it adds and which are recorded already; writes nothing.</summary>
    public async Task<ImportPreview> PreviewAsync(LiaisonDb db, string path, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        return await ImportPreview.ReadAsync(path, Entity, Layout, async file =>
        {
            var plan = await PlanAsync(db, file, ct);
            return ImportPreview.Of(file, file.Name, Entity, plan.Problems, written: false) with
            {
                Rows = plan.Rows,
                Adds = plan.Adds.Count,
                Unchanged = plan.Recorded.Count,
                Added = plan.Adds.Take(ImportPreview.ListLimit).Select(p => new RowAdded(p.Line, p.Label)).ToList(),
            };
        });
    }

    /// <summary>Records the file's new deeds in one transaction, or refuses the whole file with every problem by line and column.</summary>
    public async Task<ImportResult> ImportAsync(LiaisonDb db, string path, Action<ImportProgress>? progress, CancellationToken ct, Actor? actor = null)
    {
        var watch = Stopwatch.StartNew();
        actor ??= Actor.Cli;
        using var outside = Unscoped.Section(Reach);
        var file = TabularFile.Open(path, allowXlsx: true, allowGb18030: true, Layout);
        var plan = await PlanAsync(db, file, ct);
        plan.Problems.ThrowIfAny();
        progress?.Invoke(new ImportProgress("rows", 1, 1));
        var now = clock.GetUtcNow();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var p in plan.Adds)
            {
                p.Deed.RecordedBy = actor.Name;
                p.Deed.RecordedAt = now;
            }
            db.Deeds.AddRange(plan.Adds.Select(p => p.Deed));
            await db.SaveChangesAsync(ct);
            db.DeedQuantities.AddRange(plan.Adds.SelectMany(p => p.Amounts.Select(a => new DeedQuantityValue { DeedId = p.Deed.Id, Code = a.Code, Value = a.Value })));
            await db.SaveChangesAsync(ct);
            // The villages' figures are recounted as for every deed (below, so that a command's report reads them at once).
            await Field.FieldRollups.MarkAsync(db, plan.Adds.Select(p => p.Deed.VillageCode), ct);
            await AuditLog.AppendAsync(db, clock, actor, ImportAudit.Record("import." + Entity, Entity, path, plan.Adds.Count), ct);
            await tx.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();
        progress?.Invoke(new ImportProgress("rollups", 1, 1));
        await Field.FieldRollups.DrainAllAsync(db, ct);
        return new ImportResult(plan.Adds.Count, Math.Round(watch.Elapsed.TotalSeconds, 3))
        {
            Report = ImportPreview.Of(file, file.Name, Entity, plan.Problems, written: true) with { Rows = plan.Rows, Adds = plan.Adds.Count, Unchanged = plan.Recorded.Count },
        };
    }

    /// <summary>The file's rows read and checked against the catalogue of each deed's year, the divisions, cadres, units, cases and the deeds recorded.</summary>
    private async Task<Plan> PlanAsync(LiaisonDb db, TabularFile file, CancellationToken ct)
    {
        var map = ColumnMap.Bind(file, Layout);
        var problems = new ImportProblems(file.Name);
        var today = ChinaTime.Today(clock);
        var villages = await VillageFinder.LoadAsync(db, Within, ct);
        var units = await UnitFinder.LoadAsync(db, Within, ct, openOnly: true);
        var jurisdiction = Within is { } within ? Domain.Access.Scope.Division(within) : null;
        var catalogues = new Dictionary<int, DeedRules>();
        var cells = new List<(RowReader Row, long Line, FoundVillage? Village, DeedKind? Kind, DateOnly On, List<DeedAmount> Amounts, string Cadre, string CadreName, FoundUnit? Unit, string Source, string Evidence, string Case)>();
        foreach (var tabular in file.Rows)
        {
            var row = new RowReader(tabular, map, problems);
            void Refuse(string key, Problem p) => row.Problem(key, ImportReason.RuleRefused, [new Term(p.Zh, p.En)]);
            var on = row.Date("on", required: true);
            if (on is not null && Deed.DayProblem(on, today) is { } late)
            {
                Refuse("on", late);
            }
            var village = villages.Find(row, "village", "village_name", "township");
            if (village is not null && jurisdiction is not null && !jurisdiction.Covers(village.Code))
            {
                row.Problem(row.Optional("village").Length > 0 ? "village" : "village_name", ImportReason.OutsideJurisdiction, [Term.Same(village.Code), Term.Same(Within!)]);
                village = null;
            }
            var year = on?.Year ?? today.Year;
            if (!catalogues.TryGetValue(year, out var rules))
            {
                rules = catalogues[year] = (await PolicyStore.GetAsync(db, year, ct)).Policy.Deeds;
            }
            var kind = Kind(row, rules);
            var amounts = new List<DeedAmount>();
            if (kind is not null)
            {
                Quantities(row, rules, kind, amounts, Refuse);
            }
            var cadre = row.Code("cadre", required: false);
            var cadreName = row.Name("cadre_name", 100, required: false);
            if (cadre.Length == 0 && cadreName.Length > 0)
            {
                row.Problem("cadre", ImportReason.EmptyValue);
            }
            var unit = units.Find(row, "unit", required: false);
            if (cadre.Length == 0 && cadreName.Length == 0 && row.Optional("unit").Length == 0)
            {
                Refuse("cadre", Deed.NoDoer);
            }
            cells.Add((row, tabular.Line, village, kind, on ?? default, amounts, cadre, cadreName, unit,
                row.Text("source", Deed.MaxSource, required: false), row.Text("evidence", Deed.MaxEvidence, required: false), row.Code("case", required: false)));
        }

        // Cadres, cases and the deeds recorded, read once for the whole file.
        var staff = cells.Select(c => c.Cadre).Where(c => c.Length > 0).Distinct().ToList();
        var cadres = await db.Cadres.AsNoTracking().Where(c => staff.Contains(c.Code)).Select(c => new { c.Id, c.Code, c.Name, c.Status })
            .ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, ct);
        var caseCodes = cells.Select(c => c.Case).Where(c => c.Length > 0).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseCodes.Contains(c.TrackingCode)).Select(c => new { c.Id, c.TrackingCode, c.VillageCode })
            .ToDictionaryAsync(c => c.TrackingCode, StringComparer.Ordinal, ct);
        var codes = cells.Select(c => c.Village?.Code).OfType<string>().Distinct().ToList();
        var years = cells.Select(c => c.On.Year).Distinct().ToList();
        var stored = await db.Deeds.AsNoTracking().Where(d => codes.Contains(d.VillageCode) && years.Contains(d.Year))
            .Select(d => new { d.Id, d.VillageCode, d.Kind, d.On, d.CadreId, d.UnitId }).ToListAsync(ct);
        var ids = stored.Select(d => d.Id).ToList();
        var quantities = (await db.DeedQuantities.AsNoTracking().Where(q => ids.Contains(q.DeedId)).ToListAsync(ct)).ToLookup(q => q.DeedId, q => new DeedAmount(q.Code, q.Value));
        var recorded = stored.Select(d => Key(d.VillageCode, d.Kind, d.On, d.CadreId, d.UnitId, quantities[d.Id])).ToHashSet(StringComparer.Ordinal);

        var adds = new List<Planned>();
        var already = new List<Planned>();
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        long good = 0;
        foreach (var c in cells)
        {
            var ok = c.Village is not null && c.Kind is not null;
            int? cadreId = null;
            if (c.Cadre.Length > 0)
            {
                if (!cadres.TryGetValue(c.Cadre, out var cadre))
                {
                    c.Row.Problem("cadre", ImportReason.UnknownCadre, c.Cadre);
                    ok = false;
                }
                else if (cadre.Status != CadreStatus.Active)
                {
                    c.Row.Problem("cadre", ImportReason.CadreNotActive, c.Cadre, cadre.Name);
                    ok = false;
                }
                else if (c.CadreName.Length > 0 && c.CadreName != cadre.Name)
                {
                    c.Row.Problem("cadre_name", ImportReason.CadreNameDiffers, c.Cadre, cadre.Name, c.CadreName);
                    ok = false;
                }
                else
                {
                    cadreId = cadre.Id;
                }
            }
            long? caseId = null;
            if (c.Case.Length > 0)
            {
                // A deed settles a case of its own village only, as on the form.
                if (cases.TryGetValue(c.Case, out var found) && found.VillageCode == c.Village?.Code)
                {
                    caseId = found.Id;
                }
                else
                {
                    var unknown = Deed.UnknownCase(c.Case);
                    c.Row.Problem("case", ImportReason.RuleRefused, [new Term(unknown.Zh, unknown.En)]);
                    ok = false;
                }
            }
            if (!ok || problems.Any)
            {
                // Once the file has a problem it is only checked on: nothing will be written.
                continue;
            }
            good++;
            var key = Key(c.Village!.Code, c.Kind!.Code, c.On, cadreId, c.Unit?.Id, c.Amounts);
            if (seen.TryGetValue(key, out var first))
            {
                c.Row.Problem("kind", ImportReason.DuplicateKey, $"{c.Village.Name} {c.Kind.Name} {c.On:yyyy-MM-dd}", first.ToString(CultureInfo.InvariantCulture));
                continue;
            }
            seen[key] = c.Line;
            var deed = new Deed
            {
                Year = c.On.Year,
                VillageCode = c.Village.Code,
                Kind = c.Kind.Code,
                On = c.On,
                CadreId = cadreId,
                UnitId = c.Unit?.Id,
                Source = c.Source.Length > 0 ? c.Source : null,
                Evidence = c.Evidence.Length > 0 ? c.Evidence : null,
                CaseId = caseId,
                RecordedBy = "",
            };
            var planned = new Planned(c.Line, deed, c.Amounts, $"{c.Village.Township}{c.Village.Name} {c.Kind.Name} {c.On:yyyy-MM-dd}");
            (recorded.Contains(key) ? already : adds).Add(planned);
        }
        return new Plan(file, problems, adds, already, good);
    }

    /// <summary>The kind by its code, its name or its English name; only the party-building outputs for that import.</summary>
    private DeedKind? Kind(RowReader row, DeedRules rules)
    {
        var raw = row.Required("kind");
        if (raw.Length == 0)
        {
            return null;
        }
        var text = CellNormaliser.Name(raw);
        var kinds = rules.Kinds.Where(k => !PartyOnly || k.Party).ToList();
        var kind = kinds.FirstOrDefault(k => k.Code.Equals(text, StringComparison.OrdinalIgnoreCase) || CellNormaliser.Name(k.Name) == text
            || k.EnglishName.Equals(raw.Trim(), StringComparison.OrdinalIgnoreCase));
        if (kind is null)
        {
            row.Expected("kind", raw, new Term(string.Join("、", kinds.Select(k => k.Name)), string.Join(", ", kinds.Select(k => k.EnglishName))));
            return null;
        }
        row.Normalised("kind", raw, kind.Name);
        return kind;
    }

    /// <summary>
    /// The row's quantities: each number with its unit as written names the kind's quantity in that
    /// unit (converted from 米 or 万元); a number without a unit is the kind's first quantity, the
    /// second number its second. Then judged as the form's (every quantity given, in range, whole).
    /// </summary>
    private static void Quantities(RowReader row, DeedRules rules, DeedKind kind, List<DeedAmount> amounts, Action<string, Problem> refuse)
    {
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (position, amountKey, measureKey) in new[] { (0, "amount", "measure"), (1, "amount2", "measure2") })
        {
            if (row.Amount(amountKey, required: position == 0) is not { } value)
            {
                continue;
            }
            var written = row.Optional(measureKey);
            var quantity = position < kind.Quantities.Count ? kind.Quantities[position] : null;
            var factor = 1m;
            if (written.Length > 0)
            {
                if (DeedUnits.ParseScaled(written) is not { } unit)
                {
                    row.Expected(measureKey, written, new Term(string.Join("、", kind.Quantities.Select(q => DeedUnits.Word(q.Unit).Zh).Distinct()) + "（或米、万元）",
                        string.Join(", ", kind.Quantities.Select(q => DeedUnits.Word(q.Unit).En).Distinct()) + " (or 米, 万元)"));
                    continue;
                }
                factor = unit.Factor;
                quantity = kind.Quantities.Where(q => q.Unit == unit.Unit && !columns.ContainsKey(q.Code)).FirstOrDefault();
                if (quantity is null)
                {
                    var expected = string.Join("、", kind.Quantities.Select(q => $"{q.Name}（{DeedUnits.Word(q.Unit).Zh}）"));
                    var expectedEn = string.Join(", ", kind.Quantities.Select(q => $"{q.EnglishName} ({DeedUnits.Word(q.Unit).En})"));
                    refuse(measureKey, new Problem("measure", $"“{kind.Name}”没有以“{written}”计的数量，应填：{expected}", $"\"{kind.EnglishName}\" has no quantity in \"{written}\"; it has: {expectedEn}"));
                    continue;
                }
            }
            else if (quantity is null)
            {
                refuse(amountKey, new Problem("amount", $"“{kind.Name}”只有 {kind.Quantities.Count} 项数量", $"\"{kind.EnglishName}\" has {kind.Quantities.Count} quantities only"));
                continue;
            }
            var inUnit = value * factor;
            if (factor != 1m)
            {
                row.Normalised(amountKey, $"{row.Optional(amountKey)} {written}",
                    $"{inUnit.ToString("0.######", CultureInfo.InvariantCulture)} {DeedUnits.Word(quantity.Unit).Zh}");
            }
            columns[quantity.Code] = amountKey;
            amounts.Add(new DeedAmount(quantity.Code, inUnit));
        }
        foreach (var p in rules.Check(kind.Code, amounts))
        {
            // quantities.CODE: the column the quantity came from; a missing one, the second number's.
            var code = p.Field.StartsWith("quantities.", StringComparison.Ordinal) ? p.Field["quantities.".Length..] : "";
            refuse(columns.GetValueOrDefault(code, amounts.Count == 0 ? "amount" : "amount2"), p);
        }
    }

    /// <summary>What makes two deeds the same: village, kind, day, who, and every quantity.</summary>
    private static string Key(string village, string kind, DateOnly on, int? cadre, int? unit, IEnumerable<DeedAmount> amounts) =>
        string.Join('|', village, kind, on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), cadre?.ToString(CultureInfo.InvariantCulture) ?? "",
            unit?.ToString(CultureInfo.InvariantCulture) ?? "",
            string.Join(';', amounts.OrderBy(a => a.Code, StringComparer.Ordinal).Select(a => a.Code + "=" + a.Value.ToString("0.######", CultureInfo.InvariantCulture))));
}
