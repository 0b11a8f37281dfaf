using Liaison.Domain.Cases;
using Liaison.Domain.Policy;

namespace Liaison.Domain.Tests;

public class CaseTests
{
    [Fact]
    public void A_step_the_life_cycle_does_not_allow_is_refused_naming_the_allowed_ones()
    {
        Assert.Null(CaseLifecycle.Next(CaseStatus.Resolved, CaseAction.Resolve, CaseKind.Problem));
        var (zh, en) = CaseLifecycle.Refusal(CaseStatus.Resolved, CaseAction.Resolve, CaseKind.Problem);
        Assert.Contains("重新办理", zh, StringComparison.Ordinal);
        Assert.Contains("回访", zh, StringComparison.Ordinal);
        Assert.Equal("a case that is resolved cannot be resolved; allowed: reopened, followed up", en);
        // Withdrawn and merged cases are done with.
        Assert.Contains("nothing more", CaseLifecycle.Refusal(CaseStatus.Withdrawn, CaseAction.Reopen, CaseKind.Problem).En, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_suggestion_is_adopted_and_the_clock_escalates_any_open_case()
    {
        Assert.Equal(CaseStatus.Adopted, CaseLifecycle.Next(CaseStatus.Accepted, CaseAction.Adopt, CaseKind.Suggestion));
        Assert.Null(CaseLifecycle.Next(CaseStatus.Accepted, CaseAction.Adopt, CaseKind.Problem));
        Assert.StartsWith("only a suggestion", CaseLifecycle.Refusal(CaseStatus.Accepted, CaseAction.Adopt, CaseKind.Problem).En, StringComparison.Ordinal);
        foreach (var open in new[] { CaseStatus.Received, CaseStatus.Accepted, CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Escalated })
        {
            Assert.Equal(CaseStatus.Escalated, CaseLifecycle.Next(open, CaseAction.AutoEscalate, CaseKind.Problem));
        }
        Assert.Null(CaseLifecycle.Next(CaseStatus.Resolved, CaseAction.AutoEscalate, CaseKind.Problem));
        Assert.Equal(CaseStatus.Accepted, CaseLifecycle.Next(CaseStatus.ClosedNotFixed, CaseAction.Reopen, CaseKind.Problem));
    }

    [Fact]
    public void Cases_go_up_the_division_tree_to_the_city_and_no_further()
    {
        Assert.Equal("370830001", CaseLifecycle.DivisionAt("370830001001", CaseLevel.Township));
        Assert.Equal("370830", CaseLifecycle.DivisionAt("370830001001", CaseLevel.County));
        Assert.Equal("3708", CaseLifecycle.DivisionAt("370830001001", CaseLevel.City));
        Assert.Equal(CaseLevel.County, CaseLifecycle.Above(CaseLevel.Township));
        Assert.Null(CaseLifecycle.Above(CaseLevel.City));
    }

    [Fact]
    public void Working_days_skip_weekends_and_holidays_and_count_worked_weekend_days()
    {
        // National Day 2026: 1–7 October off, Saturday 10 October worked in exchange.
        var holidays = Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d));
        var calendar = new WorkCalendar(holidays, [new DateOnly(2026, 10, 10)]);
        // From Wednesday 30 September: 1–7 off, Thursday 8, Friday 9, Saturday 10 (worked), Monday 12, Tuesday 13.
        Assert.Equal(new DateOnly(2026, 10, 13), calendar.AddWorkingDays(new DateOnly(2026, 9, 30), 5));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 5)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 11)));
        Assert.Equal(5, calendar.WorkingDaysBetween(new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 13)));
        // An ordinary week: Friday plus 1 working day is Monday.
        Assert.Equal(new DateOnly(2026, 11, 30), new WorkCalendar([], []).AddWorkingDays(new DateOnly(2026, 11, 27), 1));
    }

    [Fact]
    public void Tracking_codes_are_random_unambiguous_and_typed_any_way()
    {
        var codes = Enumerable.Range(0, 5_000).Select(_ => TrackingCode.New()).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Equal(c, TrackingCode.Normalize(c)));
        Assert.DoesNotContain(codes, c => c.IndexOfAny(['0', 'O', '1', 'I', 'L']) >= 0);
        // Every character position varies: nothing sequential or fixed to guess from.
        Assert.All(Enumerable.Range(0, TrackingCode.Length), i => Assert.True(codes.Select(c => c[i]).Distinct().Count() > 20));
        var code = codes[0];
        Assert.Equal(code, TrackingCode.Normalize(TrackingCode.Display(code).ToLowerInvariant()));
        Assert.Null(TrackingCode.Normalize("1234"));
        Assert.Null(TrackingCode.Normalize("<script>alert(1)</script>"));
    }

    [Fact]
    public void The_case_rules_are_checked_before_a_policy_is_stored()
    {
        var bad = ProgrammePolicy.Jining(2026) with
        {
            Cases = new CaseRules
            {
                Categories = [new() { Code = "roads", Name = "道路" }, new() { Code = "roads", Name = "又一个" }],
                Deadlines = new CaseDeadlines { Village = 0 },
                MaxBounces = 0,
                Holidays = [new DateOnly(2026, 10, 1)],
                WorkedWeekendDays = [new DateOnly(2026, 10, 1)],
            },
        };
        var rules = PolicyValidation.Validate(bad).Select(p => p.Rule).ToHashSet();
        Assert.Superset(new HashSet<string> { "cases.categories", "cases.deadlines", "cases.bounces", "cases.calendar" }, rules);
        Assert.Empty(PolicyValidation.Validate(ProgrammePolicy.Jining(2026)));
    }
}
