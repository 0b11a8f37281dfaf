namespace Liaison.Domain.Supervision;

/// <summary>One stratum's calls: the visits it held in the frame, those drawn, reached and confirmed.</summary>
public sealed record StratumCalls(string Key, long Population, long Drawn, long Reached, long Confirmed);

/// <summary>A stratum's own result: its calls and the rate with its interval (none when no household was reached).</summary>
public sealed record StratumResult(StratumCalls Calls, ProportionEstimate? Estimate);

/// <summary>
/// The verification's result for a sample: how many were drawn, called, reached and confirmed, the
/// confirmation rate (confirmed ÷ reached: the verification factor) with its interval and how it was
/// made, and the genuine visits it implies for the frame. Unreached households are counted apart.
/// </summary>
public sealed record VerificationResult(
    long Sampled, long Called, long Reached, long Confirmed, double Rate, double Low, double High, IntervalMethod Method,
    long Frame, double Genuine, double GenuineLow, double GenuineHigh, IReadOnlyList<StratumResult> Strata)
{
    public long Unreached => Called - Reached;
    public long Pending => Sampled - Called;
}

/// <summary>
/// 核实结果 (issue 22): the estimate of a call sample. A simple sample's rate has Wilson's interval (or
/// the exact one where few calls confirm or fail); a stratified sample weighs each stratum by its share
/// of the frame (<see cref="Stratified"/>). Strata drawn in proportion to their size whose calls are too
/// few for a variance of their own (villages, cadres: one or two calls each) are read as one — the
/// proportional draw weighs itself, and the pooled variance is the larger, so the interval errs wide.
/// </summary>
public static class Verification
{
    public static VerificationResult? Estimate(IReadOnlyList<StratumCalls> strata, long called, bool stratified, double confidence)
    {
        var sampled = strata.Sum(s => s.Drawn);
        var reached = strata.Sum(s => s.Reached);
        var confirmed = strata.Sum(s => s.Confirmed);
        var frame = strata.Sum(s => s.Population);
        if (reached == 0)
        {
            return null;
        }
        var results = strata.Select(s => new StratumResult(s, s.Reached == 0 ? null : Proportions.Interval(s.Confirmed, s.Reached, confidence))).ToList();
        if (stratified && strata.All(s => s.Reached >= 2))
        {
            var e = Stratified.Estimate(strata.Select(s => new Stratum(s.Key, s.Population, s.Reached, s.Confirmed)).ToList(), confidence);
            return new(sampled, called, reached, confirmed, e.Rate, e.Low, e.High, IntervalMethod.Normal, frame, e.Genuine, e.GenuineLow, e.GenuineHigh, results);
        }
        var p = Proportions.Interval(confirmed, reached, confidence);
        return new(sampled, called, reached, confirmed, p.Rate, p.Low, p.High, p.Method, frame, frame * p.Rate, frame * p.Low, frame * p.High, results);
    }
}
