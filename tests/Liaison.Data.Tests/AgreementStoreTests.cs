using Liaison.Data.Liaisons;
using Liaison.Data.Results;
using Liaison.Domain.Results;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Tests;

/// <summary>年度目标责任书 (issue 21): signed once, after the First Secretary agreed; changed after signing only by an amendment with its reason.</summary>
public class AgreementStoreTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_agreement_is_signed_once_after_its_First_Secretary_agreed_and_changes_afterwards_only_with_a_reason(string provider)
    {
        var (t, db, _, _, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        var today = ChinaTime.Today(clock);
        var posting = await db.SecretaryPostings.AsNoTracking().Where(p => p.Until == null && p.Year == today.Year).OrderBy(p => p.VillageCode).FirstAsync();
        var office = new OfficeActor("township-office", code => code.StartsWith(posting.VillageCode[..9], StringComparison.Ordinal));
        TargetInput Target(string area, string text, decimal? value) => new(area, text, "项", value, new DateOnly(today.Year, 12, 31));

        var refused = await Assert.ThrowsAsync<RefusedException>(() => AgreementStore.DraftAsync(db, clock, office, posting.VillageCode, today.Year,
            [new TargetInput("harvest", "", null, -1, new DateOnly(today.Year + 3, 1, 1))], default));
        Assert.Equal(["targets[0].area", "targets[0].due", "targets[0].text", "targets[0].value"], refused.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        var agreement = await AgreementStore.DraftAsync(db, clock, office, posting.VillageCode, today.Year, [Target("development", "引进产业项目", 1)], default);
        Assert.Equal((posting.CadreId, AgreementStatus.Draft), (agreement.CadreId, agreement.Status));

        // Not signed before the First Secretary agrees; another cadre cannot agree to it.
        var early = await Assert.ThrowsAsync<RefusedException>(() => AgreementStore.SignAsync(db, clock, office, agreement.Id, today, "王书记", default));
        Assert.Equal("not-agreed", Assert.Single(early.Problems).Code);
        var other = await db.Cadres.AsNoTracking().Where(c => c.Id != posting.CadreId).Select(c => c.Id).FirstAsync();
        var stranger = new OfficeActor("someone", _ => true);
        Assert.Equal("not-found", Assert.Single((await Assert.ThrowsAsync<RefusedException>(() => AgreementStore.AgreeAsync(db, clock, stranger, other, agreement.Id, default))).Problems).Code);
        await AgreementStore.AgreeAsync(db, clock, new OfficeActor("fs", _ => true), posting.CadreId, agreement.Id, default);
        // Revising an agreed draft sends it back to the First Secretary.
        Assert.Equal(AgreementStatus.Draft, (await AgreementStore.ReviseAsync(db, clock, office, agreement.Id, [Target("development", "引进产业项目两个", 2)], null, default)).Status);
        await AgreementStore.AgreeAsync(db, clock, new OfficeActor("fs", _ => true), posting.CadreId, agreement.Id, default);
        await AgreementStore.SignAsync(db, clock, office, agreement.Id, today, "王书记", default);
        var twice = await Assert.ThrowsAsync<RefusedException>(() => AgreementStore.SignAsync(db, clock, office, agreement.Id, today, "李书记", default));
        Assert.Equal("signed", Assert.Single(twice.Problems).Code);
        var noReason = await Assert.ThrowsAsync<RefusedException>(() => AgreementStore.ReviseAsync(db, clock, office, agreement.Id, [Target("development", "引进产业项目三个", 3)], " ", default));
        Assert.Equal("reason", Assert.Single(noReason.Problems).Field);
        var amended = await AgreementStore.ReviseAsync(db, clock, office, agreement.Id, [Target("development", "引进产业项目三个", 3)], "县委要求提高目标", default);
        Assert.Equal((AgreementStatus.Concluded, 1, "王书记"), (amended.Status, amended.Amendments, amended.TownshipSigner));
        Assert.Equal(["引进产业项目三个"], await db.AgreementTargets.AsNoTracking().Where(x => x.AgreementId == agreement.Id).Select(x => x.Text).ToListAsync());
        var drafted = await Assert.ThrowsAsync<RefusedException>(() => AgreementStore.DraftAsync(db, clock, office, posting.VillageCode, today.Year, [Target("services", "走访全村农户", null)], default));
        Assert.Equal("twice", Assert.Single(drafted.Problems).Code);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "agreement.amend"));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Where_the_policy_says_a_paired_unit_signs_its_own_agreement_agreed_by_the_unit_and_not_by_another(string provider)
    {
        var (t, db, _, _, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        var today = ChinaTime.Today(clock);
        var pairing = await db.LiaisonTies.AsNoTracking().Where(x => x.Year == today.Year && x.Until == null && x.Kind == Domain.Liaisons.TieKind.Pairing && x.UnitId != null && x.DivisionCode.Length == 12)
            .OrderBy(x => x.DivisionCode).FirstAsync();
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == pairing.UnitId);
        var other = await db.Units.AsNoTracking().Where(u => u.Id != unit.Id).OrderBy(u => u.Id).FirstAsync();
        var office = new OfficeActor("township-office", code => code.StartsWith(pairing.DivisionCode[..9], StringComparison.Ordinal));
        TargetInput[] targets = [new("development", "帮助引进产业项目", "项", 1, new DateOnly(today.Year, 12, 31))];

        // Not while the policy leaves the pairings out; a unit not paired with the village, never.
        var off = await Assert.ThrowsAsync<RefusedException>(() => AgreementStore.DraftAsync(db, clock, office, pairing.DivisionCode, today.Year, targets, default, unit.Code));
        Assert.Equal(("unit", "pairings-off"), (Assert.Single(off.Problems).Field, off.Problems[0].Code));
        await Policy.PolicyStore.SetAsync(db, clock, Audit.Actor.System, $$"""{ "year": {{today.Year}}, "agreements": { "forPairings": true } }""", default);
        var unpaired = await Assert.ThrowsAsync<RefusedException>(() => AgreementStore.DraftAsync(db, clock, office, pairing.DivisionCode, today.Year, targets, default, other.Code));
        Assert.Equal("not-paired", Assert.Single(unpaired.Problems).Code);

        var agreement = await AgreementStore.DraftAsync(db, clock, office, pairing.DivisionCode, today.Year, targets, default, unit.Code);
        Assert.Equal(((int?)null, (int?)unit.Id), (agreement.CadreId, agreement.UnitId));
        Assert.Equal("twice", Assert.Single((await Assert.ThrowsAsync<RefusedException>(() =>
            AgreementStore.DraftAsync(db, clock, office, pairing.DivisionCode, today.Year, targets, default, unit.Code))).Problems).Code);
        // Another unit's administrator finds nothing to agree to; the unit's own agrees, and the township signs.
        var party = new OfficeActor("unit-admin", _ => true);
        Assert.Equal("not-found", Assert.Single((await Assert.ThrowsAsync<RefusedException>(() =>
            AgreementStore.AgreeAsync(db, clock, party, new AgreementParty(null, other.Id), agreement.Id, default))).Problems).Code);
        await AgreementStore.AgreeAsync(db, clock, party, new AgreementParty(null, unit.Id), agreement.Id, default);
        var signed = await AgreementStore.SignAsync(db, clock, office, agreement.Id, today, "王书记", default);
        Assert.Equal(AgreementStatus.Concluded, signed.Status);
    }
}
