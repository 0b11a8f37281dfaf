using Liaison.Domain.Secretaries;

namespace Liaison.Domain.Tests;

/// <summary>The assignment solver against brute force on small random instances, and its optimality certificate.</summary>
public class AssignmentTests
{
    /// <summary>The least total over every way of giving each row its own column, or null when there is none.</summary>
    private static long? BruteForce(CostMatrix m)
    {
        long? best = null;
        var used = new bool[m.Columns];
        void Go(int row, long sum)
        {
            if (row == m.Rows)
            {
                best = best is null ? sum : Math.Min(best.Value, sum);
                return;
            }
            for (var j = 0; j < m.Columns; j++)
            {
                if (!used[j] && m.Allowed(row, j))
                {
                    used[j] = true;
                    Go(row + 1, sum + (long)m[row, j]);
                    used[j] = false;
                }
            }
        }
        Go(0, 0);
        return best;
    }

    private static CostMatrix Random(Random rng, int rows, int columns, double forbidden, int maxCost)
    {
        var m = new CostMatrix(rows, columns);
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                if (rng.NextDouble() >= forbidden)
                {
                    m[i, j] = rng.Next(maxCost + 1);
                }
            }
        }
        return m;
    }

    [Fact]
    public void Every_small_random_instance_is_solved_as_well_as_brute_force_can_and_proved_optimal()
    {
        // A fixed seed: the same 2,000 instances every run; equal costs (maxCost 3) test ties hard.
        var rng = new Random(20261126);
        var solved = 0;
        var infeasible = 0;
        for (var n = 0; n < 2_000; n++)
        {
            var rows = rng.Next(1, 7);
            var columns = rows + rng.Next(0, 3);
            var m = Random(rng, rows, columns, forbidden: rng.NextDouble() * 0.6, maxCost: rng.Next(2) == 0 ? 3 : 1_000);
            var expected = BruteForce(m);
            if (expected is null)
            {
                Assert.Throws<InfeasibleAssignmentException>(() => Assignment.Solve(m));
                infeasible++;
                continue;
            }
            var result = Assignment.Solve(m);
            Assert.Equal(expected.Value, result.TotalCost);
            AssertCertificate(m, result);
            solved++;
        }
        Assert.True(solved > 1_000 && infeasible > 50, $"{solved} solved, {infeasible} infeasible: the generator no longer covers both");
    }

    /// <summary>Distinct allowed columns, and dual prices with no negative reduced cost and zero on every assigned pair.</summary>
    private static void AssertCertificate(CostMatrix m, AssignmentResult r)
    {
        Assert.Equal(m.Rows, r.ColumnOfRow.Distinct().Count());
        for (var i = 0; i < m.Rows; i++)
        {
            var j = r.ColumnOfRow[i];
            Assert.True(m.Allowed(i, j));
            Assert.Equal(0, m[i, j] - r.RowPrices[i] - r.ColumnPrices[j], 6);
            for (var k = 0; k < m.Columns; k++)
            {
                if (m.Allowed(i, k))
                {
                    Assert.True(m[i, k] - r.RowPrices[i] - r.ColumnPrices[k] >= -1e-6, $"negative reduced cost at ({i},{k})");
                }
            }
        }
        // Columns left free carry no price above zero, or leaving them free would not be optimal.
        var taken = r.ColumnOfRow.ToHashSet();
        for (var k = 0; k < m.Columns; k++)
        {
            if (!taken.Contains(k))
            {
                Assert.True(r.ColumnPrices[k] <= 1e-6, $"free column {k} has price {r.ColumnPrices[k]}");
            }
        }
    }

    [Fact]
    public void A_large_dense_instance_has_a_valid_certificate()
    {
        var m = Random(new Random(7), 300, 450, forbidden: 0, maxCost: 100_000);
        var result = Assignment.Solve(m);
        AssertCertificate(m, result);
        Assert.Equal(300, result.Assigned);
    }

    [Fact]
    public void More_rows_than_columns_is_refused_and_a_row_with_no_allowed_column_is_named()
    {
        Assert.Throws<ArgumentException>(() => Assignment.Solve(new CostMatrix(3, 2)));
        var m = new CostMatrix(2, 3);
        m[0, 0] = 1;
        m[0, 1] = 2;
        var e = Assert.Throws<InfeasibleAssignmentException>(() => Assignment.Solve(m));
        Assert.Equal(1, e.Row);
    }
}
