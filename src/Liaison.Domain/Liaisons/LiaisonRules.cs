namespace Liaison.Domain.Liaisons;

/// <summary>A rule of the liaison plan, as the checker cites it.</summary>
public sealed record LiaisonRule(string Id, string Zh, string En)
{
    public string Text(bool english) => english ? En : Zh;
}

/// <summary>Every rule the checker applies, with its id and text (numbers come from the year's policy).</summary>
public static class LiaisonRules
{
    public static readonly LiaisonRule CityCounty = new("contact.city.county", "每名市级领导班子成员联系一个县市区", "Each city-level leader links one county");
    public static readonly LiaisonRule CityTownship = new("contact.city.township", "每名市级领导班子成员联系一个乡镇", "Each city-level leader links one township");
    public static readonly LiaisonRule CityVillage = new("contact.city.village", "每名市级领导班子成员联系一个村", "Each city-level leader links one village");
    public static readonly LiaisonRule CountyTownship = new("contact.county.township", "每名县级领导班子成员联系一个乡镇", "Each county-level leader links one township");
    public static readonly LiaisonRule CountyVillage = new("contact.county.village", "每名县级领导班子成员联系一个村", "Each county-level leader links one village");
    public static readonly LiaisonRule UnitVillage = new("contact.unit.village", "每名市、县部门单位领导班子成员联系一个村", "Each city or county unit leader links one village");
    public static readonly LiaisonRule ContactWithin = new("contact.within", "领导联系点在其所在单位的行政区划内（县级领导在本县内）", "A leader's contact points lie within the division of the leader's unit (a county leader's inside the county)");
    public static readonly LiaisonRule ContactNested = new("contact.nested", "联系的乡镇在联系的县市区内，联系的村在联系的乡镇内", "The linked township lies in the linked county, the village in the township");
    public static readonly LiaisonRule ContactResidence = new("contact.residence", "联系村的集中驻村安排不少于规定的驻村天数（市级领导每年10天、县级领导每年14天）", "Stays planned in the linked village reach the minimum residence days (city leaders 10 a year, county leaders 14)");
    public static readonly LiaisonRule PairingOne = new("pairing.one", "每个市、县机关党组织联建一个村", "Each city or county unit's party organisation pairs with one village");
    public static readonly LiaisonRule PairingWithin = new("pairing.within", "联建村在单位所在行政区划内", "The paired village lies within the unit's division");
    public static readonly LiaisonRule PairingStay = new("pairing.stay", "联建单位每半年组织一次党员集中驻村", "Every half-year the paired unit's members stay in the village together");
    public static readonly LiaisonRule BackwardTaken = new("backward.taken", "每个乡镇按比例倒排的后进村都有乡镇党政班子成员包保", "Every backward village of a township (the bottom share of its ranking) is taken by a township leader");
    public static readonly LiaisonRule BackwardOne = new("backward.one", "每名乡镇党政班子成员包保一个村", "Each township leader takes one village");
    public static readonly LiaisonRule BackwardWithin = new("backward.within", "包保村在本乡镇内", "A township leader's village lies in the leader's township");
    public static readonly LiaisonRule PoliceOne = new("police.one", "每名民警直接联系一个村", "Each police officer links one village");
    public static readonly LiaisonRule PoliceWithin = new("police.within", "民警联系的村在其单位所在行政区划内", "A police officer's village lies within the division of the officer's unit");
    public static readonly LiaisonRule Coverage = new("coverage.village", "每个行政村都有干部驻村", "Every village has a stationed cadre");
    public static readonly LiaisonRule TieRank = new("tie.rank", "联系方式与人员身份相符（如联系点只属于领导班子成员，联村只属于民警）", "A tie's kind fits the person (contact points for leaders, police ties for police officers)");
    public static readonly LiaisonRule TieLevel = new("tie.level", "联系对象是存在的、级别正确的行政区划", "A tie links an existing division of the right level");

    public static IReadOnlyList<LiaisonRule> All { get; } =
    [
        CityCounty, CityTownship, CityVillage, CountyTownship, CountyVillage, UnitVillage, ContactWithin, ContactNested, ContactResidence,
        PairingOne, PairingWithin, PairingStay, BackwardTaken, BackwardOne, BackwardWithin, PoliceOne, PoliceWithin, Coverage, TieRank, TieLevel,
    ];

    public static LiaisonRule? Find(string id) => All.FirstOrDefault(r => r.Id == id);
}
