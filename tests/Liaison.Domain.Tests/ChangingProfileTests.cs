using Liaison.Domain.Divisions;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Policy;
using Liaison.Domain.Secretaries;

namespace Liaison.Domain.Tests;

/// <summary>The plan and the First Secretary cycle when the village profiles change or are missing (issue 19, items 1 and 6).</summary>
public class ChangingProfileTests
{
    /// <summary>The world with each village's grade (and coordinates) replaced; roster and ties as they are.</summary>
    private static LiaisonWorld Regraded(LiaisonWorld world, Func<Place, Place> change) =>
        new(world.Policy, world.Places.Values.Select(p => p.Level == DivisionLevel.Village ? change(p) : p), world.Units.Values, world.Cadres,
            world.Ties, world.Ties.SelectMany(t => world.Stays[t.Id]));

    /// <summary>Village 3 of every township stops being backward; village 9 becomes so.</summary>
    private static Place Swap(Place p) => p.Code[^3..] switch
    {
        "203" => p with { Grade = PartyOrgGrade.Advanced, Type = VillageType.None },
        "209" => p with { Grade = PartyOrgGrade.Backward, Type = VillageType.Difficult },
        _ => p,
    };

    [Fact]
    public void Re_planning_after_grades_changed_moves_a_leader_onto_the_village_that_became_backward_and_explains_both_ends()
    {
        var planned = PlanWorlds.Planned(PlanWorlds.World());
        var regraded = Regraded(planned, Swap);
        Assert.Equal(4, LiaisonChecker.Check(regraded).Violations.Count(v => v.Rule == LiaisonRules.BackwardTaken));

        var outcome = LiaisonPlanner.Plan(regraded, PlanWorlds.Today.AddDays(60));

        var ended = outcome.Ended.Where(e => e.Tie.Kind == TieKind.BackwardVillage).ToList();
        var added = outcome.Added.Where(t => t.Kind == TieKind.BackwardVillage).ToList();
        Assert.Equal(4, ended.Count); // one move per township
        Assert.Equal(4, added.Count);
        Assert.All(added, t => Assert.EndsWith("209", t.DivisionCode, StringComparison.Ordinal));
        Assert.All(ended, e => Assert.StartsWith("改包保：", e.ReasonZh, StringComparison.Ordinal));
        Assert.All(ended, e => Assert.Contains("is no longer backward", e.ReasonEn, StringComparison.Ordinal));
        foreach (var tie in added)
        {
            // The leader who left a village is the one who takes the new backward one, and says both.
            Assert.Contains(ended, e => e.Tie.CadreId == tie.CadreId);
            Assert.StartsWith("改包保：原包保的", tie.Reason, StringComparison.Ordinal);
            Assert.Contains("后进村：", tie.Reason, StringComparison.Ordinal);
            Assert.StartsWith("moved: ", tie.ReasonEn, StringComparison.Ordinal);
        }
        var after = PlanWorlds.Apply(regraded, outcome);
        Assert.DoesNotContain(LiaisonChecker.Check(after).Violations, v => v.Rule == LiaisonRules.BackwardTaken || v.Rule == LiaisonRules.BackwardOne);
        // And planning once more changes nothing.
        Assert.True(LiaisonPlanner.Plan(after, PlanWorlds.Today.AddDays(90)).ChangesNothing);
    }

    [Fact]
    public void When_leaders_places_are_held_by_hand_the_gap_names_that_cause_not_the_roster()
    {
        var planned = PlanWorlds.Planned(PlanWorlds.World());
        foreach (var tie in planned.Ties.Where(t => t.Kind == TieKind.BackwardVillage))
        {
            tie.Origin = TieOrigin.Manual;
        }
        var regraded = Regraded(planned, Swap);

        var after = PlanWorlds.Apply(regraded, LiaisonPlanner.Plan(regraded, PlanWorlds.Today.AddDays(60)));
        var gaps = LiaisonChecker.Check(after).Violations.Where(v => v.Rule == LiaisonRules.BackwardTaken).ToList();

        Assert.Equal(4, gaps.Count);
        Assert.All(gaps, g => Assert.Contains("被手工或锁定的安排占用在非后进村", g.DetailZh, StringComparison.Ordinal));
        Assert.All(gaps, g => Assert.Contains("re-planning keeps hand-made ties", g.DetailEn, StringComparison.Ordinal));
        Assert.All(gaps, g => Assert.DoesNotContain("roster", g.DetailEn, StringComparison.Ordinal));
    }

    [Fact]
    public void Too_few_leaders_and_no_leaders_are_told_apart()
    {
        var none = LiaisonChecker.Check(PlanWorlds.Planned(PlanWorlds.World(townshipLeaders: 0))).Violations.First(v => v.Rule == LiaisonRules.BackwardTaken);
        Assert.Contains("the roster has no township leaders in this township", none.DetailEn, StringComparison.Ordinal);
        Assert.Contains("花名册中该乡镇没有乡镇班子成员", none.DetailZh, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_citys_villages_without_profiles_are_named_as_the_gap_and_police_villages_say_code_order()
    {
        var bare = Regraded(PlanWorlds.World(), p => p with { Grade = null, Type = VillageType.None, Latitude = null, Longitude = null });
        bare = new LiaisonWorld(bare.Policy, bare.Places.Values.Select(p => p with { Latitude = null, Longitude = null }), bare.Units.Values, bare.Cadres, [], []);

        var gaps = ProfileGaps.Of(bare.Places.Values);
        Assert.Equal(new ProfileGaps(40, 40, 40, 40), gaps);
        Assert.Equal("40 个村没有党组织等级：无法排定后进村——请导入村情或在村页面定级", gaps.Grades!.Value.Zh);
        Assert.Equal("40 villages have no grade: backward villages cannot be ranked — import village profiles or grade them on the village pages", gaps.Grades!.Value.En);
        Assert.Equal(2, gaps.ForPlan.Count);

        var police = LiaisonPlanner.Plan(bare, PlanWorlds.Today).Added.Where(t => t.Kind == TieKind.Police).ToList();
        Assert.NotEmpty(police);
        Assert.All(police, t => Assert.Contains("no coordinates", t.ReasonEn, StringComparison.Ordinal));
        Assert.All(police, t => Assert.Contains("chosen by code order", t.ReasonEn, StringComparison.Ordinal));
        Assert.All(police, t => Assert.DoesNotContain("nearest", t.ReasonEn, StringComparison.Ordinal));
        Assert.All(police, t => Assert.Contains("按代码顺序选定", t.Reason, StringComparison.Ordinal));

        // Profiles imported (grades and coordinates): nothing more to say.
        Assert.Empty(ProfileGaps.Of(PlanWorlds.World().Places.Values).ForPlan);
    }

    [Fact]
    public void Police_of_a_township_without_coordinates_measure_from_its_villages_centre_and_say_so()
    {
        var world = PlanWorlds.World();
        world = new LiaisonWorld(world.Policy, world.Places.Values.Select(p => p.Level == DivisionLevel.Village ? p : p with { Latitude = null, Longitude = null }),
            world.Units.Values, world.Cadres, [], []);

        var police = LiaisonPlanner.Plan(world, PlanWorlds.Today).Added.Where(t => t.Kind == TieKind.Police).ToList();

        Assert.All(police, t => Assert.Contains("measured from the centre of", t.ReasonEn, StringComparison.Ordinal));
        Assert.All(police, t => Assert.Contains("nearest", t.ReasonEn, StringComparison.Ordinal));
    }

    [Fact]
    public void No_call_opens_without_profiles_and_the_reason_says_so_in_both_languages()
    {
        var bare = PlanWorlds.World().Places.Values.Select(p => p with { Grade = null, Type = VillageType.None }).ToList();
        var rules = new FirstSecretaryRules();

        Assert.DoesNotContain(bare, rules.Needs);
        var why = Calls.WhyNone(rules, bare);
        Assert.Equal("40 个村都没有党组织等级和村情类型：无法判断哪些村需要第一书记——请导入村情或在村页面定级", why.Zh);
        Assert.Contains("import village profiles", why.En, StringComparison.Ordinal);

        var advanced = bare.Select(p => p.Level == DivisionLevel.Village ? p with { Grade = PartyOrgGrade.Advanced } : p).ToList();
        Assert.Contains("none of the 40 villages is (0 not graded)", Calls.WhyNone(rules, advanced).En, StringComparison.Ordinal);
        Assert.Contains("名额均为 0", Calls.WhyNone(rules with { CityQuota = 0, CountyQuota = 0, TownshipQuota = 0 }, PlanWorlds.World().Places.Values).Zh, StringComparison.Ordinal);
    }

    [Theory]
    // Home township 370830001 holds every village in need of the township's call: not selected, with the reason.
    [InlineData("370830001", "370830001005", new[] { "370830001001", "370830001002" }, true)]
    // A county call with a village elsewhere: selected as usual.
    [InlineData("370830", "370830001005", new[] { "370830001001", "370830102001" }, false)]
    // The home is not known, or avoidance is off: nothing to exclude.
    [InlineData("370830001", null, new[] { "370830001001" }, false)]
    public void A_candidate_who_could_only_be_posted_home_is_not_selected_and_told_why(string callDivision, string? home, string[] needy, bool excluded)
    {
        var call = new SecretaryCall { Id = 1, Year = 2026, Level = DispatchLevel.Township, DivisionCode = callDivision, Quota = 5 };
        var applicant = new Applicant(new SecretaryCandidate { Id = 1, CallId = 1, CadreId = 1, HomeDivisionCode = home, PoliticalQuality = 90, Innovation = 90, MassWork = 90, Coordination = 90 },
            new RosterCadre(1, "C001", "干部1", 1, CadreRank.Ordinary, false, false, false, 1990));

        var outcome = Selection.Select(call, [applicant], new FirstSecretaryRules(), needy).Single();

        Assert.Equal(!excluded, outcome.Selected);
        if (excluded)
        {
            Assert.Contains("回避：本次选派范围内需要第一书记的 2 个村都在本人家乡乡镇（370830001）", outcome.ReasonZh, StringComparison.Ordinal);
            Assert.Contains("avoidance: all 2 villages in need", outcome.ReasonEn, StringComparison.Ordinal);
        }
        Assert.True(Selection.Select(call, [applicant], new FirstSecretaryRules { AvoidHomeTownship = false }, needy).Single().Selected);
    }

    [Theory]
    [InlineData("""{ "year": 2026, "firstSecretaries": { "needGrades": ["backward", "excellent"] } }""", "firstSecretaries.needGrades", "advanced, general, backward")]
    [InlineData("""{ "year": 2026, "backward": { "rounding": "sideways" } }""", "backward.rounding", "up, down, nearest")]
    public void An_unknown_policy_value_lists_the_allowed_ones_instead_of_a_conversion_error(string json, string path, string allowed)
    {
        var (policy, problems) = PolicyDocument.Parse(json);

        Assert.Null(policy);
        var problem = Assert.Single(problems);
        Assert.Equal("policy.value", problem.Rule);
        Assert.StartsWith(path, problem.Path, StringComparison.Ordinal);
        Assert.Contains(allowed, problem.En, StringComparison.Ordinal);
        Assert.Contains("可用的取值为：" + allowed, problem.Zh, StringComparison.Ordinal);
        Assert.DoesNotContain("could not be converted", problem.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_reads_types_and_grades_as_offices_write_them_and_refuses_what_does_not_fit()
    {
        Assert.True(VillageProfiles.TryParseTypes("难村、乱村", out var types, out _));
        Assert.Equal(VillageType.Difficult | VillageType.Disorderly, types);
        Assert.True(VillageProfiles.TryParseTypes("poor, specialised", out types, out _));
        Assert.Equal(VillageType.Poor | VillageType.Specialised, types);
        Assert.False(VillageProfiles.TryParseTypes("难村、富村", out _, out var unknown));
        Assert.Equal("富村", unknown);
        Assert.True(VillageProfiles.TryParseGrade("未定级", out var grade));
        Assert.Null(grade);
        Assert.True(VillageProfiles.TryParseGrade("后进", out grade));
        Assert.Equal(PartyOrgGrade.Backward, grade);
        Assert.False(VillageProfiles.TryParseGrade("较差", out _));

        var bad = VillageProfiles.Problems(new VillageProfile { VillageCode = "370830001001", Year = 2026, Latitude = 116.5, Longitude = 35.4, Population = -1, UpdatedBy = "x" });
        Assert.Equal(["latitude", "longitude", "population"], bad.Select(p => p.Field));
    }
}
