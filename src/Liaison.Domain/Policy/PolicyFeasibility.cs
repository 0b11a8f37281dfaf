using Liaison.Domain.Liaisons;
using Liaison.Domain.People;

namespace Liaison.Domain.Policy;

/// <summary>Whether the roster can meet a policy's quotas at all: a policy that cannot be met is refused, not planned.</summary>
public static class PolicyFeasibility
{
    public static IReadOnlyList<PolicyProblem> Check(LiaisonWorld world)
    {
        var rules = world.Policy.Backward;
        var leaders = world.Cadres.Where(c => c.Rank == CadreRank.TownshipLeader && world.UnitOf(c) is not null)
            .GroupBy(c => world.UnitOf(c)!.DivisionCode).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var short_ = new List<string>();
        var shortEn = new List<string>();
        foreach (var township in world.Townships)
        {
            var backward = VillageRanking.Rank(rules, world.AllVillagesOfTownship(township.Code)).Count(r => r.Backward);
            var capacity = leaders.GetValueOrDefault(township.Code) * rules.VillagesPerTownshipLeader;
            if (backward > capacity)
            {
                short_.Add($"{township.Name}（后进村 {backward} 个，可包保 {capacity} 个）");
                shortEn.Add($"{township.Name} ({backward} backward villages, {capacity} can be taken)");
            }
        }
        if (short_.Count == 0)
        {
            return [];
        }
        const int Shown = 10;
        var more = short_.Count > Shown ? $"等 {short_.Count} 个乡镇" : "";
        var moreEn = short_.Count > Shown ? $" and {short_.Count - Shown} more" : "";
        return
        [
            new PolicyProblem("backward.quota", "backward.share",
                $"按此比例，后进村多于乡镇党政班子成员能包保的数量：{string.Join("、", short_.Take(Shown))}{more}",
                $"at this share there are more backward villages than township leaders can take: {string.Join(", ", shortEn.Take(Shown))}{moreEn}"),
        ];
    }
}
