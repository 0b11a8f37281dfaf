using Liaison.Data.Access;
using Liaison.Data.Cases;
using Liaison.Data.Field;
using Liaison.Data.Reporting;
using Liaison.Domain.Cases;
using Liaison.Domain.Field;
using Liaison.Domain.Reporting;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;
using R = Liaison.Domain.Reporting.Indicators;

namespace Liaison.Data.Tests;

public class ReportTests
{
    private const string County = "370830";

    private static VisitInput At(long household, DateTimeOffset at, params string[] issues) => new(Guid.NewGuid(), household, at, null, null, null, issues);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Months_are_China_days_periods_add_up_and_every_figure_equals_a_count_made_directly_in_SQL(string provider)
    {
        var (t, db, author, village, households, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        // 16:30 UTC on 31 March is 00:30 on 1 April in China; 15:30 UTC is still 31 March there.
        await FieldStore.SaveVisitsAsync(db, clock, author, [
            At(households[0], new DateTimeOffset(2026, 3, 31, 16, 30, 0, TimeSpan.Zero), "村口路灯不亮"),
            At(households[1], new DateTimeOffset(2026, 3, 31, 15, 30, 0, TimeSpan.Zero)),
            At(households[2], new DateTimeOffset(2026, 5, 10, 9, 0, 0, ChinaTime.Offset)),
            At(households[0], new DateTimeOffset(2026, 6, 14, 9, 0, 0, ChinaTime.Offset)),
        ], default);
        await CaseStore.TakeUpVisitIssuesAsync(db, clock, 100, default);
        await DisputeStore.AddDisputeAsync(db, clock, CaseActor.System, new DisputeInput(village, DisputeKind.Neighbours, "张某、李某", "排水沟", ReportedOn: new DateOnly(2026, 2, 3)), default);
        await FieldRollups.DrainAllAsync(db, default);

        var months = await CampaignReports.MonthsAsync(db, village, default);
        Assert.Equal([0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0], Enumerable.Range(1, 12).Select(m => months[m][R.Visits]));
        // Households by the month first visited: March (h1), April (h0), May (h2); h0 again in June is not new.
        Assert.Equal([0, 0, 1, 1, 1, 0], Enumerable.Range(1, 6).Select(m => months[m][R.HouseholdsVisited]));
        Assert.Equal(1, months[4][R.CasesCollected]);
        Assert.Equal(1, months[2][R.Disputes]);

        // Periods: flows sum their months; distinct figures from January are sums of first months, others are recounted.
        var year = await CampaignReports.FiguresAsync(Scoped.Operator(db), village, null, default);
        var toApril = await CampaignReports.FiguresAsync(Scoped.Operator(db), village, new ReportPeriod(2026, 1, 4), default);
        var aprilToJune = await CampaignReports.FiguresAsync(Scoped.Operator(db), village, new ReportPeriod(2026, 4, 6), default);
        Assert.Equal((4, 3), (year[R.Visits], year[R.HouseholdsVisited]));
        Assert.Equal((2, 2, 1), (toApril[R.Visits], toApril[R.HouseholdsVisited], toApril[R.Disputes]));
        Assert.Equal((3, 2, 0), (aprilToJune[R.Visits], aprilToJune[R.HouseholdsVisited], aprilToJune[R.Disputes]));
        Assert.Equal(year[R.Households], aprilToJune[R.Households]);

        // The county's report equals counts made directly on the same database.
        var report = (await CampaignReport.ForDivisionAsync(Scoped.Operator(db), clock, County, null, default))!;
        var f = report.Figures;
        Assert.Equal(await db.HouseholdVisits.CountAsync(v => v.Year == 2026 && v.VillageCode.StartsWith(County)), f[R.Visits]);
        Assert.Equal(await db.HouseholdVisits.Where(v => v.Year == 2026 && v.VillageCode.StartsWith(County)).Select(v => v.HouseholdId).Distinct().CountAsync(), f[R.HouseholdsVisited]);
        Assert.Equal(await db.Households.CountAsync(h => h.VillageCode.StartsWith(County)), f[R.Households]);
        Assert.Equal(await db.Cadres.CountAsync(), f[R.Cadres]);
        Assert.Equal(await db.Cases.CountAsync(c => c.Year == 2026 && c.Status != CaseStatus.Merged && c.Status != CaseStatus.Withdrawn), f[R.CasesCollected]);
        Assert.Equal(await db.Disputes.CountAsync(), f[R.Disputes]);
        Assert.Equal(await db.LiaisonTies.CountAsync(x => x.Until == null && x.CadreId != null && x.DivisionCode.Length == 12), f[R.TiesWithCadre]);
        Assert.Equal(await db.Divisions.CountAsync(d => d.Level == Domain.Divisions.DivisionLevel.Village && d.VillageKind == Domain.Divisions.VillageKind.Village), f[R.Villages]);
        Assert.Equal(report.Children.Sum(c => c.Figures[R.HouseholdsVisited]), f[R.HouseholdsVisited]);
        Assert.Equal((double)f[R.HouseholdsVisited] / f[R.Households], f[Ratios.VisitRate]);
        // Laggards first: the league is ordered by the rate asked for.
        var league = report.League(Ratios.VisitRate).Select(c => c.Figures[Ratios.VisitRate] ?? double.MaxValue).ToList();
        Assert.Equal(league.Order(), league);

        // A unit's report counts its cadres' work only.
        var unitId = await db.Cadres.Where(c => c.Id == author.CadreId).Select(c => c.UnitId).SingleAsync();
        var unit = (await CampaignReport.ForUnitAsync(Scoped.Operator(db), clock, unitId, null, default))!;
        var cadres = await db.Cadres.Where(c => c.UnitId == unitId).Select(c => c.Id).ToListAsync();
        Assert.Equal(await db.HouseholdVisits.CountAsync(v => cadres.Contains(v.CadreId)), unit.Figures[R.Visits]);
        // Issues are counted by their own day; a unit's, through the cadre of their visit.
        var unitIssues = await (from i in db.VisitIssues join v in db.HouseholdVisits on i.VisitId equals v.Id where cadres.Contains(v.CadreId) select i).CountAsync();
        Assert.True(unitIssues > 0);
        Assert.Equal(unitIssues, unit.Figures[R.VisitIssues]);
        Assert.Equal(cadres.Count, unit.Figures[R.Cadres]);
        Assert.False(unit.Shows(R.Households));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Verify_passes_on_kept_rollups_waits_for_queued_villages_and_names_every_altered_figure(string provider)
    {
        var (t, db, author, village, households, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        await FieldStore.SaveVisitsAsync(db, clock, author, [At(households[0], new DateTimeOffset(2026, 6, 1, 9, 0, 0, ChinaTime.Offset))], default);
        await FieldRollups.DrainAllAsync(db, default);
        var check = await RollupVerifier.VerifyAsync(db, default);
        Assert.Empty(check.Differences);
        Assert.True(check.Figures > 1000);

        // A visit not yet drained: its village is pending, not a difference.
        await FieldStore.SaveVisitsAsync(db, clock, author, [At(households[1], new DateTimeOffset(2026, 6, 2, 9, 0, 0, ChinaTime.Offset))], default);
        var queued = await RollupVerifier.VerifyAsync(db, default);
        Assert.Empty(queued.Differences);
        Assert.Equal(1, queued.PendingVillages);
        await FieldRollups.DrainAllAsync(db, default);

        // Altered figures are named: the county's year value and one month of the village.
        await db.Rollups.Where(r => r.DivisionCode == County && r.IndicatorId == R.Visits.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Value, r => r.Value + 5));
        await db.RollupMonths.Where(r => r.DivisionCode == village && r.IndicatorId == R.Visits.Id && r.Month == 6).ExecuteUpdateAsync(s => s.SetProperty(r => r.Value, r => r.Value - 1));
        var broken = await RollupVerifier.VerifyAsync(db, default);
        Assert.Equal(
            [(County, R.Visits.Id, 0, 2L + 5, 2L), (village, R.Visits.Id, 6, 1L, 2L)],
            broken.Differences.Select(d => (d.DivisionCode, d.IndicatorId, d.Month, d.Stored, d.Counted)).OrderBy(d => d.DivisionCode.Length));
    }
}
