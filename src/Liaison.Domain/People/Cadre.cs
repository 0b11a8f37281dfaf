namespace Liaison.Domain.People;

/// <summary>A cadre's rank, as the liaison mechanisms distinguish them.</summary>
public enum CadreRank
{
    /// <summary>市级领导班子成员</summary>
    CityLeader = 1,
    /// <summary>县级领导班子成员</summary>
    CountyLeader = 2,
    /// <summary>部门单位领导班子成员</summary>
    UnitLeader = 3,
    /// <summary>乡镇党政班子成员</summary>
    TownshipLeader = 4,
    /// <summary>一般干部</summary>
    Ordinary = 5,
}

public enum Gender
{
    Male = 1,
    Female = 2,
}

/// <summary>A government cadre (干部). The phone is personal data.</summary>
public sealed class Cadre
{
    public int Id { get; set; }
    /// <summary>Staff number, unique; imports update by it.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int UnitId { get; set; }
    public CadreRank Rank { get; set; }
    /// <summary>后备干部</summary>
    public bool IsReserve { get; set; }
    /// <summary>民警: every police officer links one village.</summary>
    public bool IsPolice { get; set; }
    /// <summary>Newly promoted leader without grassroots experience (新提拔无基层经历).</summary>
    public bool IsNewlyPromoted { get; set; }
    public int BirthYear { get; set; }
    public Gender Gender { get; set; }
    /// <summary>Personal data: masked on screens unless the role may see it.</summary>
    public string? Phone { get; set; }
    /// <summary>Only an active cadre is planned; the others stay, with their history (<see cref="RegistryEvent"/>).</summary>
    public CadreStatus Status { get; set; }
    /// <summary>The day the status took effect (a retirement's day); null for a cadre active since imported.</summary>
    public DateOnly? StatusSince { get; set; }
    /// <summary>Raised by every change made one record at a time: a second save over a changed record is refused.</summary>
    public int Version { get; set; }
}
