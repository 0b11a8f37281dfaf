using Liaison.Domain.Divisions;

namespace Liaison.Domain.Tests;

public class DivisionCodeTests
{
    [Theory]
    [InlineData("37", DivisionLevel.Province, true)]
    [InlineData("3708", DivisionLevel.City, true)]
    [InlineData("370830", DivisionLevel.County, true)]
    [InlineData("370830100", DivisionLevel.Township, true)]
    [InlineData("370830100201", DivisionLevel.Village, true)]
    [InlineData("3708301002", DivisionLevel.Village, false)]
    [InlineData("37083010020A", DivisionLevel.Village, false)]
    [InlineData("3708", DivisionLevel.County, false)]
    [InlineData("", DivisionLevel.Province, false)]
    [InlineData("３７", DivisionLevel.Province, false)]
    public void Well_formed_codes_have_the_level_length_in_ascii_digits(string code, DivisionLevel level, bool expected) =>
        Assert.Equal(expected, DivisionCode.IsWellFormed(code, level));

    [Theory]
    [InlineData("37", null)]
    [InlineData("3708", "37")]
    [InlineData("370830", "3708")]
    [InlineData("370830100", "370830")]
    [InlineData("370830100201", "370830100")]
    [InlineData("12345", null)]
    public void The_implied_parent_is_the_prefix_one_level_up(string code, string? parent) =>
        Assert.Equal(parent, DivisionCode.ImpliedParent(code));

    [Fact]
    public void Ancestors_run_from_the_parent_up_to_the_province() =>
        Assert.Equal(["370830100", "370830", "3708", "37"], DivisionCode.Ancestors("370830100201"));

    [Theory]
    [InlineData("370830100201", "3708", true)]
    [InlineData("370830100201", "370830100201", true)]
    [InlineData("370830100201", "3709", false)]
    public void Subtrees_are_code_prefixes(string code, string root, bool expected) =>
        Assert.Equal(expected, DivisionCode.IsInSubtree(code, root));

    [Theory]
    [InlineData("village", DivisionLevel.Village)]
    [InlineData(" Township ", DivisionLevel.Township)]
    public void Level_words_parse_in_any_case(string text, DivisionLevel level)
    {
        Assert.True(DivisionCode.TryParseLevel(text, out var parsed));
        Assert.Equal(level, parsed);
    }

    [Fact]
    public void Unknown_level_words_do_not_parse() => Assert.False(DivisionCode.TryParseLevel("district", out _));
}
