using Liaison.Data.Field;
using Liaison.Data.Liaisons;
using Liaison.Data.Reporting;
using Liaison.Domain.Field;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;
using R = Liaison.Domain.Reporting.Indicators;

namespace Liaison.Data.Tests;

/// <summary>结对帮扶 (issue 20): one plan a household and year, closed with what changed, counted at its village.</summary>
public class HelpPlanTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_poor_household_is_paired_once_a_year_its_plan_closed_as_achieved_and_the_village_counts_both(string provider)
    {
        var (t, db, author, village, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        var household = await db.Households.AsNoTracking().Where(h => h.VillageCode == village && h.Status == HouseholdStatus.Current).OrderBy(h => h.Id).FirstAsync();
        var cadre = await db.Cadres.AsNoTracking().SingleAsync(c => c.Id == author.CadreId);
        var office = new OfficeActor("office-test", code => code.StartsWith("370830", StringComparison.Ordinal));
        var input = new HelpPlanInput(household.Id, cadre.Code, "缺少劳动力", "介绍就近务工", new DateOnly(2026, 12, 31));

        var plan = await HelpPlanStore.CreateAsync(db, clock, office, input, default);
        Assert.Equal((HelpPlanStatus.Open, village, new DateOnly(2026, 6, 15)), (plan.Status, plan.VillageCode, plan.StartedOn));
        var again = await Assert.ThrowsAsync<RefusedException>(() => HelpPlanStore.CreateAsync(db, clock, office, input, default));
        Assert.Equal(("household", "exists"), (again.Problems[0].Field, again.Problems[0].Code));
        var outside = await Assert.ThrowsAsync<RefusedException>(() => HelpPlanStore.CreateAsync(db, clock, new OfficeActor("far", _ => false), input, default));
        Assert.Equal("out-of-reach", outside.Problems[0].Code);
        var blank = await Assert.ThrowsAsync<RefusedException>(() => HelpPlanStore.CloseAsync(db, clock, office, plan.Id, true, " ", default));
        Assert.Equal("outcome", blank.Problems[0].Field);

        await HelpPlanStore.CloseAsync(db, clock, office, plan.Id, achieved: true, "实现稳定就业", default);
        await FieldRollups.DrainAllAsync(db, default);
        var figures = await RollupStore.ForDivisionAsync(db, village, default);
        Assert.Equal((1L, 1L), (figures.GetValueOrDefault(R.HelpPlans.Id), figures.GetValueOrDefault(R.HelpPlansAchieved.Id)));
        Assert.Equal(1, await db.RollupMonths.Where(m => m.DivisionCode == village && m.IndicatorId == R.HelpPlansAchieved.Id && m.Month == 6).Select(m => m.Value).SingleAsync());
        Assert.Empty((await RollupVerifier.VerifyAsync(db, default)).Differences);
        var closed = await Assert.ThrowsAsync<RefusedException>(() => HelpPlanStore.CloseAsync(db, clock, office, plan.Id, false, "再次关闭", default));
        Assert.Equal("closed", closed.Problems[0].Code);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_responsible_cadre_follows_the_plan_up_from_the_phone_even_in_a_village_that_is_not_otherwise_theirs(string provider)
    {
        var (t, db, _, village, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        var household = await db.Households.AsNoTracking().Where(h => h.VillageCode == village && h.Status == HouseholdStatus.Current).OrderByDescending(h => h.Id).FirstAsync();
        // A cadre with no tie, posting, pairing or team of their own: nothing of this village is theirs.
        var tied = db.LiaisonTies.Where(x => x.CadreId != null).Select(x => x.CadreId!.Value);
        var pairedUnits = db.LiaisonTies.Where(x => x.Kind == TieKind.Pairing).Select(x => x.UnitId);
        var cadre = await db.Cadres.AsNoTracking().Where(c => c.Status == CadreStatus.Active && !tied.Contains(c.Id) && !pairedUnits.Contains(c.UnitId)
            && !db.SecretaryPostings.Any(p => p.CadreId == c.Id) && !db.WorkTeamMembers.Any(m => m.CadreId == c.Id)).OrderBy(c => c.Id).FirstAsync();
        var author = new FieldAuthor(cadre.Id, "helper-test", RecordSource.Phone);
        VisitInput Visit() => new(Guid.NewGuid(), household.Id, new DateTimeOffset(2026, 6, 15, 9, 0, 0, ChinaTime.Offset), "跟进帮扶措施", null, null, []);
        Assert.Equal(RecordOutcome.Refused, Assert.Single(await FieldStore.SaveVisitsAsync(db, clock, author, [Visit()], default)).Outcome);

        await HelpPlanStore.CreateAsync(db, clock, new OfficeActor("office-test", _ => true),
            new HelpPlanInput(household.Id, cadre.Code, "缺少劳动力", "介绍就近务工", new DateOnly(2026, 12, 31)), default);
        Assert.Equal(RecordOutcome.Stored, Assert.Single(await FieldStore.SaveVisitsAsync(db, clock, author, [Visit()], default)).Outcome);
        var mine = await FieldQueries.MineAsync(db, clock, cadre.Id, default);
        var mineThere = Assert.Single(mine.Villages, v => v.Code == village);
        Assert.Equal([household.Id], mineThere.HouseholdList.Where(h => h.Helped).Select(h => h.Id));
        // The phone lists the plan itself: what the household needs, the measures, the target, the visits so far.
        var listed = Assert.Single(mineThere.HelpPlans!);
        Assert.Equal((household.Id, household.HouseNo, "缺少劳动力", "介绍就近务工", new DateOnly(2026, 12, 31), false, 1),
            (listed.Household, listed.HouseNo, listed.Needs, listed.Measures, listed.TargetOn, listed.Overdue, listed.MyVisits));
        Assert.DoesNotContain(household.HeadName, listed.Head, StringComparison.Ordinal);
    }
}
