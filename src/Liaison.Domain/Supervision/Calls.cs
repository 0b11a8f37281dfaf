namespace Liaison.Domain.Supervision;

/// <summary>How a call sample was drawn from the period's visits.</summary>
public enum SampleDesign
{
    /// <summary>简单随机: a simple random sample of the visits.</summary>
    Simple = 1,
    /// <summary>按乡镇分层: strata by township, proportional allocation.</summary>
    Township = 2,
    /// <summary>按村分层: strata by village.</summary>
    Village = 3,
    /// <summary>按干部分层: strata by cadre.</summary>
    Cadre = 4,
    /// <summary>按单位分层: strata by the visiting cadre's unit.</summary>
    Unit = 5,
    /// <summary>按异常提示分层: the visits of villages with plausibility flags not yet reviewed, and the rest.</summary>
    Flags = 6,
}

/// <summary>
/// 电话调查 (issue 22): a sample of the visits recorded under a division in a period, drawn
/// reproducibly (the seed kept), sized for the policy's precision, each visit's household to be called.
/// Read only by accounts whose scope holds its whole division; the people whose visits were called
/// see the aggregate results, never the call list.
/// </summary>
public sealed class CallSample
{
    public long Id { get; set; }
    public required string DivisionCode { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public SampleDesign Design { get; set; }
    public int Seed { get; set; }
    /// <summary>The visits recorded in the period under the division: the frame.</summary>
    public long FrameSize { get; set; }
    /// <summary>The precision the size was chosen for.</summary>
    public double Margin { get; set; }
    public double Confidence { get; set; }
    public required string DrawnBy { get; set; }
    public DateTimeOffset DrawnAt { get; set; }
}

/// <summary>What became of a call.</summary>
public enum CallOutcome
{
    /// <summary>待拨打</summary>
    Pending = 0,
    /// <summary>已接通: the household answered the questions.</summary>
    Reached = 1,
    /// <summary>未接通: no answer, wrong or no number, refused — reported as such, never counted as confirming.</summary>
    Unreached = 2,
}

/// <summary>
/// A household to call about one visit of the sample, and its answers: did a cadre visit, roughly
/// when (does it match the visit's month), was the problem raised taken up, how satisfied (1–5).
/// The number is read from the household, masked, revealed one call at a time (audited).
/// </summary>
public sealed class SampleCall
{
    public long Id { get; set; }
    public long SampleId { get; set; }
    public long VisitId { get; set; }
    public long HouseholdId { get; set; }
    public required string VillageCode { get; set; }
    public int CadreId { get; set; }
    /// <summary>The stratum the visit was drawn in (a township's code, a village's, a cadre's id; empty for a simple sample).</summary>
    public required string Stratum { get; set; }
    public CallOutcome Outcome { get; set; }
    /// <summary>"Did a cadre visit you?" — the confirmation counted.</summary>
    public bool? Visited { get; set; }
    /// <summary>"Roughly when?" — the month the household remembers matches the visit's.</summary>
    public bool? WhenMatches { get; set; }
    /// <summary>"Was your problem taken up?" — null when they raised none.</summary>
    public bool? ProblemTakenUp { get; set; }
    /// <summary>1 very dissatisfied – 5 very satisfied.</summary>
    public int? Satisfaction { get; set; }
    public string? Note { get; set; }
    public string? CalledBy { get; set; }
    public DateTimeOffset? CalledAt { get; set; }

    public const int MaxNote = 500;

    /// <summary>Reached and said no cadre visited: what the verification counts against the visit.</summary>
    public bool Unconfirmed => Outcome == CallOutcome.Reached && Visited == false;
}

/// <summary>A stratum of a sample as drawn: its visits in the frame and how many were drawn, kept so the weights do not move when visits are recorded late.</summary>
public sealed class SampleStratum
{
    public long SampleId { get; set; }
    public required string Key { get; set; }
    public long Population { get; set; }
    public int Drawn { get; set; }
}
