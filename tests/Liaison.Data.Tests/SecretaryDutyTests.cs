using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Field;
using Liaison.Data.People;
using Liaison.Data.Reporting;
using Liaison.Data.Secretaries;
using Liaison.Domain.Access;
using Liaison.Domain.Field;
using Liaison.Domain.People;
using Liaison.Domain.Secretaries;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;
using R = Liaison.Domain.Reporting.Indicators;

namespace Liaison.Data.Tests;

/// <summary>
/// The First Secretary's visiting duties in the field family: households First Secretaries visited
/// (reported apart), and those in post who visited every household, every three-olds household
/// and every three-kinds household — drained, equal to a recount, clean under verify, and the same
/// as the posting's standing the pages read.
/// </summary>
public class SecretaryDutyTests
{
    private static VisitInput Visit(long household, int day = 14) =>
        new(Guid.NewGuid(), household, new DateTimeOffset(2026, 6, day, 9, 30, 0, ChinaTime.Offset), null, null, null, []);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_First_Secretary_meets_each_visiting_duty_by_their_own_visits_only_and_the_rollups_follow(string provider)
    {
        var (t, db, secretary, village, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        var households = await db.Households.AsNoTracking().Where(h => h.VillageCode == village && h.Status == HouseholdStatus.Current)
            .OrderBy(h => h.Id).Select(h => new { h.Id, h.Categories }).ToListAsync();
        var olds = households.Where(h => (h.Categories & HouseholdCategories.ThreeOlds) != 0).Select(h => h.Id).ToList();
        var kinds = households.Where(h => (h.Categories & HouseholdCategories.ThreeHouseholds) != 0).Select(h => h.Id).ToList();
        // The demo's village has households of each sort, and some of neither.
        Assert.NotEmpty(olds);
        Assert.NotEmpty(kinds);
        var ordinary = households.Select(h => h.Id).Except(olds).Except(kinds).ToList();
        Assert.NotEmpty(ordinary);
        var other = await OtherCadreAsync(db, village, secretary.CadreId);

        async Task<Dictionary<string, long>> Figures()
        {
            await FieldRollups.DrainAllAsync(db, default);
            return (await RollupStore.ForDivisionAsync(db, village, default)).ToDictionary();
        }
        var before = await Figures();
        Assert.Equal((1L, 0L, 0L, 0L, 0L), (before[R.SecretariesOnDuty.Id], before.GetValueOrDefault(R.SecretariesVisitedAll.Id),
            before.GetValueOrDefault(R.SecretariesVisitedThreeOlds.Id), before.GetValueOrDefault(R.SecretariesVisitedThreeKinds.Id), before.GetValueOrDefault(R.HouseholdsVisitedBySecretaries.Id)));

        // Another cadre visits every three-olds household: none of it is the First Secretary's.
        Assert.All(await FieldStore.SaveVisitsAsync(db, clock, other, olds.Select(h => Visit(h)).ToList(), default), r => Assert.Equal(RecordOutcome.Stored, r.Outcome));
        var byOther = await Figures();
        Assert.Equal((0L, 0L), (byOther.GetValueOrDefault(R.SecretariesVisitedThreeOlds.Id), byOther.GetValueOrDefault(R.HouseholdsVisitedBySecretaries.Id)));
        Assert.True(byOther[R.HouseholdsVisited.Id] >= olds.Count);

        // The First Secretary visits the three olds (one twice, in May and June) and the three kinds.
        await FieldStore.SaveVisitsAsync(db, clock, secretary, [.. olds.Select(h => Visit(h)), Visit(olds[0], day: 2) with { VisitedAt = new DateTimeOffset(2026, 5, 2, 9, 0, 0, ChinaTime.Offset) },
            .. kinds.Except(olds).Select(h => Visit(h))], default);
        var duties = await Figures();
        var visitedBySecretary = olds.Union(kinds).Count();
        Assert.Equal((1L, 0L, 1L, 1L), (duties[R.SecretariesOnDuty.Id], duties.GetValueOrDefault(R.SecretariesVisitedAll.Id),
            duties[R.SecretariesVisitedThreeOlds.Id], duties[R.SecretariesVisitedThreeKinds.Id]));
        Assert.Equal(visitedBySecretary, duties[R.HouseholdsVisitedBySecretaries.Id]);
        // By the month of the First Secretary's first visit: one household in May, the others in June.
        var months = await db.RollupMonths.AsNoTracking().Where(m => m.DivisionCode == village && m.IndicatorId == R.HouseholdsVisitedBySecretaries.Id)
            .OrderBy(m => m.Month).Select(m => new { m.Month, m.Value }).ToListAsync();
        Assert.Equal([(5, 1L), (6, visitedBySecretary - 1L)], months.Select(m => (m.Month, m.Value)));

        // The standing the pages read says the same, and lists the ordinary households as unvisited.
        var posting = await db.SecretaryPostings.AsNoTracking().SingleAsync(p => p.VillageCode == village && p.CadreId == secretary.CadreId && p.Until == null);
        var standing = Assert.Single(await SecretaryDutyReads.StandAsync(Scoped.Operator(db), [posting], default)).Standing;
        Assert.Equal((households.Count, visitedBySecretary, false), (standing[SecretaryDuty.AllHouseholds].Total, standing[SecretaryDuty.AllHouseholds].Visited, standing[SecretaryDuty.AllHouseholds].Met));
        Assert.True(standing[SecretaryDuty.ThreeOlds].Met && standing[SecretaryDuty.ThreeKinds].Met);
        Assert.Equal(ordinary.Order(), Assert.Single(standing.Unvisited).Households.Order());

        // The phone shows the First Secretary the same, by key, and nothing of the kind to the other cadre.
        var phone = Assert.Single((await FieldQueries.MineAsync(db, clock, secretary.CadreId, default)).Villages, v => v.Code == village).Duties;
        Assert.NotNull(phone);
        Assert.Equal([("allHouseholds", households.Count, ordinary.Count), ("threeOlds", olds.Count, 0), ("threeKinds", kinds.Count, 0)],
            phone.Duties.Select(d => (d.Duty, d.Total, d.Unvisited.Count)));
        Assert.Equal(("none", ordinary.Count), (Assert.Single(phone.Unvisited).Category, phone.Unvisited[0].Households.Count));
        Assert.Null(Assert.Single((await FieldQueries.MineAsync(db, clock, other.CadreId, default)).Villages, v => v.Code == village).Duties);

        // Every household visited: every duty met.
        await FieldStore.SaveVisitsAsync(db, clock, secretary, ordinary.Select(h => Visit(h)).ToList(), default);
        var all = await Figures();
        Assert.Equal((1L, 1L), (all[R.SecretariesVisitedAll.Id], all[R.HouseholdsVisitedBySecretaries.Id] == households.Count ? 1L : 0L));

        // A household registered since is not yet visited: the village's duty is open again.
        await RegistryStore.AddHouseholdAsync(db, clock, Actor.System, Scope.Everything,
            new HouseholdInput(village, "新-1", "赵六", null, 2, HouseholdCategory.None), new DateOnly(2026, 6, 15), null, default);
        var added = await Figures();
        Assert.Equal((0L, 1L), (added.GetValueOrDefault(R.SecretariesVisitedAll.Id), added[R.SecretariesVisitedThreeOlds.Id]));

        // The drained figures equal a recount from the visits themselves.
        var check = await RollupVerifier.VerifyAsync(db, default);
        Assert.Empty(check.Differences);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_recalled_First_Secretary_is_no_longer_in_post_but_the_households_they_visited_stay_visited_by_a_First_Secretary(string provider)
    {
        var (t, db, secretary, village, households, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        await FieldStore.SaveVisitsAsync(db, clock, secretary, households.Take(3).Select(h => Visit(h)).ToList(), default);
        var posting = await db.SecretaryPostings.AsNoTracking().SingleAsync(p => p.VillageCode == village && p.CadreId == secretary.CadreId && p.Until == null);
        Assert.Null(await SecretaryStore.ChangePostingAsync(db, clock, Actor.System, posting.Id, new PostingChange("工作调整"), ChinaTime.Today(clock), _ => true, default));
        await FieldRollups.DrainAllAsync(db, default);

        var figures = await RollupStore.ForDivisionAsync(db, village, default);
        Assert.Equal(0L, figures.GetValueOrDefault(R.SecretariesOnDuty.Id));
        Assert.Equal(3L, figures[R.HouseholdsVisitedBySecretaries.Id]);
        Assert.Empty((await RollupVerifier.VerifyAsync(db, default)).Differences);
        // No longer in post: the phone shows no duties for the village.
        Assert.All((await FieldQueries.MineAsync(db, clock, secretary.CadreId, default)).Villages, v => Assert.Null(v.Duties));
    }

    /// <summary>A cadre of another tie in the village who may record visits there, not its First Secretary.</summary>
    private static async Task<FieldAuthor> OtherCadreAsync(LiaisonDb db, string village, int secretary)
    {
        var id = await db.LiaisonTies.AsNoTracking().Where(t => t.DivisionCode == village && t.Until == null && t.CadreId != null && t.CadreId != secretary)
            .OrderBy(t => t.Id).Select(t => t.CadreId!.Value).FirstAsync();
        return new FieldAuthor(id, "other-test", RecordSource.Phone);
    }
}
