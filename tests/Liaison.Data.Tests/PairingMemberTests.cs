using Liaison.Data.Audit;
using Liaison.Data.Field;
using Liaison.Data.Policy;
using Liaison.Domain.Field;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Tests;

/// <summary>Everyone takes part: a cadre of a paired unit records field work in the unit's village without a tie of their own.</summary>
public class PairingMemberTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_member_of_a_paired_unit_with_no_tie_records_a_stay_and_a_visit_in_the_paired_village_and_a_cadre_of_another_unit_cannot(string provider)
    {
        var (t, db, _, _, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        var (pairing, member) = await MemberWithNoTieAsync(db);
        var tied = db.LiaisonTies.Where(x => x.CadreId != null).Select(x => x.CadreId!.Value);
        var posted = db.SecretaryPostings.Select(p => p.CadreId);
        var pairedUnits = db.LiaisonTies.Where(x => x.Kind == TieKind.Pairing && x.DivisionCode == pairing.DivisionCode).Select(x => x.UnitId!.Value);
        var outsider = await db.Cadres.AsNoTracking().Where(c => !pairedUnits.Contains(c.UnitId) && c.Status == CadreStatus.Active && !tied.Contains(c.Id) && !posted.Contains(c.Id))
            .OrderBy(c => c.Id).FirstAsync();
        var household = await db.Households.AsNoTracking().Where(h => h.VillageCode == pairing.DivisionCode && h.Status == HouseholdStatus.Current).OrderBy(h => h.Id).FirstAsync();

        // On the phone: the paired village is among the member's villages, marked as the pairing's.
        var mine = await FieldQueries.MineAsync(db, clock, member.Id, default);
        var village = Assert.Single(mine.Villages);
        Assert.Equal((pairing.DivisionCode, true, false), (village.Code, village.Paired, village.FirstSecretary));
        // A cadre of another unit sees only their own unit's village, if it has one, never this one.
        Assert.DoesNotContain(pairing.DivisionCode, (await FieldQueries.MineAsync(db, clock, outsider.Id, default)).Villages.Select(v => v.Code));

        var author = new FieldAuthor(member.Id, "member-test", RecordSource.Phone);
        var stay = new StayInput(Guid.NewGuid(), pairing.DivisionCode, new DateOnly(2026, 6, 15), null);
        var visit = new VisitInput(Guid.NewGuid(), household.Id, new DateTimeOffset(2026, 6, 15, 9, 30, 0, ChinaTime.Offset), "了解种植情况", null, null, []);
        Assert.Equal(RecordOutcome.Stored, Assert.Single(await FieldStore.SaveStaysAsync(db, clock, author, [stay], default)).Outcome);
        Assert.Equal(RecordOutcome.Stored, Assert.Single(await FieldStore.SaveVisitsAsync(db, clock, author, [visit], default)).Outcome);
        Assert.Equal(1, await db.HouseholdVisits.CountAsync(v => v.CadreId == member.Id && v.VillageCode == pairing.DivisionCode));
        Assert.Equal(1, await db.ResidenceStays.CountAsync(s => s.CadreId == member.Id && s.VillageCode == pairing.DivisionCode));

        var other = new FieldAuthor(outsider.Id, "outsider-test", RecordSource.Phone);
        Assert.Equal(RecordOutcome.Refused, Assert.Single(await FieldStore.SaveStaysAsync(db, clock, other, [stay with { Id = Guid.NewGuid() }], default)).Outcome);
        Assert.Equal(RecordOutcome.Refused, Assert.Single(await FieldStore.SaveVisitsAsync(db, clock, other, [visit with { Id = Guid.NewGuid() }], default)).Outcome);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_city_whose_policy_keeps_pairing_work_to_tied_cadres_does_not_open_the_paired_village_to_every_member(string provider)
    {
        var (t, db, _, _, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        await PolicyStore.SetAsync(db, clock, Actor.System, """{ "year": 2026, "pairing": { "membersTakePart": false } }""", default);
        var (pairing, member) = await MemberWithNoTieAsync(db);

        var refused = Assert.Single(await FieldStore.SaveStaysAsync(db, clock, new FieldAuthor(member.Id, "member-test", RecordSource.Phone),
            [new StayInput(Guid.NewGuid(), pairing.DivisionCode, new DateOnly(2026, 6, 15), null)], default));
        Assert.Equal(RecordOutcome.Refused, refused.Outcome);
    }

    /// <summary>The year's first pairing (of a unit at <paramref name="level"/>, if given) and an active member of its unit with no tie and no posting of their own.</summary>
    internal static async Task<(LiaisonTie Pairing, Cadre Member)> MemberWithNoTieAsync(LiaisonDb db, UnitLevel? level = null)
    {
        var units = db.Units.Where(u => level == null || u.Level == level).Select(u => (int?)u.Id);
        var pairing = await db.LiaisonTies.AsNoTracking().Where(x => x.Kind == TieKind.Pairing && x.Until == null && x.Year == 2026 && units.Contains(x.UnitId))
            .OrderBy(x => x.Id).FirstAsync();
        var tied = db.LiaisonTies.Where(x => x.CadreId != null).Select(x => x.CadreId!.Value);
        var posted = db.SecretaryPostings.Select(p => p.CadreId);
        var member = await db.Cadres.AsNoTracking().Where(c => c.UnitId == pairing.UnitId && c.Status == CadreStatus.Active && !tied.Contains(c.Id) && !posted.Contains(c.Id))
            .OrderBy(c => c.Id).FirstAsync();
        return (pairing, member);
    }
}
