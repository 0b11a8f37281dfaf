using Liaison.Domain.Shared;

namespace Liaison.Domain.Assessment;

/// <summary>What a group assesses: people, sending units (their pairing), or townships' and counties' work.</summary>
public enum AssessedKind
{
    Person = 1,
    Unit = 2,
    Division = 3,
}

/// <summary>
/// The groups a city assesses separately (DOMAIN.md section 5: First Secretaries and stationed cadres;
/// and, if the city assesses them, the units' pairing 联建 and the townships' and counties' work).
/// </summary>
public static class AssessmentGroups
{
    public const string FirstSecretaries = "first-secretaries";
    public const string StationedCadres = "stationed-cadres";
    public const string UnitPairing = "unit-pairing";
    public const string TownshipWork = "township-work";
    public const string CountyWork = "county-work";

    /// <summary>The groups of people, assessed by the default policy.</summary>
    public static IReadOnlyList<string> All { get; } = [FirstSecretaries, StationedCadres];

    /// <summary>Every group a scheme may name.</summary>
    public static IReadOnlyList<string> Known { get; } = [FirstSecretaries, StationedCadres, UnitPairing, TownshipWork, CountyWork];

    public static AssessedKind KindOf(string group) => group switch
    {
        UnitPairing => AssessedKind.Unit,
        TownshipWork or CountyWork => AssessedKind.Division,
        _ => AssessedKind.Person,
    };

    /// <summary>The level a division group assesses (townships or counties); null for the others.</summary>
    public static Divisions.DivisionLevel? LevelOf(string group) => group switch
    {
        TownshipWork => Divisions.DivisionLevel.Township,
        CountyWork => Divisions.DivisionLevel.County,
        _ => null,
    };

    public static Term Name(string group) => group switch
    {
        FirstSecretaries => new("第一书记", "First Secretaries"),
        StationedCadres => new("驻村联系干部", "Stationed and liaison cadres"),
        UnitPairing => new("联建单位", "Units' pairing"),
        TownshipWork => new("乡镇驻村工作", "Townships' work"),
        CountyWork => new("县级驻村工作", "Counties' work"),
        _ => new(group, group),
    };

    /// <summary>The component codes a scheme of the group may weigh: a person's, a unit's, or the report's rates for a division.</summary>
    public static IReadOnlyList<string> ComponentsOf(string group) => KindOf(group) switch
    {
        AssessedKind.Unit => AssessmentComponents.ForUnits,
        AssessedKind.Division => AssessmentComponents.ForDivisions,
        _ => AssessmentComponents.All,
    };
}

/// <summary>
/// The components a scheme may weigh, each computed from the records or entries in one way (the
/// policy chooses which and how much). None rewards raw activity counts beyond the duties: coverage is
/// a share of the village's households, deeds the duty met, never a number of visits.
/// </summary>
public static class AssessmentComponents
{
    public const string Residence = "residence";
    public const string Coverage = "coverage";
    public const string Participation = "participation";
    public const string KeyHouseholds = "key-households";
    public const string Cases = "cases";
    public const string Commitments = "commitments";
    public const string Deeds = "deeds";
    public const string Supervision = "supervision";
    public const string Observation = "observation";
    public const string Comments = "comments";
    public const string Masses = "masses";

    /// <summary>联建单位: the unit's concentrated stays in its paired villages against the policy's.</summary>
    public const string PairingStays = "pairing-stays";
    /// <summary>结对帮扶: the unit's members' help plans achieved.</summary>
    public const string HelpPlans = "help-plans";
    /// <summary>The mean of the unit's members' scores in the year's assessment of people.</summary>
    public const string Members = "members";

    /// <summary>A person's components.</summary>
    public static IReadOnlyList<string> All { get; } = [Residence, Coverage, Participation, KeyHouseholds, Cases, Commitments, Deeds, Supervision, Observation, Comments, Masses];

    /// <summary>A unit's (its pairing's) components; the masses' part reads its members' ratings.</summary>
    public static IReadOnlyList<string> ForUnits { get; } = [PairingStays, HelpPlans, Members, Masses];

    /// <summary>
    /// A township's or county's work: the report's rates for its subtree (each a percentage, by its id)
    /// where more is better — not the reopened cases' rate, nor the top grade's share (the cap sets it).
    /// </summary>
    public static IReadOnlyList<string> ForDivisions { get; } = Reporting.Ratios.All
        .Where(r => r.Percent && r.Id is not ("cases_reopen_rate" or "assessment_excellent_rate" or "assessment_fs_excellent_rate")).Select(r => r.Id).ToList();

    public static Term Name(string code) => code switch
    {
        Residence => new("驻村天数", "Residence days"),
        Coverage => new("走访全村农户", "Households visited"),
        Participation => new("参与驻村走访", "Taking part"),
        KeyHouseholds => new("访三老、走三户", "Three olds and three kinds visited"),
        Cases => new("群众诉求按期办结", "Cases closed on time"),
        Commitments => new("公开承诺兑现", "Commitments kept"),
        Deeds => new("办一两件实事", "Practical things done"),
        Supervision => new("督查结果", "Supervision"),
        Observation => new("现场观摩", "On-site observation"),
        Comments => new("工作点评", "Work comments"),
        Masses => new("群众评议", "Masses' evaluation"),
        PairingStays => new("集中驻村", "Concentrated stays"),
        HelpPlans => new("结对帮扶", "Help plans"),
        Members => new("选派干部考核", "Members' assessment"),
        _ => Reporting.Ratios.Find(code) is { } r ? new(r.NameZh, r.NameEn) : new(code, code),
    };

    /// <summary>How the component becomes a score of 0–100, in words.</summary>
    public static Term How(string code) => code switch
    {
        Residence => new("驻村天数 ÷ 政策规定的最少天数（满额 100；第一书记、联系点领导和规定了天数的驻村干部）；未规定最少天数的不计此项", "days lived in the village ÷ the policy's minimum (at most 100; First Secretaries, leaders' contact points, stationed cadres where set); not counted where no minimum is set"),
        Coverage => new("本年走访过的本村现有农户 ÷ 本村现有农户", "the village's current households visited this year ÷ its current households"),
        Participation => new("本年度走访和驻村达到政策的参与要求得 100，否则 0（不按次数排名）", "100 when the year's visits and days reach what the policy asks of taking part, else 0 (never ranked by their number)"),
        KeyHouseholds => new("走访过的“三老”“三户” ÷ 本村“三老”“三户”；村里没有的不计此项", "three-olds and three-kinds households visited ÷ those of the village; not counted where there are none"),
        Cases => new("本年到期的群众诉求中按期办结的比例；没有的不计此项", "the share of the year's cases due that closed on time; not counted where none were due"),
        Commitments => new("本年到期的公开承诺中按期兑现的比例；没有的不计此项", "the share of the year's public commitments due that were kept on time; not counted where none were due"),
        Deeds => new("本年办成一件及以上实事得 100，否则 0（不按件数排名）", "100 with one practical thing or more this year, else 0 (never ranked by their number)"),
        Supervision => new("100 减去对本人的督查问题（每级严重程度扣分）和电话核实未证实的走访扣分，最低 0", "100 less the findings against the person (a deduction per point of severity) and the visits the calls did not confirm, at least 0"),
        Observation => new("县级现场观摩对所驻村各项评分的平均；未观摩的不计此项", "the mean of the county's observation scores of the village; not counted where it was not observed"),
        Comments => new("乡镇党委和派出单位点评评分的平均；没有点评的不计此项", "the mean of the township committee's and the sending unit's comment scores; not counted where none were made"),
        Masses => new("群众评议的平均分（满意 100、基本满意 60、不满意 0）；评议数不足政策规定的不计此项；单位为其选派干部所得评议", "the mean rating (satisfied 100, basically 60, not 0); not counted with fewer ratings than the policy asks; a unit's are its members' ratings"),
        PairingStays => new("联建村集中驻村次数 ÷ 政策规定次数（每半年若干次），满额 100", "concentrated stays in the paired villages ÷ those the policy asks (so many each half-year), at most 100"),
        HelpPlans => new("本单位干部本年到期的帮扶计划中达成的比例；没有的不计此项", "the share of the unit's members' help plans due this year that were achieved; not counted where none were due"),
        Members => new("本单位选派干部在本年度人员考核（最近一次）中得分的平均；没有的不计此项", "the mean score of the unit's members in the year's latest assessments of people; not counted where there are none"),
        _ => Reporting.Ratios.Find(code) is { } r ? new($"报表指标：{r.Definition(false)}（× 100）；分母为 0 的不计此项", $"the report's rate: {r.Definition(true)} (× 100); not counted where the denominator is 0") : new(code, code),
    };
}
