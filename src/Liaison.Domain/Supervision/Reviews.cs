namespace Liaison.Domain.Supervision;

/// <summary>
/// 查阅资料 (issue 22): a review of the records kept by a village, a township or a unit against the
/// policy's checklist for that level (<see cref="Policy.SupervisionRules.Checklist"/>), each item found
/// in order or not, with findings like an inspection's.
/// </summary>
public sealed class DocumentReview
{
    public long Id { get; set; }
    /// <summary><c>village</c>, <c>township</c> or <c>unit</c>.</summary>
    public required string Level { get; set; }
    /// <summary>The village or township reviewed; for a unit, its division (who may read the review is decided on it).</summary>
    public required string DivisionCode { get; set; }
    public int? UnitId { get; set; }
    public DateOnly ReviewedOn { get; set; }
    public string? Note { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public const int MaxNote = 1000;
    public static IReadOnlyList<string> Levels { get; } = ["village", "township", "unit"];
}

/// <summary>An item of the checklist as found: in order or not, with a remark.</summary>
public sealed class ReviewCheck
{
    public long ReviewId { get; set; }
    public required string Item { get; set; }
    public bool InOrder { get; set; }
    public string? Remark { get; set; }

    public const int MaxRemark = 200;
}
