using Liaison.Domain.Liaisons;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;

namespace Liaison.Domain.Secretaries;

/// <summary>
/// 选派条件: whether a candidate may be selected under the year's rules, and if not, which rule
/// excludes them. Registration stays open to everyone in the unit (the list is the unit's record);
/// selection and the call's page use this one check.
/// </summary>
public static class Eligibility
{
    /// <summary>The rule that excludes the cadre, in words, or null when the cadre is eligible.</summary>
    public static Term? Exclusion(SecretaryEligibility rules, RosterCadre cadre, int year, bool servedLastYear)
    {
        if (!rules.Ranks.Contains(cadre.Rank))
        {
            var rank = Terms.Ranks[cadre.Rank];
            return new Term($"职级不符（{rank.Zh}不在选派范围）", $"rank not eligible ({rank.En} is not among the ranks sent)");
        }
        if (rules.MaxAge > 0 && cadre.BirthYear > 0 && year - cadre.BirthYear > rules.MaxAge)
        {
            return new Term($"年龄不符（{year - cadre.BirthYear} 岁，上限 {rules.MaxAge} 岁）", $"too old ({year - cadre.BirthYear}, the limit is {rules.MaxAge})");
        }
        if (rules.SkipServedLastYear && servedLastYear)
        {
            return new Term("上一年度已任第一书记", "served as First Secretary last year");
        }
        return null;
    }

    /// <summary>
    /// 回避: a candidate whose home township holds every village in need within the call's reach
    /// could never be posted (the match forbids the home township); the reason, or null when some
    /// village lies elsewhere, the rule is off, the home is unknown, or nothing is known about the villages.
    /// </summary>
    public static Term? OnlyHomeTownship(FirstSecretaryRules rules, string? home, IReadOnlyCollection<string>? needyInReach)
    {
        if (!rules.AvoidHomeTownship || home is not { Length: >= 9 } || needyInReach is not { Count: > 0 })
        {
            return null;
        }
        var township = home[..9];
        return needyInReach.All(v => Divisions.DivisionCode.IsInSubtree(v, township))
            ? new Term($"回避：本次选派范围内需要第一书记的 {needyInReach.Count} 个村都在本人家乡乡镇（{township}），无村可派",
                $"avoidance: all {needyInReach.Count} villages in need within the call's reach lie in the candidate's home township ({township}), so there is nowhere to post them")
            : null;
    }
}
