namespace Liaison.Domain.Results;

/// <summary>
/// 实事好事 (issue 21): a practical deed done for a village — its kind from the policy's catalogue
/// (<see cref="Policy.DeedRules"/>), the day, who did it (a cadre, a First Secretary among them, or a
/// unit) and its quantities in the kind's units (<see cref="DeedQuantityValue"/>). A deed for several
/// villages is recorded once for each, so that the sums of any division add up. Evidence is a short
/// text, never required.
/// </summary>
public sealed class Deed
{
    public long Id { get; set; }
    public int Year { get; set; }
    public required string VillageCode { get; set; }
    public required string Kind { get; set; }
    public DateOnly On { get; set; }
    /// <summary>The cadre who did it, when a cadre did.</summary>
    public int? CadreId { get; set; }
    /// <summary>The unit that did it (a sending unit's support, a pairing unit's project), when a unit did.</summary>
    public int? UnitId { get; set; }
    /// <summary>Where the money or the project came from (funds coordinated: 资金来源).</summary>
    public string? Source { get; set; }
    public string? Evidence { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public const int MaxSource = 200;
    public const int MaxEvidence = 500;
    /// <summary>A deed is recorded within this many days of being done (the office's late entries included).</summary>
    public const int RecordWithinDays = 366;
}

/// <summary>One quantity of a deed, by the code its kind gives it, in the kind's unit.</summary>
public sealed class DeedQuantityValue
{
    public long DeedId { get; set; }
    public required string Code { get; set; }
    public decimal Value { get; set; }
}
