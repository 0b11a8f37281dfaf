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
        var path = new int[nc];
        var col4row = new int[nr];
        var row4col = new int[nc];
        var visitedRows = new bool[nr];
        var visitedCols = new bool[nc];
        var remaining = new int[nc];
        Array.Fill(col4row, -1);
        Array.Fill(row4col, -1);
        var c = costs.Values;

        for (var current = 0; current < nr; current++)
        {
            var (sink, minVal) = AugmentingPath(c, nc, current, u, v, path, row4col, shortest, visitedRows, visitedCols, remaining);
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
                if (visitedCols[j])
                {
                    v[j] -= minVal - shortest[j];
                }
            }
            // Flip the path: each row on it takes the next column.
            var col = sink;
            while (true)
            {
                var row = path[col];
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

    private static (int Sink, double MinVal) AugmentingPath(double[] costs, int nc, int row, double[] u, double[] v, int[] path, int[] row4col,
        double[] shortest, bool[] visitedRows, bool[] visitedCols, int[] remaining)
    {
        var minVal = 0.0;
        // Columns are searched from the last: among equal reduced costs a free column is taken first.
        var left = nc;
        for (var it = 0; it < nc; it++)
        {
            remaining[it] = nc - it - 1;
        }
        Array.Clear(visitedRows);
        Array.Clear(visitedCols);
        Array.Fill(shortest, double.PositiveInfinity);
        ref var c0 = ref MemoryMarshal.GetArrayDataReference(costs);
        ref var v0 = ref MemoryMarshal.GetArrayDataReference(v);
        ref var s0 = ref MemoryMarshal.GetArrayDataReference(shortest);
        ref var p0 = ref MemoryMarshal.GetArrayDataReference(path);
        ref var r0 = ref MemoryMarshal.GetArrayDataReference(remaining);
        ref var rc0 = ref MemoryMarshal.GetArrayDataReference(row4col);
        var sink = -1;
        var i = row;
        while (sink == -1)
        {
            var index = -1;
            var lowest = double.PositiveInfinity;
            visitedRows[i] = true;
            ref var ci = ref Unsafe.Add(ref c0, i * nc);
            var base_ = minVal - u[i];
            for (var it = 0; it < left; it++)
            {
                var j = Unsafe.Add(ref r0, it);
                var r = base_ + Unsafe.Add(ref ci, j) - Unsafe.Add(ref v0, j);
                ref var sj = ref Unsafe.Add(ref s0, j);
                if (r < sj)
                {
                    Unsafe.Add(ref p0, j) = i;
                    sj = r;
                }
                if (sj < lowest || (sj == lowest && Unsafe.Add(ref rc0, j) == -1))
                {
                    lowest = sj;
                    index = it;
                }
            }
            minVal = lowest;
            if (double.IsPositiveInfinity(minVal))
            {
                return (-1, minVal);
            }
            var col = remaining[index];
            if (row4col[col] == -1)
            {
                sink = col;
            }
            else
            {
                i = row4col[col];
            }
            visitedCols[col] = true;
            remaining[index] = remaining[--left];
        }
        return (sink, minVal);
    }
}
