namespace Liaison.Domain.Reporting;

/// <summary>The indicator registry. Later capabilities add their figures here.</summary>
public static class Indicators
{
    public static readonly Indicator Counties = new("counties", "县市区", "Counties", "个", "", "下辖县级行政区划数", "County-level divisions in the subtree");
    public static readonly Indicator Townships = new("townships", "乡镇街道", "Townships", "个", "", "下辖乡镇、街道数", "Townships and subdistricts in the subtree");
    public static readonly Indicator Villages = new("villages", "行政村", "Villages", "个", "", "村委会数（不含社区）", "Village committees (村委会), communities excluded");
    public static readonly Indicator Communities = new("communities", "社区", "Communities", "个", "", "居委会、社区数", "Urban communities (居委会)");
    public static readonly Indicator Units = new("units", "机关单位", "Units", "个", "", "所属行政区划内的机关单位数", "Government units whose division lies in the subtree");
    public static readonly Indicator Cadres = new("cadres", "机关干部", "Cadres", "人", "", "上述单位的干部数", "Cadres of those units");
    public static readonly Indicator PoliceOfficers = new("police_officers", "民警", "Police officers", "人", "", "干部中的民警数", "Cadres who are police officers");
    public static readonly Indicator ReserveCadres = new("reserve_cadres", "后备干部", "Reserve cadres", "人", "", "干部中的后备干部数", "Cadres marked as reserve cadres");
    public static readonly Indicator Households = new("households", "农户", "Households", "户", "", "村（社区）登记的农户数", "Households registered in the villages and communities");
    public static readonly Indicator Residents = new("residents", "户籍人口", "Residents", "人", "", "登记农户的家庭成员合计", "Sum of household members");
    public static readonly Indicator ThreeOldsHouseholds = new("households_three_olds", "“三老”户", "Three-olds households", "户", "", "有老党员、老干部或老模范的农户数", "Households with an old party member, old cadre or old model worker");
    public static readonly Indicator ThreeKindsHouseholds = new("households_three_kinds", "“三户”", "Three-kinds households", "户", "", "困难户、富裕户、上访户合计（每户计一次）", "Poor, wealthy or petitioner households, each counted once");
    public static readonly Indicator PoorHouseholds = new("households_poor", "困难户", "Poor households", "户", "", "困难户数", "Households marked poor");
    public static readonly Indicator BackwardVillages = new("villages_backward_org", "后进党组织村", "Villages with a backward party organisation", "个", "", "党组织定级为后进的村", "Villages whose party organisation is graded backward");

    public static readonly Indicator CityLeaderPoints = new("ties_contact_city", "市级领导班子成员联系点", "City leaders' contact points", "个", "", "本年度联系计划中市级领导班子成员联系的村", "Villages linked by city-level leaders in the year's plan");
    public static readonly Indicator CountyLeaderPoints = new("ties_contact_county", "县级领导班子成员联系点", "County leaders' contact points", "个", "", "本年度联系计划中县级领导班子成员联系的村", "Villages linked by county-level leaders in the year's plan");
    public static readonly Indicator UnitLeaderPoints = new("ties_contact_unit", "部门单位领导班子成员联系点", "Unit leaders' contact points", "个", "", "本年度联系计划中部门单位领导班子成员联系的村", "Villages linked by unit leaders in the year's plan");
    public static readonly Indicator Pairings = new("ties_pairing", "机关党组织联建村", "Unit pairings", "个", "", "机关党组织与村的联建关系数", "Pairings of units' party organisations with villages");
    public static readonly Indicator BackwardTaken = new("ties_backward", "乡镇领导班子成员包保村", "Villages taken by township leaders", "个", "", "乡镇党政班子成员包保村的关系数", "Ties of township leaders to the villages they take");
    public static readonly Indicator PoliceLiaisons = new("ties_police", "联系村民警", "Police liaisons", "名", "", "直接联系村的民警数", "Police officers' ties to villages");
    public static readonly Indicator StationedCadres = new("ties_stationed", "驻村干部", "Stationed cadres", "名", "", "为实现全覆盖派驻的干部数", "Cadres stationed so that every village has one");
    public static readonly Indicator CoveredVillages = new("villages_covered", "有干部驻村的村（社区）", "Villages with a tied cadre", "个", "", "本年度联系计划中至少有一名干部联系的村（社区）", "Villages and communities with at least one tie in the year's plan");

    public static readonly Indicator SecretariesCity = new("fs_city", "市派第一书记", "First Secretaries sent by the city", "名", "", "本年度在岗的市级选派第一书记", "First Secretaries of the newest year sent by the city, in post");
    public static readonly Indicator SecretariesCounty = new("fs_county", "县派第一书记", "First Secretaries sent by counties", "名", "", "本年度在岗的县级选派第一书记", "First Secretaries of the newest year sent by a county, in post");
    public static readonly Indicator SecretariesTownship = new("fs_township", "乡镇派第一书记", "First Secretaries sent by townships", "名", "", "本年度在岗的乡镇选派第一书记", "First Secretaries of the newest year sent by a township, in post");
    public static readonly Indicator VillagesWithSecretary = new("villages_with_fs", "有第一书记的村", "Villages with a First Secretary", "个", "", "本年度有在岗第一书记的村", "Villages with a First Secretary of the newest year in post");

    public static readonly Indicator VillagesNeedingSecretary = new("villages_need_fs", "需选派第一书记的村", "Villages needing a First Secretary", "个", "", "按当年政策（党组织定级、村情类型）需要第一书记的村", "Villages that need a First Secretary under the year's policy (party-organisation grade, village type)");
    public static readonly Indicator NeedyVillagesWithSecretary = new("villages_need_fs_covered", "需选派且已有第一书记的村", "Villages needing a First Secretary that have one", "个", "", "需要第一书记且有在岗第一书记的村", "Villages needing a First Secretary with one in post");
    public static readonly Indicator SupportFunds = new("fs_support_funds", "派出单位帮扶资金", "Funds from sending units", "元", "", "第一书记派出单位向所驻村投入的资金合计", "Funds the First Secretaries' sending units put into their villages");
    public static readonly Indicator SupportRecords = new("fs_support_items", "派出单位倾斜支持事项", "Support given by sending units", "项", "", "派出单位资金、项目、人才、技术、信息支持记录数", "Records of funds, projects, people, technology and information given by sending units");

    public static IReadOnlyList<Indicator> All { get; } =
    [
        Counties, Townships, Villages, Communities, Units, Cadres, PoliceOfficers, ReserveCadres,
        Households, Residents, ThreeOldsHouseholds, ThreeKindsHouseholds, PoorHouseholds, BackwardVillages,
        CityLeaderPoints, CountyLeaderPoints, UnitLeaderPoints, Pairings, BackwardTaken, PoliceLiaisons, StationedCadres, CoveredVillages,
        SecretariesCity, SecretariesCounty, SecretariesTownship, VillagesWithSecretary,
        VillagesNeedingSecretary, NeedyVillagesWithSecretary, SupportFunds, SupportRecords,
    ];

    public static Indicator? Find(string id) => All.FirstOrDefault(i => i.Id == id);
}
