using MathNet.Numerics.Distributions;

namespace Liaison.Domain.Supervision;

/// <summary>A group's calls (a cadre's or a village's visits called): households reached, how many did not confirm.</summary>
public sealed record CallGroup(string Key, long Reached, long Unconfirmed);

/// <summary>A group tested against the rest: its p-value, the adjusted p-value, and whether it is flagged.</summary>
public sealed record GroupTest(string Key, long Reached, long Unconfirmed, double PValue, double Adjusted, bool Flagged);

/// <summary>How the p-values of many groups are corrected for being many.</summary>
public enum Correction
{
    /// <summary>Holm's step-down method (Holm–Bonferroni): holds the family-wise error — the chance of any group flagged wrongly — at α.</summary>
    Holm = 1,
    /// <summary>
    /// Benjamini–Hochberg's step-up method: holds the false discovery rate — the expected share of
    /// flagged groups flagged wrongly — at α. The screening choice: a flag sends an inspector, it punishes no one.
    /// </summary>
    BenjaminiHochberg = 2,
}

/// <summary>
/// Which cadres or villages to inspect (issue 22): those whose unconfirmed share is significantly
/// above the rest's. Each group is tested with a one-sided Fisher's exact test — the chance, with the
/// unconfirmed calls spread at random over all reached households, that the group would have as many
/// or more (the hypergeometric tail) — and the p-values of all groups are corrected for the many
/// comparisons by the policy's <see cref="Correction"/>.
/// </summary>
public static class Outliers
{
    /// <summary>The test and correction, named as the reports name them.</summary>
    public static string Method(Correction correction) => correction == Correction.Holm
        ? "Fisher's exact test (one-sided), Holm–Bonferroni correction"
        : "Fisher's exact test (one-sided), Benjamini–Hochberg correction";

    public static IReadOnlyList<GroupTest> AboveTheRest(IReadOnlyList<CallGroup> groups, double alpha = 0.05, Correction correction = Correction.Holm)
    {
        var reached = groups.Sum(g => g.Reached);
        var unconfirmed = groups.Sum(g => g.Unconfirmed);
        var tested = groups.Select(g => (Group: g, P: TailAtLeast(reached, unconfirmed, g.Reached, g.Unconfirmed))).ToList();
        var m = tested.Count;
        var ordered = tested.Select((t, i) => (t, i)).OrderBy(x => x.t.P).ThenBy(x => x.i).ToList();
        var adjusted = new double[m];
        if (correction == Correction.Holm)
        {
            // Holm: the k-th smallest (from 0) of m p-values is multiplied by (m − k), a running maximum keeps the order.
            var running = 0.0;
            for (var k = 0; k < m; k++)
            {
                running = Math.Max(running, Math.Min(1, (m - k) * ordered[k].t.P));
                adjusted[ordered[k].i] = running;
            }
        }
        else
        {
            // Benjamini–Hochberg: the k-th smallest (from 1) is multiplied by m / k, a running minimum from the largest keeps the order.
            var running = 1.0;
            for (var k = m - 1; k >= 0; k--)
            {
                running = Math.Min(running, Math.Min(1, ordered[k].t.P * m / (k + 1)));
                adjusted[ordered[k].i] = running;
            }
        }
        return tested.Select((t, i) => new GroupTest(t.Group.Key, t.Group.Reached, t.Group.Unconfirmed, t.P, adjusted[i], adjusted[i] <= alpha)).ToList();
    }

    /// <summary>P(X ≥ x) for X hypergeometric: x unconfirmed among the group's n of N reached households, K unconfirmed in all.</summary>
    public static double TailAtLeast(long population, long unconfirmed, long draws, long observed)
    {
        if (observed <= 0 || draws == 0)
        {
            return 1;
        }
        var h = new Hypergeometric(checked((int)population), checked((int)unconfirmed), checked((int)draws));
        return Math.Clamp(1 - h.CumulativeDistribution(observed - 1), 0, 1);
    }
}
