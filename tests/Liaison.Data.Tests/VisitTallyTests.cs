using Liaison.Data.Field;
using Liaison.Data.Reporting;
using Liaison.Domain.Field;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using R = Liaison.Domain.Reporting.Indicators;

namespace Liaison.Data.Tests;

/// <summary>
/// The visits' tallies (decision 0017): what the writer adds equals what the visits count to, a
/// resend adds nothing, the migration counts visits from before, and <c>report verify</c> — which
/// counts from the visits themselves — catches a tally gone wrong, which <c>report refresh</c> repairs.
/// </summary>
public class VisitTallyTests
{
    /// <summary>The migration before the tallies: going down to it and up again drops and backfills them.</summary>
    private const string Before = "RecordDays";

    private static VisitInput At(long household, DateTimeOffset at) => new(Guid.NewGuid(), household, at, null, null, null, []);

    private static async Task<List<(string, int, long, int, int, long)>> TalliesAsync(IQueryable<VisitTally> tallies) =>
        (await tallies.Select(t => new { t.VillageCode, t.Year, t.HouseholdId, t.CadreId, t.Month, t.Visits }).ToListAsync())
            .Select(t => (t.VillageCode, t.Year, t.HouseholdId, t.CadreId, t.Month, t.Visits)).Order().ToList();

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Tallies_equal_the_visits_through_writes_resends_and_the_migration_and_verify_catches_a_wrong_one(string provider)
    {
        var (t, db, author, village, households, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        DateTimeOffset Day(int month, int day) => new(2026, month, day, 10, 0, 0, ChinaTime.Offset);
        var twice = At(households[0], Day(3, 2));
        await FieldStore.SaveVisitsAsync(db, clock, author, [twice, At(households[0], Day(3, 20)), At(households[0], Day(5, 1)), At(households[1], Day(5, 9))], default);
        // One request alone and one resent: the resend is a duplicate and adds nothing.
        await FieldStore.SaveVisitsAsync(db, clock, author, [At(households[1], Day(5, 10))], default);
        Assert.Equal(RecordOutcome.Duplicate, Assert.Single(await FieldStore.SaveVisitsAsync(db, clock, author, [twice], default)).Outcome);

        var kept = await TalliesAsync(db.VisitTallies.AsNoTracking());
        Assert.Equal(
            [(village, 2026, households[0], author.CadreId, 3, 2L), (village, 2026, households[0], author.CadreId, 5, 1L), (village, 2026, households[1], author.CadreId, 5, 2L)],
            kept.Where(k => k.Item1 == village && (k.Item3 == households[0] || k.Item3 == households[1])));
        Assert.Equal(await TalliesAsync(VisitTallies.FromVisits(db)), kept);

        // The rollups read the tallies: five visits, two households first visited in March and May.
        await FieldRollups.DrainAllAsync(db, default);
        var months = await db.RollupMonths.AsNoTracking().Where(r => r.DivisionCode == village && (r.IndicatorId == R.Visits.Id || r.IndicatorId == R.HouseholdsVisited.Id))
            .Select(r => new { r.IndicatorId, r.Month, r.Value }).ToListAsync();
        Assert.Equal([(R.HouseholdsVisited.Id, 3, 1L), (R.HouseholdsVisited.Id, 5, 1L), (R.Visits.Id, 3, 2L), (R.Visits.Id, 5, 3L)],
            months.Select(m => (m.IndicatorId, m.Month, m.Value)).Order());
        Assert.Empty((await RollupVerifier.VerifyAsync(db, default)).Differences);

        // Visits from before the tallies are counted by the migration.
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(Before);
        await migrator.MigrateAsync();
        Assert.Equal(kept, await TalliesAsync(db.VisitTallies.AsNoTracking()));

        // A tally gone wrong: verify, counting from the visits, names the figures it moved; refresh repairs it.
        await db.VisitTallies.Where(x => x.HouseholdId == households[1]).ExecuteUpdateAsync(s => s.SetProperty(x => x.Visits, x => x.Visits + 4));
        await FieldRollups.MarkAsync(db, [village], default);
        await FieldRollups.DrainAllAsync(db, default);
        var broken = await RollupVerifier.VerifyAsync(db, default);
        Assert.Contains(broken.Differences, d => d.DivisionCode == village && d.IndicatorId == R.Visits.Id && d.Month == 5 && d.Stored == 7 && d.Counted == 3);
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await RollupStore.RebuildAsync(db, default);
            await tx.CommitAsync();
        }
        Assert.Equal(kept, await TalliesAsync(db.VisitTallies.AsNoTracking()));
        Assert.Empty((await RollupVerifier.VerifyAsync(db, default)).Differences);
    }
}
