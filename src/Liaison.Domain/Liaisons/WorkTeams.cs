using Liaison.Domain.Divisions;
using Liaison.Domain.Shared;

namespace Liaison.Domain.Liaisons;

/// <summary>
/// A work team of a year (DOMAIN.md section 1): the county work group (工作团, its head serving as
/// deputy secretary of the county committee), the township work team (工作队) and the village work
/// group (工作组, headed by the First Secretary). Which of the three it is follows from the division
/// it is stationed in; the villages it holds are that division's. Its members — cadres of several
/// units — take part in those villages as in a village of their own tie.
/// </summary>
public sealed class WorkTeam
{
    public long Id { get; set; }
    public int Year { get; set; }
    public required string DivisionCode { get; set; }
    public required string Name { get; set; }
    /// <summary>The post the head holds there (e.g. 挂职县委副书记), as the appointing document says.</summary>
    public string? HeadPost { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    public const int MaxName = 100;
    public const int MaxPost = 100;
}

/// <summary>A team's member; a member who leaves keeps the row with the day they left.</summary>
public sealed class WorkTeamMember
{
    public long Id { get; set; }
    public long TeamId { get; set; }
    public int CadreId { get; set; }
    public TeamRole Role { get; set; }
    public DateOnly Since { get; set; }
    public DateOnly? Until { get; set; }
}

/// <summary>A member's place in the team.</summary>
public enum TeamRole
{
    /// <summary>团长 / 队长 / 组长.</summary>
    Head = 1,
    /// <summary>副团长 / 副队长 / 副组长.</summary>
    Deputy = 2,
    Member = 3,
}

/// <summary>The meetings the source names (定期组织召开工作推进会、现场会、交流会、座谈会).</summary>
public enum MeetingKind
{
    /// <summary>推进会.</summary>
    Progress = 1,
    /// <summary>现场会.</summary>
    OnSite = 2,
    /// <summary>交流会.</summary>
    Exchange = 3,
    /// <summary>座谈会.</summary>
    Symposium = 4,
}

/// <summary>A team's meeting: when, where, about what, who came, what was decided.</summary>
public sealed class WorkTeamMeeting
{
    public long Id { get; set; }
    public long TeamId { get; set; }
    public MeetingKind Kind { get; set; }
    public DateOnly On { get; set; }
    public required string Place { get; set; }
    public required string Topic { get; set; }
    /// <summary>How many attended (members and others).</summary>
    public int Attendance { get; set; }
    public required string Decisions { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public const int MaxText = 1_000;
    public const int MaxPlace = 200;
}

/// <summary>The words of the work teams.</summary>
public static class WorkTeamTerms
{
    /// <summary>What a team stationed at a division of this level is called; null where no team is stationed (the city, the province).</summary>
    public static Term? Kind(DivisionLevel level) => level switch
    {
        DivisionLevel.County => new("工作团", "county work group"),
        DivisionLevel.Township => new("工作队", "township work team"),
        DivisionLevel.Village => new("工作组", "village work group"),
        _ => null,
    };

    /// <summary>A team's name when none is given: the division's name and the kind (某某镇工作队).</summary>
    public static string DefaultName(string divisionName, DivisionLevel level) => divisionName + Kind(level)?.Zh;

    public static Term Role(TeamRole role, DivisionLevel level) => (role, level) switch
    {
        (TeamRole.Head, DivisionLevel.County) => new("团长", "head"),
        (TeamRole.Head, DivisionLevel.Township) => new("队长", "head"),
        (TeamRole.Head, _) => new("组长", "head"),
        (TeamRole.Deputy, DivisionLevel.County) => new("副团长", "deputy head"),
        (TeamRole.Deputy, DivisionLevel.Township) => new("副队长", "deputy head"),
        (TeamRole.Deputy, _) => new("副组长", "deputy head"),
        _ => new("成员", "member"),
    };

    public static IReadOnlyDictionary<MeetingKind, Term> Meetings { get; } = new Dictionary<MeetingKind, Term>
    {
        [MeetingKind.Progress] = new("推进会", "progress meeting"),
        [MeetingKind.OnSite] = new("现场会", "on-site meeting"),
        [MeetingKind.Exchange] = new("交流会", "exchange meeting"),
        [MeetingKind.Symposium] = new("座谈会", "symposium"),
    };

    /// <summary>A member's way into the programme (the participation list): "member of the 工作队", etc.</summary>
    public static Term Membership(DivisionLevel level) => Kind(level) is { } k ? new(k.Zh + "成员", "member of the " + k.En) : new("工作队成员", "member of a work team");
}
