using Liaison.Domain.People;
using Liaison.Domain.Secretaries;

namespace Liaison.Domain.Tests;

/// <summary>A First Secretary's coverage of the village against the visiting duties (访三老、走三户, every household).</summary>
public class SecretaryDutyTests
{
    private const HouseholdCategory None = HouseholdCategory.None;
    private const HouseholdCategory Party = HouseholdCategory.OldPartyMember;
    private const HouseholdCategory Cadre = HouseholdCategory.OldCadre;
    private const HouseholdCategory Poor = HouseholdCategory.Poor;
    private const HouseholdCategory Petitioner = HouseholdCategory.Petitioner;

    // Households 1..n with these categories.
    private static List<DutyHousehold> Village(params HouseholdCategory[] categories) =>
        categories.Select((c, i) => new DutyHousehold(i + 1, c)).ToList();

    public static TheoryData<HouseholdCategory[], long[], (int, int, bool), (int, int, bool), (int, int, bool)> Coverage => new()
    {
        // Nobody visited: nothing met where something is asked.
        { [None, Party, Poor], [], (3, 0, false), (1, 0, false), (1, 0, false) },
        // The three olds and the three kinds visited, one ordinary household left.
        { [None, Party, Poor], [2, 3], (3, 2, false), (1, 1, true), (1, 1, true) },
        // Every household visited: every duty met.
        { [None, Party, Poor], [1, 2, 3], (3, 3, true), (1, 1, true), (1, 1, true) },
        // A household of both a three-olds and a three-kinds category counts for both duties.
        { [Party | Poor, Cadre], [1], (2, 1, false), (2, 1, false), (1, 1, true) },
        // No three-olds household in the village: that duty has nothing left to do.
        { [None, Poor], [2], (2, 1, false), (0, 0, true), (1, 1, true) },
        // An empty village asks nothing.
        { [], [], (0, 0, true), (0, 0, true), (0, 0, true) },
        // A visit to a household that is no longer current (not in the list) counts for nothing.
        { [None, Petitioner], [2, 99], (2, 1, false), (0, 0, true), (1, 1, true) },
    };

    [Theory]
    [MemberData(nameof(Coverage))]
    public void Each_duty_counts_the_households_it_asks_for_and_is_met_when_none_is_left(
        HouseholdCategory[] households, long[] visited, (int, int, bool) all, (int, int, bool) olds, (int, int, bool) kinds)
    {
        var s = SecretaryDuties.Stand(Village(households), visited.ToHashSet());
        static (int, int, bool) Of(DutyCoverage c) => (c.Total, c.Visited, c.Met);
        Assert.Equal(all, Of(s[SecretaryDuty.AllHouseholds]));
        Assert.Equal(olds, Of(s[SecretaryDuty.ThreeOlds]));
        Assert.Equal(kinds, Of(s[SecretaryDuty.ThreeKinds]));
    }

    [Fact]
    public void The_unvisited_are_grouped_by_category_in_the_categories_order_with_those_of_none_last()
    {
        // 1 ordinary, 2 old party member and poor, 3 old cadre, 4 poor (visited), 5 ordinary.
        var s = SecretaryDuties.Stand(Village(None, Party | Poor, Cadre, Poor, None), new HashSet<long> { 4 });
        Assert.Equal(
            [(Party, new long[] { 2 }), (Cadre, [3]), (Poor, [2]), (None, [1, 5])],
            s.Unvisited.Select(g => (g.Category, g.Households.ToArray())));
        Assert.Equal(4, s[SecretaryDuty.AllHouseholds].Unvisited);
        // Each duty names the households it still asks for.
        Assert.Equal([1, 2, 3, 5], s[SecretaryDuty.AllHouseholds].Left);
        Assert.Equal([2, 3], s[SecretaryDuty.ThreeOlds].Left);
        Assert.Equal([2], s[SecretaryDuty.ThreeKinds].Left);
    }

    [Fact]
    public void Nothing_unvisited_leaves_no_groups_and_the_practical_things_are_met_by_one_deed()
    {
        var s = SecretaryDuties.Stand(Village(None, Poor), new HashSet<long> { 1, 2 });
        Assert.Empty(s.Unvisited);
        Assert.All(s.Duties, d => Assert.True(d.Met));
        Assert.False(s.PracticalThingsMet);
        Assert.True((s with { PracticalThings = 1 }).PracticalThingsMet);
    }

    [Theory]
    [InlineData(SecretaryDuty.AllHouseholds, None, true)]
    [InlineData(SecretaryDuty.ThreeOlds, None, false)]
    [InlineData(SecretaryDuty.ThreeOlds, HouseholdCategory.OldModelWorker, true)]
    [InlineData(SecretaryDuty.ThreeOlds, Poor, false)]
    [InlineData(SecretaryDuty.ThreeKinds, HouseholdCategory.Wealthy, true)]
    [InlineData(SecretaryDuty.ThreeKinds, Cadre, false)]
    public void A_duty_asks_for_the_households_of_its_categories(SecretaryDuty duty, HouseholdCategory categories, bool asked) =>
        Assert.Equal(asked, SecretaryDuties.Asks(duty, categories));
}
