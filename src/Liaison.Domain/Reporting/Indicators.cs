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

    public static IReadOnlyList<Indicator> All { get; } =
    [
        Counties, Townships, Villages, Communities, Units, Cadres, PoliceOfficers, ReserveCadres,
        Households, Residents, ThreeOldsHouseholds, ThreeKindsHouseholds, PoorHouseholds, BackwardVillages,
    ];

    public static Indicator? Find(string id) => All.FirstOrDefault(i => i.Id == id);
}
