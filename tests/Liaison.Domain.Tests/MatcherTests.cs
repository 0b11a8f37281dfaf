using Liaison.Domain.Divisions;
using Liaison.Domain.Liaisons;
using Liaison.Domain.Policy;
using Liaison.Domain.Secretaries;

namespace Liaison.Domain.Tests;

public class MatcherTests
{
    private static (MatchCosts Model, List<Place> Villages, Dictionary<string, Place> Places, List<RosterUnit> Units) Setup()
    {
        var (places, units, _) = PlanWorlds.Roster();
        var byCode = places.ToDictionary(p => p.Code);
        var villages = places.Where(p => p.Level == DivisionLevel.Village).ToList();
        var need = villages.ToDictionary(v => v.Code, v => v.Grade == PartyOrgGrade.Backward ? 30 : 0);
        var model = new MatchCosts(new FirstSecretaryRules(), byCode, need, Enumerable.Empty<(int, string)>().ToLookup(x => x.Item1, x => x.Item2));
        return (model, villages, byCode, units);
    }

    private static MatchCandidate Candidate(int id, RosterUnit unit, string dispatch, string? home = null) =>
        new(id, $"C{id:D5}", $"干部{id}", unit, DispatchLevel.County, dispatch, home);

    [Fact]
    public void A_political_legal_unit_goes_to_a_disorderly_village_and_every_pair_keeps_its_jurisdiction()
    {
        var (model, villages, _, units) = Setup();
        var police = units.Single(u => u.Name == "县1公安局");
        var party = units.Single(u => u.Name == "县2县委办");
        var candidates = new List<MatchCandidate> { Candidate(1, police, "370801"), Candidate(2, party, "370802") };

        var result = Matcher.Match(model, candidates, villages);

        Assert.Empty(result.Unplaced);
        var p1 = result.Pairs.Single(p => p.Candidate.CadreId == 1);
        Assert.True(p1.Village.Type.HasFlag(VillageType.Disorderly));
        Assert.StartsWith("370801", p1.Village.Code, StringComparison.Ordinal);
        Assert.Equal(0, p1.Terms.Category);
        var p2 = result.Pairs.Single(p => p.Candidate.CadreId == 2);
        Assert.True(p2.Village.Type.HasFlag(VillageType.Difficult));
        Assert.StartsWith("370802", p2.Village.Code, StringComparison.Ordinal);
        Assert.Equal(result.Pairs.Sum(p => p.Terms.Total), result.TotalCost);
    }

    [Fact]
    public void Nobody_goes_to_their_home_township()
    {
        var (model, villages, _, units) = Setup();
        var police = units.Single(u => u.Name == "县1公安局");
        var candidates = new List<MatchCandidate> { Candidate(1, police, "370801", home: "370801001205") };

        var pair = Assert.Single(Matcher.Match(model, candidates, villages).Pairs);

        Assert.False(pair.Village.Code.StartsWith("370801001", StringComparison.Ordinal));
        Assert.Equal(Forbidden.HomeTownship, model.Check(candidates[0], villages.First(v => v.Code == "370801001205")));
    }

    [Fact]
    public void More_cadres_than_villages_places_as_many_as_can_be_and_names_the_rest_with_the_reason()
    {
        var (model, villages, _, units) = Setup();
        var unit = units.Single(u => u.Name == "县1县委办");
        // 25 cadres for the 20 villages of county 1.
        var candidates = Enumerable.Range(1, 25).Select(i => Candidate(i, unit, "370801")).ToList();

        var result = Matcher.Match(model, candidates, villages);

        Assert.Equal(20, result.Pairs.Count);
        Assert.Equal(20, result.Pairs.Select(p => p.Village.Code).Distinct().Count());
        Assert.Equal(5, result.Unplaced.Count);
        Assert.All(result.Unplaced, u => Assert.Contains("20 villages open in 370801 for 25 cadres", u.ReasonEn, StringComparison.Ordinal));
    }

    [Fact]
    public void Why_not_answers_with_the_rule_or_with_what_the_pair_would_add_to_the_optimum()
    {
        var (model, villages, _, units) = Setup();
        var police = units.Single(u => u.Name == "县1公安局");
        var party = units.Single(u => u.Name == "县1县委办");
        var candidates = new List<MatchCandidate> { Candidate(1, police, "370801"), Candidate(2, party, "370801") };
        var result = Matcher.Match(model, candidates, villages);
        var columnOf = result.Columns.Select((v, j) => (v.Code, j)).ToDictionary(x => x.Code, x => x.j);

        var outside = Matcher.WhyNot(model, result, 0, columnOf["370802001201"]);
        Assert.Equal(Forbidden.Jurisdiction, outside.Forbidden);

        var mine = result.Pairs.Single(p => p.Candidate.CadreId == 1).Village.Code;
        Assert.Equal(0, Matcher.WhyNot(model, result, 0, columnOf[mine]).Increase);
        var plain = Matcher.WhyNot(model, result, 0, columnOf["370801001201"]);
        Assert.True(plain.Increase > 0);
        Assert.Equal(100, plain.Terms!.Category); // an advanced village with no disorder: not a political-legal unit's match
    }
}
