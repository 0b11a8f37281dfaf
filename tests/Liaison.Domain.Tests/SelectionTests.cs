using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Policy;
using Liaison.Domain.Secretaries;

namespace Liaison.Domain.Tests;

public class SelectionTests
{
    private static readonly SecretaryCall Call = new() { Id = 1, Year = 2026, Level = DispatchLevel.County, DivisionCode = "370830", Quota = 2 };

    private static Applicant Person(int id, int merit, CadreRank rank = CadreRank.Ordinary, int birthYear = 1990, bool reserve = false, bool servedLastYear = false) =>
        new(new SecretaryCandidate { Id = id, CallId = 1, CadreId = id, PoliticalQuality = merit, Innovation = 0, MassWork = 0, Coordination = 0 },
            new RosterCadre(id, $"C{id:D3}", $"干部{id}", 1, rank, false, reserve, false, birthYear), servedLastYear);

    [Fact]
    public void The_quota_is_filled_on_merit_with_reserve_cadres_first_and_each_exclusion_names_its_rule()
    {
        var rules = new FirstSecretaryRules { Eligibility = new SecretaryEligibility { MaxAge = 50, SkipServedLastYear = true } };
        var applicants = new[]
        {
            Person(1, 90),
            Person(2, 80, reserve: true),
            Person(3, 99, birthYear: 1970),            // 56 in 2026
            Person(4, 98, rank: CadreRank.CountyLeader),
            Person(5, 97, servedLastYear: true),
            Person(6, 70),
        };

        var outcomes = Selection.Select(Call, applicants, rules).ToDictionary(o => o.Candidate.Id);

        Assert.Equal([1, 2], outcomes.Values.Where(o => o.Selected).Select(o => o.Candidate.Id).Order());
        Assert.StartsWith("选中：第 1 名（后备干部或新提拔干部优先", outcomes[2].ReasonZh, StringComparison.Ordinal);
        Assert.Contains("年龄不符（56 岁，上限 50 岁）", outcomes[3].ReasonZh, StringComparison.Ordinal);
        Assert.Contains("too old (56, the limit is 50)", outcomes[3].ReasonEn, StringComparison.Ordinal);
        Assert.Contains("职级不符", outcomes[4].ReasonZh, StringComparison.Ordinal);
        Assert.Contains("上一年度已任第一书记", outcomes[5].ReasonZh, StringComparison.Ordinal);
        Assert.Contains("名额 2 已满", outcomes[6].ReasonZh, StringComparison.Ordinal);
        Assert.Equal(applicants.Length, outcomes.Count);
    }

    [Fact]
    public void Without_limits_in_the_policy_age_and_last_year_do_not_exclude()
    {
        var outcomes = Selection.Select(Call, [Person(3, 99, birthYear: 1960), Person(5, 97, servedLastYear: true)], new FirstSecretaryRules());
        Assert.All(outcomes, o => Assert.True(o.Selected));
    }

    [Theory]
    [InlineData("""{ "year": 2026, "firstSecretaries": { "eligibility": { "maxAge": 90 } } }""", "fs.eligibility")]
    [InlineData("""{ "year": 2026, "firstSecretaries": { "countyQuota": 10, "eligibility": { "ranks": [] } } }""", "fs.eligibility")]
    [InlineData("""{ "year": 2026, "firstSecretaries": { "cityQuota": -1 } }""", "fs.quota")]
    [InlineData("""{ "year": 2026, "firstSecretaries": { "weights": { "perKilometre": -5 } } }""", "fs.weights")]
    public void First_secretary_rules_out_of_range_are_refused_with_their_rule(string json, string rule)
    {
        var (policy, problems) = PolicyDocument.Parse(json);
        Assert.Null(policy);
        Assert.Contains(problems, p => p.Rule == rule);
    }

    [Fact]
    public void The_policy_in_words_describes_the_first_secretary_rules()
    {
        var policy = ProgrammePolicy.Jining(2026) with { FirstSecretaries = new FirstSecretaryRules { Eligibility = new SecretaryEligibility { MaxAge = 45 } } };
        var section = PolicyText.Describe(policy, en: false).Single(s => s.Heading == "选派第一书记");
        Assert.Contains(section.Lines, l => l.Contains("当年不超过 45 岁", StringComparison.Ordinal));
        Assert.Contains(section.Lines, l => l.Contains("市级选派 112 名", StringComparison.Ordinal));
        var en = PolicyText.Describe(policy, en: true).Single(s => s.Heading.StartsWith("First Secretaries", StringComparison.Ordinal));
        Assert.Contains(en.Lines, l => l.Contains("at most 45 years old", StringComparison.Ordinal));
    }
}
