using Liaison.Domain.Divisions;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Policy;

namespace Liaison.Domain.Secretaries;

/// <summary>The level that sends a First Secretary (选派): the city, a county or a township.</summary>
public enum DispatchLevel
{
    City = 2,
    County = 3,
    Township = 4,
}

/// <summary>A selected cadre as the match sees them: whose, sent by which level from which division, from where.</summary>
public sealed record MatchCandidate(int CadreId, string CadreCode, string Name, RosterUnit Unit, DispatchLevel Level, string DispatchDivision, string? HomeDivision);

/// <summary>What sending a candidate to a village costs, term by term; the total is what the match minimises.</summary>
public sealed record CostTerms(int Category, int Need, int Distance, int Spread)
{
    public int Total => Category + Need + Distance + Spread;
}

/// <summary>Why a pair is not allowed at all.</summary>
public enum Forbidden
{
    None = 0,
    /// <summary>The village lies outside the dispatching level's jurisdiction.</summary>
    Jurisdiction,
    /// <summary>The cadre's home township (回避).</summary>
    HomeTownship,
}

/// <summary>
/// The cost model of the First Secretary match (DOMAIN.md section 2.6): the matching principle,
/// the village's need, the distance from the unit, and spreading a unit's people; weights in the
/// policy. Pure: the same inputs give the same matrix anywhere, so any solver can check the result.
/// </summary>
public sealed class MatchCosts(FirstSecretaryRules rules, IReadOnlyDictionary<string, Place> places, IReadOnlyDictionary<string, int> need,
    ILookup<int, string> unitTownships)
{
    private readonly int _maxNeed = need.Count == 0 ? 0 : need.Values.Max();

    public Forbidden Check(MatchCandidate c, Place village)
    {
        if (!DivisionCode.IsInSubtree(village.Code, c.DispatchDivision))
        {
            return Forbidden.Jurisdiction;
        }
        if (rules.AvoidHomeTownship && c.HomeDivision is { Length: >= 9 } home && DivisionCode.IsInSubtree(village.Code, home[..9]))
        {
            return Forbidden.HomeTownship;
        }
        return Forbidden.None;
    }

    public CostTerms Terms(MatchCandidate c, Place village)
    {
        var w = rules.Weights;
        var wanted = UnitCategories.MatchingVillageType(c.Unit.Category);
        var category = wanted == VillageType.None ? w.OtherCategory : village.Type.HasFlag(wanted) ? 0 : w.CategoryMismatch;
        var needTerm = w.PerNeedPoint * (_maxNeed - need.GetValueOrDefault(village.Code));
        var distance = places.TryGetValue(c.Unit.DivisionCode, out var seat) ? (int)Math.Round(Kilometres(seat, village) * w.PerKilometre) : 0;
        var spread = unitTownships[c.Unit.Id].Contains(village.ParentCode) ? w.SameUnitTownship : 0;
        return new CostTerms(category, needTerm, distance, spread);
    }

    /// <summary>The matrix of every candidate × village: the total cost, or +∞ where the pair is forbidden.</summary>
    public CostMatrix Matrix(IReadOnlyList<MatchCandidate> candidates, IReadOnlyList<Place> villages)
    {
        var m = new CostMatrix(candidates.Count, villages.Count);
        Parallel.For(0, candidates.Count, i =>
        {
            var c = candidates[i];
            for (var j = 0; j < villages.Count; j++)
            {
                if (Check(c, villages[j]) == Forbidden.None)
                {
                    m[i, j] = Terms(c, villages[j]).Total;
                }
            }
        });
        return m;
    }

    /// <summary>Great-circle distance; 0 where either place has no coordinates.</summary>
    public static double Kilometres(Place a, Place b)
    {
        if (a.Latitude is not { } lat1 || a.Longitude is not { } lon1 || b.Latitude is not { } lat2 || b.Longitude is not { } lon2)
        {
            return 0;
        }
        return Shared.Geo.Kilometres(lat1, lon1, lat2, lon2);
    }
}
