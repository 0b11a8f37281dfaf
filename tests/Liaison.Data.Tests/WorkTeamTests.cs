using Liaison.Data.Field;
using Liaison.Data.Import;
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
        var head = await WorkTeamStore.AddMemberAsync(db, clock, office, team.Id, new TeamMemberInput(free[0].Code, TeamRole.Head, new DateOnly(2026, 3, 1)), default);

        var mine = await FieldQueries.MineAsync(db, clock, free[0].Id, default);
        Assert.Contains(village.Code, mine.Villages.Select(v => v.Code));
        Assert.All(mine.Villages, v => Assert.StartsWith(township.Code, v.Code, StringComparison.Ordinal));
        // Each is marked as the township work team's village on the phone.
        Assert.All(mine.Villages, v => Assert.Equal("township", v.Team));
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

        // The member's account reaches the team's township (Scope.Teams) in the team's year, while serving.
        Assert.Equal([township.Code], await WorkTeamStore.ReachOfAsync(db, free[0].Id, 2026, default));
        Assert.Empty(await WorkTeamStore.ReachOfAsync(db, free[0].Id, 2027, default));
        Assert.Empty(await WorkTeamStore.ReachOfAsync(db, free[1].Id, 2026, default));
        await WorkTeamStore.EndMemberAsync(db, clock, office, head.Id, new DateOnly(2026, 6, 20), default);
        Assert.Empty(await WorkTeamStore.ReachOfAsync(db, free[0].Id, 2026, default));
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
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_team_roster_import_moves_the_head_joins_members_and_refuses_the_whole_file_for_one_bad_row(string provider)
    {
        var (t, db, _, _, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        using var files = new TestFiles();
        var clock = FieldWorkTests.Clock();
        var township = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Township && d.Code.StartsWith("370830")).OrderBy(d => d.Code).FirstAsync();
        var office = new OfficeActor("office-test", code => code.StartsWith("370830", StringComparison.Ordinal));
        var team = await WorkTeamStore.CreateAsync(db, clock, office, new WorkTeamInput(2026, township.Code, null, null), default);
        var cadres = await db.Cadres.AsNoTracking().Where(c => c.Status == CadreStatus.Active).OrderBy(c => c.Id).Take(3).ToListAsync();
        await WorkTeamStore.AddMemberAsync(db, clock, office, team.Id, new TeamMemberInput(cadres[0].Code, TeamRole.Head, new DateOnly(2026, 2, 1)), default);
        string Row(int i, string role, string since) => $"2026,{township.Code},{cadres[i].Code},{role},{since}\n";
        const string Header = "年度,派驻区划代码,干部编号,团队职务,加入日期\n";

        // The serving head becomes a deputy and another cadre heads the team: allowed in one file. A day of
        // joining outside the team's year refuses the whole file, and nothing changes.
        var late = files.Text("late.csv", Header + Row(0, "副队长", "") + Row(1, "队长", "2026-05-01") + Row(2, "队员", "2025-12-31"));
        var refused = await Assert.ThrowsAsync<ImportRefusedException>(() => new WorkTeamImporter(clock).ImportAsync(db, late, null, default));
        var problem = Assert.Single(refused.ImportProblems);
        Assert.Equal((4L, "加入日期", ImportReason.InvalidValue), (problem.Line!.Value, problem.Column, problem.Reason));
        Assert.Equal(TeamRole.Head, (await db.WorkTeamMembers.AsNoTracking().SingleAsync(m => m.TeamId == team.Id)).Role);

        var good = files.Text("good.csv", Header + Row(0, "副队长", "") + Row(1, "队长", "2026-05-01") + Row(2, "队员", "2026年6月1日"));
        var preview = await new WorkTeamImporter(clock).PreviewAsync(db, good, default);
        Assert.True(preview.Acceptable);
        Assert.Equal((2L, 1L), (preview.Adds, preview.Changes));
        var change = Assert.Single(Assert.Single(preview.Changed).Fields);
        Assert.Equal(("队长", "副队长"), (change.Before.Zh, change.After.Zh));
        await new WorkTeamImporter(clock).ImportAsync(db, good, null, default);
        var members = await db.WorkTeamMembers.AsNoTracking().Where(m => m.TeamId == team.Id).ToDictionaryAsync(m => m.CadreId);
        Assert.Equal((TeamRole.Deputy, new DateOnly(2026, 2, 1)), (members[cadres[0].Id].Role, members[cadres[0].Id].Since));
        Assert.Equal(TeamRole.Head, members[cadres[1].Id].Role);
        Assert.Equal(new DateOnly(2026, 6, 1), members[cadres[2].Id].Since);

        // An office of another county imports nothing of this township's team; a cadre twice in a team is refused.
        var elsewhere = await new WorkTeamImporter(clock) { Within = "370811" }.PreviewAsync(db, good, default);
        Assert.Equal(3, elsewhere.Problems.Count(p => p.Reason == ImportReason.OutsideJurisdiction));
        var twice = await new WorkTeamImporter(clock).PreviewAsync(db, files.Text("twice.csv", Header + Row(2, "队员", "") + Row(2, "队员", "")), default);
        Assert.Equal(ImportReason.DuplicateKey, Assert.Single(twice.Problems).Reason);
    }
}
