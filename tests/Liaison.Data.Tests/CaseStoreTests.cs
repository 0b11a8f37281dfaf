using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Cases;
using Liaison.Data.Demo;
using Liaison.Data.Field;
using Liaison.Data.Reporting;
using Liaison.Domain.Cases;
using Liaison.Domain.Field;
using Liaison.Domain.Shared;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using R = Liaison.Domain.Reporting.Indicators;

namespace Liaison.Data.Tests;

public class CaseStoreTests
{
    // Monday 15 June 2026, 10:00 in China.
    private static FixedClock Clock() => new(new DateTimeOffset(2026, 6, 15, 10, 0, 0, ChinaTime.Offset));

    private const string County = "370830";

    /// <summary>The small demo with the year's plan: a village of the county, its township, and offices' actors.</summary>
    private static async Task<(TestDb Db, LiaisonDb Context, string Village, CaseActor VillageGroup, CaseActor Township, CaseActor CountyOffice)> WorldAsync(string provider)
    {
        var t = await TestDb.CreateAsync(provider);
        var db = t.Open();
        await DemoSeeder.SeedAsync(db, TimeProvider.System, DemoScale.Small, 1, null, default);
        await DemoYear.RunAsync(db, Clock(), Actor.System, new DateOnly(2026, 6, 15), default);
        var village = await db.Divisions.Where(d => d.Code.StartsWith(County) && d.Code.Length == 12).OrderBy(d => d.Code).Select(d => d.Code).FirstAsync();
        return (t, db, village,
            new CaseActor("work-group", code => code == village),
            new CaseActor("township-office", code => code.StartsWith(village[..9], StringComparison.Ordinal)),
            new CaseActor("county-office", code => code.StartsWith(County, StringComparison.Ordinal)));
    }

    /// <summary>A village of another township.</summary>
    private static Task<string> OutsideAsync(LiaisonDb db, string village)
    {
        var township = village[..9];
        return db.Divisions.Where(d => d.Code.Length == 12 && !d.Code.StartsWith(township)).OrderBy(d => d.Code).Select(d => d.Code).FirstAsync();
    }

    private static CaseInput Problem(string village, string text = "村东头的路灯坏了三个月") => new(CaseKind.Problem, "infrastructure", CaseChannel.Phone, village, text, PersonName: "王秀英", PersonPhone: "13905371234");

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Bad_intake_is_refused_field_by_field_and_nothing_is_stored(string provider)
    {
        var (t, db, village, group, township, _) = await WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = Clock();

        var huge = await CaseStore.CreateAsync(db, clock, group, Problem(village, new string('问', 5 * 1024 * 1024)), default);
        var empty = await CaseStore.CreateAsync(db, clock, group, Problem(village, "  \u0007 "), default);
        var elsewhere = await CaseStore.CreateAsync(db, clock, group, Problem(village[..9] + "999"), default);
        var outside = await CaseStore.CreateAsync(db, clock, township, Problem(await OutsideAsync(db, village)), default);
        var category = await CaseStore.CreateAsync(db, clock, group, Problem(village) with { Category = "weather" }, default);
        var phone = await CaseStore.CreateAsync(db, clock, group, Problem(village) with { PersonPhone = "<script>" }, default);

        Assert.Equal("description", Assert.Single(huge.Problems).Field);
        Assert.Contains("2000", huge.Problems[0].En, StringComparison.Ordinal);
        Assert.Equal("description", Assert.Single(empty.Problems).Field);
        Assert.Equal("villageCode", Assert.Single(elsewhere.Problems).Field);
        Assert.Contains("outside your jurisdiction", Assert.Single(outside.Problems).En, StringComparison.Ordinal);
        Assert.Contains("infrastructure", Assert.Single(category.Problems).En, StringComparison.Ordinal);
        Assert.Equal("personPhone", Assert.Single(phone.Problems).Field);
        Assert.Equal(0, await db.Cases.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Action.StartsWith("case.")));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_case_goes_up_when_explained_is_held_by_the_level_above_and_a_follow_up_saying_not_fixed_reopens_it(string provider)
    {
        var (t, db, village, group, township, _) = await WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = Clock();
        var created = await CaseStore.CreateAsync(db, clock, group, Problem(village), default);
        var c = created.Case!;
        Assert.Equal((CaseStatus.Received, CaseLevel.Village, village), (c.Status, c.Level, c.HolderDivision));
        // Five working days from Monday 15 June: Monday 22 June.
        Assert.Equal(new DateOnly(2026, 6, 22), c.DueOn);
        Assert.Equal(TrackingCode.Length, c.TrackingCode.Length);
        // The person's name and phone are encrypted at rest.
        var stored = await db.Database.SqlQueryRaw<string>("SELECT person_phone AS \"Value\" FROM cases").SingleAsync();
        Assert.DoesNotContain("13905371234", stored, StringComparison.Ordinal);

        Assert.True((await CaseStore.ActAsync(db, clock, group, c.Id, new CaseStepInput(CaseAction.Accept), default)).Ok);
        var unexplained = await CaseStore.ActAsync(db, clock, group, c.Id, new CaseStepInput(CaseAction.Escalate), default);
        Assert.Equal("note", Assert.Single(unexplained.Problems).Field);
        var escalated = await CaseStore.ActAsync(db, clock, group, c.Id, new CaseStepInput(CaseAction.Escalate, "需镇里协调电力所，已向群众说明"), default);
        Assert.Equal((CaseStatus.Escalated, CaseLevel.Township, village[..9]), (escalated.Case!.Status, escalated.Case.Level, escalated.Case.HolderDivision));
        // The work group no longer holds it; the township does.
        var notYours = await CaseStore.ActAsync(db, clock, group, c.Id, new CaseStepInput(CaseAction.Resolve, "已修好"), default);
        Assert.Contains("held by the township", Assert.Single(notYours.Problems).En, StringComparison.Ordinal);
        // A transition the life cycle does not allow names the allowed ones.
        var wrong = await CaseStore.ActAsync(db, clock, township, c.Id, new CaseStepInput(CaseAction.Reopen), default);
        Assert.Contains("allowed: accepted, assigned", Assert.Single(wrong.Problems).En, StringComparison.Ordinal);
        Assert.True((await CaseStore.ActAsync(db, clock, township, c.Id, new CaseStepInput(CaseAction.Accept), default)).Ok);
        var resolved = await CaseStore.ActAsync(db, clock, township, c.Id, new CaseStepInput(CaseAction.Resolve, "电力所已更换路灯"), default);
        Assert.Equal((CaseStatus.Resolved, true), (resolved.Case!.Status, resolved.Case.OnTime));

        var followUp = await CaseStore.PublicFollowUpAsync(db, clock, TrackingCode.Display(c.TrackingCode).ToLowerInvariant(), solved: false, satisfaction: 2, default);
        Assert.Equal((CaseStatus.Accepted, 1), (followUp.Case!.Status, followUp.Case.Reopens));
        var steps = await CaseQueries.StepsAsync(db, c.Id, default);
        Assert.Equal([CaseAction.Receive, CaseAction.Accept, CaseAction.Escalate, CaseAction.Accept, CaseAction.Resolve, CaseAction.FollowUp], steps.Select(s => s.Action));
        Assert.Equal("public", steps[^1].Actor);
        Assert.Equal(6, await db.AuditEntries.CountAsync(e => e.Action.StartsWith("case.")));
        Assert.Null((await AuditLog.VerifyAsync(db, default)).FirstBrokenId);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_case_left_past_its_deadline_goes_up_by_itself_level_by_level_and_stays_at_the_city(string provider)
    {
        var (t, db, village, group, _, _) = await WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = Clock();
        var c = (await CaseStore.CreateAsync(db, clock, group, Problem(village), default)).Case!;

        clock.Now = new DateTimeOffset(2026, 6, 22, 23, 0, 0, ChinaTime.Offset);   // the due day itself: not yet
        Assert.Equal(0, await CaseStore.EscalateOverdueAsync(db, clock, default));
        clock.Now = new DateTimeOffset(2026, 6, 23, 8, 0, 0, ChinaTime.Offset);    // the day after
        Assert.Equal(1, await CaseStore.EscalateOverdueAsync(db, clock, default));
        var up = await db.Cases.AsNoTracking().SingleAsync();
        Assert.Equal((CaseStatus.Escalated, CaseLevel.Township, 1), (up.Status, up.Level, up.Escalations));
        // Ten working days at the township from Tuesday 23 June: Tuesday 7 July.
        Assert.Equal(new DateOnly(2026, 7, 7), up.DueOn);
        Assert.Equal(0, await CaseStore.EscalateOverdueAsync(db, clock, default));
        clock.Now = new DateTimeOffset(2026, 7, 8, 8, 0, 0, ChinaTime.Offset);
        Assert.Equal(1, await CaseStore.EscalateOverdueAsync(db, clock, default));
        // At the county an infrastructure case goes to the county's economic unit holding the fewest open cases.
        var economic = await db.Units.Where(u => u.DivisionCode == County && u.Category == Domain.People.UnitCategory.Economic).OrderBy(u => u.Code).Select(u => (int?)u.Id).FirstOrDefaultAsync();
        Assert.NotNull(economic);
        var atCounty = await db.Cases.AsNoTracking().SingleAsync();
        Assert.Equal((CaseLevel.County, economic), (atCounty.Level, atCounty.HolderUnitId));
        clock.Now = clock.Now.AddDays(60);
        Assert.Equal(1, await CaseStore.EscalateOverdueAsync(db, clock, default));
        clock.Now = clock.Now.AddDays(60);
        Assert.Equal(0, await CaseStore.EscalateOverdueAsync(db, clock, default));
        var last = await db.Cases.AsNoTracking().SingleAsync();
        Assert.Equal((CaseLevel.City, "3708"), (last.Level, last.HolderDivision));
        Assert.Equal(3, await db.CaseSteps.CountAsync(s => s.Action == CaseAction.AutoEscalate && s.Actor == "system"));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Assignment_stays_inside_the_assigners_jurisdiction_and_a_case_passed_on_too_often_goes_up(string provider)
    {
        var (t, db, village, _, township, county) = await WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = Clock();
        var c = (await CaseStore.CreateAsync(db, clock, county, Problem(village), default)).Case!;
        var units = await db.Units.Where(u => u.DivisionCode == County).OrderBy(u => u.Id).Select(u => u.Id).Take(5).ToListAsync();
        var cityLevel = new Domain.People.Unit { Code = "3708U999", Name = "市直测试单位", Level = Domain.People.UnitLevel.City, Category = Domain.People.UnitCategory.Economic, DivisionCode = "3708" };
        db.Units.Add(cityLevel);
        await db.SaveChangesAsync();
        var cityUnit = cityLevel.Id;

        var outside = await CaseStore.ActAsync(db, clock, township, c.Id, new CaseStepInput(CaseAction.Assign, UnitId: units[0]), default);
        Assert.Contains("outside your jurisdiction", Assert.Single(outside.Problems).En, StringComparison.Ordinal);
        var city = await CaseStore.ActAsync(db, clock, county, c.Id, new CaseStepInput(CaseAction.Assign, UnitId: cityUnit), default);
        Assert.Equal("unitId", Assert.Single(city.Problems).Field);
        // The policy allows three bounces: the fourth hand-on sends it to the township.
        foreach (var unit in units.Take(4))
        {
            Assert.True((await CaseStore.ActAsync(db, clock, county, c.Id, new CaseStepInput(CaseAction.Assign, UnitId: unit), default)).Ok);
        }
        var now = await db.Cases.AsNoTracking().SingleAsync();
        Assert.Equal((CaseLevel.Village, 3, CaseStatus.Assigned), (now.Level, now.Bounces, now.Status));
        Assert.True((await CaseStore.ActAsync(db, clock, county, c.Id, new CaseStepInput(CaseAction.Assign, UnitId: units[4]), default)).Ok);
        var up = await db.Cases.AsNoTracking().SingleAsync();
        Assert.Equal((CaseLevel.Township, CaseStatus.Escalated, 0, (int?)null), (up.Level, up.Status, up.Bounces, up.HolderUnitId));
        // The history shows the hand-on as taken, then the clock's step.
        var lastTwo = (await CaseQueries.StepsAsync(db, c.Id, default)).TakeLast(2).Select(s => (s.Action, s.To, s.Level, s.Actor)).ToList();
        Assert.Equal([(CaseAction.Assign, CaseStatus.Assigned, CaseLevel.Village, "county-office"), (CaseAction.AutoEscalate, CaseStatus.Escalated, CaseLevel.Township, "system")], lastTwo);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_suggestion_box_goes_in_whole_or_not_at_all_and_visit_issues_become_cases_once(string provider)
    {
        var (t, db, village, group, _, _) = await WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = Clock();
        CaseInput Slip(string text) => new(CaseKind.Suggestion, "environment", CaseChannel.SuggestionBox, village, text);

        var bad = await CaseStore.CreateBatchAsync(db, clock, group, [(1, Slip("建议村里增设垃圾桶")), (2, Slip("")), (3, Slip("建议修缮文化广场"))], default);
        Assert.Equal(2, Assert.Single(bad.Problems).Line);
        Assert.Equal(0, await db.Cases.CountAsync());
        var good = await CaseStore.CreateBatchAsync(db, clock, group, [(1, Slip("建议村里增设垃圾桶")), (3, Slip("建议修缮文化广场"))], default);
        Assert.Equal(2, good.Created);

        // Issues raised on a visit become cases of the visit's channel, linked, once.
        var posting = await db.SecretaryPostings.Where(p => p.Until == null).OrderBy(p => p.VillageCode).FirstAsync();
        var household = await db.Households.Where(h => h.VillageCode == posting.VillageCode).Select(h => h.Id).FirstAsync();
        var author = new FieldAuthor(posting.CadreId, "cadre-test", RecordSource.Phone);
        await FieldStore.SaveVisitsAsync(db, clock, author, [new VisitInput(Guid.NewGuid(), household, clock.Now.AddHours(-1), null, null, null, ["桥面有裂缝", "想了解养老保险"])], default);
        Assert.Equal(2, await CaseStore.TakeUpVisitIssuesAsync(db, clock, 100, default));
        Assert.Equal(0, await CaseStore.TakeUpVisitIssuesAsync(db, clock, 100, default));
        var fromVisits = await db.Cases.AsNoTracking().Where(c => c.Channel == CaseChannel.Visit).ToListAsync();
        Assert.Equal(["想了解养老保险", "桥面有裂缝"], fromVisits.Select(c => c.Description).Order(StringComparer.Ordinal));
        Assert.All(fromVisits, c => Assert.Equal((posting.VillageCode, (int?)posting.CadreId, (long?)household), (c.VillageCode, c.CadreId, c.HouseholdId)));
        Assert.Equal(0, await db.VisitIssues.CountAsync(i => i.CaseId == null));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_case_figures_kept_by_the_rollups_equal_counts_made_directly_from_the_records(string provider)
    {
        var (t, db, village, _, office, _) = await WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = Clock();
        var township = village[..9];
        var other = await db.Divisions.Where(d => d.Code.StartsWith(township) && d.Code.Length == 12 && d.Code != village).Select(d => d.Code).FirstAsync();
        var both = new CaseActor("township-office", office.Covers);
        var ids = new List<long>();
        for (var i = 0; i < 12; i++)
        {
            var input = i % 3 == 0
                ? new CaseInput(CaseKind.Suggestion, "industry", CaseChannel.NightVisit, i % 2 == 0 ? village : other, $"建议 {i}")
                : Problem(i % 2 == 0 ? village : other, $"问题 {i}");
            ids.Add((await CaseStore.CreateAsync(db, clock, both, input, default)).Case!.Id);
        }
        await CaseStore.ActAsync(db, clock, both, ids[0], new CaseStepInput(CaseAction.Adopt, "已采纳，纳入明年计划"), default);
        await CaseStore.ActAsync(db, clock, both, ids[1], new CaseStepInput(CaseAction.Resolve, "已修好"), default);
        await CaseStore.ActAsync(db, clock, both, ids[2], new CaseStepInput(CaseAction.CloseNotFixed, "资金不足，已解释"), default);
        await CaseStore.ActAsync(db, clock, both, ids[4], new CaseStepInput(CaseAction.Escalate, "需县里统筹，已解释"), default);
        await CaseStore.ActAsync(db, clock, both, ids[5], new CaseStepInput(CaseAction.Withdraw), default);
        await CaseStore.ActAsync(db, clock, both, ids[1], new CaseStepInput(CaseAction.FollowUp, Solved: true, Satisfaction: 5), default);
        await CaseStore.ActAsync(db, clock, both, ids[0], new CaseStepInput(CaseAction.FollowUp, Solved: true, Satisfaction: 4), default);
        clock.Now = clock.Now.AddDays(30);
        await CaseStore.ActAsync(db, clock, both, ids[7], new CaseStepInput(CaseAction.Resolve, "晚了但办好了"), default);   // late
        await CaseStore.ActAsync(db, clock, both, ids[7], new CaseStepInput(CaseAction.Reopen), default);
        await FieldRollups.DrainAllAsync(db, default);

        var figures = await RollupStore.ForDivisionAsync(db, township, default);
        var cases = await db.Cases.AsNoTracking().Where(c => c.VillageCode.StartsWith(township)).ToListAsync();
        var counted = cases.Where(c => c.Status is not (CaseStatus.Merged or CaseStatus.Withdrawn)).ToList();
        var closed = counted.Where(c => c.Status is CaseStatus.Resolved or CaseStatus.Adopted or CaseStatus.ClosedNotFixed).ToList();
        Assert.Equal(11, figures.GetValueOrDefault(R.CasesCollected.Id));
        Assert.Equal(counted.Count, figures.GetValueOrDefault(R.CasesCollected.Id));
        Assert.Equal(1, figures.GetValueOrDefault(R.CasesAdopted.Id));
        Assert.Equal(2, figures.GetValueOrDefault(R.CasesCompleted.Id));
        Assert.Equal(closed.Count, figures.GetValueOrDefault(R.CasesClosed.Id));
        Assert.Equal(closed.Count(c => c.OnTime == true), figures.GetValueOrDefault(R.CasesOnTime.Id));
        Assert.Equal(counted.Count(c => c.RepliedAt is not null), figures.GetValueOrDefault(R.CasesReplied.Id));
        Assert.Equal(2, figures.GetValueOrDefault(R.CasesFollowedUp.Id));
        Assert.Equal(9, figures.GetValueOrDefault(R.CasesSatisfaction.Id));
        Assert.Equal(1, figures.GetValueOrDefault(R.CasesReopened.Id));
        Assert.Equal(1, figures.GetValueOrDefault(R.CasesEscalated.Id));
        // The breakdown by category and by month counts the same (on both databases).
        foreach (var by in Enum.GetValues<CaseBreakdown>())
        {
            var rows = await CaseQueries.BreakdownAsync(Scoped.Operator(db).Under(township), new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), by, default);
            Assert.Equal((11, 2, closed.Count, 2, 9), (rows.Sum(r => r.Collected), rows.Sum(r => r.Completed), rows.Sum(r => r.Closed), rows.Sum(r => r.FollowedUp), rows.Sum(r => r.SatisfactionPoints)));
        }
        // And the same as a full recount of every leaf.
        var leaves = (await FieldRollups.LeavesAsync(db, null, default)).Where(l => l.IndicatorId.StartsWith("cases_", StringComparison.Ordinal)).ToList();
        Assert.Equal(counted.Count, leaves.Where(l => l.IndicatorId == R.CasesCollected.Id && l.Month == 0).Sum(l => l.Value));
        // Its months (by the month each case came in, China time) add up to the year.
        Assert.Equal(counted.Count, leaves.Where(l => l.IndicatorId == R.CasesCollected.Id && l.Month != 0).Sum(l => l.Value));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Disputes_are_mediated_step_by_step_errands_finished_and_both_counted(string provider)
    {
        var (t, db, village, group, township, _) = await WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = Clock();
        var outside = await DisputeStore.AddDisputeAsync(db, clock, group, new DisputeInput(await OutsideAsync(db, village), DisputeKind.Land, "张某、李某", "宅基地边界"), default);
        Assert.Contains("outside your jurisdiction", Assert.Single(outside.Problems).En, StringComparison.Ordinal);
        var (d, problems) = await DisputeStore.AddDisputeAsync(db, clock, group, new DisputeInput(village, DisputeKind.Neighbours, "张某、李某", "两家因排水沟争执", "村调委会"), default);
        Assert.Empty(problems);
        Assert.Empty(await DisputeStore.UpdateDisputeAsync(db, clock, group, d!.Id, "第一次上门调解，双方各退一步", null, null, null, default));
        var noDate = await DisputeStore.UpdateDisputeAsync(db, clock, group, d.Id, null, DisputeOutcome.Mediated, null, null, default);
        Assert.Equal("agreementOn", Assert.Single(noDate).Field);
        Assert.Empty(await DisputeStore.UpdateDisputeAsync(db, clock, group, d.Id, "签订调解协议", DisputeOutcome.Mediated, null, new DateOnly(2026, 6, 15), default));
        var again = await DisputeStore.UpdateDisputeAsync(db, clock, group, d.Id, null, DisputeOutcome.Unresolved, null, null, default);
        Assert.Equal("outcome", Assert.Single(again).Field);
        var (other, _) = await DisputeStore.AddDisputeAsync(db, clock, township, new DisputeInput(village, DisputeKind.Debt, "赵某、钱某", "借款纠纷"), default);
        var referred = await DisputeStore.UpdateDisputeAsync(db, clock, township, other!.Id, null, DisputeOutcome.Referred, null, null, default);
        Assert.Equal("referredTo", Assert.Single(referred).Field);
        Assert.Empty(await DisputeStore.UpdateDisputeAsync(db, clock, township, other.Id, null, DisputeOutcome.Referred, "县人民法院", null, default));

        var (e, _) = await DisputeStore.AddErrandAsync(db, clock, group, new ErrandInput(village, ErrandKind.Benefits, "代办高龄补贴申请"), default);
        await DisputeStore.AddErrandAsync(db, clock, group, new ErrandInput(village, ErrandKind.Papers, "代办身份证换领"), default);
        Assert.Equal("result", Assert.Single(await DisputeStore.FinishErrandAsync(db, clock, group, e!.Id, true, " ", default)).Field);
        Assert.Empty(await DisputeStore.FinishErrandAsync(db, clock, group, e.Id, true, "补贴已发放", default));

        var stored = await db.Disputes.AsNoTracking().SingleAsync(x => x.Id == d.Id);
        Assert.Equal(["2026-06-15 第一次上门调解，双方各退一步", "2026-06-15 签订调解协议"], stored.Steps!.Split('\n'));
        // The parties are personal data: encrypted at rest.
        Assert.DoesNotContain("张某", await db.Database.SqlQuery<string>($"SELECT parties AS \"Value\" FROM disputes WHERE id = {d.Id}").SingleAsync(), StringComparison.Ordinal);
        await FieldRollups.DrainAllAsync(db, default);
        var figures = await RollupStore.ForDivisionAsync(db, village, default);
        Assert.Equal((2L, 1L, 2L, 1L), (figures.GetValueOrDefault(R.Disputes.Id), figures.GetValueOrDefault(R.DisputesMediated.Id), figures.GetValueOrDefault(R.Errands.Id), figures.GetValueOrDefault(R.ErrandsDone.Id)));
        Assert.Equal(8, await db.AuditEntries.CountAsync(x => x.Action.StartsWith("dispute.") || x.Action.StartsWith("errand.")));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Demo_activity_takes_up_every_issue_as_a_case_at_the_sources_rates_and_the_rollups_match_the_records(string provider)
    {
        var (t, db, _, _, _, _) = await WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 1, 10, 0, 0, ChinaTime.Offset));
        var result = await DemoActivity.GenerateAsync(db, clock, Actor.System, 2026, 7, null, default);

        Assert.Equal(result.Issues, result.Cases);
        Assert.Equal(result.Issues, await db.Cases.CountAsync(c => c.Channel == CaseChannel.Visit));
        Assert.Equal(0, await db.VisitIssues.CountAsync(i => i.CaseId == null));
        Assert.Equal(result.Cases, await db.Cases.CountAsync(c => db.VisitIssues.Any(i => i.Id == c.VisitIssueId && i.CaseId == c.Id)));
        var completed = await db.Cases.CountAsync(c => c.Status == CaseStatus.Resolved || c.Status == CaseStatus.Adopted);
        // Matters escalated at night sessions are cases too, each naming its session.
        Assert.True(result.NightCases > 0);
        Assert.Equal(result.NightCases, await db.Cases.CountAsync(c => c.Channel == CaseChannel.NightVisit && c.NightSessionId != null));
        Assert.InRange(completed / (double)(result.Cases + result.NightCases), 0.40, 0.51);             // the source: 33,940 of 74,506
        Assert.InRange(result.Disputes, result.Issues * 0.05, result.Issues * 0.11);
        var mediated = await db.Disputes.CountAsync(d => d.Outcome == DisputeOutcome.Mediated);
        Assert.InRange(mediated / (double)result.Disputes, 0.8, 0.98);
        Assert.Equal(result.Errands, await db.Errands.CountAsync());
        // Every case has its receipt step, and the life cycle's last step leads to where the case stands.
        Assert.Equal(result.Cases + result.NightCases, await db.CaseSteps.CountAsync(s => s.Action == CaseAction.Receive));
        var last = await db.CaseSteps.AsNoTracking().GroupBy(s => s.CaseId).Select(g => g.OrderByDescending(s => s.Id).First()).ToListAsync();
        var statuses = await db.Cases.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Status);
        Assert.All(last, s => Assert.Equal(statuses[s.CaseId], s.To));

        // Open cases were passed up at their deadlines as the server's clock does: nothing is left for it below the city.
        Assert.Equal(0, await CaseStore.EscalateOverdueAsync(db, clock, default));
        Assert.True(await db.CaseSteps.AnyAsync(s => s.Action == CaseAction.AutoEscalate && s.Actor == "system"));

        var city = await RollupStore.ForDivisionAsync(db, "3708", default);
        Assert.Equal(await db.Cases.CountAsync(c => c.Status != CaseStatus.Withdrawn && c.Status != CaseStatus.Merged), city.GetValueOrDefault(R.CasesCollected.Id));
        Assert.Equal(completed, city.GetValueOrDefault(R.CasesCompleted.Id));
        Assert.Equal(mediated, city.GetValueOrDefault(R.DisputesMediated.Id));
        Assert.Equal(await db.Errands.CountAsync(e => e.Status == ErrandStatus.Done), city.GetValueOrDefault(R.ErrandsDone.Id));
        Assert.Equal(await db.Cases.SumAsync(c => c.Satisfaction ?? 0), city.GetValueOrDefault(R.CasesSatisfaction.Id));
    }
}
