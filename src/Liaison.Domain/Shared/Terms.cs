using Liaison.Domain.Divisions;
using Liaison.Domain.People;

namespace Liaison.Domain.Shared;

/// <summary>A term of the programme in both languages (DOMAIN.md): the Chinese one is the label users see by default.</summary>
public readonly record struct Term(string Zh, string En)
{
    public string In(bool english) => english ? En : Zh;

    /// <summary>What reads the same in either language: a code, a number, a cell of the user's file.</summary>
    public static Term Same(string text) => new(text, text);
}

/// <summary>The programme's words for each enumerated value; imports accept either language, pages show one.</summary>
public static class Terms
{
    public static IReadOnlyDictionary<DivisionLevel, Term> Levels { get; } = new Dictionary<DivisionLevel, Term>
    {
        [DivisionLevel.Province] = new("省", "province"),
        [DivisionLevel.City] = new("市", "city"),
        [DivisionLevel.County] = new("县市区", "county"),
        [DivisionLevel.Township] = new("乡镇街道", "township"),
        [DivisionLevel.Village] = new("村（社区）", "village"),
    };

    public static IReadOnlyDictionary<VillageKind, Term> VillageKinds { get; } = new Dictionary<VillageKind, Term>
    {
        [VillageKind.Village] = new("村委会", "village"),
        [VillageKind.Community] = new("社区", "community"),
    };

    public static IReadOnlyDictionary<VillageType, Term> VillageTypes { get; } = new Dictionary<VillageType, Term>
    {
        [VillageType.Difficult] = new("难村", "difficult"),
        [VillageType.Disorderly] = new("乱村", "disorderly"),
        [VillageType.Poor] = new("穷村", "poor"),
        [VillageType.Specialised] = new("专业村", "specialised"),
    };

    public static IReadOnlyDictionary<PartyOrgGrade, Term> Grades { get; } = new Dictionary<PartyOrgGrade, Term>
    {
        [PartyOrgGrade.Advanced] = new("先进", "advanced"),
        [PartyOrgGrade.General] = new("一般", "general"),
        [PartyOrgGrade.Backward] = new("后进", "backward"),
    };

    public static IReadOnlyDictionary<UnitLevel, Term> UnitLevels { get; } = new Dictionary<UnitLevel, Term>
    {
        [UnitLevel.City] = new("市级", "city"),
        [UnitLevel.County] = new("县级", "county"),
        [UnitLevel.Township] = new("乡镇级", "township"),
    };

    public static IReadOnlyDictionary<UnitCategory, Term> UnitCategories { get; } = new Dictionary<UnitCategory, Term>
    {
        [UnitCategory.PartyGovernment] = new("党政部门", "party & government"),
        [UnitCategory.PoliticalLegal] = new("政法部门", "political-legal"),
        [UnitCategory.Economic] = new("经济部门", "economic"),
        [UnitCategory.AgricultureScience] = new("农科部门", "agriculture & science"),
        [UnitCategory.Other] = Words.Other,
    };

    public static IReadOnlyDictionary<CadreRank, Term> Ranks { get; } = new Dictionary<CadreRank, Term>
    {
        [CadreRank.CityLeader] = new("市级领导班子成员", "city-level leader"),
        [CadreRank.CountyLeader] = new("县级领导班子成员", "county-level leader"),
        [CadreRank.UnitLeader] = new("部门单位领导班子成员", "unit leader"),
        [CadreRank.TownshipLeader] = new("乡镇党政班子成员", "township leader"),
        [CadreRank.Ordinary] = new("一般干部", "ordinary cadre"),
    };

    public static IReadOnlyDictionary<Liaisons.TieKind, Term> TieKinds { get; } = new Dictionary<Liaisons.TieKind, Term>
    {
        [Liaisons.TieKind.ContactPoint] = new("联系点", "contact point"),
        [Liaisons.TieKind.Pairing] = new("联建村", "paired village"),
        [Liaisons.TieKind.BackwardVillage] = new("包保后进村", "backward village taken"),
        [Liaisons.TieKind.Police] = new("民警联村", "police liaison"),
        [Liaisons.TieKind.Stationed] = new("驻村干部", "stationed cadre"),
    };

    public static IReadOnlyDictionary<Liaisons.TieOrigin, Term> TieOrigins { get; } = new Dictionary<Liaisons.TieOrigin, Term>
    {
        [Liaisons.TieOrigin.Planner] = new("计划编制", "the planner"),
        [Liaisons.TieOrigin.Manual] = new("手工", "by hand"),
    };

    public static IReadOnlyDictionary<Secretaries.DispatchLevel, Term> DispatchLevels { get; } = new Dictionary<Secretaries.DispatchLevel, Term>
    {
        [Secretaries.DispatchLevel.City] = new("市派", "city"),
        [Secretaries.DispatchLevel.County] = new("县派", "county"),
        [Secretaries.DispatchLevel.Township] = new("乡镇派", "township"),
    };

    public static IReadOnlyDictionary<Secretaries.SupportKind, Term> SupportKinds { get; } = new Dictionary<Secretaries.SupportKind, Term>
    {
        [Secretaries.SupportKind.Funds] = new("资金（元）", "funds (yuan)"),
        [Secretaries.SupportKind.Projects] = new("项目", "projects"),
        [Secretaries.SupportKind.People] = new("人才", "people"),
        [Secretaries.SupportKind.Technology] = new("技术", "technology"),
        [Secretaries.SupportKind.Information] = new("信息", "information"),
    };

    public static IReadOnlyDictionary<Gender, Term> Genders { get; } = new Dictionary<Gender, Term>
    {
        [Gender.Male] = new("男", "male"),
        [Gender.Female] = new("女", "female"),
    };

    public static IReadOnlyDictionary<HouseholdCategory, Term> HouseholdCategoryTerms { get; } = new Dictionary<HouseholdCategory, Term>
    {
        [HouseholdCategory.OldPartyMember] = new("老党员", "old party member"),
        [HouseholdCategory.OldCadre] = new("老干部", "old cadre"),
        [HouseholdCategory.OldModelWorker] = new("老模范", "old model worker"),
        [HouseholdCategory.Poor] = new("困难户", "poor"),
        [HouseholdCategory.Wealthy] = new("富裕户", "wealthy"),
        [HouseholdCategory.Petitioner] = new("上访户", "petitioner"),
    };

    /// <summary>Finds the value whose Chinese or English term (any case) is <paramref name="text"/>.</summary>
    public static bool TryParse<T>(IReadOnlyDictionary<T, Term> terms, string text, out T value)
        where T : struct
    {
        var t = text.Trim();
        foreach (var (key, term) in terms)
        {
            if (t == term.Zh || string.Equals(t, term.En, StringComparison.OrdinalIgnoreCase))
            {
                value = key;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>Lists the accepted words, for messages: 党政部门/政法部门/...</summary>
    public static string Choices<T>(IReadOnlyDictionary<T, Term> terms, bool english)
        where T : notnull => string.Join("/", terms.Values.Select(t => t.In(english)));

    /// <summary>The labels of the flags set in <paramref name="value"/>.</summary>
    public static IEnumerable<string> FlagLabels<T>(IReadOnlyDictionary<T, Term> terms, T value, bool english)
        where T : struct, Enum =>
        terms.Where(kv => Convert.ToInt64(kv.Key, System.Globalization.CultureInfo.InvariantCulture) != 0 && value.HasFlag(kv.Key)).Select(kv => kv.Value.In(english));
}
