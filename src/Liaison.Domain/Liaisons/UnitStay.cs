namespace Liaison.Domain.Liaisons;

/// <summary>
/// 联建单位集中驻村: a unit's concentrated stay in its paired village, recorded at once by the unit's
/// administrator or an office — the dates, what the unit did there, and how many of its cadres went.
/// Each member who went gets a stay of their own (entered on their behalf), so the days count for
/// them and for the pairing's planned stays; nothing is asked of the members again.
/// </summary>
public sealed class UnitStay
{
    public long Id { get; set; }
    public long TieId { get; set; }
    public int UnitId { get; set; }
    public required string VillageCode { get; set; }
    public DateOnly Arrived { get; set; }
    public DateOnly Left { get; set; }
    /// <summary>What the unit did in the village (办了哪些事): a short text for the record.</summary>
    public required string What { get; set; }
    /// <summary>The members whose stays are stored for it.</summary>
    public int Members { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>At most this long: a stay is days, not a posting.</summary>
    public const int MaxDays = 60;
    public const int MaxWhat = 500;
}
