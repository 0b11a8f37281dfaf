using Liaison.Domain.People;

namespace Liaison.Domain.Tests;

public class RegistryRulesTests
{
    [Theory]
    [InlineData(CadreStatus.Active, RegistryAction.Retired, CadreStatus.Retired, true)]
    [InlineData(CadreStatus.Active, RegistryAction.Transferred, CadreStatus.Active, true)]
    [InlineData(CadreStatus.Active, RegistryAction.Suspended, CadreStatus.Suspended, true)]
    [InlineData(CadreStatus.Suspended, RegistryAction.Reinstated, CadreStatus.Active, true)]
    [InlineData(CadreStatus.Suspended, RegistryAction.Died, CadreStatus.Deceased, true)]
    [InlineData(CadreStatus.Suspended, RegistryAction.Transferred, CadreStatus.Suspended, false)]
    [InlineData(CadreStatus.Active, RegistryAction.Reinstated, CadreStatus.Active, false)]
    [InlineData(CadreStatus.Retired, RegistryAction.Retired, CadreStatus.Retired, false)]
    [InlineData(CadreStatus.Deceased, RegistryAction.Edited, CadreStatus.Deceased, false)]
    public void A_cadres_change_leads_to_its_status_or_is_refused(CadreStatus from, RegistryAction action, CadreStatus to, bool open)
    {
        var (next, problem) = RegistryRules.CadreNext(from, action);
        Assert.Equal(to, next);
        Assert.Equal(open, problem is null);
        if (problem is not null)
        {
            Assert.Equal("not-open", problem.Code);
        }
    }

    [Theory]
    [InlineData(HouseholdStatus.Current, RegistryAction.MovedOut, HouseholdStatus.MovedOut, true)]
    [InlineData(HouseholdStatus.Current, RegistryAction.Merged, HouseholdStatus.Merged, true)]
    [InlineData(HouseholdStatus.Current, RegistryAction.Split, HouseholdStatus.Current, true)]
    [InlineData(HouseholdStatus.MovedOut, RegistryAction.Split, HouseholdStatus.MovedOut, false)]
    [InlineData(HouseholdStatus.Merged, RegistryAction.Edited, HouseholdStatus.Merged, false)]
    public void A_households_change_leads_to_its_status_or_is_refused(HouseholdStatus from, RegistryAction action, HouseholdStatus to, bool open)
    {
        var (next, problem) = RegistryRules.HouseholdNext(from, action);
        Assert.Equal((to, open), (next, problem is null));
    }

    [Theory]
    [InlineData(UnitStatus.Open, RegistryAction.Merged, UnitStatus.Merged, true)]
    [InlineData(UnitStatus.Open, RegistryAction.Closed, UnitStatus.Closed, true)]
    [InlineData(UnitStatus.Open, RegistryAction.Renamed, UnitStatus.Open, true)]
    [InlineData(UnitStatus.Closed, RegistryAction.Renamed, UnitStatus.Closed, false)]
    [InlineData(UnitStatus.Merged, RegistryAction.Merged, UnitStatus.Merged, false)]
    public void A_units_change_leads_to_its_status_or_is_refused(UnitStatus from, RegistryAction action, UnitStatus to, bool open)
    {
        var (next, problem) = RegistryRules.UnitNext(from, action);
        Assert.Equal((to, open), (next, problem is null));
    }

    [Theory]
    [InlineData(RegistryAction.Transferred, true)]
    [InlineData(RegistryAction.Retired, true)]
    [InlineData(RegistryAction.Left, true)]
    [InlineData(RegistryAction.Died, true)]
    [InlineData(RegistryAction.Suspended, false)]
    [InlineData(RegistryAction.Edited, false)]
    public void Leaving_the_post_ends_the_ties_a_suspension_waits_for_the_replan(RegistryAction action, bool ends) =>
        Assert.Equal(ends, RegistryRules.EndsTies(action));

    [Theory]
    [InlineData("2026-03-01", null, "2026-03-01", true)]
    [InlineData("2026-03-01", null, "2026-02-28", false)]
    [InlineData("2026-03-01", "2026-07-01", "2026-06-30", true)]
    [InlineData("2026-03-01", "2026-07-01", "2026-07-01", false)]
    public void A_tie_holds_from_its_first_day_up_to_the_day_before_it_ended(string since, string? until, string day, bool held) =>
        Assert.Equal(held, RegistryRules.HeldOn(DateOnly.Parse(since, System.Globalization.CultureInfo.InvariantCulture),
            until is null ? null : DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_tie_ended_before_it_began_ends_where_it_began_and_a_change_in_the_future_is_refused()
    {
        var since = new DateOnly(2026, 4, 1);
        Assert.Equal(since, RegistryRules.EndOf(since, new DateOnly(2026, 3, 1)));
        Assert.Equal(new DateOnly(2026, 5, 1), RegistryRules.EndOf(since, new DateOnly(2026, 5, 1)));
        var today = new DateOnly(2026, 6, 1);
        Assert.Equal(["on-in-future", "reason-missing"], RegistryRules.DayAndReason(today.AddDays(1), today, " ", reasonNeeded: true).Select(p => p.Code));
        Assert.Empty(RegistryRules.DayAndReason(today, today, null, reasonNeeded: false));
    }
}
