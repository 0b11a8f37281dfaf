using Liaison.Data.Access;
using Liaison.Domain.Divisions;
using Liaison.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Reporting;

/// <summary>A division in a league table, with its figures for the report's period.</summary>
public sealed record ReportRow(string Code, string Name, DivisionLevel Level, ReportFigures Figures);

/// <summary>
/// The programme's report (DOMAIN.md section 6) for a division or a unit and a period: every
/// indicator, the rates drawn from them, the child divisions' league and the months of the year.
/// </summary>
public sealed record CampaignReport(
    string Code, string Name, DivisionLevel? Level, int? UnitId, ReportPeriod Period, DateTimeOffset At,
    ReportFigures Figures, IReadOnlyList<ReportRow> Children, IReadOnlyDictionary<int, ReportFigures> Months)
{
    /// <summary>
    /// Whether the report carries a figure: a unit's report has no divisions, households or needs
    /// of villages, only what the unit and its cadres hold and do.
    /// </summary>
    public bool Shows(Indicator indicator) => UnitId is null || UnitFigures.Contains(indicator.Id);

    public bool Shows(Ratio ratio) => Shows(ratio.Numerator) && ratio.Denominators.All(Shows);

    private static readonly HashSet<string> UnitFigures = RollupStore.IndicatorsOf(RollupStore.UnitFamilies)
        .Except([Indicators.Units.Id, Indicators.VillagesNeedingSecretary.Id, Indicators.NeedyVillagesWithSecretary.Id]).ToHashSet(StringComparer.Ordinal);

    /// <summary>The children, those lagging on <paramref name="by"/> first (empty rates last; ties by code).</summary>
    public IReadOnlyList<ReportRow> League(Ratio by) =>
        Children.OrderBy(c => c.Figures[by] ?? double.MaxValue).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();

    /// <summary>The report of a division within <paramref name="scoped"/>'s reach; null for one outside it or unknown.</summary>
    public static async Task<CampaignReport?> ForDivisionAsync(Scoped scoped, TimeProvider clock, string code, ReportPeriod? period, CancellationToken ct)
    {
        var places = await scoped.Divisions.Where(d => d.Code == code || d.ParentCode == code)
            .Select(d => new { d.Code, d.Name, d.Level, d.ParentCode }).ToListAsync(ct);
        if (places.FirstOrDefault(d => d.Code == code) is not { } division)
        {
            return null;
        }
        var db = scoped.Db;
        var rollupYear = await CampaignReports.YearAsync(db, ct);
        period ??= ReportPeriod.WholeYear(rollupYear ?? Domain.Shared.ChinaTime.Today(clock).Year);
        var children = places.Where(d => d.ParentCode == code).OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        // The division's every figure; its children only what their league row shows.
        var own = await CampaignReports.FiguresAsync(scoped, [code], period, rollupYear, null, ct);
        var league = await CampaignReports.FiguresAsync(scoped, children.Select(c => c.Code).ToList(), period, rollupYear, LeagueColumn.Needs, ct);
        var months = period.Year == rollupYear ? await CampaignReports.MonthsAsync(db, code, ct) : new Dictionary<int, ReportFigures>();
        return new CampaignReport(code, division.Name, division.Level, null, period, clock.GetUtcNow(), own[code],
            children.Select(c => new ReportRow(c.Code, c.Name, c.Level, league[c.Code])).ToList(), months);
    }

    /// <summary>The report of a unit whose division lies within <paramref name="scoped"/>'s reach; null for one outside it or unknown.</summary>
    public static async Task<CampaignReport?> ForUnitAsync(Scoped scoped, TimeProvider clock, int unitId, ReportPeriod? period, CancellationToken ct)
    {
        var unit = await scoped.Units.FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null)
        {
            return null;
        }
        var db = scoped.Db;
        period ??= ReportPeriod.WholeYear(await CampaignReports.ReportYearAsync(db, clock, ct));
        var figures = await RollupStore.UnitFiguresAsync(db, unitId, period, ct);
        return new CampaignReport(unit.DivisionCode, unit.Name, null, unitId, period, clock.GetUtcNow(), figures, [], new Dictionary<int, ReportFigures>());
    }
}
