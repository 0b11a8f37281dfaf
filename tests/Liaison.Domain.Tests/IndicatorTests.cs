using Liaison.Domain.People;
using Liaison.Domain.Reporting;
using Liaison.Domain.Shared;

namespace Liaison.Domain.Tests;

public class IndicatorTests
{
    [Fact]
    public void Indicator_ids_are_unique_and_every_indicator_is_defined_in_both_languages()
    {
        Assert.Equal(Indicators.All.Count, Indicators.All.Select(i => i.Id).Distinct().Count());
        Assert.All(Indicators.All, i =>
        {
            Assert.False(string.IsNullOrWhiteSpace(i.NameZh));
            Assert.False(string.IsNullOrWhiteSpace(i.NameEn));
            Assert.False(string.IsNullOrWhiteSpace(i.DefinitionZh));
            Assert.False(string.IsNullOrWhiteSpace(i.DefinitionEn));
        });
        Assert.Same(Indicators.Households, Indicators.Find("households"));
        Assert.Null(Indicators.Find("nope"));
    }

    [Theory]
    [InlineData("政法部门", UnitCategory.PoliticalLegal)]
    [InlineData("Economic", UnitCategory.Economic)]
    [InlineData(" agriculture & science ", UnitCategory.AgricultureScience)]
    public void Terms_parse_in_either_language(string text, UnitCategory expected)
    {
        Assert.True(Terms.TryParse(Terms.UnitCategories, text, out var category));
        Assert.Equal(expected, category);
    }

    [Fact]
    public void Every_enum_value_has_a_term()
    {
        Assert.Equal(Enum.GetValues<UnitCategory>().Length, Terms.UnitCategories.Count);
        Assert.Equal(Enum.GetValues<CadreRank>().Length, Terms.Ranks.Count);
        Assert.Equal(HouseholdCategories.All.Count, Terms.HouseholdCategoryTerms.Count);
    }

    [Fact]
    public void Flag_labels_list_the_set_flags_only()
    {
        var labels = Terms.FlagLabels(Terms.HouseholdCategoryTerms, HouseholdCategory.Poor | HouseholdCategory.OldCadre, english: false).ToList();
        Assert.Equal(["老干部", "困难户"], labels);
    }
}
