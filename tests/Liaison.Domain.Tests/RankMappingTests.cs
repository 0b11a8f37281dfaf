using Liaison.Domain.People;
using Liaison.Domain.Policy;

namespace Liaison.Domain.Tests;

/// <summary>Civil-service grades to programme roles (docs/POLICY.md, rankMapping): the default table and its validation.</summary>
public class RankMappingTests
{
    private static readonly RankMapping Map = new();

    [Theory]
    [InlineData("科员", UnitLevel.Township, "", CadreRank.Ordinary)]
    [InlineData("一级科员", UnitLevel.City, "", CadreRank.Ordinary)]
    [InlineData("四级主任科员", UnitLevel.County, "局长", CadreRank.Ordinary)]
    [InlineData("二级调研员", UnitLevel.City, "", CadreRank.Ordinary)]
    [InlineData("副科级", UnitLevel.City, "", CadreRank.Ordinary)]
    [InlineData("副科级", UnitLevel.Township, "副镇长", CadreRank.TownshipLeader)]
    [InlineData("副科级", UnitLevel.Township, "党委委员、组织委员", CadreRank.TownshipLeader)]
    [InlineData("副科级", UnitLevel.Township, "", null)]
    [InlineData("正科级", UnitLevel.Township, "站长", null)]
    [InlineData("正科级", UnitLevel.County, "局长", CadreRank.UnitLeader)]
    [InlineData("科长", UnitLevel.County, "", null)]
    [InlineData("副县级", UnitLevel.County, "", CadreRank.CountyLeader)]
    [InlineData("副处级", UnitLevel.City, "", CadreRank.UnitLeader)]
    [InlineData("正县级", UnitLevel.Township, "党委书记", CadreRank.TownshipLeader)]
    [InlineData("正厅级", UnitLevel.City, "", CadreRank.CityLeader)]
    [InlineData("正厅级", UnitLevel.County, "", null)]
    public void A_grade_means_a_role_by_the_units_level_and_the_post(string grade, UnitLevel level, string post, CadreRank? expected)
    {
        var rule = Map.Find(grade);
        Assert.NotNull(rule);
        Assert.Equal(expected, Map.RoleOf(rule, level, post));
    }

    [Fact]
    public void An_unknown_grade_is_not_found() => Assert.Null(Map.Find("处长"));

    [Fact]
    public void The_choices_of_an_ambiguous_grade_are_the_levels_leaders_and_ordinary_cadres() =>
        Assert.Equal([CadreRank.TownshipLeader, CadreRank.Ordinary], RankMapping.ChoicesAt(UnitLevel.Township));

    [Theory]
    [InlineData("""{"year": 2026, "rankMapping": {"grades": [{"grade": "科员", "city": "ordinary"}, {"grade": "科员"}]}}""", "ranks.grades")]
    [InlineData("""{"year": 2026, "rankMapping": {"grades": [{"grade": "一般干部", "city": "ordinary"}]}}""", "ranks.grades")]
    [InlineData("""{"year": 2026, "rankMapping": {"grades": [{"grade": "副 科", "city": "ordinary"}]}}""", "ranks.grades")]
    [InlineData("""{"year": 2026, "rankMapping": {"grades": [{"grade": "副科级", "byPost": true}], "townshipLeaderPosts": [], "unitLeaderPosts": []}}""", "ranks.posts")]
    public void A_mapping_that_contradicts_itself_is_refused(string json, string rule)
    {
        var (policy, problems) = PolicyDocument.Parse(json);
        Assert.Null(policy);
        Assert.Contains(problems, p => p.Rule == rule);
    }

    [Fact]
    public void A_city_may_map_its_own_grades()
    {
        var (policy, problems) = PolicyDocument.Parse("""{"year": 2026, "rankMapping": {"grades": [{"grade": "职员", "city": "ordinary", "county": "ordinary", "township": "ordinary"}]}}""");
        Assert.Empty(problems);
        Assert.Equal(CadreRank.Ordinary, policy!.RankMapping.RoleOf(policy.RankMapping.Find("职员")!, UnitLevel.County, null));
        Assert.Null(policy.RankMapping.Find("科员"));
    }
}
