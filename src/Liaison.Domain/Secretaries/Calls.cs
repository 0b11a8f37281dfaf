using Liaison.Domain.Liaisons;
using Liaison.Domain.Policy;

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

    private static int Share(double quota, int part, int whole) => (int)Math.Round(quota * part / whole, MidpointRounding.AwayFromZero);
}
