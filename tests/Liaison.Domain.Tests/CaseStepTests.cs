using Liaison.Domain.Cases;
using Liaison.Domain.People;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;

namespace Liaison.Domain.Tests;

/// <summary>The rules of a step on a case (<see cref="CaseSteps"/>), as tables: no database.</summary>
public class CaseStepTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 10, 0, 0, ChinaTime.Offset);
    private static readonly CaseRules Rules = new() { MaxBounces = 2 };

    private static Case Open(CaseStatus status = CaseStatus.Accepted, CaseLevel level = CaseLevel.Village, int? unit = null, int bounces = 0) => new()
    {
        Id = 7,
        TrackingCode = "T7",
        Category = "infrastructure",
        VillageCode = "370830001001",
        Description = "路灯不亮",
        ReceivedBy = "cadre",
        Status = status,
        Level = level,
        HolderDivision = CaseLifecycle.DivisionAt("370830001001", level),
        HolderUnitId = unit,
        Bounces = bounces,
        DueOn = new DateOnly(2026, 6, 20),
    };

    private static StepOutcome Apply(Case c, CaseStepInput step, StepUnit? unit = null, MergeTarget? target = null) =>
        CaseSteps.Apply(c, step, new StepFacts(Now, "office", Rules, unit, target));

    public static TheoryData<CaseAction, string?, string> NeedsANote => new()
    {
        { CaseAction.Escalate, null, "note" },
        { CaseAction.Resolve, "  ", "note" },
        { CaseAction.CloseNotFixed, null, "note" },
        { CaseAction.Resolve, new string('长', CaseSteps.MaxNote + 1), "note" },
    };

    [Theory]
    [MemberData(nameof(NeedsANote))]
    public void Closing_or_escalating_needs_a_reply_to_the_person_within_the_length(CaseAction action, string? note, string field)
    {
        var c = Open();
        var outcome = Apply(c, new CaseStepInput(action, note));
        Assert.Equal(field, outcome.Refusal?.Field);
        Assert.Empty(outcome.Steps);
        Assert.Equal((CaseStatus.Accepted, 0), (c.Status, c.Version));
    }

    [Fact]
    public void The_clock_escalates_without_a_note_and_the_case_takes_the_next_level_and_its_deadline()
    {
        var c = Open();
        var outcome = Apply(c, new CaseStepInput(CaseAction.AutoEscalate));
        Assert.Null(outcome.Refusal);
        Assert.True(outcome.LevelChanged);
        Assert.Equal((CaseLevel.Township, "370830001", CaseStatus.Escalated, 1), (c.Level, c.HolderDivision, c.Status, c.Escalations));
        // Ten working days at the township from Monday 15 June.
        Assert.Equal(new WorkCalendar([], []).AddWorkingDays(new DateOnly(2026, 6, 15), Rules.DeadlinesFor(c.Category).Township), c.DueOn);
    }

    [Fact]
    public void Passing_a_case_on_past_the_bounce_limit_sends_it_up_as_the_systems_own_step()
    {
        // Two bounces allowed: the third change of unit at one level goes up.
        var c = Open(CaseStatus.Assigned, unit: 1, bounces: 2);
        var outcome = Apply(c, new CaseStepInput(CaseAction.Assign, UnitId: 2), new StepUnit(2, true));
        Assert.Equal([("office", CaseAction.Assign, CaseStatus.Assigned, CaseLevel.Village), ("system", CaseAction.AutoEscalate, CaseStatus.Escalated, CaseLevel.Township)],
            outcome.Steps.Select(s => (s.Actor, s.Action, s.To, s.Level)));
        Assert.Equal((0, (int?)null), (c.Bounces, c.HolderUnitId));

        // Within the limit it stays; the first assignment is no bounce; at the city there is nowhere to go.
        var within = Open(CaseStatus.Assigned, unit: 1, bounces: 1);
        Assert.False(Apply(within, new CaseStepInput(CaseAction.Assign, UnitId: 2), new StepUnit(2, true)).LevelChanged);
        Assert.Equal((2, 2), (within.Bounces, within.HolderUnitId));
        var first = Open();
        Apply(first, new CaseStepInput(CaseAction.Assign, UnitId: 2), new StepUnit(2, true));
        Assert.Equal(0, first.Bounces);
        var city = Open(CaseStatus.Assigned, CaseLevel.City, unit: 1, bounces: 5);
        Assert.Single(Apply(city, new CaseStepInput(CaseAction.Assign, UnitId: 2), new StepUnit(2, true)).Steps);
    }

    public static TheoryData<CaseStepInput, StepUnit?, MergeTarget?, string> Refused => new()
    {
        { new CaseStepInput(CaseAction.Assign), null, null, "unitId" },
        { new CaseStepInput(CaseAction.Assign, UnitId: 9), null, null, "unitId" },
        { new CaseStepInput(CaseAction.Assign, UnitId: 9), new StepUnit(9, false), null, "unitId" },
        { new CaseStepInput(CaseAction.Merge, MergeIntoCode: "X"), null, null, "mergeInto" },
        { new CaseStepInput(CaseAction.Merge, MergeIntoCode: "X"), null, new MergeTarget(7, CaseStatus.Accepted, true), "mergeInto" },
        { new CaseStepInput(CaseAction.Merge, MergeIntoCode: "X"), null, new MergeTarget(8, CaseStatus.Merged, true), "mergeInto" },
        { new CaseStepInput(CaseAction.Merge, MergeIntoCode: "X"), null, new MergeTarget(8, CaseStatus.Accepted, false), "mergeInto" },
        { new CaseStepInput(CaseAction.Reopen), null, null, "action" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_unit_or_case_out_of_reach_missing_or_unfit_is_refused_naming_the_field(CaseStepInput step, StepUnit? unit, MergeTarget? target, string field)
    {
        Assert.Equal(field, Apply(Open(), step, unit, target).Refusal?.Field);
    }

    [Fact]
    public void A_follow_up_saying_not_solved_opens_the_case_again_with_a_fresh_deadline()
    {
        var c = Open(CaseStatus.Resolved);
        var outcome = Apply(c, new CaseStepInput(CaseAction.FollowUp, Solved: false, Satisfaction: 2));
        Assert.Equal((CaseStatus.Accepted, 1, (int?)2, (bool?)null), (c.Status, c.Reopens, c.Satisfaction, c.OnTime));
        Assert.Equal("solved=False; satisfaction=2", Assert.Single(outcome.Steps).Note);
        Assert.Equal("satisfaction", Apply(Open(CaseStatus.Resolved), new CaseStepInput(CaseAction.FollowUp, Solved: true, Satisfaction: 6)).Refusal?.Field);
    }

    [Fact]
    public void Closing_on_or_before_the_due_day_is_on_time()
    {
        var early = Open();
        Apply(early, new CaseStepInput(CaseAction.Resolve, "已修复"));
        var late = Open();
        late.DueOn = new DateOnly(2026, 6, 14);
        Apply(late, new CaseStepInput(CaseAction.Resolve, "已修复"));
        Assert.Equal(((bool?)true, (bool?)false), (early.OnTime, late.OnTime));
        Assert.Equal(("已修复", (DateTimeOffset?)Now), (early.Reply, early.RepliedAt));
    }

    [Fact]
    public void A_case_at_the_county_goes_to_its_categorys_unit_holding_the_fewest_open_cases()
    {
        var rules = new CaseRules();
        var county = Open(level: CaseLevel.County);
        Assert.Equal(UnitCategory.Economic, CaseSteps.RoutedTo(county, rules));
        Assert.Null(CaseSteps.RoutedTo(Open(level: CaseLevel.Township), rules));
        Assert.Equal(3, CaseSteps.Choose([(1, "B", 4), (2, "C", 2), (3, "A", 2)]));
        Assert.Null(CaseSteps.Choose([]));
    }
}
