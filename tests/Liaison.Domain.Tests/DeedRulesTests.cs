using Liaison.Domain.Policy;

namespace Liaison.Domain.Tests;

/// <summary>实事好事 (issue 21): the policy's catalogue of deed kinds, and how a deed's quantities are judged against it.</summary>
public class DeedRulesTests
{
    private static readonly DeedRules Rules = new();

    [Fact]
    public void The_default_catalogue_has_the_sources_kinds_and_validates()
    {
        Assert.Empty(PolicyValidation.Validate(new ProgrammePolicy { Year = 2026 }));
        Assert.Equal(QuantityUnit.Kilometre, Rules.Find("road")!.Quantities.Single().Unit);
        Assert.Equal(["students", "amount"], Rules.Find("student-aid")!.Quantities.Select(q => q.Code));
        Assert.Equal(5, Rules.Kinds.Count(k => k.Service));
    }

    [Fact]
    public void A_deed_in_its_kinds_units_passes_and_a_unit_written_as_people_write_it_is_read()
    {
        Assert.Empty(Rules.Check("road", [new DeedAmount("length", 2.5m, "公里")]));
        Assert.Empty(Rules.Check("student-aid", [new DeedAmount("students", 12, "名"), new DeedAmount("amount", 24_000m)]));
        Assert.Empty(Rules.Check(" well ", [new DeedAmount("wells", 3)]));
    }

    [Theory]
    [InlineData("road", "length", "-1", null, "range")]
    [InlineData("well", "wells", "1000000000", null, "range")]
    [InlineData("well", "wells", "1.5", null, "whole")]
    [InlineData("road", "length", "3", "米", "unit")]
    [InlineData("funds", "amount", "3", "万元", "unit")]
    [InlineData("road", "width", "3", null, "unknown-quantity")]
    public void A_quantity_out_of_bounds_fractional_in_another_unit_or_unknown_is_refused_by_its_field(string kind, string code, string value, string? unit, string rule)
    {
        var problems = Rules.Check(kind, [new DeedAmount(code, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), unit)]);
        var problem = Assert.Single(problems, p => p.Code != "required");
        Assert.Equal(("quantities." + code, rule), (problem.Field, problem.Code));
    }

    [Fact]
    public void The_expected_unit_is_named_and_a_missing_or_repeated_quantity_or_an_unknown_kind_is_refused()
    {
        var unit = Assert.Single(Rules.Check("road", [new DeedAmount("length", 3, "米")]));
        Assert.Contains("单位应为“公里”", unit.Zh, StringComparison.Ordinal);
        Assert.Contains("km", unit.En, StringComparison.Ordinal);
        var missing = Assert.Single(Rules.Check("student-aid", [new DeedAmount("students", 3)]));
        Assert.Equal(("quantities.amount", "required"), (missing.Field, missing.Code));
        Assert.Contains(Rules.Check("well", [new DeedAmount("wells", 1), new DeedAmount("wells", 2)]), p => p.Code == "twice");
        var unknown = Assert.Single(Rules.Check("airport", []));
        Assert.Equal(("kind", "unknown-kind"), (unknown.Field, unknown.Code));
        Assert.Contains("road", unknown.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalogue_with_a_kind_twice_or_a_kind_without_quantities_or_a_bad_bound_is_refused()
    {
        var road = Rules.Find("road")!;
        var twice = new ProgrammePolicy { Year = 2026, Deeds = new() { Kinds = [road, road] } };
        Assert.Contains(PolicyValidation.Validate(twice), p => p.Rule == "deeds.kinds");
        var empty = new ProgrammePolicy { Year = 2026, Deeds = new() { Kinds = [road with { Quantities = [] }] } };
        Assert.Contains(PolicyValidation.Validate(empty), p => p.Rule == "deeds.quantities" && p.Path == "deeds.kinds[road].quantities");
        var unbounded = new ProgrammePolicy { Year = 2026, Deeds = new() { Kinds = [road with { Quantities = [road.Quantities[0] with { Max = 0 }] }] } };
        Assert.Contains(PolicyValidation.Validate(unbounded), p => p.Rule == "deeds.quantities");
    }

    [Fact]
    public void The_policy_in_words_lists_the_deeds_with_their_units()
    {
        var zh = PolicyText.Describe(new ProgrammePolicy { Year = 2026 }, en: false).Single(s => s.Heading == "实事好事和党建成果");
        Assert.Contains("硬化道路：长度（公里）。", zh.Lines);
        Assert.Contains("党员培训：场次（个）、参训人次（人）。", zh.Lines);
        var en = PolicyText.Describe(new ProgrammePolicy { Year = 2026 }, en: true).Single(s => s.Heading == "Practical deeds (实事好事) and party-building outputs");
        Assert.Contains("roads hardened: length (km).", en.Lines);
    }
}
