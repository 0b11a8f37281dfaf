using Liaison.Data.Cases;
using Liaison.Data.Field;
using Liaison.Data.Reporting;
using Liaison.Domain.Cases;
using Liaison.Domain.Field;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;
using R = Liaison.Domain.Reporting.Indicators;

namespace Liaison.Data.Tests;

/// <summary>夜谈夜访 (issue 20): a session with its matters, the escalated ones taken up as cases, counted at its village.</summary>
public class NightSessionTests
{
    private static NightSessionInput Session(string village, params NightMatterInput[] matters) =>
        new(village, new DateOnly(2026, 6, 12), "人居环境整治", "村党群服务中心", 34, "党员、村民代表", null, matters);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_session_is_recorded_with_its_matters_each_escalated_one_a_case_from_the_session_and_the_village_counts_it(string provider)
    {
        var (t, db, author, village, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        var group = new CaseActor("work-group", code => code == village);
        var casesBefore = await db.Cases.CountAsync();

        var session = await NightSessionStore.RecordAsync(db, clock, group, author.CadreId, Session(village,
            new("路灯不亮", NightOutcome.Solved),
            new("", NightOutcome.Solved),
            new("医保缴费怎么交", NightOutcome.Explained),
            new("村西机井坏了需要维修", NightOutcome.Escalated, "infrastructure")), default);

        Assert.Equal((3, 1, 1, 1, author.CadreId), (session.Raised, session.Solved, session.Explained, session.Escalated, session.CadreId));
        var matters = await db.NightMatters.AsNoTracking().Where(m => m.SessionId == session.Id).OrderBy(m => m.Line).ToListAsync();
        Assert.Equal(["路灯不亮", "医保缴费怎么交", "村西机井坏了需要维修"], matters.Select(m => m.Text));
        var raised = await db.Cases.AsNoTracking().SingleAsync(c => c.NightSessionId == session.Id);
        Assert.Equal((CaseChannel.NightVisit, "infrastructure", village, (int?)author.CadreId, "村西机井坏了需要维修", CaseStatus.Received),
            (raised.Channel, raised.Category, raised.VillageCode, raised.CadreId, raised.Description, raised.Status));
        Assert.Equal([null, null, raised.Id], matters.Select(m => m.CaseId));
        Assert.Equal(casesBefore + 1, await db.Cases.CountAsync());
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "night.record" && a.EntityKey == session.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(await db.CaseSteps.AnyAsync(s => s.CaseId == raised.Id));

        await FieldRollups.DrainAllAsync(db, default);
        var figures = await RollupStore.ForDivisionAsync(db, village, default);
        Assert.Equal((1L, 34L, 1L), (figures.GetValueOrDefault(R.NightSessions.Id), figures.GetValueOrDefault(R.NightSessionPeople.Id), figures.GetValueOrDefault(R.NightMattersSolved.Id)));
        Assert.Equal(34, await db.RollupMonths.Where(m => m.DivisionCode == village && m.IndicatorId == R.NightSessionPeople.Id && m.Month == 6).Select(m => m.Value).SingleAsync());
        Assert.Empty((await RollupVerifier.VerifyAsync(db, default)).Differences);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_bad_session_is_refused_field_by_field_and_nothing_is_stored(string provider)
    {
        var (t, db, author, village, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        var casesBefore = await db.Cases.CountAsync();
        var bad = Session(village, new("路灯不亮", NightOutcome.Solved), new("机井坏了", NightOutcome.Escalated, "no-such-category"))
            with
        { HeldOn = new DateOnly(2026, 6, 16), Topic = " ", People = 0, CadreCode = "NOBODY" };

        var refused = await Assert.ThrowsAsync<RefusedException>(() =>
            NightSessionStore.RecordAsync(db, clock, new CaseActor("work-group", code => code == village), author.CadreId, bad, default));
        Assert.Equal(["heldOn", "topic", "people", "cadre", "matters[2].category"], refused.Problems.Select(p => p.Field));
        var outside = await Assert.ThrowsAsync<RefusedException>(() =>
            NightSessionStore.RecordAsync(db, clock, new CaseActor("far", _ => false), null, Session(village), default));
        Assert.Equal(("villageCode", "out-of-reach"), (outside.Problems[0].Field, outside.Problems[0].Code));

        Assert.Equal(0, await db.NightSessions.CountAsync());
        Assert.Equal(0, await db.NightMatters.CountAsync());
        Assert.Equal(casesBefore, await db.Cases.CountAsync());
    }
}
