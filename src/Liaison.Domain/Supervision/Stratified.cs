namespace Liaison.Domain.Supervision;

/// <summary>One stratum of a stratified sample: its size in the frame (visits reported), households reached and how many confirmed.</summary>
public sealed record Stratum(string Key, long Population, long Reached, long Confirmed);

/// <summary>A stratified estimate: the weighted rate, its standard error and interval, and the genuine visits it implies for the frame.</summary>
/// <remarks>Its interval is the normal one (<see cref="IntervalMethod.Normal"/>): the rate ± z times the standard error, within 0 and 1.</remarks>
public sealed record StratifiedEstimate(double Rate, double StandardError, double Low, double High, long Population, double Genuine, double GenuineLow, double GenuineHigh);

/// <summary>
/// The confirmation rate of a stratified sample with the right weights: each stratum's rate weighted
/// by its share of the frame (W_h = N_h / N), the variance Σ W_h² (1 − n_h/N_h) p_h(1−p_h)/(n_h − 1)
/// (Cochran, Sampling Techniques, 5.9 and 5A), and the genuine visits N × rate with its interval. A
/// stratum reached by fewer than two households has no variance of its own: it is refused, not
/// guessed. Unreached households are not in n_h — they are reported apart, never counted as confirmations.
/// </summary>
public static class Stratified
{
    public static StratifiedEstimate Estimate(IReadOnlyList<Stratum> strata, double confidence = 0.95)
    {
        if (strata.Count == 0)
        {
            throw new ArgumentException("no strata", nameof(strata));
        }
        foreach (var s in strata)
        {
            if (s.Reached < 2 || s.Confirmed < 0 || s.Confirmed > s.Reached || s.Population < s.Reached)
            {
                throw new ArgumentException($"stratum {s.Key}: needs 2 ≤ reached ≤ population and 0 ≤ confirmed ≤ reached ({s.Confirmed}/{s.Reached} of {s.Population})", nameof(strata));
            }
        }
        var total = strata.Sum(s => s.Population);
        double rate = 0, variance = 0;
        foreach (var s in strata)
        {
            var w = (double)s.Population / total;
            var p = (double)s.Confirmed / s.Reached;
            rate += w * p;
            variance += w * w * (1 - (double)s.Reached / s.Population) * p * (1 - p) / (s.Reached - 1);
        }
        var se = Math.Sqrt(variance);
        var z = Proportions.Z(confidence);
        var (low, high) = (Math.Max(0, rate - z * se), Math.Min(1, rate + z * se));
        return new(rate, se, low, high, total, total * rate, total * low, total * high);
    }
}
