namespace Liaison.Domain.Assessment;

public enum RunStatus
{
    /// <summary>Computed, open to adjustment; read by offices only.</summary>
    Draft = 1,
    /// <summary>Published to the people assessed (each reads their own, with the parts and reasons).</summary>
    Published = 2,
}

/// <summary>An assessment of one group for one year under a division (the city's or a county's): computed, adjusted, published.</summary>
public sealed class AssessmentRun
{
    public long Id { get; set; }
    public int Year { get; set; }
    public required string Group { get; set; }
    public required string DivisionCode { get; set; }
    public RunStatus Status { get; set; } = RunStatus.Draft;
    public DateTimeOffset ComputedAt { get; set; }
    public required string ComputedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    /// <summary>How many were assessed, and the top band's cap then.</summary>
    public int Assessed { get; set; }
    public int TopAllowed { get; set; }
}

/// <summary>
/// A result in a run — a person's, a unit's (its pairing) or a township's or county's work —: the score
/// from the parts, the office's adjustment with its reason, the score, grade, cap and veto.
/// </summary>
public sealed class AssessmentResult
{
    public long Id { get; set; }
    public long RunId { get; set; }
    /// <summary>The person assessed; null for a unit or a division.</summary>
    public int? CadreId { get; set; }
    /// <summary>
    /// Where the result is read by jurisdiction: the village the person served (a First Secretary's; a
    /// stationed cadre's first tie), a unit's first paired village, or the township or county assessed.
    /// </summary>
    public required string VillageCode { get; set; }
    /// <summary>The person's unit, or the unit assessed.</summary>
    public int? UnitId { get; set; }
    public double Raw { get; set; }
    public double Adjustment { get; set; }
    public string? AdjustReason { get; set; }
    public double Score { get; set; }
    public required string Grade { get; set; }
    public bool Capped { get; set; }
    public string? Veto { get; set; }
    /// <summary>The person's rank in the run by score (1 is the highest; equal scores share a rank).</summary>
    public int Rank { get; set; }
}

/// <summary>A component of a result: its weight as counted, its score, its points, what it rests on and where those records are.</summary>
public sealed class AssessmentPart
{
    public long Id { get; set; }
    public long ResultId { get; set; }
    public required string Code { get; set; }
    public double Weight { get; set; }
    public double? Score { get; set; }
    public double Points { get; set; }
    /// <summary>What the part rests on, in words (Chinese and English): "驻村 187 天，应驻 220 天".</summary>
    public required string Detail { get; set; }
    public required string DetailEn { get; set; }
    public string? Link { get; set; }
}

/// <summary>An appeal (申诉) against a published result, filed by the person within the policy's days; answered by the office, a changed score audited.</summary>
public sealed class AssessmentAppeal
{
    public long Id { get; set; }
    public long ResultId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset FiledAt { get; set; }
    public required string FiledBy { get; set; }
    public string? Answer { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public string? AnsweredBy { get; set; }
    /// <summary>The adjustment the answer made to the score (0: none).</summary>
    public double Change { get; set; }

    public const int MaxText = 1000;
}

/// <summary>现场观摩: a county observer's score of one item in one village on one day.</summary>
public sealed class ObservationScore
{
    public long Id { get; set; }
    public int Year { get; set; }
    public required string VillageCode { get; set; }
    public DateOnly ObservedOn { get; set; }
    public required string Item { get; set; }
    public double Score { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>Who a work comment (工作点评) comes from.</summary>
public enum CommentSource
{
    /// <summary>乡镇党委</summary>
    Township = 1,
    /// <summary>派出单位</summary>
    Unit = 2,
}

/// <summary>工作点评: the township committee's or the sending unit's comment on a cadre's year, with a score.</summary>
public sealed class WorkComment
{
    public long Id { get; set; }
    public int Year { get; set; }
    public int CadreId { get; set; }
    public CommentSource Source { get; set; }
    public double Score { get; set; }
    public required string Text { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public const int MaxText = 1000;
}

/// <summary>How a villager's ballot came in.</summary>
public enum BallotChannel
{
    /// <summary>The QR code on the noticeboard or a contact card, verified by the household's phone.</summary>
    Qr = 1,
    /// <summary>A call from a random sample, entered by the caller.</summary>
    Phone = 2,
    /// <summary>A paper form with a one-time code, entered by the township.</summary>
    Paper = 3,
}

/// <summary>
/// One household's ballot in a village's evaluation for a year: one voice per household (unique by the
/// household's key — a keyed hash of the household, never its id or phone in clear), with the
/// ratings of each cadre who served the village. The address is kept only as a keyed hash, for the
/// burst rule.
/// </summary>
public sealed class MassBallot
{
    public long Id { get; set; }
    public int Year { get; set; }
    public required string VillageCode { get; set; }
    public required string HouseholdKey { get; set; }
    public BallotChannel Channel { get; set; }
    public DateTimeOffset At { get; set; }
    public string? AddressKey { get; set; }
    public string? EnteredBy { get; set; }
}

/// <summary>Whether a free comment may be shown to the person it names: screened by an office first.</summary>
public enum CommentScreening
{
    Pending = 1,
    Shown = 2,
    Withheld = 3,
}

/// <summary>A ballot's rating of one cadre, with a free comment screened before the cadre reads it.</summary>
public sealed class MassRating
{
    public long Id { get; set; }
    public long BallotId { get; set; }
    public int Year { get; set; }
    public required string VillageCode { get; set; }
    public int CadreId { get; set; }
    public Rating Rating { get; set; }
    public string? Comment { get; set; }
    public CommentScreening Screening { get; set; } = CommentScreening.Pending;

    public const int MaxComment = 300;
}

/// <summary>Why a ballot was refused: counted, so that stuffing is seen.</summary>
public enum RefusalReason
{
    /// <summary>The household has a ballot already.</summary>
    Again = 1,
    /// <summary>The phone is no household's of the village.</summary>
    UnknownPhone = 2,
    /// <summary>Too many ballots from one address within the hour.</summary>
    Burst = 3,
    /// <summary>A paper code unknown, or used already.</summary>
    BadCode = 4,
    /// <summary>A telephone ballot for a household no longer in the village's register.</summary>
    Unregistered = 5,
}

/// <summary>A refused ballot: the village, why, when and the address's keyed hash — nothing of the person.</summary>
public sealed class BallotRefusal
{
    public long Id { get; set; }
    public int Year { get; set; }
    public required string VillageCode { get; set; }
    public RefusalReason Reason { get; set; }
    public DateTimeOffset At { get; set; }
    public string? AddressKey { get; set; }
}

/// <summary>A paper form's one-time code (纸质评议表): kept as a keyed hash; used once.</summary>
public sealed class PaperCode
{
    public long Id { get; set; }
    public int Year { get; set; }
    public required string VillageCode { get; set; }
    public required string CodeKey { get; set; }
    /// <summary>The household the form was printed for, as its keyed hash (the ballot's own key): one voice whichever way it comes. Null on codes issued before forms were tied to households.</summary>
    public string? HouseholdKey { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}
