namespace Liaison.Domain.Supervision;

/// <summary>
/// Drawing a sample reproducibly (issue 22): the same frame in the same order and the same seed give
/// the same sample, so a sample can be drawn again and checked, and the seed is kept with the round.
/// The frame's order is the caller's to fix (by id); <see cref="Random"/> with a seed is stable across runs.
/// </summary>
public static class Sampling
{
    /// <summary>A simple random sample of <paramref name="size"/> (all of a smaller frame), in the frame's order.</summary>
    public static IReadOnlyList<T> Simple<T>(IReadOnlyList<T> frame, int size, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var rng = new Random(seed);
        var indices = Enumerable.Range(0, frame.Count).ToArray();
        var take = Math.Min(size, frame.Count);
        // A partial Fisher–Yates shuffle: the first `take` places hold a uniform sample without replacement.
        for (var i = 0; i < take; i++)
        {
            var j = rng.Next(i, indices.Length);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }
        return indices.Take(take).Order().Select(i => frame[i]).ToList();
    }

    /// <summary>
    /// Proportional allocation of <paramref name="size"/> among strata (by their sizes), the remainder
    /// to the largest fractions (ties to the earlier stratum), no stratum given more than it holds.
    /// </summary>
    public static IReadOnlyList<int> Allocate(IReadOnlyList<long> strata, int size)
    {
        var total = strata.Sum();
        var want = Math.Min(size, total);
        if (want <= 0)
        {
            return strata.Select(_ => 0).ToList();
        }
        var exact = strata.Select(n => (double)n * want / total).ToArray();
        var given = exact.Select(x => (int)Math.Floor(x)).ToArray();
        var left = (int)(want - given.Sum());
        foreach (var i in Enumerable.Range(0, strata.Count).OrderByDescending(i => exact[i] - given[i]).ThenBy(i => i))
        {
            if (left == 0)
            {
                break;
            }
            if (given[i] < strata[i])
            {
                given[i]++;
                left--;
            }
        }
        return given;
    }

    /// <summary>A stratified sample: each stratum's share (<see cref="Allocate"/>) drawn from it with a seed of its own made from <paramref name="seed"/>.</summary>
    public static IReadOnlyList<T> Stratified<T>(IReadOnlyList<T> frame, Func<T, string> stratumOf, int size, int seed)
    {
        var strata = frame.GroupBy(stratumOf, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        var shares = Allocate(strata.Select(s => (long)s.Count).ToList(), size);
        // Each stratum's seed from the sample's and the stratum's place: stable across processes (HashCode.Combine is not).
        return strata.SelectMany((s, i) => Simple(s, shares[i], unchecked((seed * 7919) + i))).ToList();
    }
}
