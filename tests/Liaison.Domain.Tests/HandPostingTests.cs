using Liaison.Domain.Divisions;
using Liaison.Domain.Liaisons;
using Liaison.Domain.Policy;
using Liaison.Domain.Secretaries;

namespace Liaison.Domain.Tests;

/// <summary>The hard rules of a First Secretary posted by hand (<see cref="HandPosting"/>): no database.</summary>
public class HandPostingTests
{
    private static readonly FirstSecretaryRules Rules = new();

    private static (MatchCosts Model, Dictionary<string, Place> Places, RosterUnit Unit) World()
    {
        var (places, units, _) = PlanWorlds.Roster();
        var byCode = places.ToDictionary(p => p.Code);
        var model = new MatchCosts(Rules, byCode, new Dictionary<string, int>(), Enumerable.Empty<(int, string)>().ToLookup(x => x.Item1, x => x.Item2));
        return (model, byCode, units.Single(u => u.Name == "县1公安局"));
    }

    /// <summary>The first village of county 370801 that needs a First Secretary, outside township 370801001 when asked.</summary>
    private static Place Needy(Dictionary<string, Place> places, bool outsideFirstTownship = false) =>
        places.Values.Where(p => p.Level == DivisionLevel.Village && Rules.Needs(p) && p.Code.StartsWith("370801", StringComparison.Ordinal)
            && !(outsideFirstTownship && p.Code.StartsWith("370801001", StringComparison.Ordinal))).OrderBy(p => p.Code).First();

    private static MatchCandidate Cadre(RosterUnit unit, string dispatch = "370801", string? home = null) => new(1, "C00001", "张三", unit, DispatchLevel.County, dispatch, home);

    [Fact]
    public void A_free_needy_village_in_the_calls_jurisdiction_may_be_given_by_hand()
    {
        var (model, places, unit) = World();
        var village = Needy(places);
        Assert.Null(HandPosting.Check(Rules, model, Cadre(unit), new HandPostingFacts(village.Code, village, false, false)));
    }

    [Fact]
    public void Each_hard_rule_is_refused_by_the_field_it_concerns()
    {
        var (model, places, unit) = World();
        var village = Needy(places);
        var notNeedy = places.Values.First(p => p.Level == DivisionLevel.Village && !Rules.Needs(p));

        Assert.Equal("village", HandPosting.Check(Rules, model, Cadre(unit), new HandPostingFacts("370801999999", null, false, false))?.Field);
        var refusal = HandPosting.Check(Rules, model, Cadre(unit), new HandPostingFacts(notNeedy.Code, notNeedy, false, false));
        Assert.Equal("village", refusal?.Field);
        Assert.Contains(notNeedy.Code, refusal!.Zh);
        Assert.Contains("已有第一书记", HandPosting.Check(Rules, model, Cadre(unit), new HandPostingFacts(village.Code, village, true, false))?.Zh);
        Assert.Equal("cadre", HandPosting.Check(Rules, model, Cadre(unit), new HandPostingFacts(village.Code, village, false, true))?.Field);
        // A county's call reaches its own county only.
        Assert.Contains("jurisdiction", HandPosting.Check(Rules, model, Cadre(unit, dispatch: "370802"), new HandPostingFacts(village.Code, village, false, false))?.En);
        // Never the cadre's home township; another township of the county is fine.
        Assert.Contains("home township", HandPosting.Check(Rules, model, Cadre(unit, home: village.Code[..9] + "999"), new HandPostingFacts(village.Code, village, false, false))?.En);
        var elsewhere = Needy(places, outsideFirstTownship: true);
        Assert.Null(HandPosting.Check(Rules, model, Cadre(unit, home: "370801001999"), new HandPostingFacts(elsewhere.Code, elsewhere, false, false)));
    }

    [Fact]
    public void The_home_township_may_be_allowed_by_policy()
    {
        var (_, places, unit) = World();
        var rules = Rules with { AvoidHomeTownship = false };
        var model = new MatchCosts(rules, places, new Dictionary<string, int>(), Enumerable.Empty<(int, string)>().ToLookup(x => x.Item1, x => x.Item2));
        var village = Needy(places);
        Assert.Null(HandPosting.Check(rules, model, Cadre(unit, home: village.Code[..9] + "999"), new HandPostingFacts(village.Code, village, false, false)));
    }
}
