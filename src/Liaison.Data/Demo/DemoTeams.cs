using Liaison.Data.Database;
using Liaison.Data.Database.Sql;
using Liaison.Domain.Divisions;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Demo;

/// <summary>The members of the demo's teams whose field work the activity generates: where each may work.</summary>
internal sealed record DemoTeamMembers(IReadOnlyDictionary<int, string> VillageGroups, IReadOnlyDictionary<int, string> Upper, int Teams, int Meetings);

/// <summary>
/// The work teams of a demo year as the source sets them up (DOMAIN.md section 1): a county work
/// group (工作团) in each county headed by a city unit's leader serving as deputy county secretary,
/// with a few city cadres; a township work team (工作队) in each township headed by a county unit's
/// leader, with a few county cadres; a village work group (工作组) in each village headed by its
/// First Secretary, whose members are the township's own cadres with no other place in the
/// programme, spread over the township's villages. With their meetings through the year so far.
/// </summary>
internal static class DemoTeams
{
    private static readonly string[] Topics = ["部署入户走访", "交流驻村经验", "推进群众诉求办理", "观摩道路硬化现场", "研究后进村整顿", "听取群众意见", "总结半年工作"];
    private static readonly string[] Decisions = ["每月走访一轮", "建立问题台账，限期办结", "推广典型经验", "下月组织集中驻村", "对落后村逐一包保"];

    public static async Task<DemoTeamMembers> EnsureAsync(LiaisonDb db, Random rng, int year, DateOnly last, string by, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.WorkTeams.AnyAsync(t => t.Year == year, ct))
        {
            return new DemoTeamMembers(new Dictionary<int, string>(), new Dictionary<int, string>(), 0, 0);
        }
        var divisions = await db.Divisions.AsNoTracking().Where(d => d.WithdrawnOn == null && d.Level >= DivisionLevel.County)
            .Select(d => new { d.Code, d.Name, d.Level }).OrderBy(d => d.Code).ToListAsync(ct);
        var cadres = await (from c in db.Cadres.AsNoTracking()
                            join u in db.Units.AsNoTracking() on c.UnitId equals u.Id
                            where c.Status == CadreStatus.Active
                            orderby c.Id
                            select new { c.Id, c.Rank, u.Level, u.DivisionCode }).ToListAsync(ct);
        var placed = (await db.LiaisonTies.AsNoTracking().Where(t => t.Year == year && t.CadreId != null).Select(t => t.CadreId!.Value).ToListAsync(ct))
            .Concat(await db.SecretaryPostings.AsNoTracking().Where(p => p.Year == year).Select(p => p.CadreId).ToListAsync(ct)).ToHashSet();
        var secretaries = await db.SecretaryPostings.AsNoTracking().Where(p => p.Year == year && p.Until == null)
            .Select(p => new { p.VillageCode, p.CadreId }).ToListAsync(ct);
        var secretaryOf = secretaries.GroupBy(s => s.VillageCode).ToDictionary(g => g.Key, g => g.First().CadreId, StringComparer.Ordinal);

        // Leaders to head the county and township teams (a leader may have a contact point too) and
        // cadres with no other place to staff them, each used once.
        var used = new HashSet<int>();
        var postedCadres = secretaries.Select(s => s.CadreId).ToHashSet();
        Queue<int> Pool(UnitLevel level, bool leaders) => new(cadres
            .Where(c => c.Level == level && (c.Rank == CadreRank.UnitLeader) == leaders && !postedCadres.Contains(c.Id) && (leaders || !placed.Contains(c.Id)))
            .Select(c => c.Id).OrderBy(_ => rng.Next()));
        var cityLeaders = Pool(UnitLevel.City, leaders: true);
        var cityCadres = Pool(UnitLevel.City, leaders: false);
        var countyLeaders = Pool(UnitLevel.County, leaders: true);
        var countyCadres = Pool(UnitLevel.County, leaders: false);
        // Should a level run out of leaders, any of its cadres not posted as First Secretary heads the team
        // (a demo of one county has no city units: its own leaders head its county group).
        Queue<int> Anyone(UnitLevel level) => new(cadres.Where(c => c.Level == level && !postedCadres.Contains(c.Id)).Select(c => c.Id).OrderBy(_ => rng.Next()));
        var cityAnyone = Anyone(UnitLevel.City);
        var countyAnyone = Anyone(UnitLevel.County);
        int? Take(Queue<int> pool)
        {
            while (pool.TryDequeue(out var id))
            {
                if (used.Add(id))
                {
                    return id;
                }
            }
            return null;
        }

        var teams = new List<WorkTeam>();
        var members = new List<WorkTeamMember>();
        var villageGroups = new Dictionary<int, string>();
        var upper = new Dictionary<int, string>();
        var since = new DateOnly(year, 1, 1);
        void Member(WorkTeam team, int? cadre, TeamRole role)
        {
            if (cadre is { } id)
            {
                members.Add(new WorkTeamMember { TeamId = team.Id, CadreId = id, Role = role, Since = since });
            }
        }
        var ids = await DatabaseSql.For(db).ReserveIdsAsync("work_teams", divisions.Count, ct);
        var next = 0;
        WorkTeam Team(string code, string name, string? post)
        {
            var team = new WorkTeam { Id = ids[next++], Year = year, DivisionCode = code, Name = name, HeadPost = post, CreatedAt = now, CreatedBy = by };
            teams.Add(team);
            return team;
        }
        // The township's own cadres with no tie or posting, for its villages' work groups.
        var townshipCadres = cadres.Where(c => c.Level == UnitLevel.Township && !placed.Contains(c.Id)).GroupBy(c => c.DivisionCode)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToList(), StringComparer.Ordinal);
        foreach (var d in divisions)
        {
            switch (d.Level)
            {
                case DivisionLevel.County:
                    var county = Team(d.Code, d.Name + "工作团", "挂职县委副书记");
                    Member(county, Take(cityLeaders) ?? Take(cityCadres) ?? Take(cityAnyone) ?? Take(countyLeaders) ?? Take(countyAnyone), TeamRole.Head);
                    for (var i = 0; i < 2 + rng.Next(3); i++)
                    {
                        Member(county, Take(cityCadres), TeamRole.Member);
                    }
                    break;
                case DivisionLevel.Township:
                    var township = Team(d.Code, d.Name + "工作队", "挂职乡镇党委副书记");
                    Member(township, Take(countyLeaders) ?? Take(countyCadres) ?? Take(countyAnyone), TeamRole.Head);
                    for (var i = 0; i < 1 + rng.Next(3); i++)
                    {
                        Member(township, Take(countyCadres), TeamRole.Member);
                    }
                    break;
                case DivisionLevel.Village:
                    var group = Team(d.Code, d.Name + "工作组", null);
                    Member(group, secretaryOf.TryGetValue(d.Code, out var fs) ? fs : null, TeamRole.Head);
                    break;
            }
        }
        // The township's cadres dealt over its villages' groups, a few to each.
        var groupsByTownship = teams.Where(t => t.DivisionCode.Length == 12).GroupBy(t => t.DivisionCode[..9]).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var (township, staff) in townshipCadres)
        {
            if (!groupsByTownship.TryGetValue(township, out var groups))
            {
                continue;
            }
            for (var i = 0; i < staff.Count; i++)
            {
                var group = groups[i % groups.Count];
                Member(group, staff[i], TeamRole.Member);
                villageGroups[staff[i]] = group.DivisionCode;
            }
        }
        // The county groups' and township teams' members work in the villages of their division.
        var division = teams.ToDictionary(t => t.Id, t => t.DivisionCode);
        foreach (var m in members.Where(m => division[m.TeamId].Length < 12))
        {
            upper[m.CadreId] = division[m.TeamId];
        }

        // Meetings so far: county groups and township teams meet through the year; village groups hold symposiums now and then.
        var meetings = new List<WorkTeamMeeting>();
        var days = last.DayNumber - since.DayNumber + 1;
        foreach (var team in teams)
        {
            var count = team.DivisionCode.Length switch { 6 => 4 + rng.Next(5), 9 => 2 + rng.Next(4), _ => rng.Next(3) } * days / 365;
            for (var i = 0; i < count; i++)
            {
                var kind = team.DivisionCode.Length == 12 ? MeetingKind.Symposium : (MeetingKind)(1 + rng.Next(4));
                meetings.Add(new WorkTeamMeeting
                {
                    TeamId = team.Id,
                    Kind = kind,
                    On = since.AddDays(rng.Next(days)),
                    Place = team.Name.Replace("工作团", "").Replace("工作队", "").Replace("工作组", "") + "党群服务中心",
                    Topic = Topics[rng.Next(Topics.Length)],
                    Attendance = 8 + rng.Next(40),
                    Decisions = Decisions[rng.Next(Decisions.Length)],
                    RecordedBy = by,
                    RecordedAt = now,
                });
            }
        }
        var sql = DatabaseSql.For(db);
        await sql.UpsertAsync(TableSpec.For<WorkTeam>(db, [nameof(WorkTeam.Id)], nameof(WorkTeam.Id), nameof(WorkTeam.Year), nameof(WorkTeam.DivisionCode), nameof(WorkTeam.Name),
            nameof(WorkTeam.HeadPost), nameof(WorkTeam.CreatedAt), nameof(WorkTeam.CreatedBy)), teams, null, ct);
        var memberIds = await sql.ReserveIdsAsync("work_team_members", members.Count, ct);
        var meetingIds = await sql.ReserveIdsAsync("work_team_meetings", meetings.Count, ct);
        for (var i = 0; i < members.Count; i++)
        {
            members[i].Id = memberIds[i];
        }
        for (var i = 0; i < meetings.Count; i++)
        {
            meetings[i].Id = meetingIds[i];
        }
        await sql.UpsertAsync(TableSpec.For<WorkTeamMember>(db, [nameof(WorkTeamMember.Id)], nameof(WorkTeamMember.Id), nameof(WorkTeamMember.TeamId), nameof(WorkTeamMember.CadreId),
            nameof(WorkTeamMember.Role), nameof(WorkTeamMember.Since)), members, null, ct);
        await sql.UpsertAsync(TableSpec.For<WorkTeamMeeting>(db, [nameof(WorkTeamMeeting.Id)], nameof(WorkTeamMeeting.Id), nameof(WorkTeamMeeting.TeamId), nameof(WorkTeamMeeting.Kind),
            nameof(WorkTeamMeeting.On), nameof(WorkTeamMeeting.Place), nameof(WorkTeamMeeting.Topic), nameof(WorkTeamMeeting.Attendance), nameof(WorkTeamMeeting.Decisions),
            nameof(WorkTeamMeeting.RecordedBy), nameof(WorkTeamMeeting.RecordedAt)), meetings, null, ct);
        return new DemoTeamMembers(villageGroups, upper, teams.Count, meetings.Count);
    }
}
