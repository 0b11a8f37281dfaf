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
}
