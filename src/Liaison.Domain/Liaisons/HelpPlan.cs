using Liaison.Domain.Shared;

namespace Liaison.Domain.Liaisons;

/// <summary>Where a help plan stands.</summary>
public enum HelpPlanStatus
{
    /// <summary>帮扶中.</summary>
    Open = 1,
    /// <summary>已达成.</summary>
    Achieved = 2,
    /// <summary>未达成 (closed, with what changed and why not).</summary>
    NotAchieved = 3,
}

/// <summary>
/// 结对帮扶、一户一策 (issue 20): a cadre paired with a poor or difficult household for the year, with
/// the household's needs, the measures, a target date, and at the end whether it was achieved and
/// what changed. One plan per household and year; the cadre's visits to the household after the plan
/// began are its follow-ups (no second record of them).
/// </summary>
public sealed class HelpPlan
{
    public long Id { get; set; }
    public int Year { get; set; }
    public long HouseholdId { get; set; }
    public required string VillageCode { get; set; }
    /// <summary>The responsible cadre (责任人).</summary>
    public int CadreId { get; set; }
    public required string Needs { get; set; }
    public required string Measures { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly TargetOn { get; set; }
    public HelpPlanStatus Status { get; set; } = HelpPlanStatus.Open;
    public DateOnly? ClosedOn { get; set; }
    /// <summary>What changed for the household (成效), written when the plan is closed.</summary>
    public string? Outcome { get; set; }
    public required string ChangedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; }

    public const int MaxText = 1_000;

    public static Term Word(HelpPlanStatus status) => status switch
    {
        HelpPlanStatus.Achieved => new("已达成", "achieved"),
        HelpPlanStatus.NotAchieved => new("未达成", "not achieved"),
        _ => new("帮扶中", "in progress"),
    };
}
