using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Liaison.Domain.Secretaries;

/// <summary>
/// A rectangular cost matrix for the assignment problem: rows (people) × columns (places), row-major,
/// <see cref="double.PositiveInfinity"/> where a pair is not allowed. Costs are whole numbers, so
/// that totals are exact and comparable with any other solver.
/// </summary>
public sealed class CostMatrix
{
    public CostMatrix(int rows, int columns)
    {
        Rows = rows;
        Columns = columns;
        Values = new double[checked(rows * columns)];
        Array.Fill(Values, double.PositiveInfinity);
    }

    public int Rows { get; }
    public int Columns { get; }

    /// <summary>The costs, row after row.</summary>
    public double[] Values { get; }

    public double this[int row, int column]
    {
        get => Values[(row * Columns) + column];
        set => Values[(row * Columns) + column] = value;
    }

    public bool Allowed(int row, int column) => !double.IsPositiveInfinity(this[row, column]);
}

/// <summary>An optimal assignment: each row's column (or -1), the total, and the dual prices that prove optimality.</summary>
public sealed record AssignmentResult(int[] ColumnOfRow, long TotalCost, double[] RowPrices, double[] ColumnPrices)
{
    public int Assigned => ColumnOfRow.Count(c => c >= 0);
}

/// <summary>Why the problem has no assignment of every row: the first row that could not be placed.</summary>
public sealed class InfeasibleAssignmentException(int row, string message) : InvalidOperationException(message)
{
    public int Row { get; } = row;
}

/// <summary>
/// The linear sum assignment problem, solved exactly: every row to a different column at least
/// total cost (rows ≤ columns). Shortest augmenting paths with dual prices (Jonker–Volgenant as
/// described by Crouse, "On implementing 2D rectangular assignment algorithms", IEEE TAES 2016):
/// one Dijkstra-like search per row over the columns not yet reached, O(rows² × columns) at worst.
/// The prices returned make every reduced cost non-negative and every assigned pair's zero, which
/// is the certificate of optimality tests check.
/// </summary>
public static class Assignment
{
    public static AssignmentResult Solve(CostMatrix costs)
    {
        var (nr, nc) = (costs.Rows, costs.Columns);
        if (nr > nc)
        {
            throw new ArgumentException($"more rows ({nr}) than columns ({nc}): not every row can have a column", nameof(costs));
        }
        var u = new double[nr];
        var v = new double[nc];
        var shortest = new double[nc];
        var path = new long[nc];
        var col4row = new int[nr];
        var row4col = new int[nc];
        var visitedRows = new bool[nr];
        // 0 for a column the search has not reached, +∞ once it has: added to reduced costs, it takes
        // reached columns out of the search without a branch, so whole vectors of columns go at once.
        var blocked = new double[nc];
        Array.Fill(col4row, -1);
        Array.Fill(row4col, -1);
        var c = costs.Values;
        var unassigned = ReduceRows(c, nr, nc, u, col4row, row4col);
        // The searches read whole rows of costs again and again: as 32-bit floats (exact for whole
        // numbers below 2^24, which the cost model stays far under) they take half the memory traffic.
        var narrow = new float[c.Length];
        for (var k = 0; k < c.Length; k++)
        {
            narrow[k] = (float)c[k];
            if (narrow[k] != c[k] || (double.IsFinite(c[k]) && Math.Abs(c[k]) >= 1 << 24))
            {
                throw new ArgumentException($"cost {c[k]} at ({k / nc}, {k % nc}) is not a whole number below 2^24", nameof(costs));
            }
        }

        foreach (var current in unassigned)
        {
            var (sink, minVal) = AugmentingPath(narrow, nc, current, u, v, path, row4col, shortest, visitedRows, blocked);
            if (sink < 0)
            {
                throw new InfeasibleAssignmentException(current, $"row {current} cannot be given a column without taking one from a row that has no other");
            }
            u[current] += minVal;
            for (var i = 0; i < nr; i++)
            {
                if (visitedRows[i] && i != current)
                {
                    u[i] += minVal - shortest[col4row[i]];
                }
            }
            for (var j = 0; j < nc; j++)
            {
                if (blocked[j] != 0)
                {
                    v[j] -= minVal - shortest[j];
                }
            }
            // Flip the path: each row on it takes the next column.
            var col = sink;
            while (true)
            {
                var row = (int)path[col];
                row4col[col] = row;
                (col4row[row], col) = (col, col4row[row]);
                if (row == current)
                {
                    break;
                }
            }
        }
        long total = 0;
        for (var i = 0; i < nr; i++)
        {
            total += (long)c[(i * nc) + col4row[i]];
        }
        return new AssignmentResult(col4row, total, u, v);
    }

    /// <summary>
    /// The start: each row's price is its cheapest cost (every reduced cost stays non-negative), and a
    /// row whose cheapest column is still free takes it at once. Only the rows left need a search.
    /// Returns them, in row order.
    /// </summary>
    private static List<int> ReduceRows(double[] c, int nr, int nc, double[] u, int[] col4row, int[] row4col)
    {
        var left = new List<int>();
        for (var i = 0; i < nr; i++)
        {
            var row = c.AsSpan(i * nc, nc);
            var min = double.PositiveInfinity;
            foreach (var x in row)
            {
                min = Math.Min(min, x);
            }
            if (double.IsPositiveInfinity(min))
            {
                throw new InfeasibleAssignmentException(i, $"row {i} has no allowed column");
            }
            u[i] = min;
            var taken = -1;
            for (var j = 0; j < nc; j++)
            {
                if (row[j] == min && row4col[j] == -1)
                {
                    taken = j;
                    break;
                }
            }
            if (taken >= 0)
            {
                col4row[i] = taken;
                row4col[taken] = i;
            }
            else
            {
                left.Add(i);
            }
        }
        return left;
    }

    // Called once per row with a hot inner loop: compiled fully optimised from the first call, not tiered up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int Sink, double MinVal) AugmentingPath(float[] costs, int nc, int row, double[] u, double[] v, long[] path, int[] row4col,
        double[] shortest, bool[] visitedRows, double[] blocked)
    {
        var minVal = 0.0;
        Array.Clear(visitedRows);
        Array.Clear(blocked);
        Array.Fill(shortest, double.PositiveInfinity);
        var width = Vector<double>.Count;
        // Costs come as floats, a vector of them widening into two of doubles.
        var vectorEnd = nc - (nc % (2 * width));
        ref var v0 = ref MemoryMarshal.GetArrayDataReference(v);
        ref var s0 = ref MemoryMarshal.GetArrayDataReference(shortest);
        ref var p0 = ref MemoryMarshal.GetArrayDataReference(path);
        ref var b0 = ref MemoryMarshal.GetArrayDataReference(blocked);
        var i = row;
        while (true)
        {
            visitedRows[i] = true;
            ref var ci = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(costs), i * nc);
            var offset = minVal - u[i];
            var offsets = new Vector<double>(offset);
            var rows = new Vector<long>(i);
            var lowestVector = new Vector<double>(double.PositiveInfinity);
            for (var j = 0; j < vectorEnd; j += 2 * width)
            {
                Vector.Widen(Vector.LoadUnsafe(ref ci, (nuint)j), out var low, out var high);
                lowestVector = Vector.Min(lowestVector, Step(ref s0, ref p0, ref v0, ref b0, j, offsets + low, rows));
                lowestVector = Vector.Min(lowestVector, Step(ref s0, ref p0, ref v0, ref b0, j + width, offsets + high, rows));
            }
            var lowest = double.PositiveInfinity;
            for (var k = 0; k < width; k++)
            {
                lowest = Math.Min(lowest, lowestVector[k]);
            }
            for (var j = vectorEnd; j < nc; j++)
            {
                var reduced = offset + Unsafe.Add(ref ci, j) - Unsafe.Add(ref v0, j) + Unsafe.Add(ref b0, j);
                ref var sj = ref Unsafe.Add(ref s0, j);
                if (reduced < sj)
                {
                    sj = reduced;
                    Unsafe.Add(ref p0, j) = i;
                }
                lowest = Math.Min(lowest, sj + Unsafe.Add(ref b0, j));
            }
            if (double.IsPositiveInfinity(lowest))
            {
                return (-1, lowest);
            }
            minVal = lowest;
            var col = LowestColumn(shortest, blocked, row4col, lowest);
            blocked[col] = double.PositiveInfinity;
            if (row4col[col] == -1)
            {
                return (col, minVal);
            }
            i = row4col[col];
        }
    }

    /// <summary>One vector of columns: the reduced costs through row i, kept where shorter; returns them with reached columns at +∞.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Step(ref double s0, ref long p0, ref double v0, ref double b0, int j, Vector<double> offsetCosts, Vector<long> rows)
    {
        var blockedJ = Vector.LoadUnsafe(ref b0, (nuint)j);
        var reduced = offsetCosts - Vector.LoadUnsafe(ref v0, (nuint)j) + blockedJ;
        var before = Vector.LoadUnsafe(ref s0, (nuint)j);
        var better = Vector.LessThan(reduced, before);
        var after = Vector.ConditionalSelect(better, reduced, before);
        after.StoreUnsafe(ref s0, (nuint)j);
        Vector.ConditionalSelect(better, rows, Vector.LoadUnsafe(ref p0, (nuint)j)).StoreUnsafe(ref p0, (nuint)j);
        return after + blockedJ;
    }

    /// <summary>
    /// A column not yet reached whose shortest path cost is <paramref name="lowest"/>: a free one if
    /// there is (the path ends there), else the first.
    /// </summary>
    private static int LowestColumn(double[] shortest, double[] blocked, int[] row4col, double lowest)
    {
        var width = Vector<double>.Count;
        var nc = shortest.Length;
        var target = new Vector<double>(lowest);
        var first = -1;
        var j = 0;
        for (; j < nc - (nc % width); j += width)
        {
            var candidates = Vector.Equals(Vector.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(shortest), (nuint)j)
                + Vector.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(blocked), (nuint)j), target);
            if (candidates == Vector<long>.Zero)
            {
                continue;
            }
            for (var k = j; k < j + width; k++)
            {
                if (blocked[k] == 0 && shortest[k] == lowest)
                {
                    if (row4col[k] == -1)
                    {
                        return k;
                    }
                    first = first < 0 ? k : first;
                }
            }
        }
        for (; j < nc; j++)
        {
            if (blocked[j] == 0 && shortest[j] == lowest)
            {
                if (row4col[j] == -1)
                {
                    return j;
                }
                first = first < 0 ? j : first;
            }
        }
        return first;
    }
}
