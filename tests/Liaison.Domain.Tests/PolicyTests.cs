using Liaison.Domain.Divisions;
using Liaison.Domain.Liaisons;
using Liaison.Domain.Policy;

namespace Liaison.Domain.Tests;

public class PolicyTests
{
    [Theory]
    [InlineData(30, ShareRounding.Up, 3)]
    [InlineData(31, ShareRounding.Up, 4)]
    [InlineData(31, ShareRounding.Down, 3)]
    [InlineData(35, ShareRounding.Nearest, 4)]
    [InlineData(34, ShareRounding.Nearest, 3)]
    [InlineData(6, ShareRounding.Down, 1)] // at least one
    [InlineData(0, ShareRounding.Up, 0)]
    public void The_backward_share_rounds_as_the_policy_says(int villages, ShareRounding rounding, int expected) =>
        Assert.Equal(expected, new BackwardVillageRules { Share = 0.1, Rounding = rounding }.CountFor(villages));

    [Fact]
    public void Jinings_rules_are_the_default_and_survive_a_round_trip()
    {
        var jining = ProgrammePolicy.Jining(2026);
        Assert.Equal(10, jining.ContactPoints.CityLeader.MinResidenceDays);
        Assert.Equal(14, jining.ContactPoints.CountyLeader.MinResidenceDays);
        Assert.Equal(0.10, jining.Backward.Share);

        var (back, problems) = PolicyDocument.Parse(PolicyDocument.ToJson(jining));
        Assert.Empty(problems);
        Assert.Equal(PolicyDocument.ToJson(jining), PolicyDocument.ToJson(back!));
    }

    [Fact]
    public void A_file_gives_only_what_differs_and_keeps_the_rest_of_the_default()
    {
        var (policy, problems) = PolicyDocument.Parse("""{ "year": 2027, "contactPoints": { "countyLeader": { "minResidenceDays": 20 } } }""");

        Assert.Empty(problems);
        Assert.Equal(2027, policy!.Year);
        Assert.Equal(20, policy.ContactPoints.CountyLeader.MinResidenceDays);
        Assert.Equal(1, policy.ContactPoints.CountyLeader.Villages);
        Assert.Equal(10, policy.ContactPoints.CityLeader.MinResidenceDays);
    }

    [Fact]
    public void An_unknown_field_is_refused_with_its_line()
    {
        var (policy, problems) = PolicyDocument.Parse("{\n  \"year\": 2026,\n  \"backward\": {\n    \"shares\": 0.2\n  }\n}");

        Assert.Null(policy);
        var p = Assert.Single(problems);
        Assert.Equal("policy.field", p.Rule);
        Assert.Equal(4, p.Line);
        Assert.Contains("backward.shares", p.Message(true), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "year": 2026, "backward": { "share": 1.5 } }""", "backward.share")]
    [InlineData("""{ "year": 2026, "backward": { "villagesPerTownshipLeader": 0 } }""", "backward.taken")]
    [InlineData("""{ "year": 2026, "contactPoints": { "cityLeader": { "villages": 0, "minResidenceDays": 10 } } }""", "contact.residence")]
    [InlineData("""{ "year": 2026, "contactPoints": { "countyLeader": { "counties": 1 } } }""", "contact.within")]
    [InlineData("""{ "year": 2026, "pairing": { "staysPerHalfYear": 6, "stayDays": 30 } }""", "pairing.stay")]
    [InlineData("""{ "year": 1999 }""", "policy.year")]
    [InlineData("""{ "backward": { "share": 0.1 } }""", "policy.year")]
    [InlineData("""{ "year": 2026, "backward": { "rounding": "sideways" } }""", "policy.value")]
    [InlineData("""{ "year": 2026, "supervision": { "margin": 0.5 } }""", "supervision.precision")]
    [InlineData("""{ "year": 2026, "supervision": { "rectificationDays": 0 } }""", "supervision.days")]
    [InlineData("""{ "year": 2026, "supervision": { "expectedReach": 0 } }""", "supervision.reach")]
    [InlineData("""{ "year": 2026, "supervision": { "findingKinds": [{ "code": "absent", "name": "不在岗", "signOff": "province" }] } }""", "supervision.findings")]
    [InlineData("""{ "year": 2026, "supervision": { "checklist": [{ "code": "x", "name": "资料", "levels": ["household"] }] } }""", "supervision.checklist")]
    public void Contradictions_and_impossible_values_are_refused_naming_the_rule(string json, string rule)
    {
        var (policy, problems) = PolicyDocument.Parse(json);

        Assert.Null(policy);
        Assert.Contains(problems, p => p.Rule == rule);
    }

    [Fact]
    public void A_share_the_roster_cannot_meet_is_infeasible_naming_the_townships()
    {
        var (places, units, cadres) = PlanWorlds.Roster(townshipLeaders: 2);
        var heavy = ProgrammePolicy.Jining(2026) with { Backward = new BackwardVillageRules { Share = 0.5 } };

        var problems = PolicyFeasibility.Check(new LiaisonWorld(heavy, places, units, cadres, [], []));

        var p = Assert.Single(problems);
        Assert.Equal("backward.quota", p.Rule);
        Assert.Contains("县1镇1 (5 backward villages, 2 can be taken)", p.En, StringComparison.Ordinal);
        Assert.Empty(PolicyFeasibility.Check(new LiaisonWorld(ProgrammePolicy.Jining(2026), places, units, cadres, [], [])));
    }

    [Fact]
    public void The_ranking_puts_the_neediest_village_first_with_its_reasons()
    {
        var (places, _, _) = PlanWorlds.Roster();
        var ranking = VillageRanking.Rank(new BackwardVillageRules(), places.Where(p => p.Level == DivisionLevel.Village && p.Code.StartsWith("370801001", StringComparison.Ordinal)));

        Assert.Equal("370801001203", ranking[0].Village.Code);
        Assert.True(ranking[0].Backward);
        Assert.False(ranking[1].Backward);
        Assert.Equal(36, ranking[0].Need);
        Assert.Equal("backward party organisation +30, difficult +6", ranking[0].Explain(true));
        Assert.Equal(Enumerable.Range(1, 10), ranking.Select(r => r.Position));
    }

    [Fact]
    public void The_policy_in_words_carries_its_numbers()
    {
        var text = string.Join("\n", PolicyText.Describe(ProgrammePolicy.Jining(2026), en: false).SelectMany(s => s.Lines));
        Assert.Contains("每年在联系村驻村不少于 10 天", text, StringComparison.Ordinal);
        Assert.Contains("不少于 14 天", text, StringComparison.Ordinal);
        Assert.Contains("10% 的比例", text, StringComparison.Ordinal);
        Assert.Contains("误差 ±3%", text, StringComparison.Ordinal);
        Assert.Contains("弄虚作假（可通报批评，由县级审签）", text, StringComparison.Ordinal);
    }
}
