using Liaison.Domain.Divisions;
using Liaison.Domain.Shared;

namespace Liaison.Domain.Results;

/// <summary>Where a township's grading round stands.</summary>
public enum GradingStatus
{
    /// <summary>The township grades its villages.</summary>
    Open = 1,
    /// <summary>Every village graded and sent up for the county's confirmation.</summary>
    Submitted = 2,
    /// <summary>Confirmed by the county: the grades are the villages' for the next year.</summary>
    Confirmed = 3,
}

/// <summary>
/// 村党组织分类定级 (issue 21): one township's grading of its village party organisations for a year —
/// opened and filled in by the township office, submitted, confirmed by the county. Confirmation
/// writes each grade into the village's profile for the next year (what the next plan ranks by) and
/// judges the open rectifications of the township's villages.
/// </summary>
public sealed class GradingRound
{
    public long Id { get; set; }
    public int Year { get; set; }
    public required string TownshipCode { get; set; }
    public GradingStatus Status { get; set; } = GradingStatus.Open;
    public required string OpenedBy { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public string? ConfirmedBy { get; set; }
    public DateOnly? ConfirmedOn { get; set; }
}

/// <summary>A village's grade in a round: the criteria met (the policy's codes), the grade before, and the reason when the grade is not the suggested one.</summary>
public sealed class VillageGrading
{
    public long Id { get; set; }
    public long RoundId { get; set; }
    public required string VillageCode { get; set; }
    public PartyOrgGrade Grade { get; set; }
    public PartyOrgGrade? Previous { get; set; }
    /// <summary>The criteria met, their codes joined by commas.</summary>
    public string Criteria { get; set; } = "";
    public string? Note { get; set; }

    public const int MaxNote = 200;
}

/// <summary>What a plan raises an organisation from: backward (整顿) or general (晋位升级).</summary>
public enum RectificationKind
{
    /// <summary>后进村党组织整顿: a backward organisation, judged rectified when graded general or advanced.</summary>
    Rectify = 1,
    /// <summary>一般村党组织晋位升级: upgrade targets for a general organisation, judged met when graded advanced.</summary>
    Upgrade = 2,
}

/// <summary>Where a plan stands; judged at the next confirmed grading.</summary>
public enum RectificationStatus
{
    Open = 1,
    /// <summary>整顿到位 (graded general or advanced) or 晋位升级 (graded advanced) at the next grading.</summary>
    Rectified = 2,
    /// <summary>未整顿到位 or 未晋位: the grade the plan aimed above, still, at the next grading.</summary>
    NotRectified = 3,
}

/// <summary>
/// 后进村党组织整顿 and 一般村党组织晋位升级 (issue 21): the plan for a backward organisation, or the
/// upgrade targets of a general one — the problems found (or shortfalls), the measures, the township
/// leader responsible (the one who takes the village), the deadline — its progress, and its result at
/// the next grading (<see cref="Reached"/>).
/// </summary>
public sealed class Rectification
{
    public long Id { get; set; }
    public RectificationKind Kind { get; set; } = RectificationKind.Rectify;
    public required string VillageCode { get; set; }
    public int Year { get; set; }
    public required string Problems { get; set; }
    public required string Measures { get; set; }
    public int? LeaderCadreId { get; set; }
    public DateOnly Deadline { get; set; }
    public RectificationStatus Status { get; set; } = RectificationStatus.Open;
    /// <summary>The round whose confirmation judged it.</summary>
    public long? JudgedByRoundId { get; set; }
    public string? Progress { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public const int MaxText = 500;

    /// <summary>The grade the plan starts from: backward for a rectification, general for upgrade targets.</summary>
    public static PartyOrgGrade From(RectificationKind kind) => kind == RectificationKind.Upgrade ? PartyOrgGrade.General : PartyOrgGrade.Backward;

    /// <summary>Whether a grade at the next grading is the plan's aim: above backward (rectified), or advanced (upgraded).</summary>
    public static bool Reached(RectificationKind kind, PartyOrgGrade grade) =>
        kind == RectificationKind.Upgrade ? grade == PartyOrgGrade.Advanced : grade != PartyOrgGrade.Backward;
}

/// <summary>The grading's words, shared by its pages.</summary>
public static class GradingWords
{
    public static Term Grading { get; } = new("分类定级", "Party organisation grading");
    public static Term Round { get; } = new("定级", "Grading round");
    public static Term Graded { get; } = new("已定级", "Graded");
    public static Term Criteria { get; } = new("达到的标准", "Criteria met");
    public static Term Previous { get; } = new("原定级", "Grade before");
    public static Term Suggested { get; } = new("建议定级", "Suggested grade");
    public static Term Rectifications { get; } = new("后进村党组织整顿", "Rectification of backward organisations");
    public static Term ProblemsFound { get; } = new("存在问题", "Problems found");
    public static Term Measures { get; } = new("整顿措施", "Measures");
    public static Term Leader { get; } = new("包村乡镇领导", "Township leader responsible");

    public static Term Status(GradingStatus status) => status switch
    {
        GradingStatus.Open => new("定级中", "Grading"),
        GradingStatus.Submitted => new("待县里确认", "Awaiting the county"),
        _ => new("县里已确认", "Confirmed by the county"),
    };

    public static Term Upgrades { get; } = new("一般村党组织晋位升级", "Upgrade targets of general organisations");

    public static Term Kind(RectificationKind kind) => kind == RectificationKind.Upgrade ? new("晋位升级", "Upgrade") : new("整顿", "Rectification");

    public static Term Status(RectificationStatus status, RectificationKind kind = RectificationKind.Rectify) => (status, kind) switch
    {
        (RectificationStatus.Open, _) => new("进行中", "Under way"),
        (RectificationStatus.Rectified, RectificationKind.Upgrade) => new("晋位升级", "Upgraded"),
        (RectificationStatus.Rectified, _) => new("整顿到位", "Rectified"),
        (_, RectificationKind.Upgrade) => new("未晋位", "Not upgraded"),
        _ => new("未整顿到位", "Not rectified"),
    };
}
