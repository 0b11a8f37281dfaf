namespace Liaison.Domain.Supervision;

/// <summary>How a round's villages were drawn: at random from the division's, or in proportion to each township's villages.</summary>
public enum DrawMethod
{
    /// <summary>随机抽取: a simple random sample of the division's villages.</summary>
    Random = 1,
    /// <summary>分乡镇抽取: each township's share in proportion to its villages.</summary>
    ByTownship = 2,
    /// <summary>按指定: villages named by the planner (a re-inspection, a flagged village).</summary>
    Named = 3,
    /// <summary>按风险抽取: first the villages with plausibility flags not yet reviewed or flagged by the calls, at random; the rest of the round at random from the others.</summary>
    ByRisk = 4,
}

/// <summary>
/// 暗访检查 (issue 22): a round of unannounced inspections planned over a division. Its day is kept
/// from those inspected: the round is read only by accounts whose scope holds its whole division (the
/// planner's office and those above), never by the townships, units and cadres under it.
/// </summary>
public sealed class InspectionRound
{
    public long Id { get; set; }
    /// <summary>The division the villages were drawn from: who may read the round is decided on it.</summary>
    public required string DivisionCode { get; set; }
    public required string Title { get; set; }
    /// <summary>The day planned: secret until the inspection is recorded.</summary>
    public DateOnly PlannedFor { get; set; }
    public DrawMethod Method { get; set; }
    /// <summary>The seed of the draw, kept so that the same frame draws the same villages again.</summary>
    public int Seed { get; set; }
    /// <summary>The rectification order a re-inspection checks, if it is one (复查).</summary>
    public long? RecheckOrderId { get; set; }
    public required string PlannedBy { get; set; }
    public DateTimeOffset PlannedAt { get; set; }

    public const int MaxTitle = 100;
    public const int MaxVillages = 200;
}

/// <summary>
/// A village of a round and, once recorded, what the inspector found there: whether the stationed
/// cadre or First Secretary was present, whether the records match what is seen, how many villagers
/// were asked. A check not looked at stays null.
/// </summary>
public sealed class Inspection
{
    public long Id { get; set; }
    public long RoundId { get; set; }
    public required string VillageCode { get; set; }
    /// <summary>The day inspected; null while planned.</summary>
    public DateOnly? InspectedOn { get; set; }
    /// <summary>在岗: the stationed cadre or First Secretary was found in the village.</summary>
    public bool? Present { get; set; }
    /// <summary>The village's ties on the contact board match the plan.</summary>
    public bool? TiesMatch { get; set; }
    /// <summary>The public commitments are on the noticeboard (承诺上墙).</summary>
    public bool? Noticeboard { get; set; }
    /// <summary>The contact cards reached the households asked (联系卡).</summary>
    public bool? ContactCards { get; set; }
    /// <summary>The suggestion box is there and in use (意见箱).</summary>
    public bool? SuggestionBox { get; set; }
    /// <summary>The records book (民情日记) matches the visits recorded.</summary>
    public bool? RecordsBook { get; set; }
    public int VillagersAsked { get; set; }
    public string? Note { get; set; }
    /// <summary>The phone's id of the record, so a record sent twice from a phone offline is stored once.</summary>
    public Guid? ClientId { get; set; }
    public string? RecordedBy { get; set; }
    public DateTimeOffset? RecordedAt { get; set; }

    public const int MaxNote = 1000;
}

/// <summary>Where a finding came from.</summary>
public enum FindingSource
{
    /// <summary>An inspection in a village (暗访).</summary>
    Inspection = 1,
    /// <summary>A document review (查阅资料).</summary>
    Review = 2,
    /// <summary>The telephone verification (电话调查).</summary>
    Calls = 3,
    /// <summary>A plausibility flag confirmed on review.</summary>
    Flag = 4,
}

/// <summary>
/// 问题 (issue 22): something a supervisor found, of a kind from the policy's catalogue, with its
/// severity, the village or division where, the cadre and unit concerned (if any) and the evidence.
/// A finding can lead to a notice and to a rectification order.
/// </summary>
public sealed class Finding
{
    public long Id { get; set; }
    public FindingSource Source { get; set; }
    /// <summary>The inspection, review, call sample or flag it came from.</summary>
    public long SourceId { get; set; }
    /// <summary>Where: a village, or the township or county reviewed.</summary>
    public required string DivisionCode { get; set; }
    /// <summary>The kind's code in the policy's catalogue (<see cref="Policy.SupervisionRules.FindingKinds"/>).</summary>
    public required string Kind { get; set; }
    /// <summary>1 minor – 3 grave.</summary>
    public int Severity { get; set; }
    public int? CadreId { get; set; }
    public int? UnitId { get; set; }
    public required string Text { get; set; }
    public string? Evidence { get; set; }
    /// <summary>The day found: the inspection's day, else the day recorded (China time). What the report counts by month.</summary>
    public DateOnly On { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public const int MaxText = 500;
    public const int MaxEvidence = 1000;
}
