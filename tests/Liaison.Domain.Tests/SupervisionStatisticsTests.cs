using Liaison.Domain.Supervision;

namespace Liaison.Domain.Tests;

/// <summary>
/// 电话核实的统计 (issue 22) against known values: Wilson's interval as Newcombe (1998) tabulates it,
/// Clopper–Pearson's as R's binom.test gives it and in its closed forms at 0 and n, sample sizes by
/// the textbook formula, a stratified estimate worked by hand (Cochran), Fisher's tail by counting.
/// </summary>
public class SupervisionStatisticsTests
{
    [Fact]
    public void Wilson_and_Clopper_Pearson_intervals_are_the_published_ones()
    {
        var wilson = Proportions.Wilson(8, 10);
        Assert.Equal((0.4902, 0.9433), (Math.Round(wilson.Low, 4), Math.Round(wilson.High, 4)));
        var exact = Proportions.ClopperPearson(8, 10);
        Assert.Equal((0.443905, 0.974789), (Math.Round(exact.Low, 6), Math.Round(exact.High, 6)));
        // At the ends the exact interval has a closed form: 1 − (α/2)^(1/n) above 0 of n, (α/2)^(1/n) below n of n.
        Assert.Equal((0.0, Math.Round(1 - Math.Pow(0.025, 1.0 / 20), 6)), (Proportions.ClopperPearson(0, 20).Low, Math.Round(Proportions.ClopperPearson(0, 20).High, 6)));
        Assert.Equal((Math.Round(Math.Pow(0.025, 1.0 / 20), 6), 1.0), (Math.Round(Proportions.ClopperPearson(20, 20).Low, 6), Proportions.ClopperPearson(20, 20).High));
        var large = Proportions.Wilson(950, 1000);
        Assert.Equal((0.9347, 0.9619), (Math.Round(large.Low, 4), Math.Round(large.High, 4)));
        Assert.Equal(1.959964, Math.Round(Proportions.Z(0.95), 6));
    }

    [Fact]
    public void The_reported_interval_is_exact_where_few_successes_or_failures_and_Wilson_elsewhere()
    {
        Assert.Equal(IntervalMethod.ClopperPearson, Proportions.Interval(8, 10).Method);
        Assert.Equal(IntervalMethod.ClopperPearson, Proportions.Interval(995, 1000).Method);
        Assert.Equal(IntervalMethod.Wilson, Proportions.Interval(950, 1000).Method);
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportions.Interval(11, 10));
    }

    [Theory]
    [InlineData(0.03, null, 1068)]
    [InlineData(0.03, 10_000L, 965)]
    [InlineData(0.03, 500L, 341)]
    [InlineData(0.05, null, 385)]
    [InlineData(0.03, 100L, 92)]
    public void Sample_sizes_for_a_margin_at_95_per_cent_follow_the_formula_with_the_finite_population_correction(double margin, long? population, long expected)
    {
        Assert.Equal(expected, Proportions.SampleSize(margin, population: population));
    }

    [Fact]
    public void A_stratified_estimate_weights_each_stratum_by_its_share_of_the_frame()
    {
        // 6,000 visits reported in one township, 4,000 in the other; 285 of 300 and 180 of 200 confirmed.
        var e = Stratified.Estimate([new("a", 6_000, 300, 285), new("b", 4_000, 200, 180)]);
        Assert.Equal(0.93, Math.Round(e.Rate, 6));
        Assert.Equal(0.0110939, Math.Round(e.StandardError, 7));
        Assert.Equal((0.908256, 0.951744), (Math.Round(e.Low, 6), Math.Round(e.High, 6)));
        Assert.Equal((9_300, 9_083, 9_517), ((int)Math.Round(e.Genuine), (int)Math.Round(e.GenuineLow), (int)Math.Round(e.GenuineHigh)));
        // The unweighted pooled rate (465 of 500 = 0.93 here by chance) differs once the frames differ.
        var skewed = Stratified.Estimate([new("a", 9_000, 300, 285), new("b", 1_000, 200, 180)]);
        Assert.Equal(0.945, Math.Round(skewed.Rate, 6));
        // A census of a stratum has no sampling error.
        Assert.Equal(0, Stratified.Estimate([new("all", 50, 50, 45)]).StandardError);
        Assert.Throws<ArgumentException>(() => Stratified.Estimate([new("thin", 10, 1, 1)]));
    }

    [Fact]
    public void Samples_are_reproducible_by_their_seed_and_allocated_in_proportion()
    {
        var frame = Enumerable.Range(1, 1_000).ToList();
        var first = Sampling.Simple(frame, 50, seed: 42);
        Assert.Equal(first, Sampling.Simple(frame, 50, seed: 42));
        Assert.NotEqual(first, Sampling.Simple(frame, 50, seed: 43));
        Assert.Equal(50, first.Distinct().Count());
        Assert.Equal(frame, Sampling.Simple(frame, 5_000, seed: 1));
        Assert.Equal([50, 33, 17], Sampling.Allocate([600, 400, 200], 100));
        // The remainder goes to the largest fraction; a stratum never gets more than it holds.
        Assert.Equal([1, 199], Sampling.Allocate([3, 1_000], 200));
        Assert.Equal([3, 100], Sampling.Allocate([3, 100], 500));
        var stratified = Sampling.Stratified(frame, i => i <= 300 ? "a" : "b", 100, seed: 7);
        Assert.Equal((30, 70), (stratified.Count(i => i <= 300), stratified.Count(i => i > 300)));
    }

    [Fact]
    public void A_group_far_above_the_rest_is_flagged_after_Holms_correction_and_the_others_are_not()
    {
        // Fisher's tail by counting: 4 or more of 10 drawn from 100 with 10 unconfirmed.
        Assert.Equal(0.0082249, Math.Round(Outliers.TailAtLeast(100, 10, 10, 4), 7));
        CallGroup[] groups =
        [
            new("甲村", 10, 6), new("乙村", 10, 1), new("丙村", 10, 1), new("丁村", 10, 1), new("戊村", 10, 1),
            new("己村", 10, 0), new("庚村", 10, 0), new("辛村", 10, 0), new("壬村", 10, 0), new("癸村", 10, 0),
        ];
        var tests = Outliers.AboveTheRest(groups);
        Assert.Equal(["甲村"], tests.Where(t => t.Flagged).Select(t => t.Key));
        var first = tests.Single(t => t.Key == "甲村");
        Assert.Equal(3.1823e-5, Math.Round(first.PValue, 9), 9);
        Assert.Equal(10 * first.PValue, first.Adjusted, 12);
        Assert.Equal(1.0, tests.Single(t => t.Key == "乙村").Adjusted);
        Assert.All(tests, t => Assert.True(t.Adjusted >= t.PValue));
    }
}
