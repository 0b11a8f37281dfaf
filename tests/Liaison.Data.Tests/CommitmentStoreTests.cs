using Liaison.Data.Field;
using Liaison.Data.Liaisons;
using Liaison.Data.Reporting;
using Liaison.Data.Results;
using Liaison.Domain.Policy;
using Liaison.Domain.Results;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;
using R = Liaison.Domain.Reporting.Indicators;

namespace Liaison.Data.Tests;

/// <summary>公开承诺 (issue 21): made with a deadline ahead, kept, kept late or given up with a public reason; completion counted from the items.</summary>
public class CommitmentStoreTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Commitments_are_made_kept_late_or_given_up_with_a_reason_and_the_completion_is_counted_from_the_items(string provider)
    {
        var (t, db, _, village, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        var today = ChinaTime.Today(clock);
        var cadres = await db.Cadres.AsNoTracking().Where(c => c.Status == Domain.People.CadreStatus.Active).OrderBy(c => c.Id).Take(2).ToListAsync();
        var office = new OfficeActor("township-office", code => code.StartsWith(village[..9], StringComparison.Ordinal));
        var own = new OfficeActor("cadre", code => code == village);

        // A deadline in the past, no cadre named, a village of another township: refused by field, nothing written.
        var elsewhere = await db.Divisions.AsNoTracking().Where(d => d.Level == Domain.Divisions.DivisionLevel.Village && !d.Code.StartsWith(village.Substring(0, 9)))
            .OrderBy(d => d.Code).Select(d => d.Code).FirstAsync();
        var refused = await Assert.ThrowsAsync<RefusedException>(() => CommitmentStore.MakeAsync(db, clock, office, null,
            new CommitmentInput(elsewhere, "修好村西机井", today.AddDays(-1)), default));
        Assert.Equal(["cadre", "deadline", "villageCode"], refused.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.Equal(0, await db.Commitments.CountAsync());

        var well = await CommitmentStore.MakeAsync(db, clock, office, null, new CommitmentInput(village, "修好村西机井", today.AddDays(10), cadres[0].Code), default);
        var road = await CommitmentStore.MakeAsync(db, clock, own, cadres[1].Id, new CommitmentInput(village, "硬化村南生产路", today.AddDays(5)), default);
        var lamp = await CommitmentStore.MakeAsync(db, clock, own, cadres[1].Id, new CommitmentInput(village, "安装路灯 20 盏", today.AddDays(3)), default);
        Assert.Equal((cadres[0].Id, CommitmentStatus.Open, 2026), (well.CadreId, well.Status, well.Year));

        // The cadre of the road acts on their own only: the well is not theirs.
        var notTheirs = await Assert.ThrowsAsync<RefusedException>(() => CommitmentStore.StepAsync(db, clock, own, cadres[1].Id, well.Id,
            new CommitmentStepInput(CommitmentStatus.Done, null, today), default));
        Assert.Equal("not-found", Assert.Single(notTheirs.Problems).Code);

        await CommitmentStore.StepAsync(db, clock, office, null, well.Id, new CommitmentStepInput(CommitmentStatus.Open, "已联系水务站", today), default);
        await CommitmentStore.StepAsync(db, clock, office, null, well.Id, new CommitmentStepInput(CommitmentStatus.Done, "机井已修复出水", today), default);
        // The road is kept a week after its deadline: late.
        clock.Advance(TimeSpan.FromDays(12));
        var late = await CommitmentStore.StepAsync(db, clock, own, cadres[1].Id, road.Id, new CommitmentStepInput(CommitmentStatus.Done, null, null), default);
        Assert.True(late.Late(ChinaTime.Today(clock)));
        Assert.Equal(CommitmentWords.DoneLate, late.State(ChinaTime.Today(clock)));
        // Given up: only with the reason villagers will read.
        var noReason = await Assert.ThrowsAsync<RefusedException>(() => CommitmentStore.StepAsync(db, clock, own, cadres[1].Id, lamp.Id,
            new CommitmentStepInput(CommitmentStatus.Dropped, " ", null), default));
        Assert.Equal("text", Assert.Single(noReason.Problems).Field);
        await CommitmentStore.StepAsync(db, clock, own, cadres[1].Id, lamp.Id, new CommitmentStepInput(CommitmentStatus.Dropped, "电网改造推迟到明年，路灯随改造安装", null), default);
        var closed = await Assert.ThrowsAsync<RefusedException>(() => CommitmentStore.StepAsync(db, clock, office, null, lamp.Id,
            new CommitmentStepInput(CommitmentStatus.Done, null, null), default));
        Assert.Equal("closed", Assert.Single(closed.Problems).Code);

        var stored = await db.Commitments.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        Assert.Equal([CommitmentStatus.Done, CommitmentStatus.Done, CommitmentStatus.Dropped], stored.Select(c => c.Status));
        Assert.Equal("电网改造推迟到明年，路灯随改造安装", stored[2].Reason);
        Assert.Equal(4, await db.CommitmentSteps.CountAsync());
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Action == "commitment.make"));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "commitment.keep"));

        // A deed fulfils the well, in its own village; another village's commitment is refused.
        var deed = await DeedStore.RecordAsync(db, clock, office, null,
            new DeedInput(village, "well", today, [new DeedAmount("wells", 1)], CadreCode: cadres[0].Code, CommitmentId: well.Id), default);
        Assert.Equal(well.Id, deed.CommitmentId);
        var neighbour = await db.Divisions.AsNoTracking().Where(d => d.Level == Domain.Divisions.DivisionLevel.Village && d.Code.StartsWith(village.Substring(0, 9)) && d.Code != village)
            .OrderBy(d => d.Code).Select(d => d.Code).FirstAsync();
        var wrongVillage = await Assert.ThrowsAsync<RefusedException>(() => DeedStore.RecordAsync(db, clock, office, null,
            new DeedInput(neighbour, "well", today, [new DeedAmount("wells", 1)], CadreCode: cadres[0].Code, CommitmentId: well.Id), default));
        Assert.Equal("commitmentId", Assert.Single(wrongVillage.Problems).Field);

        await FieldRollups.DrainAllAsync(db, default);
        var figures = await RollupStore.ForDivisionAsync(db, village, default);
        Assert.Equal((3L, 2L, 1L, 1L), (figures[R.Commitments.Id], figures[R.CommitmentsKept.Id], figures[R.CommitmentsKeptOnTime.Id], figures[R.CommitmentsDropped.Id]));
        Assert.Equal(2.0 / 3, Domain.Reporting.Ratios.CommitmentCompletion.Of(id => figures.GetValueOrDefault(id))!.Value, 6);
        Assert.Empty((await RollupVerifier.VerifyAsync(db, default)).Differences);
    }
}
