using Liaison.Data.Access;
using Liaison.Data.Field;
using Liaison.Data.Reporting.Formulas;
using Liaison.Domain.Divisions;
using Liaison.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Reporting;

/// <summary>
/// The campaign report's figures for divisions and periods, read from the rollups: the year's
/// values from <see cref="DivisionRollup"/>, a period's flow values as the sum of its months in
/// <see cref="DivisionMonth"/>, distinct values to any month of the year as the sum of their first
/// months. What the rollups cannot answer (distinct counts for a period that does not start in
/// January, a year other than the one the rollups count) is counted from the raw records of the
/// division's villages by the same function that feeds the rollups.
/// </summary>
public static class CampaignReports
{
    /// <summary>The year the rollups count (the newest plan year), or null before there is a plan.</summary>
    public static Task<int?> YearAsync(LiaisonDb db, CancellationToken ct) => FieldRollups.YearAsync(db, ct);

    /// <summary>The year a report counts by default: the rollups' year, or this year in China before there is a plan.</summary>
    public static async Task<int> ReportYearAsync(LiaisonDb db, TimeProvider clock, CancellationToken ct) =>
        await YearAsync(db, ct) ?? Domain.Shared.ChinaTime.Today(clock).Year;

    /// <summary>
    /// The programme's top division within reach: from the root down while there is only one child
    /// (the province holding the city), starting at the scope's own root.
    /// </summary>
    public static async Task<string?> TopAsync(Scoped scoped, CancellationToken ct)
    {
        var code = scoped.Scope?.DivisionCode;
        while (true)
        {
            var parent = code;
            var two = await scoped.Divisions.Where(d => d.ParentCode == parent && d.Level <= DivisionLevel.County)
                .OrderBy(d => d.Code).Select(d => d.Code).Take(2).ToListAsync(ct);
            if (two.Count != 1)
            {
                return code;
            }
            code = two[0];
        }
    }

    public static async Task<ReportFigures> FiguresAsync(Scoped scoped, string code, ReportPeriod? period, CancellationToken ct) =>
        (await FiguresAsync(scoped, [code], period, ct)).GetValueOrDefault(code) ?? ReportFigures.Empty;

    /// <summary>The figures of each division (its subtree) within reach for the period; null period: the rollups' year. Codes out of reach are left out.</summary>
    public static async Task<Dictionary<string, ReportFigures>> FiguresAsync(Scoped scoped, IReadOnlyCollection<string> codes, ReportPeriod? period, CancellationToken ct) =>
        await FiguresAsync(scoped, codes, period, await YearAsync(scoped.Db, ct), null, ct);

    /// <summary>The same with the rollups' year already known, and optionally only some indicators (a league's).</summary>
    internal static async Task<Dictionary<string, ReportFigures>> FiguresAsync(Scoped scoped, IReadOnlyCollection<string> codes, ReportPeriod? period, int? year,
        IReadOnlyCollection<string>? only, CancellationToken ct)
    {
        var db = scoped.Db;
        var values = codes.Where(scoped.Covers).Distinct(StringComparer.Ordinal).ToDictionary(c => c, _ => new Dictionary<string, long>(), StringComparer.Ordinal);
        if (values.Count == 0)
        {
            return [];
        }
        var list = values.Keys.ToList();
        if (only is null)
        {
            foreach (var r in await scoped.Rollups.Where(r => list.Contains(r.DivisionCode)).Select(r => new { r.DivisionCode, r.IndicatorId, r.Value }).ToListAsync(ct))
            {
                values[r.DivisionCode][r.IndicatorId] = r.Value;
            }
        }
        else
        {
            await ReadColumnsAsync(scoped, values, only.ToList(), ct);
        }
        if (period is not null && !(period.IsWholeYear && period.Year == year))
        {
            await ForPeriodAsync(scoped, values, period, period.Year == year, only, ct);
        }
        return values.ToDictionary(kv => kv.Key, kv => new ReportFigures(kv.Value), StringComparer.Ordinal);
    }

    /// <summary>
    /// A few indicators of many divisions (a league), turned into one row per division by the
    /// database: a hundred villages' fifteen figures come back as a hundred rows, not 1,500.
    /// </summary>
    private static async Task ReadColumnsAsync(Scoped scoped, Dictionary<string, Dictionary<string, long>> values, List<string> ids, CancellationToken ct)
    {
        var indicators = ids.Select(id => Indicators.Find(id) ?? throw new ArgumentException($"'{id}' is not an indicator")).ToList();
        foreach (var some in indicators.Chunk(FamilyRow.CountSlots))
        {
            var columns = new Family<DivisionRollup>();
            foreach (var indicator in some)
            {
                var id = indicator.Id;
                columns.Sum(indicator, r => r.IndicatorId == id ? r.Value : 0);
            }
            var someIds = some.Select(i => i.Id).ToList();
            foreach (var chunk in values.Keys.Chunk(500))
            {
                var cells = new LeafCells();
                await columns.ReadAsync(scoped.Rollups.Where(r => chunk.Contains(r.DivisionCode) && someIds.Contains(r.IndicatorId)), r => r.DivisionCode, null, cells, ct);
                foreach (var leaf in cells.Leaves)
                {
                    values[leaf.DivisionCode][leaf.IndicatorId] = leaf.Value;
                }
            }
        }
    }

    private static async Task ForPeriodAsync(Scoped scoped, Dictionary<string, Dictionary<string, long>> values, ReportPeriod period, bool rollupYear,
        IReadOnlyCollection<string>? only, CancellationToken ct)
    {
        var db = scoped.Db;
        var field = PeriodIndicators.Where(i => only is null || only.Contains(i.Id)).ToList();
        // Another year: every field figure from its records. The rollups' year: flows from their
        // months, distinct figures from their first months when the period starts in January.
        var fromMonths = rollupYear ? field.Where(i => i.Kind == IndicatorKind.Flow || (i.Kind == IndicatorKind.Distinct && period.FromMonth == 1)).ToList() : [];
        var fromRecords = rollupYear ? field.Where(i => i.Kind == IndicatorKind.Distinct && period.FromMonth != 1).ToList() : field.ToList();
        foreach (var v in values.Values)
        {
            foreach (var i in fromMonths.Concat(fromRecords))
            {
                v.Remove(i.Id);
            }
        }
        if (fromMonths.Count > 0)
        {
            var codes = values.Keys.ToList();
            var ids = fromMonths.Select(i => i.Id).ToList();
            var months = await db.RollupMonths.AsNoTracking()
                .Where(r => codes.Contains(r.DivisionCode) && ids.Contains(r.IndicatorId) && r.Month >= period.FromMonth && r.Month <= period.ToMonth)
                .GroupBy(r => new { r.DivisionCode, r.IndicatorId }).Select(g => new { g.Key.DivisionCode, g.Key.IndicatorId, Value = g.Sum(r => r.Value) })
                .ToListAsync(ct);
            foreach (var m in months)
            {
                values[m.DivisionCode][m.IndicatorId] = m.Value;
            }
        }
        if (fromRecords.Count > 0)
        {
            var wanted = fromRecords.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var (code, v) in values)
            {
                foreach (var leaf in await RecordsAsync(scoped.Under(code), period, ct))
                {
                    if (leaf.Month == 0 && wanted.Contains(leaf.IndicatorId))
                    {
                        v[leaf.IndicatorId] = v.GetValueOrDefault(leaf.IndicatorId) + leaf.Value;
                    }
                }
            }
        }
    }

    /// <summary>The figures a period changes: the field family's and the cadres taking part.</summary>
    private static IReadOnlyList<Indicator> PeriodIndicators { get; } = [.. FieldRollups.Indicators, .. ParticipationFormulas.Indicators];

    /// <summary>
    /// The field family's leaves for the villages within reach (a division's subtree: <see cref="Scoped.Under"/>),
    /// and the participation of the cadres of its units, counted from the records.
    /// </summary>
    public static async Task<List<RollupValue>> RecordsAsync(Scoped scoped, ReportPeriod? period, CancellationToken ct)
    {
        var divisions = await scoped.Divisions.Select(d => new { d.Code, d.Level }).ToListAsync(ct);
        var villages = divisions.Where(d => d.Level == DivisionLevel.Village).Select(d => d.Code).ToList();
        return await IndicatorFormulas.LeavesAsync(scoped.Db, RollupFamily.Field | RollupFamily.Participation,
            new FormulaScope(villages, period) { UnitDivisions = divisions.Select(d => d.Code).ToList() }, ct);
    }

    /// <summary>A division's flow figures month by month in the rollups' year (distinct ones by the month first counted).</summary>
    public static async Task<Dictionary<int, ReportFigures>> MonthsAsync(LiaisonDb db, string code, CancellationToken ct)
    {
        var months = Enumerable.Range(1, 12).ToDictionary(m => m, _ => new Dictionary<string, long>(StringComparer.Ordinal));
        foreach (var r in await db.RollupMonths.AsNoTracking().Where(r => r.DivisionCode == code).Select(r => new { r.Month, r.IndicatorId, r.Value }).ToListAsync(ct))
        {
            months[r.Month][r.IndicatorId] = r.Value;
        }
        return months.ToDictionary(m => m.Key, m => new ReportFigures(m.Value));
    }
}
