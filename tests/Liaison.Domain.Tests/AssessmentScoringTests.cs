using Liaison.Domain.Assessment;
using Liaison.Domain.Policy;

namespace Liaison.Domain.Tests;

public class AssessmentScoringTests
{
    private static readonly AssessmentScheme Scheme = new()
    {
        Group = AssessmentGroups.FirstSecretaries,
        Components = [new() { Code = "coverage", Weight = 50 }, new() { Code = "cases", Weight = 30 }, new() { Code = "masses", Weight = 20 }],
        TopShare = 0.2,
    };

    private static PersonInput Person(int id, double? coverage, double? cases, double? masses, string? veto = null, double adjustment = 0) =>
        new(id, [new("coverage", coverage, new("", "")), new("cases", cases, new("", "")), new("masses", masses, new("", ""))], veto, adjustment);

    [Fact]
    public void A_score_is_the_weighted_mean_and_its_parts_add_up_to_it()
    {
        var r = Scoring.Score(Scheme, Person(1, 90, 80, 50));
        Assert.Equal(79, r.Raw); // 0.5·90 + 0.3·80 + 0.2·50
        Assert.Equal(r.Score, r.Parts.Sum(p => p.Points), 2);
        Assert.Equal([45.0, 24.0, 10.0], r.Parts.Select(p => p.Points));
    }

    [Fact]
    public void A_part_that_does_not_apply_is_left_out_and_the_rest_scaled_to_100()
    {
        var r = Scoring.Score(Scheme, Person(1, 90, null, 50));
        // 50 and 20 of 70: 90·5/7 + 50·2/7 = 78.57
        Assert.Equal(78.57, r.Raw);
        Assert.Equal(0, r.Parts.Single(p => p.Code == "cases").Weight);
        Assert.Equal(71.43, r.Parts.Single(p => p.Code == "coverage").Weight);
        Assert.Equal(r.Raw, r.Parts.Sum(p => p.Points), 1);
    }

    [Fact]
    public void An_adjustment_moves_the_score_within_0_and_100()
    {
        Assert.Equal(84, Scoring.Score(Scheme, Person(1, 90, 80, 50, adjustment: 5)).Score);
        Assert.Equal(100, Scoring.Score(Scheme, Person(1, 100, 100, 100, adjustment: 5)).Score);
        Assert.Equal(0, Scoring.Score(Scheme, Person(1, 0, 0, 0, adjustment: -5)).Score);
    }

    [Theory]
    [InlineData(95, "excellent")]
    [InlineData(90, "excellent")]
    [InlineData(89.99, "competent")]
    [InlineData(70, "competent")]
    [InlineData(65, "basic")]
    [InlineData(59.99, "incompetent")]
    [InlineData(0, "incompetent")]
    public void Bands_take_their_least_score(double score, string grade) => Assert.Equal(grade, Scoring.Band(Scheme.Bands, score));

    [Fact]
    public void A_veto_puts_the_person_in_the_last_grade_whatever_the_score()
    {
        var results = Scoring.Assess(Scheme, [Person(1, 100, 100, 100, veto: "fabricated"), Person(2, 80, 80, 80)]);
        Assert.Equal("incompetent", results.Single(r => r.Subject == 1).Grade);
        Assert.Equal(100, results.Single(r => r.Subject == 1).Score);
        Assert.Equal("competent", results.Single(r => r.Subject == 2).Grade);
    }

    [Theory]
    [InlineData(0.2, 12, 2)]
    [InlineData(0.2, 4, 0)]
    [InlineData(0.2, 5, 1)]
    [InlineData(0.1, 30, 3)]
    [InlineData(1, 7, 7)]
    public void The_cap_is_the_shares_floor(double share, int assessed, int allowed) => Assert.Equal(allowed, Scoring.TopAllowed(share, assessed));

    [Fact]
    public void Beyond_the_cap_the_lowest_of_the_top_band_take_the_next()
    {
        // Ten people, a fifth may be excellent: two. Four score 90 or more.
        var people = new[] { 99.0, 95, 92, 91, 80, 75, 70, 65, 60, 50 }.Select((s, i) => Person(i + 1, s, s, s)).ToList();
        var results = Scoring.Assess(Scheme, people);
        Assert.Equal([1, 2], results.Where(r => r.Grade == "excellent").Select(r => r.Subject).Order());
        Assert.All(results.Where(r => r.Subject is 3 or 4), r => { Assert.Equal("competent", r.Grade); Assert.True(r.Capped); });
        Assert.DoesNotContain(results.Where(r => r.Subject > 4), r => r.Capped);
    }

    [Fact]
    public void Where_the_cut_falls_among_equal_scores_all_of_them_move_down()
    {
        // Two may be excellent; the second and third share a score: only the first keeps the grade.
        var people = new[] { 99.0, 95, 95, 80, 80, 80, 70, 70, 60, 50 }.Select((s, i) => Person(i + 1, s, s, s)).ToList();
        var results = Scoring.Assess(Scheme, people);
        Assert.Equal([1], results.Where(r => r.Grade == "excellent").Select(r => r.Subject));
        Assert.True(results.Single(r => r.Subject == 2).Capped);
        Assert.True(results.Single(r => r.Subject == 3).Capped);
    }

    [Fact]
    public void The_vetoed_count_among_those_assessed_but_never_take_the_top()
    {
        // Five assessed, one vetoed: a fifth of five is one excellent.
        var people = new List<PersonInput> { Person(1, 100, 100, 100, veto: "fabricated"), Person(2, 95, 95, 95), Person(3, 92, 92, 92), Person(4, 70, 70, 70), Person(5, 60, 60, 60) };
        var results = Scoring.Assess(Scheme, people);
        Assert.Equal([2], results.Where(r => r.Grade == "excellent").Select(r => r.Subject));
        Assert.Equal("incompetent", results.Single(r => r.Subject == 1).Grade);
    }

    [Fact]
    public void Satisfaction_scores_and_rates_with_an_interval()
    {
        var s = Satisfaction.Of(satisfied: 30, basically: 10, dissatisfied: 10);
        Assert.Equal(50, s.Ratings);
        Assert.Equal(72, s.Score); // (30·100 + 10·60) / 50
        Assert.Equal(0.8, s.Rate.Rate, 9);
        Assert.InRange(s.Rate.Low, 0.66, 0.70); // Wilson 95 %: [0.670, 0.888]
        Assert.InRange(s.Rate.High, 0.87, 0.90);
        Assert.Equal(0, Satisfaction.Of(0, 0, 0).Ratings);
    }

    [Theory]
    [InlineData("""{ "year": 2026, "assessment": { "schemes": [ { "group": "first-secretaries", "components": [ { "code": "coverage", "weight": 60 } ] } ] } }""", "assessment.weights")]
    [InlineData("""{ "year": 2026, "assessment": { "schemes": [ { "group": "first-secretaries", "components": [ { "code": "visits", "weight": 100 } ] } ] } }""", "assessment.components")]
    [InlineData("""{ "year": 2026, "assessment": { "schemes": [ { "group": "mayors", "components": [ { "code": "coverage", "weight": 100 } ] } ] } }""", "assessment.groups")]
    [InlineData("""{ "year": 2026, "assessment": { "schemes": [ { "group": "first-secretaries", "components": [ { "code": "coverage", "weight": 100 } ], "topShare": 1.5 } ] } }""", "assessment.cap")]
    [InlineData("""{ "year": 2026, "assessment": { "schemes": [ { "group": "first-secretaries", "components": [ { "code": "coverage", "weight": 100 } ], "vetoFindings": ["murder"] } ] } }""", "assessment.veto")]
    [InlineData("""{ "year": 2026, "assessment": { "schemes": [ { "group": "first-secretaries", "components": [ { "code": "coverage", "weight": 100 } ], "bands": [ { "code": "a", "name": "好", "atLeast": 60 }, { "code": "b", "name": "差", "atLeast": 70 } ] } ] } }""", "assessment.bands")]
    [InlineData("""{ "year": 2026, "assessment": { "appealDays": 0 } }""", "assessment.appeal")]
    // A township is scored by the report's rates, a unit by its pairing: a person's components do not fit them.
    [InlineData("""{ "year": 2026, "assessment": { "schemes": [ { "group": "township-work", "components": [ { "code": "residence", "weight": 100 } ] } ] } }""", "assessment.components")]
    [InlineData("""{ "year": 2026, "assessment": { "schemes": [ { "group": "unit-pairing", "components": [ { "code": "visit_rate", "weight": 100 } ] } ] } }""", "assessment.components")]
    [InlineData("""{ "year": 2026, "assessment": { "schemes": [ { "group": "county-work", "components": [ { "code": "cases_reopen_rate", "weight": 100 } ] } ] } }""", "assessment.components")]
    public void A_scheme_that_cannot_work_is_refused_by_rule(string json, string rule)
    {
        var (policy, problems) = PolicyDocument.Parse(json);
        Assert.Null(policy);
        Assert.Contains(problems, p => p.Rule == rule);
    }

    [Fact]
    public void The_default_schemes_pass_and_are_shown_in_words()
    {
        var policy = ProgrammePolicy.Jining(2026);
        Assert.Empty(PolicyValidation.Validate(policy));
        var zh = PolicyText.Describe(policy, en: false).Single(s => s.Heading == "年度考核");
        Assert.Contains(zh.Lines, l => l.StartsWith("第一书记：", StringComparison.Ordinal) && l.Contains("优秀 ≥ 90", StringComparison.Ordinal) && l.Contains("20%", StringComparison.Ordinal));
        var en = PolicyText.Describe(policy, en: true).Single(s => s.Heading.StartsWith("Year-end", StringComparison.Ordinal));
        Assert.Contains(en.Lines, l => l.Contains("records fabricated", StringComparison.Ordinal));
    }

    [Fact]
    public void The_reports_satisfaction_reads_with_its_interval_and_other_rates_without()
    {
        long Figure(string id) => id switch { "assessment_satisfied" => 90, "assessment_ratings" => 100, "assessment_excellent" => 2, "assessment_assessed" => 10, _ => 0 };
        var zh = Liaison.Domain.Reporting.Ratios.MassSatisfaction.Format(Figure, english: false);
        Assert.StartsWith("90.0%（95% 区间 ", zh, StringComparison.Ordinal);
        var bounds = Liaison.Domain.Supervision.Proportions.Interval(90, 100);
        Assert.Contains(Liaison.Domain.Reporting.Ratios.MassSatisfaction.Format(bounds.Low) + "–" + Liaison.Domain.Reporting.Ratios.MassSatisfaction.Format(bounds.High), zh, StringComparison.Ordinal);
        Assert.Equal("20.0%", Liaison.Domain.Reporting.Ratios.Excellence.Format(Figure, english: true));
        Assert.Equal("—", Liaison.Domain.Reporting.Ratios.MassSatisfaction.Format(_ => 0, english: true));
    }

    [Fact]
    public void Units_and_townships_schemes_pass_with_their_own_components_and_are_shown_in_words()
    {
        var json = """{ "year": 2026, "assessment": { "schemes": [ { "group": "unit-pairing", "components": [ { "code": "pairing-stays", "weight": 60 }, { "code": "members", "weight": 40 } ] },""" +
            """ { "group": "township-work", "components": [ { "code": "visit_rate", "weight": 70 }, { "code": "cases_on_time_rate", "weight": 30 } ] } ] } }""";
        var (policy, problems) = PolicyDocument.Parse(json);
        Assert.Empty(problems);
        var zh = PolicyText.Describe(policy!, en: false).Single(s => s.Heading == "年度考核");
        Assert.Contains(zh.Lines, l => l.StartsWith("联建单位：", StringComparison.Ordinal) && l.Contains("集中驻村 60", StringComparison.Ordinal));
        Assert.Contains(zh.Lines, l => l.StartsWith("乡镇驻村工作：", StringComparison.Ordinal) && l.Contains("农户走访率 70", StringComparison.Ordinal));
        Assert.Equal(AssessedKind.Division, AssessmentGroups.KindOf("county-work"));
        Assert.DoesNotContain("cases_reopen_rate", AssessmentGroups.ComponentsOf("township-work"));
    }
}
