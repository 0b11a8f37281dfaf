using Liaison.Domain.Shared;

namespace Liaison.Domain.Results;

/// <summary>Where a public commitment stands. "Late" is not a state but a reading of the deadline (<see cref="Commitment.Late"/>).</summary>
public enum CommitmentStatus
{
    /// <summary>承诺中: promised, not yet kept.</summary>
    Open = 1,
    /// <summary>已兑现: kept, on the day recorded.</summary>
    Done = 2,
    /// <summary>未兑现: given up, with the reason villagers can read.</summary>
    Dropped = 3,
}

/// <summary>
/// 公开承诺 (issue 21): an item a cadre or First Secretary promises a village's people, with its
/// deadline, published on the village's public page and its noticeboard. Completion is counted from
/// the items, never typed as a share.
/// </summary>
public sealed class Commitment : Years.IYearRecord
{
    public long Id { get; set; }
    /// <summary>The programme year it was made in (the China year of <see cref="MadeOn"/>).</summary>
    public int Year { get; set; }
    public required string VillageCode { get; set; }
    /// <summary>The cadre who promised it.</summary>
    public int CadreId { get; set; }
    public required string Text { get; set; }
    public DateOnly MadeOn { get; set; }
    public DateOnly Deadline { get; set; }
    public CommitmentStatus Status { get; set; } = CommitmentStatus.Open;
    /// <summary>The day it was kept, or given up.</summary>
    public DateOnly? ClosedOn { get; set; }
    /// <summary>Why it was given up: published with it.</summary>
    public string? Reason { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public const int MaxText = 200;
    public const int MaxNote = 500;
    /// <summary>A deadline lies at most this many days ahead (a promise for the coming two years at most).</summary>
    public const int MaxDaysAhead = 730;

    /// <summary>Past its deadline: kept late, or still open after it.</summary>
    public bool Late(DateOnly today) => Status switch
    {
        CommitmentStatus.Done => ClosedOn > Deadline,
        CommitmentStatus.Open => today > Deadline,
        _ => false,
    };

    /// <summary>How the item reads to villagers and offices: 承诺中, 已逾期, 按期兑现, 逾期兑现, 未兑现.</summary>
    public Term State(DateOnly today) => Status switch
    {
        CommitmentStatus.Done => Late(today) ? CommitmentWords.DoneLate : CommitmentWords.Done,
        CommitmentStatus.Dropped => CommitmentWords.Dropped,
        _ => Late(today) ? CommitmentWords.Overdue : CommitmentWords.Open,
    };
}

/// <summary>One entry of a commitment's progress: a note on the way, its keeping or its giving up, with the evidence as text.</summary>
public sealed class CommitmentStep
{
    public long Id { get; set; }
    public long CommitmentId { get; set; }
    public DateOnly On { get; set; }
    /// <summary>What the step did: the status it left (open for progress on the way).</summary>
    public CommitmentStatus Status { get; set; }
    public required string Text { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>The commitments' words, shared by their pages, the public page and the notice.</summary>
public static class CommitmentWords
{
    public static Term Commitments { get; } = new("公开承诺", "Public commitments");
    public static Term Item { get; } = new("承诺事项", "Promise");
    public static Term Deadline { get; } = new("承诺期限", "Deadline");
    public static Term Promiser { get; } = new("承诺人", "Promised by");
    public static Term State { get; } = new("兑现情况", "Standing");
    public static Term Open { get; } = new("承诺中", "Open");
    public static Term Overdue { get; } = new("已逾期", "Overdue");
    public static Term Kept { get; } = new("已兑现", "Kept");
    public static Term Done { get; } = new("按期兑现", "Kept on time");
    public static Term DoneLate { get; } = new("逾期兑现", "Kept late");
    public static Term Dropped { get; } = new("未兑现", "Not kept");
    public static Term Reason { get; } = new("未兑现原因", "Why it was not kept");
    public static Term Completion { get; } = new("承诺完成率", "Commitments kept");
    public static Term Make { get; } = new("作出一项公开承诺", "Make a public commitment");
    public static Term Progress { get; } = new("进展", "Progress");
}
