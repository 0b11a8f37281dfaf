using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Domain.Divisions;
using Liaison.Domain.Liaisons;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Teams;

/// <summary>A team as its list shows it: where, what it is called, who heads it, how many members and meetings.</summary>
public sealed record TeamRow(WorkTeam Team, string DivisionName, DivisionLevel Level, string? HeadName, int Members, int Meetings);

/// <summary>A member as the team's page shows them.</summary>
public sealed record TeamMemberRow(WorkTeamMember Member, string Code, string Name, string UnitName);

/// <summary>
/// The work teams within reach: a team is read through the scope by its division (a team stationed
/// outside the scope is not found), its members and meetings with it.
/// </summary>
public sealed class TeamQueries(LiaisonDb db, Scoped scoped)
{
    /// <summary>The teams of a year stationed in the division's subtree (all within reach when none is named).</summary>
    public async Task<List<TeamRow>> ListAsync(int year, string? under, CancellationToken ct)
    {
        var divisions = scoped.Under(under).Divisions;
        var teams = await (from t in db.WorkTeams.AsNoTracking()
                           join d in divisions on t.DivisionCode equals d.Code
                           where t.Year == year
                           orderby t.DivisionCode
                           select new { Team = t, d.Name, d.Level }).ToListAsync(ct);
        var ids = teams.Select(t => t.Team.Id).ToList();
        var members = await (from m in db.WorkTeamMembers.AsNoTracking()
                             join c in db.Cadres.AsNoTracking() on m.CadreId equals c.Id
                             where ids.Contains(m.TeamId) && m.Until == null
                             select new { m.TeamId, m.Role, c.Name }).ToListAsync(ct);
        var meetings = await db.WorkTeamMeetings.AsNoTracking().Where(m => ids.Contains(m.TeamId)).GroupBy(m => m.TeamId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        var byTeam = members.ToLookup(m => m.TeamId);
        return teams.Select(t => new TeamRow(t.Team, t.Name, t.Level, byTeam[t.Team.Id].FirstOrDefault(m => m.Role == TeamRole.Head)?.Name,
            byTeam[t.Team.Id].Count(), meetings.GetValueOrDefault(t.Team.Id))).ToList();
    }

    /// <summary>One team within reach, or null.</summary>
    public async Task<TeamRow?> TeamAsync(long id, CancellationToken ct)
    {
        var found = await (from t in db.WorkTeams.AsNoTracking()
                           join d in scoped.Divisions on t.DivisionCode equals d.Code
                           where t.Id == id
                           select new { Team = t, d.Name, d.Level }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }
        var members = await MembersAsync(id, ct);
        var meetings = await db.WorkTeamMeetings.CountAsync(m => m.TeamId == id, ct);
        var current = members.Where(m => m.Member.Until == null).ToList();
        return new TeamRow(found.Team, found.Name, found.Level, current.FirstOrDefault(m => m.Member.Role == TeamRole.Head)?.Name, current.Count, meetings);
    }

    /// <summary>A team's members, current first, heads first; the caller read the team through the scope.</summary>
    public async Task<List<TeamMemberRow>> MembersAsync(long teamId, CancellationToken ct)
    {
        using var outside = Unscoped.Section("a team in reach: its members' units, wherever they are");
        return (await (from m in db.WorkTeamMembers.AsNoTracking()
                       join c in db.Cadres.AsNoTracking() on m.CadreId equals c.Id
                       join u in db.Units.AsNoTracking() on c.UnitId equals u.Id
                       where m.TeamId == teamId
                       select new { m, c.Code, c.Name, Unit = u.Name }).ToListAsync(ct))
            .OrderBy(x => x.m.Until is not null).ThenBy(x => x.m.Role).ThenBy(x => x.Code, StringComparer.Ordinal)
            .Select(x => new TeamMemberRow(x.m, x.Code, x.Name, x.Unit)).ToList();
    }

    /// <summary>A team's meetings, newest first; the caller read the team through the scope.</summary>
    public async Task<List<WorkTeamMeeting>> MeetingsAsync(long teamId, CancellationToken ct) =>
        await db.WorkTeamMeetings.AsNoTracking().Where(m => m.TeamId == teamId).OrderByDescending(m => m.On).ThenByDescending(m => m.Id).ToListAsync(ct);

    /// <summary>How many villages the team holds: those of its division.</summary>
    public async Task<int> VillagesAsync(string divisionCode, CancellationToken ct) =>
        await scoped.Under(divisionCode).Divisions.CountAsync(d => d.Level == DivisionLevel.Village && d.WithdrawnOn == null, ct);
}
