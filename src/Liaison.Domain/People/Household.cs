namespace Liaison.Domain.People;

/// <summary>Household categories used by the visit rules: the three olds (三老) and three households (三户).</summary>
[Flags]
public enum HouseholdCategory
{
    None = 0,
    /// <summary>老党员</summary>
    OldPartyMember = 1,
    /// <summary>老干部</summary>
    OldCadre = 2,
    /// <summary>老模范</summary>
    OldModelWorker = 4,
    /// <summary>困难户</summary>
    Poor = 8,
    /// <summary>富裕户</summary>
    Wealthy = 16,
    /// <summary>上访户</summary>
    Petitioner = 32,
}

/// <summary>A household (农户) of a village. The head's name and phone are personal data.</summary>
public sealed class Household
{
    public long Id { get; set; }
    public required string VillageCode { get; set; }
    /// <summary>House number (门牌号), unique within the village; imports update by it.</summary>
    public required string HouseNo { get; set; }
    public required string HeadName { get; set; }
    public string? HeadPhone { get; set; }
    public int MemberCount { get; set; }
    public HouseholdCategory Categories { get; set; }
    /// <summary>Only a current household is counted and visited; one that moved or merged keeps its row, which visits and cases point at.</summary>
    public HouseholdStatus Status { get; set; }
    /// <summary>The day the status took effect (a move's day); null for a household current since imported.</summary>
    public DateOnly? StatusSince { get; set; }
    /// <summary>Raised by every change made one record at a time: a second save over a changed record is refused.</summary>
    public int Version { get; set; }
}

/// <summary>How a household is tied to another by a change of the registry.</summary>
public enum HouseholdLinkKind
{
    /// <summary>The household merged into the other, which took its members.</summary>
    MergedInto = 1,
    /// <summary>The household split off from the other.</summary>
    SplitFrom = 2,
}

/// <summary>
/// A household merged into another or split off from one. Kept apart from <see cref="Household"/>
/// on purpose: two self-referencing foreign keys on households cost the city's household import
/// (hundreds of thousands of rows copied in) about a fifth of its speed, for links only a few
/// households ever have (docs/PERFORMANCE.md).
/// </summary>
public sealed class HouseholdLink
{
    public long HouseholdId { get; set; }
    public HouseholdLinkKind Kind { get; set; }
    public long OtherId { get; set; }
}

public static class HouseholdCategories
{
    public const HouseholdCategory ThreeOlds = HouseholdCategory.OldPartyMember | HouseholdCategory.OldCadre | HouseholdCategory.OldModelWorker;
    public const HouseholdCategory ThreeHouseholds = HouseholdCategory.Poor | HouseholdCategory.Wealthy | HouseholdCategory.Petitioner;

    public static IReadOnlyList<HouseholdCategory> All { get; } =
    [
        HouseholdCategory.OldPartyMember, HouseholdCategory.OldCadre, HouseholdCategory.OldModelWorker,
        HouseholdCategory.Poor, HouseholdCategory.Wealthy, HouseholdCategory.Petitioner,
    ];
}
