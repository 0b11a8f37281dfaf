using Liaison.Domain.Reporting;

namespace Liaison.Domain.Tests;

public class RollupTests
{
    [Fact]
    public void Values_reach_every_ancestor_and_the_leaf_itself()
    {
        var all = Rollup.ToAllLevels([new("370830100201", "households", 10), new("370830100202", "households", 5), new("370811001001", "households", 7)]);
        long V(string code) => all.Single(v => v.DivisionCode == code && v.IndicatorId == "households").Value;
        Assert.Equal(10, V("370830100201"));
        Assert.Equal(15, V("370830100"));
        Assert.Equal(15, V("370830"));
        Assert.Equal(7, V("370811"));
        Assert.Equal(22, V("3708"));
        Assert.Equal(22, V("37"));
    }

    [Fact]
    public void Zero_values_leave_no_row_and_indicators_stay_apart()
    {
        var all = Rollup.ToAllLevels([new("370830", "units", 0), new("370830", "cadres", 3)]);
        Assert.DoesNotContain(all, v => v.IndicatorId == "units");
        Assert.Equal(3, all.Single(v => v.DivisionCode == "37" && v.IndicatorId == "cadres").Value);
    }

    [Fact]
    public void The_total_at_the_root_equals_the_sum_of_the_leaves_for_any_input()
    {
        // A property over generated inputs: the root always holds the sum.
        var rng = new System.Random(42);
        for (var round = 0; round < 50; round++)
        {
            var leaves = Enumerable.Range(0, rng.Next(1, 40))
                .Select(_ => new RollupValue("3708" + rng.Next(10, 13).ToString(System.Globalization.CultureInfo.InvariantCulture) + rng.Next(100, 103).ToString(System.Globalization.CultureInfo.InvariantCulture), "x", rng.Next(0, 1000)))
                .ToList();
            var all = Rollup.ToAllLevels(leaves);
            var root = all.SingleOrDefault(v => v.DivisionCode == "37").Value;
            Assert.Equal(leaves.Sum(l => l.Value), root);
        }
    }
}
