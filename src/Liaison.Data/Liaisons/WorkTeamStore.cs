using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Liaisons;

/// <summary>A work team as an office sets it up: the year, where it is stationed, its name and the head's post there.</summary>
public sealed record WorkTeamInput(int Year, string? DivisionCode, string? Name, string? HeadPost);

/// <summary>A cadre joining a team: staff number, role, from which day.</summary>
public sealed record TeamMemberInput(string? CadreCode, TeamRole Role, DateOnly? Since);

/// <summary>A team's meeting as recorded.</summary>
public sealed record MeetingInput(MeetingKind Kind, DateOnly? On, string? Place, string? Topic, int? Attendance, string? Decisions);

/// <summary>Who changes a work team or a help plan: their name for the audit log and the divisions within their reach.</summary>
public sealed record OfficeActor(string UserName, Func<string, bool> Covers);

/// <summary>
/// 工作团、工作队、工作组 (issue 20): teams set up by the offices of their jurisdiction, their members
/// (one head at a time; a member who leaves keeps the row) and their meetings. Every change is
/// audited; a problem refuses the whole change with each reason by field.
/// </summary>
public static class WorkTeamStore
{
    private const string Reach = "a work team store: the actor's reach is decided on the team's division";

    /// <summary>
    /// Whether the cadre heads, now, a work team of the year whose division holds the village: who may
    /// enter records there on behalf of members without a phone (工作组代录).
    /// </summary>
    public static async Task<bool> HeadsTeamOverAsync(LiaisonDb db, int cadreId, int year, string village, CancellationToken ct) =>
        await (from m in db.WorkTeamMembers.AsNoTracking()
               join t in db.WorkTeams.AsNoTracking() on m.TeamId equals t.Id
               where m.CadreId == cadreId && m.Role == TeamRole.Head && m.Until == null && t.Year == year && village.StartsWith(t.DivisionCode)
               select m.Id).AnyAsync(ct);

    /// <summary>
    /// The divisions of the teams of the year the cadre serves in now: what a cadre's account reaches
    /// besides its own scope (<see cref="Domain.Access.Scope.Teams"/>).
    /// </summary>
    public static async Task<List<string>> ReachOfAsync(LiaisonDb db, int cadreId, int year, CancellationToken ct) =>
        await (from m in db.WorkTeamMembers.AsNoTracking()
               join t in db.WorkTeams.AsNoTracking() on m.TeamId equals t.Id
               where m.CadreId == cadreId && m.Until == null && t.Year == year
               select t.DivisionCode).Distinct().ToListAsync(ct);

    public static async Task<WorkTeam> CreateAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, WorkTeamInput input, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var problems = new List<Problem>();
        var code = input.DivisionCode?.Trim() ?? "";
        var division = await db.Divisions.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code && d.WithdrawnOn == null, ct);
        if (division is null || !actor.Covers(code))
        {
            problems.Add(new Problem("divisionCode", $"{code} 不是你管辖范围内的区划", $"{code} is not a division within your reach") { Code = "out-of-reach" });
        }
        else if (WorkTeamTerms.Kind(division.Level) is null)
        {
            problems.Add(new Problem("divisionCode", "工作团、工作队、工作组分别派驻县市区、乡镇、村", "teams are stationed in a county, a township or a village") { Code = "level" });
        }
        else if (await db.WorkTeams.AnyAsync(t => t.Year == input.Year && t.DivisionCode == code, ct))
        {
            problems.Add(new Problem("divisionCode", $"{division.Name} {input.Year} 年已有{WorkTeamTerms.Kind(division.Level)!.Value.Zh}", $"{division.Name} already has a team in {input.Year}") { Code = "exists" });
        }
        var year = ChinaTime.Today(clock).Year;
        if (input.Year < year - 1 || input.Year > year + 1)
        {
            problems.Add(new Problem("year", "年度须为今年、去年或明年", "the year is this year, last year or next year") { Code = "range" });
        }
        var name = RefusedException.Text(problems, "name",
            string.IsNullOrWhiteSpace(input.Name) && division is not null ? WorkTeamTerms.DefaultName(division.Name, division.Level) : input.Name, WorkTeam.MaxName, required: true);
        var post = RefusedException.Text(problems, "headPost", input.HeadPost, WorkTeam.MaxPost, required: false);
        RefusedException.ThrowIfAny(problems);
        var team = new WorkTeam { Year = input.Year, DivisionCode = code, Name = name!, HeadPost = post, CreatedAt = clock.GetUtcNow(), CreatedBy = actor.UserName };
        await WriteAsync(db, clock, actor, "team.create", code, () => db.WorkTeams.Add(team), () => (team.Id, new { team.Year, team.DivisionCode, team.Name, team.HeadPost }), ct);
        return team;
    }

    public static async Task<WorkTeamMember> AddMemberAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, long teamId, TeamMemberInput input, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var team = await TeamInReachAsync(db, actor, teamId, ct);
        var problems = new List<Problem>();
        var code = input.CadreCode?.Trim() ?? "";
        var cadre = await db.Cadres.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code && c.Status == CadreStatus.Active, ct);
        var current = db.WorkTeamMembers.Where(m => m.TeamId == teamId && m.Until == null);
        if (cadre is null)
        {
            problems.Add(People.CadreRefusals.UnknownActive(code));
        }
        else if (await current.AnyAsync(m => m.CadreId == cadre.Id, ct))
        {
            problems.Add(new Problem("cadre", $"{cadre.Name} 已是本队成员", $"{cadre.Name} is already a member") { Code = "exists" });
        }
        if (!Enum.IsDefined(input.Role))
        {
            problems.Add(new Problem("role", "身份须为负责人、副职或成员", "the role is head, deputy or member") { Code = "invalid" });
        }
        else if (input.Role == TeamRole.Head && await current.AnyAsync(m => m.Role == TeamRole.Head, ct))
        {
            problems.Add(new Problem("role", "本队已有负责人：先让现任负责人离队", "the team has a head: the present head leaves first") { Code = "one-head" });
        }
        var since = input.Since ?? ChinaTime.Today(clock);
        if (since.Year != team.Year)
        {
            problems.Add(new Problem("since", $"加入日期须在 {team.Year} 年内", $"the day of joining lies in {team.Year}") { Code = "range" });
        }
        RefusedException.ThrowIfAny(problems);
        var member = new WorkTeamMember { TeamId = teamId, CadreId = cadre!.Id, Role = input.Role, Since = since };
        await WriteAsync(db, clock, actor, "team.member.add", team.DivisionCode, () => db.WorkTeamMembers.Add(member),
            () => (team.Id, new { cadre = cadre.Code, member.Role, member.Since }), ct);
        return member;
    }

    public static async Task EndMemberAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, long memberId, DateOnly? until, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var member = await db.WorkTeamMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.Until == null, ct)
            ?? throw new RefusedException([new Problem("member", "没有这名在队成员", "no such current member") { Code = "unknown" }]);
        var team = await TeamInReachAsync(db, actor, member.TeamId, ct);
        var day = until ?? ChinaTime.Today(clock);
        RefusedException.ThrowIfAny(day < member.Since ? [new Problem("until", "离队日期早于加入日期", "the day of leaving comes before the day of joining") { Code = "range" }] : []);
        await WriteAsync(db, clock, actor, "team.member.end", team.DivisionCode, () => member.Until = day, () => (team.Id, new { member = member.Id, until = day }), ct);
    }

    public static async Task<WorkTeamMeeting> RecordMeetingAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, long teamId, MeetingInput input, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var team = await TeamInReachAsync(db, actor, teamId, ct);
        var problems = new List<Problem>();
        if (!Enum.IsDefined(input.Kind))
        {
            problems.Add(new Problem("kind", "会议类型须为推进会、现场会、交流会或座谈会", "the kind is a progress, on-site, exchange meeting or a symposium") { Code = "invalid" });
        }
        if (input.On is not { } on || on > ChinaTime.Today(clock))
        {
            problems.Add(new Problem("on", "请填写会议日期（不晚于今天）", "give the day of the meeting (not after today)") { Code = "required" });
        }
        var place = RefusedException.Text(problems, "place", input.Place, WorkTeamMeeting.MaxPlace, required: true);
        var topic = RefusedException.Text(problems, "topic", input.Topic, WorkTeamMeeting.MaxText, required: true);
        var decisions = RefusedException.Text(problems, "decisions", input.Decisions, WorkTeamMeeting.MaxText, required: false);
        if (input.Attendance is not (> 0 and <= 10_000))
        {
            problems.Add(new Problem("attendance", "参加人数须在 1–10000 之间", "attendance lies between 1 and 10,000") { Code = "range" });
        }
        RefusedException.ThrowIfAny(problems);
        var meeting = new WorkTeamMeeting
        {
            TeamId = teamId,
            Kind = input.Kind,
            On = input.On!.Value,
            Place = place!,
            Topic = topic!,
            Attendance = input.Attendance!.Value,
            Decisions = decisions ?? "",
            RecordedBy = actor.UserName,
            RecordedAt = clock.GetUtcNow(),
        };
        await WriteAsync(db, clock, actor, "team.meeting", team.DivisionCode, () => db.WorkTeamMeetings.Add(meeting),
            () => (team.Id, new { meeting.Kind, meeting.On, meeting.Place, meeting.Topic, meeting.Attendance }), ct);
        return meeting;
    }

    private static async Task<WorkTeam> TeamInReachAsync(LiaisonDb db, OfficeActor actor, long teamId, CancellationToken ct)
    {
        var team = await db.WorkTeams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, ct);
        return team is not null && actor.Covers(team.DivisionCode)
            ? team
            : throw new RefusedException([new Problem("team", "没有这个工作队，或不在你的管辖范围内", "no such team within your reach") { Code = "out-of-reach" }]);
    }

    private static async Task WriteAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, string action, string division, Action change, Func<(long Id, object After)> record, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        change();
        await db.SaveChangesAsync(ct);
        var (id, after) = record();
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord(action, "work-team", id.ToString(System.Globalization.CultureInfo.InvariantCulture), division, null, after), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }
}
