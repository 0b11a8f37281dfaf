namespace Liaison.Domain.People;

/// <summary>The government level a unit belongs to.</summary>
public enum UnitLevel
{
    City = 2,
    County = 3,
    Township = 4,
}

/// <summary>Unit category; drives First Secretary matching (DOMAIN.md section 1).</summary>
public enum UnitCategory
{
    /// <summary>党政部门 — matched to difficult villages.</summary>
    PartyGovernment = 1,
    /// <summary>政法部门 — police, courts, procuratorate, justice; matched to disorderly villages.</summary>
    PoliticalLegal = 2,
    /// <summary>经济部门 — matched to poor villages.</summary>
    Economic = 3,
    /// <summary>农科部门 — matched to specialised villages.</summary>
    AgricultureScience = 4,
    /// <summary>其他</summary>
    Other = 5,
}

/// <summary>A government body (机关单位) that sends cadres.</summary>
public sealed class Unit
{
    public int Id { get; set; }
    /// <summary>The unit's own code, unique, used by imports to refer to it (e.g. its organisation code).</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public UnitLevel Level { get; set; }
    public UnitCategory Category { get; set; }
    /// <summary>The division whose government the unit belongs to (city, county or township).</summary>
    public required string DivisionCode { get; set; }
    /// <summary>Only an open unit sends cadres and pairs with a village.</summary>
    public UnitStatus Status { get; set; }
    /// <summary>The day the status took effect (a merger's day).</summary>
    public DateOnly? StatusSince { get; set; }
    /// <summary>The unit this one merged into.</summary>
    public int? MergedIntoId { get; set; }
    /// <summary>Raised by every change made one record at a time: a second save over a changed record is refused.</summary>
    public int Version { get; set; }
}

public static class UnitCategories
{
    /// <summary>
    /// The village type a unit's strengths fit (DOMAIN.md section 2.6): party and government units to
    /// difficult villages, political-legal to disorderly, economic to poor, agriculture and science
    /// to specialised; none for other units.
    /// </summary>
    public static Divisions.VillageType MatchingVillageType(UnitCategory category) => category switch
    {
        UnitCategory.PartyGovernment => Divisions.VillageType.Difficult,
        UnitCategory.PoliticalLegal => Divisions.VillageType.Disorderly,
        UnitCategory.Economic => Divisions.VillageType.Poor,
        UnitCategory.AgricultureScience => Divisions.VillageType.Specialised,
        _ => Divisions.VillageType.None,
    };
}
