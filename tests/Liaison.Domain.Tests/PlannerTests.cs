using Liaison.Domain.Divisions;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Policy;

namespace Liaison.Domain.Tests;

public class PlannerTests
{
    [Fact]
    public void A_plan_from_nothing_breaks_no_rule_and_covers_every_village()
    {
        var world = PlanWorlds.Planned(PlanWorlds.World());
        var check = LiaisonChecker.Check(world);

        Assert.True(check.IsClean, string.Join("\n", check.Violations.Select(v => v.Rule.Id + " " + v.DetailEn)));
        Assert.Equal(new Coverage(40, 40), check.Coverage);
        // 2 city leaders × 3 + 4 county leaders × 2 + 5 unit leaders × 1.
        Assert.Equal(19, check.ByKind[TieKind.ContactPoint]);
        Assert.Equal(5, check.ByKind[TieKind.Pairing]);
        Assert.Equal(8, check.ByKind[TieKind.BackwardVillage]);
        Assert.Equal(6, check.ByKind[TieKind.Police]);
        Assert.All(world.Ties, t => Assert.False(string.IsNullOrWhiteSpace(t.Reason)));
    }

    [Fact]
    public void Planning_again_changes_nothing_that_is_still_valid()
    {
        var world = PlanWorlds.Planned(PlanWorlds.World());
        var again = LiaisonPlanner.Plan(world, PlanWorlds.Today.AddDays(30));

        Assert.True(again.ChangesNothing, $"added {again.Added.Count}, ended {again.Ended.Count}, stays {again.Stays.Count}");
        Assert.Equal(world.Ties.Count, again.Kept.Count);
    }

    [Fact]
    public void Each_township_leader_takes_the_most_backward_village_first_and_says_why()
    {
        var world = PlanWorlds.Planned(PlanWorlds.World());
        var backward = world.Ties.Where(t => t.Kind == TieKind.BackwardVillage && t.DivisionCode.StartsWith("370801001", StringComparison.Ordinal)).OrderBy(t => t.Id).ToList();

        Assert.Equal(2, backward.Count);
        Assert.Equal("370801001203", backward[0].DivisionCode); // village 3: backward organisation, difficult
        Assert.Contains("党组织后进 +30", backward[0].Reason, StringComparison.Ordinal);
        Assert.Contains("倒排第 1/10", backward[0].Reason, StringComparison.Ordinal);
        Assert.Contains("backward party organisation +30", backward[0].ReasonEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Leaders_contact_points_nest_and_county_leaders_stay_in_their_county()
    {
        var world = PlanWorlds.Planned(PlanWorlds.World());
        foreach (var leader in world.Cadres.Where(c => c.Rank is CadreRank.CityLeader or CadreRank.CountyLeader))
        {
            var points = world.Ties.Where(t => t.CadreId == leader.Id).Select(t => t.DivisionCode).OrderBy(c => c.Length).ToList();
            Assert.Equal(leader.Rank == CadreRank.CityLeader ? 3 : 2, points.Count);
            for (var i = 1; i < points.Count; i++)
            {
                Assert.StartsWith(points[i - 1], points[i], StringComparison.Ordinal);
            }
            if (leader.Rank == CadreRank.CountyLeader)
            {
                Assert.StartsWith(world.UnitOf(leader)!.DivisionCode, points[0], StringComparison.Ordinal);
            }
        }
        // The two city leaders link different counties: the planner spreads them.
        var cityCounties = world.Ties.Where(t => t.Kind == TieKind.ContactPoint && t.DivisionCode.Length == 6).Select(t => t.DivisionCode).ToList();
        Assert.Equal(cityCounties.Count, cityCounties.Distinct().Count());
    }

    [Fact]
    public void A_unit_pairs_with_a_village_whose_needs_match_its_category_and_stays_there_each_half_year()
    {
        var world = PlanWorlds.Planned(PlanWorlds.World());
        var police = world.Units.Values.Single(u => u.Name == "县1公安局");
        var pairing = world.Ties.Single(t => t.Kind == TieKind.Pairing && t.UnitId == police.Id);

        Assert.True(world.Places[pairing.DivisionCode].Type.HasFlag(VillageType.Disorderly));
        var stays = world.Stays[pairing.Id].ToList();
        Assert.Contains(stays, s => s.StartsOn.Month <= 6);
        Assert.Contains(stays, s => s.StartsOn.Month > 6);
    }

    [Fact]
    public void A_tie_made_by_hand_is_kept_even_where_the_planner_would_not_put_it()
    {
        var first = PlanWorlds.Planned(PlanWorlds.World());
        var officer = first.Cadres.First(c => c.IsPolice && c.Rank == CadreRank.Ordinary);
        var planned = first.Ties.Single(t => t.CadreId == officer.Id);
        var elsewhere = first.VillagesOfTownship(planned.DivisionCode[..9]).First(v => v.Code != planned.DivisionCode).Code;
        var manual = new LiaisonTie { Id = 999, Year = PlanWorlds.Year, Kind = TieKind.Police, CadreId = officer.Id, DivisionCode = elsewhere, Origin = TieOrigin.Manual, Reason = "调整" };
        var edited = PlanWorlds.With(first, first.Ties.Where(t => t.Id != planned.Id).Append(manual));

        var outcome = LiaisonPlanner.Plan(edited, PlanWorlds.Today);

        Assert.Contains(manual, outcome.Kept);
        Assert.DoesNotContain(outcome.Added, t => t.CadreId == officer.Id);
    }

    [Fact]
    public void A_planner_tie_that_became_invalid_is_ended_and_replaced_with_the_reason()
    {
        var first = PlanWorlds.Planned(PlanWorlds.World());
        var leader = first.Cadres.First(c => c.Rank == CadreRank.CountyLeader);
        var village = first.Ties.Single(t => t.CadreId == leader.Id && t.DivisionCode.Length == 12);
        // Moved (by a bug or an old plan) into the other county.
        var other = village.DivisionCode.StartsWith("370801", StringComparison.Ordinal) ? "370802001201" : "370801001201";
        var broken = new LiaisonTie { Id = village.Id, Year = village.Year, Kind = village.Kind, CadreId = leader.Id, DivisionCode = other, Origin = TieOrigin.Planner };
        var world = PlanWorlds.With(first, first.Ties.Where(t => t.Id != village.Id).Append(broken));

        var outcome = LiaisonPlanner.Plan(world, PlanWorlds.Today);

        var ended = Assert.Single(outcome.Ended);
        Assert.Equal(broken.Id, ended.Tie.Id);
        Assert.Contains("[contact.within]", ended.ReasonEn, StringComparison.Ordinal);
        Assert.True(LiaisonChecker.Check(PlanWorlds.Apply(world, outcome)).IsClean);
    }

    [Fact]
    public void A_locked_planner_tie_is_kept_even_when_it_breaks_a_rule()
    {
        var first = PlanWorlds.Planned(PlanWorlds.World());
        var leader = first.Cadres.First(c => c.Rank == CadreRank.CountyLeader && first.UnitOf(c)!.DivisionCode == "370801");
        var village = first.Ties.Single(t => t.CadreId == leader.Id && t.DivisionCode.Length == 12);
        var locked = new LiaisonTie { Id = village.Id, Year = village.Year, Kind = village.Kind, CadreId = leader.Id, DivisionCode = "370802001201", Origin = TieOrigin.Planner, Locked = true };
        var world = PlanWorlds.With(first, first.Ties.Where(t => t.Id != village.Id).Append(locked));

        var outcome = LiaisonPlanner.Plan(world, PlanWorlds.Today);

        Assert.Contains(locked, outcome.Kept);
        Assert.Empty(outcome.Ended);
        Assert.Contains(LiaisonChecker.Check(PlanWorlds.Apply(world, outcome)).Violations, v => v.Rule.Id == "contact.within");
    }

    [Fact]
    public void Too_few_township_leaders_give_a_plan_with_the_gap_listed_never_a_crash()
    {
        // 30% backward share: 3 backward villages per township, 2 leaders.
        var policy = ProgrammePolicy.Jining(PlanWorlds.Year) with { Backward = new BackwardVillageRules { Share = 0.3 } };
        var world = PlanWorlds.Planned(PlanWorlds.World(policy));
        var check = LiaisonChecker.Check(world);

        var gaps = check.Violations.Where(v => v.Rule == LiaisonRules.BackwardTaken).ToList();
        Assert.Equal(4, gaps.Count);
        Assert.All(gaps, g => Assert.Contains("3 backward villages, but 2 township leaders × the policy's 1 each = 2", g.DetailEn, StringComparison.Ordinal));
        Assert.All(gaps, g => Assert.Contains("乡镇班子成员 2 人 × 政策规定每人包保 1 个 = 2 个", g.DetailZh, StringComparison.Ordinal));
        Assert.Equal(40, check.Coverage.Covered);
    }

    [Fact]
    public void No_township_leaders_at_all_leave_backward_villages_untaken_and_listed()
    {
        var world = PlanWorlds.Planned(PlanWorlds.World(townshipLeaders: 0));
        var check = LiaisonChecker.Check(world);

        Assert.Equal(4, check.Violations.Count(v => v.Rule == LiaisonRules.BackwardTaken));
        Assert.Equal(40, check.Coverage.Covered);
    }
}
