using Liaison.Data.Audit;
using Liaison.Data.Field;
using Liaison.Data.People;
using Liaison.Data.Policy;
using Liaison.Data.Reporting;
using Liaison.Domain.Access;
using Liaison.Domain.Field;
using Liaison.Domain.People;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;
using R = Liaison.Domain.Reporting.Indicators;

namespace Liaison.Data.Tests;

/// <summary>
/// Participation defined honestly (issue 20): cadres taking part ÷ cadres expected, at the division of
/// each cadre's unit, kept by the drainer per cadre and equal to a recount from the records.
/// </summary>
public class ParticipationRollupTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_members_first_visit_counts_them_at_their_units_division_in_its_month_and_a_transfer_moves_them(string provider)
    {
        var (t, db, _, _, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        var (pairing, member) = await PairingMemberTests.MemberWithNoTieAsync(db, UnitLevel.County);
        var home = await db.Units.AsNoTracking().SingleAsync(u => u.Id == member.UnitId);
        var households = await db.Households.AsNoTracking().Where(h => h.VillageCode == pairing.DivisionCode && h.Status == HouseholdStatus.Current)
            .OrderBy(h => h.Id).Select(h => h.Id).Take(2).ToListAsync();

        // Every active cadre of a city, county or township unit is expected (the default policy), counted where their unit is (and above).
        var expected = await db.Cadres.CountAsync(c => c.Status == CadreStatus.Active && db.Units.Any(u => u.Id == c.UnitId && u.DivisionCode.StartsWith(home.DivisionCode)));
        Assert.Equal(expected, await FigureAsync(db, home.DivisionCode, R.CadresExpected.Id));
        var before = await FigureAsync(db, home.DivisionCode, R.CadresTakingPart.Id);
        var cityBefore = await FigureAsync(db, "3708", R.CadresTakingPart.Id);
        var juneBefore = await MonthAsync(db, home.DivisionCode, 6);

        var author = new FieldAuthor(member.Id, "member-test", RecordSource.Phone);
        await FieldStore.SaveVisitsAsync(db, clock, author, [Visit(households[0], 6)], default);
        // Not drained yet: the cadre is pending and stands as last counted, not a difference.
        var queued = await RollupVerifier.VerifyAsync(db, default);
        Assert.Empty(queued.Differences);
        Assert.Equal(1, queued.PendingCadres);

        await FieldRollups.DrainAllAsync(db, default);
        Assert.Equal(before + 1, await FigureAsync(db, home.DivisionCode, R.CadresTakingPart.Id));
        Assert.Equal(cityBefore + 1, await FigureAsync(db, "3708", R.CadresTakingPart.Id));
        Assert.Equal(juneBefore + 1, await MonthAsync(db, home.DivisionCode, 6));
        Assert.Empty((await RollupVerifier.VerifyAsync(db, default)).Differences);

        // An earlier visit moves the month they are counted in, not the count.
        var june = await MonthAsync(db, home.DivisionCode, 6);
        var may = await MonthAsync(db, home.DivisionCode, 5);
        await FieldStore.SaveVisitsAsync(db, clock, author, [Visit(households[1], 5)], default);
        await FieldRollups.DrainAllAsync(db, default);
        Assert.Equal((june - 1, may + 1), (await MonthAsync(db, home.DivisionCode, 6), await MonthAsync(db, home.DivisionCode, 5)));
        Assert.Equal(before + 1, await FigureAsync(db, home.DivisionCode, R.CadresTakingPart.Id));
        // Counted from May: a later visit cannot change that, so it queues nothing for the drainer.
        var later = Assert.Single(await FieldStore.SaveVisitsAsync(db, clock, author, [Visit(households[1], 6)], default));
        Assert.Equal(RecordOutcome.Stored, later.Outcome);
        Assert.False(await db.ParticipationDirty.AnyAsync(d => d.CadreId == member.Id));

        // Transferred to a township's unit: they count at the township now (and so still in the county above it).
        var to = await db.Units.AsNoTracking().Where(u => u.Status == UnitStatus.Open && u.Level == UnitLevel.Township && u.DivisionCode.StartsWith(home.DivisionCode))
            .OrderBy(u => u.Id).FirstAsync();
        var elsewhere = await FigureAsync(db, to.DivisionCode, R.CadresTakingPart.Id);
        await RegistryStore.ChangeCadreAsync(db, clock, new Actor("office-test"), Scope.Everything, member.Code,
            new RegistryChange(RegistryAction.Transferred, new DateOnly(2026, 6, 15), "工作调动", to.Code), default);
        await FieldRollups.DrainAllAsync(db, default);
        Assert.Equal(before + 1, await FigureAsync(db, home.DivisionCode, R.CadresTakingPart.Id));
        Assert.Equal(elsewhere + 1, await FigureAsync(db, to.DivisionCode, R.CadresTakingPart.Id));
        Assert.Equal(cityBefore + 1, await FigureAsync(db, "3708", R.CadresTakingPart.Id));
        Assert.Empty((await RollupVerifier.VerifyAsync(db, default)).Differences);
        // What the drainer remembers of them is where and when they count now, for the next change to take back.
        var mark = await db.CadreParticipation.AsNoTracking().SingleAsync(p => p.CadreId == member.Id);
        Assert.Equal((to.DivisionCode, 5), (mark.DivisionCode, mark.Month));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_city_that_asks_two_visits_counts_a_cadre_only_at_the_second_and_the_levels_it_names_decide_who_is_expected(string provider)
    {
        var (t, db, _, _, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        var (pairing, member) = await PairingMemberTests.MemberWithNoTieAsync(db);
        var home = await db.Units.AsNoTracking().SingleAsync(u => u.Id == member.UnitId);
        var households = await db.Households.AsNoTracking().Where(h => h.VillageCode == pairing.DivisionCode && h.Status == HouseholdStatus.Current)
            .OrderBy(h => h.Id).Select(h => h.Id).Take(2).ToListAsync();
        await PolicyStore.SetAsync(db, clock, Actor.System, """{ "year": 2026, "participation": { "minimumVisits": 2 } }""", default);
        var before = await FigureAsync(db, home.DivisionCode, R.CadresTakingPart.Id);
        var author = new FieldAuthor(member.Id, "member-test", RecordSource.Phone);

        await FieldStore.SaveVisitsAsync(db, clock, author, [Visit(households[0], 5)], default);
        await FieldRollups.DrainAllAsync(db, default);
        Assert.Equal(before, await FigureAsync(db, home.DivisionCode, R.CadresTakingPart.Id));
        await FieldStore.SaveVisitsAsync(db, clock, author, [Visit(households[1], 6)], default);
        await FieldRollups.DrainAllAsync(db, default);
        Assert.Equal(before + 1, await FigureAsync(db, home.DivisionCode, R.CadresTakingPart.Id));
        Assert.Empty((await RollupVerifier.VerifyAsync(db, default)).Differences);

        // Township units only: the city's and counties' cadres are no longer expected, nor counted as taking part.
        Assert.NotEqual(UnitLevel.Township, home.Level);
        await PolicyStore.SetAsync(db, clock, Actor.System, """{ "year": 2026, "participation": { "minimumVisits": 2, "unitLevels": ["township"] } }""", default);
        var township = await db.Cadres.CountAsync(c => c.Status == CadreStatus.Active && db.Units.Any(u => u.Id == c.UnitId && u.Level == UnitLevel.Township));
        Assert.Equal(township, await FigureAsync(db, "3708", R.CadresExpected.Id));
        Assert.Equal(before, await FigureAsync(db, home.DivisionCode, R.CadresTakingPart.Id));
        Assert.False(await db.CadreParticipation.AnyAsync(p => p.CadreId == member.Id));
        Assert.Empty((await RollupVerifier.VerifyAsync(db, default)).Differences);
    }

    private static VisitInput Visit(long household, int month) =>
        new(Guid.NewGuid(), household, new DateTimeOffset(2026, month, 10, 9, 30, 0, ChinaTime.Offset), "了解生产生活情况", null, null, []);

    private static async Task<long> FigureAsync(LiaisonDb db, string code, string indicator) =>
        await db.Rollups.AsNoTracking().Where(r => r.DivisionCode == code && r.IndicatorId == indicator).Select(r => r.Value).SingleOrDefaultAsync();

    private static async Task<long> MonthAsync(LiaisonDb db, string code, int month) =>
        await db.RollupMonths.AsNoTracking().Where(r => r.DivisionCode == code && r.IndicatorId == R.CadresTakingPart.Id && r.Month == month).Select(r => r.Value).SingleOrDefaultAsync();
}
