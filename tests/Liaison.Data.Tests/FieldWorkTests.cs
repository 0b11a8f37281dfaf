using Liaison.Data.Audit;
using Liaison.Data.Demo;
using Liaison.Data.Field;
using Liaison.Data.Reporting;
using Liaison.Domain.Field;
using Liaison.Domain.Shared;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Tests;

public class FieldWorkTests
{
    private const int Year = 2026;
    private static readonly DateOnly Today = new(Year, 6, 15);

    internal static FixedClock Clock() => new(new DateTimeOffset(2026, 6, 15, 10, 0, 0, ChinaTime.Offset));

    /// <summary>The small demo with the year's plan and First Secretaries, and a First Secretary to record for.</summary>
    internal static async Task<(TestDb Db, LiaisonDb Context, FieldAuthor Author, string Village, List<long> Households, long Elsewhere)> WorldAsync(string provider)
    {
        var t = await TestDb.CreateAsync(provider);
        var db = t.Open();
        await DemoSeeder.SeedAsync(db, TimeProvider.System, DemoScale.Small, 1, null, default);
        await DemoYear.RunAsync(db, Clock(), Actor.System, Today, default);
        var posting = await db.SecretaryPostings.Where(p => p.Until == null).OrderBy(p => p.VillageCode).FirstAsync();
        var households = await db.Households.Where(h => h.VillageCode == posting.VillageCode).OrderBy(h => h.Id).Select(h => h.Id).ToListAsync();
        var served = await db.LiaisonTies.Where(x => x.CadreId == posting.CadreId).Select(x => x.DivisionCode).ToListAsync();
        var elsewhere = await db.Households.Where(h => h.VillageCode != posting.VillageCode && !served.Contains(h.VillageCode)).Select(h => h.Id).FirstAsync();
        return (t, db, new FieldAuthor(posting.CadreId, "cadre-test", RecordSource.Phone), posting.VillageCode, households, elsewhere);
    }

    private static VisitInput Visit(long household, int day = 14, string? note = null, params string[] issues) =>
        new(Guid.NewGuid(), household, new DateTimeOffset(2026, 6, day, 9, 30, 0, ChinaTime.Offset), note, null, null, issues);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Each_visit_is_stored_exactly_once_however_often_it_arrives_and_a_different_one_under_the_same_id_is_kept_for_review(string provider)
    {
        var (t, db, author, village, households, _) = await WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = Clock();
        var visit = Visit(households[0], note: "了解种植情况", issues: ["村口路灯不亮"]);

        var first = Assert.Single(await FieldStore.SaveVisitsAsync(db, clock, author, [visit], default));
        var again = Assert.Single(await FieldStore.SaveVisitsAsync(db, clock, author, [visit], default));
        var changed = Assert.Single(await FieldStore.SaveVisitsAsync(db, clock, author, [visit with { Note = "另一条记录" }], default));

        Assert.Equal(RecordOutcome.Stored, first.Outcome);
        Assert.Equal((RecordOutcome.Duplicate, first.RecordId), (again.Outcome, again.RecordId));
        Assert.Equal(RecordOutcome.Conflict, changed.Outcome);
        var stored = await db.HouseholdVisits.SingleAsync(v => v.ClientId == visit.Id);
        Assert.Equal(("了解种植情况", village, 1), (stored.Note, stored.VillageCode, stored.IssueCount));
        Assert.Equal("村口路灯不亮", (await db.VisitIssues.SingleAsync()).Text);
        var conflict = await db.RecordConflicts.SingleAsync();
        Assert.Equal((visit.Id!.Value, "visit"), (conflict.ClientId, conflict.Kind));
        Assert.Contains("另一条记录", conflict.Payload, StringComparison.Ordinal);
        // The same record twice in one request is stored once, both answered.
        var twin = Visit(households[1]);
        var pair = await FieldStore.SaveVisitsAsync(db, clock, author, [twin, twin], default);
        Assert.Equal([RecordOutcome.Stored, RecordOutcome.Duplicate], pair.Select(r => r.Outcome));
        Assert.Equal(pair[0].RecordId, pair[1].RecordId);
        Assert.Equal(1, await db.HouseholdVisits.CountAsync(v => v.ClientId == twin.Id));
        // Each request that wrote something is audited: the first visit, the kept conflict, the twin.
        Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.Action == "field.visit"));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Requests_written_together_are_each_stored_once_answered_and_audited_and_a_resend_among_them_falls_back_alone(string provider)
    {
        var (t, db, author, _, households, _) = await WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = Clock();
        await using var writer = new FieldWriter(t.Target, clock);
        var earlier = Visit(households[0]);
        Assert.Equal(RecordOutcome.Stored, Assert.Single(await FieldStore.SaveVisitsAsync(db, clock, author, [earlier], default)).Outcome);

        // Twenty requests at once, each on its own connection as on the server; one of them resends the earlier visit.
        var visits = households.Skip(1).Take(19).Select(h => Visit(h, issues: "水渠需要清淤")).Append(earlier).ToList();
        var answers = await Task.WhenAll(visits.Select(async v =>
        {
            await using var own = t.Open();
            return Assert.Single(await FieldStore.SaveVisitsAsync(own, clock, author, [v], default, writer: writer));
        }));

        Assert.Equal(19, answers.Count(a => a.Outcome == RecordOutcome.Stored));
        Assert.Equal(RecordOutcome.Duplicate, answers[^1].Outcome);
        Assert.Equal(20, await db.HouseholdVisits.CountAsync());
        Assert.Equal(19, await db.VisitIssues.CountAsync());
        // Every answer names the record stored under its id.
        var ids = await db.HouseholdVisits.ToDictionaryAsync(v => v.ClientId, v => v.Id);
        Assert.All(answers, a => Assert.Equal(ids[a.Id!.Value], a.RecordId));
        // One audit entry per request that stored something, and the chain still holds.
        Assert.Equal(20, await db.AuditEntries.CountAsync(e => e.Action == "field.visit"));
        Assert.Null((await AuditLog.VerifyAsync(db, default)).FirstBrokenId);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_batch_stores_its_good_records_and_answers_each_bad_one_by_index_with_field_and_reason(string provider)
    {
        var (t, db, author, _, households, elsewhere) = await WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var batch = new List<VisitInput>
        {
            Visit(households[0]),
            Visit(elsewhere),                                                                   // not the cadre's village
            Visit(households[1]) with { VisitedAt = new DateTimeOffset(2026, 6, 16, 9, 0, 0, ChinaTime.Offset) }, // tomorrow
            Visit(households[2]) with { VisitedAt = new DateTimeOffset(2025, 12, 30, 9, 0, 0, ChinaTime.Offset) }, // before the programme year
            Visit(households[3]) with { Id = null },
            Visit(households[4], note: new string('长', 501)),
            Visit(999_999_999),
            Visit(households[5]),
        };

        var results = await FieldStore.SaveVisitsAsync(db, Clock(), author, batch, default);

        Assert.Equal([RecordOutcome.Stored, RecordOutcome.Refused, RecordOutcome.Refused, RecordOutcome.Refused, RecordOutcome.Refused, RecordOutcome.Refused, RecordOutcome.Refused, RecordOutcome.Stored],
            results.Select(r => r.Outcome));
        Assert.Equal(Enumerable.Range(0, batch.Count), results.Select(r => r.Index));
        Assert.Contains(results[1].Problems, p => p.Field == "household" && p.Zh.Contains("不存在或不在你联系的村", StringComparison.Ordinal));
        Assert.Contains(results[2].Problems, p => p.Field == "visitedAt" && p.En.Contains("future", StringComparison.Ordinal));
        Assert.Contains(results[3].Problems, p => p.Field == "visitedAt" && p.En.Contains("outside your programme years (2026)", StringComparison.Ordinal));
        Assert.Contains(results[4].Problems, p => p.Field == "id");
        Assert.Contains(results[5].Problems, p => p.Field == "note" && p.Zh.Contains("501", StringComparison.Ordinal));
        Assert.Contains(results[6].Problems, p => p.Field == "household" && p.En.Contains("does not exist", StringComparison.Ordinal));
        Assert.Equal(2, await db.HouseholdVisits.CountAsync());

        // A big batch (written with COPY on PostgreSQL) is stored once, issues and all, and its resend changes nothing.
        var big = households.Skip(6).Take(40).Select((h, i) => Visit(h, note: $"第 {i} 户", issues: i % 4 == 0 ? ["路面破损"] : [])).ToList();
        var first = await FieldStore.SaveVisitsAsync(db, Clock(), author, big, default);
        Assert.All(first, r => Assert.Equal(RecordOutcome.Stored, r.Outcome));
        Assert.Equal(40, first.Select(r => r.RecordId).Distinct().Count());
        var again = await FieldStore.SaveVisitsAsync(db, Clock(), author, big, default);
        Assert.Equal(first.Select(r => r.RecordId), again.Select(r => r.RecordId));
        Assert.All(again, r => Assert.Equal(RecordOutcome.Duplicate, r.Outcome));
        Assert.Equal(42, await db.HouseholdVisits.CountAsync());
        Assert.Equal(10, await db.VisitIssues.CountAsync());
        var stored = await db.HouseholdVisits.SingleAsync(v => v.ClientId == big[5].Id);
        Assert.Equal(("第 5 户", first[5].RecordId), (stored.Note, (long?)stored.Id));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Stays_and_activities_are_checked_and_the_drained_rollups_equal_a_recount_from_the_raw_records(string provider)
    {
        var (t, db, author, village, households, _) = await WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = Clock();
        var stays = await FieldStore.SaveStaysAsync(db, clock, author, [
            new StayInput(Guid.NewGuid(), village, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 10)),
            new StayInput(Guid.NewGuid(), village, new DateOnly(2026, 6, 8), new DateOnly(2026, 6, 12)),  // overlaps three days
            new StayInput(Guid.NewGuid(), village, new DateOnly(2026, 6, 14), null, 35.4, 116.6),         // "in the village today", where the phone was
            new StayInput(Guid.NewGuid(), village, new DateOnly(2026, 6, 12), new DateOnly(2026, 6, 11)),
            new StayInput(Guid.NewGuid(), "370830001001", new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 1)),
        ], default);
        Assert.Equal([RecordOutcome.Stored, RecordOutcome.Stored, RecordOutcome.Stored, RecordOutcome.Refused, village == "370830001001" ? RecordOutcome.Stored : RecordOutcome.Refused],
            stays.Select(s => s.Outcome));
        var located = await db.ResidenceStays.AsNoTracking().SingleAsync(s => s.Id == stays[2].RecordId);
        Assert.Equal((35.4, 116.6), (located.Latitude, located.Longitude));
        Assert.Null((await db.ResidenceStays.AsNoTracking().SingleAsync(s => s.Id == stays[0].RecordId)).Latitude);
        var activities = await FieldStore.SaveActivitiesAsync(db, clock, author, [
            new ActivityInput(Guid.NewGuid(), village, ActivityKind.PartyMemberVisit, new DateOnly(2026, 6, 2), 12),
            new ActivityInput(Guid.NewGuid(), village, ActivityKind.StudyTrip, new DateOnly(2026, 6, 3), 1, 36),
            new ActivityInput(Guid.NewGuid(), village, null, new DateOnly(2026, 6, 3), 1),
        ], default);
        Assert.Equal([RecordOutcome.Stored, RecordOutcome.Stored, RecordOutcome.Refused], activities.Select(a => a.Outcome));
        await FieldStore.SaveVisitsAsync(db, clock, author, households.Take(5).Select(h => Visit(h, issues: "水渠堵塞")).Append(Visit(households[0], day: 13)).ToList(), default);

        Assert.True(await db.FieldDirty.AnyAsync());
        await FieldRollups.DrainAllAsync(db, default);
        Assert.False(await db.FieldDirty.AnyAsync());

        var figures = await RollupStore.ForDivisionAsync(db, village, default);
        Assert.Equal(6, figures["visits"]);
        Assert.Equal(5, figures["households_visited"]);
        Assert.Equal(5, figures["visit_issues"]);
        Assert.Equal(10 + 2 + 1, figures["residence_days"]);
        Assert.Equal(12, figures["fs_party_members_visited"]);
        Assert.Equal((1, 36), (figures["fs_study_trips"], figures["fs_study_trip_people"]));
        Assert.True(figures["residence_required"] >= 1);
        // The county's figures equal a full recount from the raw records.
        var drained = await RollupStore.ForDivisionAsync(db, "370830", default);
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await RollupStore.RefreshAsync(db, RollupFamily.Field, default);
            await tx.CommitAsync();
        }
        var recounted = await RollupStore.ForDivisionAsync(db, "370830", default);
        foreach (var indicator in FieldRollups.Indicators)
        {
            Assert.Equal(recounted.GetValueOrDefault(indicator.Id), drained.GetValueOrDefault(indicator.Id));
        }
        // The First Secretary's standing: 13 of 220 days.
        var standing = Assert.Single(await FieldQueries.ResidenceOfAsync(db, author.CadreId, Year, Today, default), r => r.Village == village && r.RoleEn == "First Secretary");
        Assert.Equal((13, 207), (standing.Days, standing.Behind));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_phone_gets_its_own_villages_and_households_with_names_masked(string provider)
    {
        var (t, db, author, village, households, elsewhere) = await WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        await FieldStore.SaveVisitsAsync(db, Clock(), author, [Visit(households[0])], default);

        var mine = await FieldQueries.MineAsync(db, Clock(), author.CadreId, default);

        var v = Assert.Single(mine.Villages, x => x.Code == village);
        Assert.True(v.FirstSecretary);
        Assert.Equal(households.Count, v.HouseholdList.Count);
        Assert.Equal(1, v.Visited);
        Assert.DoesNotContain(mine.Villages.SelectMany(x => x.HouseholdList), h => h.Id == elsewhere);
        var names = await db.Households.Where(h => h.VillageCode == village).ToDictionaryAsync(h => h.Id, h => h.HeadName);
        Assert.All(v.HouseholdList, h => Assert.Equal(PersonalData.MaskName(names[h.Id]), h.Head));
        Assert.All(v.HouseholdList, h => Assert.Contains('*', h.Head));
    }
}
