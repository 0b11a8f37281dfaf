namespace Liaison.Data.Demo;

/// <summary>
/// A small deterministic generator (SplitMix64): the same seed gives the same demo city on every
/// machine and every .NET version, which System.Random does not promise.
/// </summary>
public sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A generator for one part of the demo, independent of the order parts are made in.</summary>
    public static SeededRandom For(int seed, string part)
    {
        var h = 1469598103934665603UL;
        foreach (var c in part)
        {
            h = (h ^ c) * 1099511628211UL;
        }
        return new SeededRandom(h ^ ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL));
    }

    public ulong NextULong()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n).</summary>
    public int Next(int n) => (int)(NextDouble() * n);

    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Standard normal, by Box–Muller.</summary>
    public double Normal()
    {
        var u = 1.0 - NextDouble();
        var v = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
