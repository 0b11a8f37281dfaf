using MathNet.Numerics.Distributions;

namespace Liaison.Domain.Supervision;

/// <summary>A group's calls (a cadre's or a village's visits called): households reached, how many did not confirm.</summary>
public sealed record CallGroup(string Key, long Reached, long Unconfirmed);

/// <summary>A group tested against the rest: its p-value, Holm's adjusted p-value, and whether it is flagged.</summary>
public sealed record GroupTest(string Key, long Reached, long Unconfirmed, double PValue, double Adjusted, bool Flagged);

/// <summary>
/// Which cadres or villages to inspect (issue 22): those whose unconfirmed share is significantly
/// above the rest's. Each group is tested with a one-sided Fisher's exact test — the chance, with the
/// unconfirmed calls spread at random over all reached households, that the group would have as many
/// or more (the hypergeometric tail) — and the p-values of all groups are corrected for the many
/// comparisons by Holm's step-down method (Holm–Bonferroni), which holds the family-wise error at α.
/// </summary>
public static class Outliers
{
    /// <summary>The test and correction, named as the reports name them.</summary>
    public const string Method = "Fisher's exact test (one-sided), Holm–Bonferroni correction";

    public static IReadOnlyList<GroupTest> AboveTheRest(IReadOnlyList<CallGroup> groups, double alpha = 0.05)
    {
        var reached = groups.Sum(g => g.Reached);
        var unconfirmed = groups.Sum(g => g.Unconfirmed);
        var tested = groups.Select(g => (Group: g, P: TailAtLeast(reached, unconfirmed, g.Reached, g.Unconfirmed))).ToList();
        // Holm: the i-th smallest of m p-values is multiplied by (m − i), the running maximum keeps the order.
        var m = tested.Count;
        var ordered = tested.Select((t, i) => (t, i)).OrderBy(x => x.t.P).ThenBy(x => x.i).ToList();
        var adjusted = new double[m];
        var running = 0.0;
        for (var k = 0; k < m; k++)
        {
            running = Math.Max(running, Math.Min(1, (m - k) * ordered[k].t.P));
            adjusted[ordered[k].i] = running;
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
