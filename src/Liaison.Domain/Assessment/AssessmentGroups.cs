using Liaison.Domain.Shared;

namespace Liaison.Domain.Assessment;

/// <summary>The groups a city assesses separately (DOMAIN.md section 5: First Secretaries and stationed cadres).</summary>
public static class AssessmentGroups
{
    public const string FirstSecretaries = "first-secretaries";
    public const string StationedCadres = "stationed-cadres";

    public static IReadOnlyList<string> All { get; } = [FirstSecretaries, StationedCadres];

    public static Term Name(string group) => group switch
    {
        FirstSecretaries => new("第一书记", "First Secretaries"),
        StationedCadres => new("驻村联系干部", "Stationed and liaison cadres"),
        _ => new(group, group),
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

    public static IReadOnlyList<string> All { get; } = [Residence, Coverage, Participation, KeyHouseholds, Cases, Commitments, Deeds, Supervision, Observation, Comments, Masses];

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
        _ => new(code, code),
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
        Masses => new("群众评议的平均分（满意 100、基本满意 60、不满意 0）；评议数不足政策规定的不计此项", "the mean rating (satisfied 100, basically 60, not 0); not counted with fewer ratings than the policy asks"),
        _ => new(code, code),
    };
}
