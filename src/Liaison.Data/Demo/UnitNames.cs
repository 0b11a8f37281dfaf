using Liaison.Domain.People;

namespace Liaison.Data.Demo;

/// <summary>Names of the departments a Chinese city or county government has, by category.</summary>
internal static class UnitNames
{
    public const string Office = "委办公室";
    public const string GovernmentOffice = "政府办公室";
    public const string PublicSecurity = "公安局";

    public static readonly (string Name, UnitCategory Category)[] CityAndCounty =
    [
        .. Of(UnitCategory.PartyGovernment, Office, GovernmentOffice, "人大常委会办公室", "政协办公室", "委组织部", "委宣传部", "委统战部", "纪委监委",
            "委编办", "委老干部局", "发展和改革委员会", "教育局", "民政局", "人力资源和社会保障局", "卫生健康委员会", "退役军人事务局",
            "应急管理局", "审计局", "统计局", "信访局", "医疗保障局", "行政审批服务局", "机关事务服务中心", "总工会", "团委", "妇联", "残联"),
        .. Of(UnitCategory.PoliticalLegal, "委政法委", PublicSecurity, "人民法院", "人民检察院", "司法局"),
        .. Of(UnitCategory.Economic, "财政局", "商务局", "工业和信息化局", "市场监督管理局", "税务局", "住房和城乡建设局", "交通运输局",
            "自然资源和规划局", "生态环境局", "地方金融监督管理局", "国有资产监督管理委员会", "投资促进中心", "城市管理局"),
        .. Of(UnitCategory.AgricultureScience, "农业农村局", "水务局", "科学技术局", "林业保护和发展服务中心", "农业科学研究院", "畜牧兽医事业发展中心",
            "供销合作社", "乡村振兴服务中心"),
        .. Of(UnitCategory.Other, "文化和旅游局", "体育局", "档案馆", "融媒体中心", "气象局", "图书馆", "科协", "文联"),
    ];

    public static readonly (string Suffix, UnitCategory Category)[] Township =
    [
        ("党委政府", UnitCategory.PartyGovernment),
        ("派出所", UnitCategory.PoliticalLegal),
        ("农业综合服务中心", UnitCategory.AgricultureScience),
    ];

    /// <summary>
    /// Stations and offices a township may have beside those three; each township has some of them.
    /// None is of the party and government category, whose first unit seats the township's leaders.
    /// </summary>
    public static readonly (string Suffix, UnitCategory Category)[] TownshipStations =
    [
        ("财政所", UnitCategory.Economic),
        ("司法所", UnitCategory.PoliticalLegal),
        ("自然资源所", UnitCategory.Economic),
        ("经济发展办公室", UnitCategory.Economic),
        ("综治中心", UnitCategory.PoliticalLegal),
        ("卫生院", UnitCategory.Other),
        ("文化站", UnitCategory.Other),
        ("水利站", UnitCategory.AgricultureScience),
        ("畜牧兽医站", UnitCategory.AgricultureScience),
    ];

    private static IEnumerable<(string, UnitCategory)> Of(UnitCategory category, params string[] names) => names.Select(n => (n, category));
}
