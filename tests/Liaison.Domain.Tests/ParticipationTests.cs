using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Policy;

namespace Liaison.Domain.Tests;

/// <summary>What taking part means under a city's policy, and the month a cadre is counted in.</summary>
public class ParticipationTests
{
    private static int[] Months(params (int Month, int Count)[] values)
    {
        var months = new int[12];
        foreach (var (m, n) in values)
        {
            months[m - 1] = n;
        }
        return months;
    }

    [Theory]
    // No minimum: one visit or one day, whichever comes first.
    [InlineData(0, 0, 4, 1, 6, 1, 4)]
    [InlineData(0, 0, 0, 0, 6, 1, 6)]
    [InlineData(0, 0, 0, 0, 0, 0, null)]
    // Two visits asked: the second visit's month; days do not stand in for visits.
    [InlineData(2, 0, 4, 1, 6, 30, null)]
    [InlineData(2, 0, 4, 2, 6, 30, 4)]
    // Visits and days both asked: the month both are reached.
    [InlineData(1, 3, 2, 1, 9, 3, 9)]
    [InlineData(1, 3, 9, 1, 2, 3, 9)]
    public void A_cadre_is_counted_in_the_month_their_records_reach_the_minimums(int minVisits, int minDays, int visitMonth, int visits, int dayMonth, int days, int? expected)
    {
        var rules = new ParticipationRules { MinimumVisits = minVisits, MinimumDays = minDays };
        Assert.Equal(expected, Participation.MetIn(Months((visitMonth == 0 ? 1 : visitMonth, visits)), Months((dayMonth == 0 ? 1 : dayMonth, days)), rules));
    }

    [Fact]
    public void A_period_counts_only_its_own_months()
    {
        var rules = new ParticipationRules { MinimumVisits = 2 };
        var visits = Months((3, 1), (7, 1), (8, 1));
        Assert.Equal(7, Participation.MetIn(visits, new int[12], rules));
        // From July: March's visit is outside the period, so the second comes in August.
        Assert.Equal(8, Participation.MetIn(visits, new int[12], rules, fromMonth: 7));
        Assert.Null(Participation.MetIn(visits, new int[12], rules, fromMonth: 7, toMonth: 7));
    }

    [Fact]
    public void The_policy_names_the_levels_whose_cadres_are_expected_and_describes_what_it_asks()
    {
        var townships = new ParticipationRules { UnitLevels = [UnitLevel.Township], MinimumDays = 5 };
        Assert.True(Participation.Expected(UnitLevel.Township, townships));
        Assert.False(Participation.Expected(UnitLevel.City, townships));
        Assert.True(Participation.Expected(UnitLevel.City, new ParticipationRules()));
        Assert.Equal("干部本年度驻村不少于 5 天，即为参与。", PolicyText.TakingPart(townships, en: false));
        Assert.Contains(PolicyText.Describe(new ProgrammePolicy { Year = 2026, Participation = townships }, en: true).SelectMany(s => s.Lines),
            l => l.Contains("at least 5 days in villages", StringComparison.Ordinal));
    }

    [Fact]
    public void A_negative_minimum_is_refused_with_its_path()
    {
        var problems = PolicyValidation.Validate(new ProgrammePolicy { Year = 2026, Participation = new() { MinimumVisits = -1 } });
        Assert.Contains(problems, p => p.Path == "participation.minimumVisits");
    }
}
