namespace Liaison.Domain.Divisions;

/// <summary>
/// One node of the division tree, identified by its NBS statistical code. Codes are hierarchical:
/// a child's code starts with its parent's, so a subtree is a code prefix.
/// </summary>
public sealed class Division
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public DivisionLevel Level { get; set; }
    public string? ParentCode { get; set; }
    /// <summary>Set for village-level units only.</summary>
    public VillageKind? VillageKind { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>Village profile (村情): type for matching; villages only.</summary>
    public VillageType VillageType { get; set; }
    /// <summary>Village party-organisation grade; villages only, unknown until graded.</summary>
    public PartyOrgGrade? PartyOrgGrade { get; set; }
    /// <summary>
    /// The day the code was withdrawn (撤销) because a newer NBS list no longer has it; null while it is
    /// in force. A withdrawn division keeps its row — visits, cases, ties and profiles point at it as
    /// history — but is no longer planned or counted.
    /// </summary>
    public DateOnly? WithdrawnOn { get; set; }
    /// <summary>The village a withdrawn village merged into (并入), as the office declared it.</summary>
    public string? MergedInto { get; set; }

    public bool IsWithdrawn => WithdrawnOn is not null;

    /// <summary>Whether the code was in force on <paramref name="day"/> (withdrawn on a later day, or not at all).</summary>
    public bool InForceOn(DateOnly day) => WithdrawnOn is not { } w || w > day;
}
