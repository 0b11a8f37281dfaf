using Liaison.Domain.Field;
using Liaison.Domain.Reporting;

namespace Liaison.Domain.Tests;

public class ReportPeriodTests
{
    [Theory]
    [InlineData(null, null, 1, 12)]
    [InlineData("2026-03", "2026-05", 3, 5)]
    [InlineData("2026-03-01", "2026-05-31", 3, 5)]
    [InlineData("2026-02-01", "2026-02-28", 2, 2)]
    [InlineData(null, "2026-04", 1, 4)]
    [InlineData("2026-10", null, 10, 12)]
    public void Whole_months_are_read_from_months_or_from_the_days_that_bound_them(string? from, string? to, int first, int last)
    {
        var (period, problem) = ReportPeriod.Parse(from, to, 2026);
        Assert.Null(problem);
        Assert.Equal(new ReportPeriod(2026, first, last), period);
    }

    [Theory]
    [InlineData("2026-03-15", null, "from")]
    [InlineData(null, "2026-05-30", "to")]
    [InlineData("2026-13", null, "from")]
    [InlineData("2025-11", "2026-02", "same year")]
    [InlineData("2026-06", "2026-03", "after")]
    public void Other_periods_are_refused_saying_why(string? from, string? to, string word)
    {
        var (period, problem) = ReportPeriod.Parse(from, to, 2026);
        Assert.Null(period);
        Assert.Contains(word, problem!.Value.En, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.Value.Zh));
    }

    [Fact]
    public void A_periods_bounds_and_label()
    {
        var p = new ReportPeriod(2024, 2, 2);
        Assert.Equal((new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 29)), (p.First, p.Last));
        Assert.Equal("2024-02", p.ToString());
        Assert.Equal("2024", ReportPeriod.WholeYear(2024).ToString());
        Assert.Equal("2024-02…2024-05", new ReportPeriod(2024, 2, 5).ToString());
    }

    [Fact]
    public void Residence_days_by_month_count_each_day_once_and_add_up_to_the_year()
    {
        (DateOnly, DateOnly)[] stays = [(new(2025, 12, 30), new(2026, 1, 2)), (new(2026, 1, 31), new(2026, 2, 2)), (new(2026, 2, 1), new(2026, 2, 1))];
        var months = Residence.DaysByMonth(2026, stays);
        Assert.Equal([3, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], months);
        Assert.Equal(5, Residence.DaysIn(2026, stays));
    }

    [Fact]
    public void Rates_divide_by_the_sum_of_their_denominators_and_are_empty_without_one()
    {
        var f = new ReportFigures(new Dictionary<string, long> { ["villages_covered"] = 9, ["villages"] = 8, ["communities"] = 2, ["cases_satisfaction_points"] = 13, ["cases_followed_up"] = 3 });
        Assert.Equal(0.9, f[Ratios.Coverage]);
        Assert.Equal("90.0%", Ratios.Coverage.Format(f[Ratios.Coverage]));
        Assert.Equal("4.33", Ratios.Satisfaction.Format(f[Ratios.Satisfaction]));
        Assert.Null(f[Ratios.VisitRate]);
        Assert.Equal("—", Ratios.VisitRate.Format(f[Ratios.VisitRate]));
    }

    [Fact]
    public void Every_indicator_is_in_exactly_one_section_of_the_report()
    {
        var placed = CampaignSections.All.SelectMany(s => s.Indicators).Select(i => i.Id).ToList();
        Assert.Equal(placed.Count, placed.Distinct().Count());
        Assert.Equal(Indicators.All.Select(i => i.Id).Order(), placed.Order());
    }
}
