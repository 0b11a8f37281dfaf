using Liaison.Domain.Divisions;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;

namespace Liaison.Domain.Liaisons;

/// <summary>A village's place in its township's backward ranking, with the points that put it there.</summary>
public sealed record RankedVillage(Place Village, int Need, int Position, int Of, bool Backward, IReadOnlyList<(Term Reason, int Points)> Reasons)
{
    public string Explain(bool english) =>
        string.Join(english ? ", " : "，", Reasons.Select(r => $"{r.Reason.In(english)} {(r.Points >= 0 ? "+" : "")}{r.Points}"));
}

/// <summary>
/// 倒排后进村: ranks a township's villages from the most in need (position 1) by the points the
/// policy gives to the party-organisation grade and the village profile; the first share of them
/// are its backward villages. Equal points keep code order, so the ranking is stable.
/// </summary>
public static class VillageRanking
{
    public static IReadOnlyList<RankedVillage> Rank(BackwardVillageRules rules, IEnumerable<Place> township)
    {
        var scored = township
            .Where(v => v.Level == DivisionLevel.Village && (rules.IncludeCommunities || v.Kind != VillageKind.Community))
            .Select(v => (Village: v, Reasons: Reasons(rules.Ranking, v)))
            .Select(x => (x.Village, x.Reasons, Need: x.Reasons.Sum(r => r.Points)))
            .OrderByDescending(x => x.Need).ThenBy(x => x.Village.Code, StringComparer.Ordinal)
            .ToList();
        var backward = rules.CountFor(scored.Count);
        return scored.Select((x, i) => new RankedVillage(x.Village, x.Need, i + 1, scored.Count, i < backward, x.Reasons)).ToList();
    }

    private static List<(Term Reason, int Points)> Reasons(RankingWeights w, Place v)
    {
        var reasons = new List<(Term Reason, int Points)>();
        switch (v.Grade)
        {
            case PartyOrgGrade.Backward: reasons.Add((new Term("党组织后进", "backward party organisation"), w.BackwardOrganisation)); break;
            case PartyOrgGrade.General: reasons.Add((new Term("党组织一般", "general party organisation"), w.GeneralOrganisation)); break;
            case PartyOrgGrade.Advanced: break;
            default: reasons.Add((new Term("党组织未定级", "party organisation not graded"), w.UngradedOrganisation)); break;
        }
        foreach (var (type, points) in new[] { (VillageType.Difficult, w.Difficult), (VillageType.Disorderly, w.Disorderly), (VillageType.Poor, w.Poor), (VillageType.Specialised, w.Specialised) })
        {
            if (v.Type.HasFlag(type) && points != 0)
            {
                reasons.Add((Terms.VillageTypes[type], points));
            }
        }
        return reasons;
    }
}
