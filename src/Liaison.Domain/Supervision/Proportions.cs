using MathNet.Numerics.Distributions;

namespace Liaison.Domain.Supervision;

/// <summary>A proportion estimated from a sample, with its confidence interval and how the interval was made.</summary>
public sealed record ProportionEstimate(long Successes, long Trials, double Rate, double Low, double High, IntervalMethod Method);

/// <summary>How a confidence interval for a proportion was made.</summary>
public enum IntervalMethod
{
    /// <summary>Wilson's score interval: close to its nominal coverage for the sample sizes of a call list.</summary>
    Wilson = 1,
    /// <summary>Clopper–Pearson's exact interval (from the beta distribution): for small samples and rates near 0 or 1.</summary>
    ClopperPearson = 2,
    /// <summary>A stratified estimate's normal interval: the weighted rate ± z times its standard error.</summary>
    Normal = 3,
}

/// <summary>
/// 电话核实的统计 (issue 22): confidence intervals for the share of sampled visits a household confirms —
/// the programme's verification factor (confirmed ÷ reported, as in the WHO Data Quality Review and the
/// Global Fund's data quality audits) — and the sample size a margin asks for. The distributions are
/// MathNet.Numerics'; nothing here is hand-rolled beyond the textbook formulas.
/// </summary>
public static class Proportions
{
    /// <summary>The standard normal quantile for a two-sided interval: 1.959964 at 95 %.</summary>
    public static double Z(double confidence)
    {
        if (confidence is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "a confidence lies strictly between 0 and 1");
        }
        return Normal.InvCDF(0, 1, 1 - (1 - confidence) / 2);
    }

    /// <summary>Wilson's score interval for <paramref name="successes"/> of <paramref name="trials"/>.</summary>
    public static ProportionEstimate Wilson(long successes, long trials, double confidence = 0.95)
    {
        Check(successes, trials);
        var z = Z(confidence);
        var (n, p) = ((double)trials, (double)successes / trials);
        var denominator = 1 + z * z / n;
        var centre = (p + z * z / (2 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator;
        return new(successes, trials, p, Math.Max(0, centre - half), Math.Min(1, centre + half), IntervalMethod.Wilson);
    }

    /// <summary>Clopper–Pearson's exact interval: the beta distribution's quantiles, 0 and 1 at the ends.</summary>
    public static ProportionEstimate ClopperPearson(long successes, long trials, double confidence = 0.95)
    {
        Check(successes, trials);
        var alpha = 1 - confidence;
        var low = successes == 0 ? 0 : Beta.InvCDF(successes, trials - successes + 1, alpha / 2);
        var high = successes == trials ? 1 : Beta.InvCDF(successes + 1, trials - successes, 1 - alpha / 2);
        return new(successes, trials, (double)successes / trials, low, high, IntervalMethod.ClopperPearson);
    }

    /// <summary>
    /// The interval the reports give: Wilson's, or the exact one where the normal approximation is
    /// poor — fewer than <see cref="ExactBelow"/> expected successes or failures (np or n(1−p)).
    /// </summary>
    public static ProportionEstimate Interval(long successes, long trials, double confidence = 0.95) =>
        Math.Min(successes, trials - successes) < ExactBelow ? ClopperPearson(successes, trials, confidence) : Wilson(successes, trials, confidence);

    /// <summary>Below this many successes or failures the exact interval is used.</summary>
    public const int ExactBelow = 10;

    /// <summary>
    /// How many households to call for a margin of ±<paramref name="margin"/> at
    /// <paramref name="confidence"/>: z²p(1−p)/e² for the rate expected (0.5 when unknown: the largest),
    /// reduced for a finite <paramref name="population"/> (n₀ / (1 + (n₀−1)/N)), rounded up, at most N.
    /// </summary>
    public static long SampleSize(double margin, double confidence = 0.95, double expected = 0.5, long? population = null)
    {
        if (margin is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(margin), margin, "a margin lies strictly between 0 and 1");
        }
        var z = Z(confidence);
        var n0 = z * z * expected * (1 - expected) / (margin * margin);
        if (population is not { } size)
        {
            return (long)Math.Ceiling(n0);
        }
        return Math.Min(size, (long)Math.Ceiling(n0 / (1 + (n0 - 1) / size)));
    }

    private static void Check(long successes, long trials)
    {
        if (trials <= 0 || successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), $"{successes} of {trials}: a proportion needs 0 ≤ successes ≤ trials and trials > 0");
        }
    }
}
