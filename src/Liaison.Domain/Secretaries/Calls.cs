using System.Globalization;
using Liaison.Domain.Divisions;
using Liaison.Domain.Liaisons;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;

namespace Liaison.Domain.Secretaries;

/// <summary>A call to open: who sends, from where, how many.</summary>
public sealed record CallSize(DispatchLevel Level, string DivisionCode, int Quota);

/// <summary>
/// Sizes the year's calls from the policy's quotas per level: each county's and township's share in
/// proportion to its villages that need a First Secretary, never more than it has villages to
/// send them to (townships first, then the county's rest, then the city anywhere), so that every
/// selected cadre can be placed.
/// </summary>
public static class Calls
{
    public static IReadOnlyList<CallSize> Size(FirstSecretaryRules rules, string cityCode, IReadOnlyList<Place> counties, IReadOnlyList<Place> townships, IReadOnlyList<Place> needy)
    {
        var total = needy.Count;
        if (total == 0)
        {
            return [];
        }
        // Quotas are for the whole city; with fewer villages in need (or a database of one county) every
        // level's share shrinks alike, so that each level still sends its part.
        var scale = Math.Min(1.0, (double)total / Math.Max(1, rules.CityQuota + rules.CountyQuota + rules.TownshipQuota));
        var needyIn = needy.GroupBy(v => v.Code[..9]).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var calls = new List<CallSize>();
        var used = 0;
        var usedInCounty = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in townships)
        {
            var here = needyIn.GetValueOrDefault(t.Code);
            var quota = Math.Min(here, Share(rules.TownshipQuota * scale, here, total));
            calls.Add(new CallSize(DispatchLevel.Township, t.Code, quota));
            usedInCounty[t.Code[..6]] = usedInCounty.GetValueOrDefault(t.Code[..6]) + quota;
            used += quota;
        }
        foreach (var c in counties)
        {
            var here = needy.Count(v => v.Code.StartsWith(c.Code, StringComparison.Ordinal));
            var quota = Math.Min(here - usedInCounty.GetValueOrDefault(c.Code), Share(rules.CountyQuota * scale, here, total));
            calls.Add(new CallSize(DispatchLevel.County, c.Code, Math.Max(0, quota)));
            used += Math.Max(0, quota);
        }
        calls.Add(new CallSize(DispatchLevel.City, cityCode, Math.Min((int)Math.Round(rules.CityQuota * scale, MidpointRounding.AwayFromZero), total - used)));
        return calls.Where(c => c.Quota > 0).ToList();
    }

    /// <summary>
    /// Why the calls of a year are empty, in words: no villages, no quotas in the policy, no village
    /// in need — because the profiles are missing (say so, and what to do) or because none fits the policy.
    /// </summary>
    public static Term WhyNone(FirstSecretaryRules rules, IEnumerable<Place> places)
    {
        var villages = places.Where(p => p.Level == DivisionLevel.Village).ToList();
        if (villages.Count == 0)
        {
            return new Term("没有村（社区）：请先导入行政区划", "there are no villages: import the divisions first");
        }
        // A new city lacks both: the profiles and the quotas are named together, not one after the other.
        Term? quotas = rules.QuotasSet ? null
            : new Term("本年度政策的第一书记名额均为 0：请在政策中设定市、县、乡三级名额", "the year's policy gives every level a quota of 0: set the city, county and township quotas in the policy");
        var n = villages.Count.ToString("N0", CultureInfo.InvariantCulture);
        var blank = villages.Count(v => v.Grade is null && v.Type == VillageType.None);
        if (blank == villages.Count)
        {
            var profiles = new Term($"{n} 个村都没有党组织等级和村情类型：无法判断哪些村需要第一书记——请导入村情或在村页面定级",
                $"none of the {n} villages has a party-organisation grade or a type: no village can be found in need of a First Secretary — import village profiles or grade them on the village pages");
            return quotas is { } q ? new Term(profiles.Zh + "；" + q.Zh, profiles.En + "; " + q.En) : profiles;
        }
        if (quotas is { } none)
        {
            return none;
        }
        var grades = string.Join("/", rules.NeedGrades.Select(g => Terms.Grades[g].Zh));
        var gradesEn = string.Join("/", rules.NeedGrades.Select(g => Terms.Grades[g].En));
        var types = string.Join("/", rules.NeedTypes.Select(t => Terms.VillageTypes[t].Zh));
        var typesEn = string.Join("/", rules.NeedTypes.Select(t => Terms.VillageTypes[t].En));
        var ungraded = villages.Count(v => v.Grade is null).ToString("N0", CultureInfo.InvariantCulture);
        if (villages.Any(rules.Needs))
        {
            return new Term("需要第一书记的村太少，按名额比例分配后各级名额均为 0：请核对政策名额", "too few villages need a First Secretary: every level's share of the quotas rounds to 0 — check the policy's quotas");
        }
        return new Term($"按政策，党组织为{(grades.Length == 0 ? "—" : grades)}或村情为{(types.Length == 0 ? "—" : types)}的村需要第一书记；{n} 个村中没有这样的村（其中 {ungraded} 个未定级）",
            $"under the policy a village needs a First Secretary when its party organisation is {(gradesEn.Length == 0 ? "—" : gradesEn)} or its type is {(typesEn.Length == 0 ? "—" : typesEn)}; none of the {n} villages is ({ungraded} not graded)");
    }

    private static int Share(double quota, int part, int whole) => (int)Math.Round(quota * part / whole, MidpointRounding.AwayFromZero);
}
