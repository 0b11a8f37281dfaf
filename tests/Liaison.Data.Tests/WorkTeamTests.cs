using Liaison.Data.Field;
using Liaison.Data.Liaisons;
using Liaison.Domain.Divisions;
using Liaison.Domain.Field;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Tests;

/// <summary>工作团、工作队、工作组 (issue 20): set up by an office, members with one head, meetings; members take part in the team's villages.</summary>
public class WorkTeamTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_township_work_teams_member_with_no_tie_records_a_stay_in_a_village_of_the_township_and_a_cadre_outside_the_team_cannot(string provider)
    {
        var (t, db, _, _, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        var township = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Township && d.Code.StartsWith("370830")).OrderBy(d => d.Code).FirstAsync();
        var village = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Village && d.Code.StartsWith(township.Code)).OrderBy(d => d.Code).FirstAsync();
        var office = new OfficeActor("office-test", code => code.StartsWith("370830", StringComparison.Ordinal));
        var team = await WorkTeamStore.CreateAsync(db, clock, office, new WorkTeamInput(2026, township.Code, null, null), default);
        Assert.Equal(township.Name + "工作队", team.Name);

        // Two cadres with no place of their own: one joins the team, the other does not.
        var tied = db.LiaisonTies.Where(x => x.CadreId != null).Select(x => x.CadreId!.Value);
        var posted = db.SecretaryPostings.Select(p => p.CadreId);
        var paired = db.LiaisonTies.Where(x => x.Kind == TieKind.Pairing).Select(x => x.UnitId);
        var free = await db.Cadres.AsNoTracking().Where(c => c.Status == CadreStatus.Active && !tied.Contains(c.Id) && !posted.Contains(c.Id) && !paired.Contains(c.UnitId))
            .OrderBy(c => c.Id).Take(2).ToListAsync();
        await WorkTeamStore.AddMemberAsync(db, clock, office, team.Id, new TeamMemberInput(free[0].Code, TeamRole.Head, new DateOnly(2026, 3, 1)), default);

        var mine = await FieldQueries.MineAsync(db, clock, free[0].Id, default);
        Assert.Contains(village.Code, mine.Villages.Select(v => v.Code));
        Assert.All(mine.Villages, v => Assert.StartsWith(township.Code, v.Code, StringComparison.Ordinal));
        var stay = new StayInput(Guid.NewGuid(), village.Code, new DateOnly(2026, 6, 10), new DateOnly(2026, 6, 11));
        Assert.Equal(RecordOutcome.Stored, Assert.Single(await FieldStore.SaveStaysAsync(db, clock, new FieldAuthor(free[0].Id, "member", RecordSource.Phone), [stay], default)).Outcome);
        Assert.Equal(RecordOutcome.Refused, Assert.Single(await FieldStore.SaveStaysAsync(db, clock, new FieldAuthor(free[1].Id, "stranger", RecordSource.Phone),
            [stay with { Id = Guid.NewGuid() }], default)).Outcome);

        // One head at a time; the same cadre twice is refused; a meeting is recorded.
        var second = await Assert.ThrowsAsync<RefusedException>(() => WorkTeamStore.AddMemberAsync(db, clock, office, team.Id, new TeamMemberInput(free[1].Code, TeamRole.Head, null), default));
        Assert.Equal("one-head", Assert.Single(second.Problems).Code);
        var twice = await Assert.ThrowsAsync<RefusedException>(() => WorkTeamStore.AddMemberAsync(db, clock, office, team.Id, new TeamMemberInput(free[0].Code, TeamRole.Member, null), default));
        Assert.Equal(("cadre", "exists"), (Assert.Single(twice.Problems).Field, twice.Problems[0].Code));
        var meeting = await WorkTeamStore.RecordMeetingAsync(db, clock, office, team.Id,
            new MeetingInput(MeetingKind.Progress, new DateOnly(2026, 6, 12), township.Name + "党委会议室", "部署夏季走访", 18, "每村每月走访不少于一轮"), default);
        Assert.Equal(1, await db.WorkTeamMeetings.CountAsync(m => m.TeamId == team.Id && m.Id == meeting.Id));
        var key = team.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Entity == "work-team" && a.EntityKey == key));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_team_outside_the_offices_reach_or_at_the_city_or_twice_in_a_year_is_refused_and_nothing_is_stored(string provider)
    {
        var (t, db, _, _, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        var township = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Township).OrderBy(d => d.Code).FirstAsync();
        var county = new OfficeActor("township-office", code => code.StartsWith(township.Code, StringComparison.Ordinal));
        var outside = await Assert.ThrowsAsync<RefusedException>(() => WorkTeamStore.CreateAsync(db, clock, county, new WorkTeamInput(2026, "370830", null, null), default));
        Assert.Equal("out-of-reach", outside.Problems[0].Code);
        var city = new OfficeActor("admin", _ => true);
        var level = await Assert.ThrowsAsync<RefusedException>(() => WorkTeamStore.CreateAsync(db, clock, city, new WorkTeamInput(2026, "3708", null, null), default));
        Assert.Equal("level", level.Problems[0].Code);
        await WorkTeamStore.CreateAsync(db, clock, city, new WorkTeamInput(2026, township.Code, "试点工作队", "挂职乡镇党委副书记"), default);
        var again = await Assert.ThrowsAsync<RefusedException>(() => WorkTeamStore.CreateAsync(db, clock, city, new WorkTeamInput(2026, township.Code, null, null), default));
        Assert.Equal("exists", again.Problems[0].Code);
        Assert.Equal(1, await db.WorkTeams.CountAsync());
    }
}
