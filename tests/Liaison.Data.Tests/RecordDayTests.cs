using Liaison.Data.Cases;
using Liaison.Data.Field;
using Liaison.Domain.Cases;
using Liaison.Domain.Field;
using Liaison.Domain.Reporting;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Liaison.Data.Tests;

/// <summary>
/// Visits and cases carry the China calendar day they happened on, stored with them: late in the
/// UTC evening is the next day and may be the next month, on either database, for rows written
/// now and for rows the migration found.
/// </summary>
public class RecordDayTests
{
    /// <summary>The migration before the day columns: going down to it and up again drops and backfills them.</summary>
    private const string Before = "RowBoundPersonalData";

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_visit_and_a_case_late_in_the_UTC_evening_count_on_the_next_China_day_and_month(string provider)
    {
        var (t, db, author, village, households, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        // 31 May, 17:30 UTC: 1 June, 01:30 in China.
        var at = new DateTimeOffset(2026, 5, 31, 17, 30, 0, TimeSpan.Zero);
        var clock = new FixedClock(at.AddMinutes(10));
        var visit = new VisitInput(Guid.NewGuid(), households[0], at, null, null, null, []);
        Assert.Equal(RecordOutcome.Stored, Assert.Single(await FieldStore.SaveVisitsAsync(db, clock, author, [visit], default)).Outcome);
        var created = await CaseStore.CreateAsync(db, clock, new CaseActor("work-group", code => code == village),
            new CaseInput(CaseKind.Problem, "infrastructure", CaseChannel.Phone, village, "村东头的路灯坏了"), default);
        Assert.True(created.Ok, string.Join("; ", created.Problems.Select(p => p.En)));
        await FieldRollups.DrainAllAsync(db, default);

        async Task AssertDaysAsync()
        {
            db.ChangeTracker.Clear();
            Assert.Equal(new DateOnly(2026, 6, 1), (await db.HouseholdVisits.AsNoTracking().SingleAsync(v => v.ClientId == visit.Id)).VisitedOn);
            Assert.Equal(new DateOnly(2026, 6, 1), (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == created.Case!.Id)).ReceivedOn);
        }
        await AssertDaysAsync();
        // Counted in June, not May: by the report's months and by the case figures.
        var months = await db.RollupMonths.AsNoTracking().Where(r => r.DivisionCode == village && (r.IndicatorId == Indicators.Visits.Id || r.IndicatorId == Indicators.CasesCollected.Id))
            .Select(r => new { r.IndicatorId, r.Month, r.Value }).ToListAsync();
        Assert.Equal([(Indicators.CasesCollected.Id, 6, 1L), (Indicators.Visits.Id, 6, 1L)], months.Select(m => (m.IndicatorId, m.Month, m.Value)).Order());
        var byMonth = await CaseQueries.BreakdownAsync(Access.Scoped.Operator(db), new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 30), CaseBreakdown.Month, default);
        Assert.Equal("2026-06", Assert.Single(byMonth).Key);

        // Rows written before the columns existed get their day from the migration.
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(Before);
        await migrator.MigrateAsync();
        await AssertDaysAsync();
    }
}
