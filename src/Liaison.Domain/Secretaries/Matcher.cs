using Liaison.Domain.Liaisons;

namespace Liaison.Domain.Secretaries;

/// <summary>One posting the match makes: who, where, and the cost terms that explain it.</summary>
public sealed record MatchedPair(MatchCandidate Candidate, Place Village, CostTerms Terms);

/// <summary>A selected cadre the match could not place, and why.</summary>
public sealed record Unplaced(MatchCandidate Candidate, string ReasonZh, string ReasonEn);

/// <summary>The match: postings, those left out, the optimal total, and the matrix it solved (for export and "why not").</summary>
public sealed record MatchResult(IReadOnlyList<MatchedPair> Pairs, IReadOnlyList<Unplaced> Unplaced, long TotalCost, IReadOnlyList<MatchCandidate> Rows, IReadOnlyList<Place> Columns, CostMatrix Costs);

/// <summary>
/// The First Secretary match as an assignment problem (issue 5): selected cadres × villages that
/// need one, hard rules as forbidden pairs, cost terms from the policy, solved exactly. When not
/// everyone can be placed, the largest number is placed at least cost and the rest are named with
/// the call whose jurisdiction has too few villages.
/// </summary>
public static class Matcher
{
    public static MatchResult Match(MatchCosts model, IReadOnlyList<MatchCandidate> candidates, IReadOnlyList<Place> villages)
    {
        var costs = model.Matrix(candidates, villages);
        if (candidates.Count == 0)
        {
            return new MatchResult([], [], 0, candidates, villages, costs);
        }
        AssignmentResult solved;
        var padded = false;
        try
        {
            solved = Assignment.Solve(costs);
        }
        catch (Exception e) when (e is InfeasibleAssignmentException or ArgumentException)
        {
            // Not everyone fits: each row also gets a "not placed" column of its own, dearer than any
            // placement could ever be, so the solver places as many as possible, then at least cost.
            solved = Assignment.Solve(WithLeftOut(costs));
            padded = true;
        }
        var pairs = new List<MatchedPair>();
        var unplaced = new List<Unplaced>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var j = solved.ColumnOfRow[i];
            if (j < villages.Count)
            {
                pairs.Add(new MatchedPair(candidates[i], villages[j], model.Terms(candidates[i], villages[j])));
            }
            else
            {
                unplaced.Add(Explain(model, candidates[i], candidates, villages));
            }
        }
        var total = padded ? pairs.Sum(p => (long)p.Terms.Total) : solved.TotalCost;
        return new MatchResult(pairs, unplaced, total, candidates, villages, costs);
    }

    private static CostMatrix WithLeftOut(CostMatrix costs)
    {
        var max = costs.Values.Where(double.IsFinite).DefaultIfEmpty(0).Max();
        var leftOut = (max + 1) * costs.Rows;
        var m = new CostMatrix(costs.Rows, costs.Columns + costs.Rows);
        for (var i = 0; i < costs.Rows; i++)
        {
            Array.Copy(costs.Values, i * costs.Columns, m.Values, i * m.Columns, costs.Columns);
            m[i, costs.Columns + i] = leftOut;
        }
        return m;
    }

    private static Unplaced Explain(MatchCosts model, MatchCandidate c, IReadOnlyList<MatchCandidate> all, IReadOnlyList<Place> villages)
    {
        var allowed = villages.Count(v => model.Check(c, v) == Forbidden.None);
        var rivals = all.Count(o => o.DispatchDivision == c.DispatchDivision);
        return allowed == 0
            ? new Unplaced(c, $"{c.DispatchDivision} 辖区内没有可去的需要第一书记的村（回避规则或没有需要的村）", $"no village needing a First Secretary is open to this cadre in {c.DispatchDivision} (avoidance, or none needs one)")
            : new Unplaced(c, $"{c.DispatchDivision} 辖区内可去的村 {allowed} 个，同一选派范围的人选 {rivals} 名，村不够分", $"{allowed} villages open in {c.DispatchDivision} for {rivals} cadres of the same call: not enough villages");
    }

    /// <summary>
    /// "Why not this village?": what the total would be if the cadre went there instead, the pair's
    /// own cost terms beside those of the cadre's posting, or the rule that forbids it.
    /// </summary>
    public static WhyNot WhyNot(MatchCosts model, MatchResult result, int row, int column)
    {
        var c = result.Rows[row];
        var village = result.Columns[column];
        var forbidden = model.Check(c, village);
        if (forbidden != Forbidden.None)
        {
            return new WhyNot(forbidden, null, null, null);
        }
        // Force the pair: every other row competes for the other columns; the difference to the optimum is the answer.
        var forced = new CostMatrix(result.Costs.Rows, result.Costs.Columns);
        Array.Copy(result.Costs.Values, forced.Values, forced.Values.Length);
        for (var j = 0; j < forced.Columns; j++)
        {
            if (j != column)
            {
                forced[row, j] = double.PositiveInfinity;
            }
        }
        for (var i = 0; i < forced.Rows; i++)
        {
            if (i != row)
            {
                forced[i, column] = double.PositiveInfinity;
            }
        }
        long? total;
        try
        {
            total = Assignment.Solve(forced).TotalCost;
        }
        catch (InfeasibleAssignmentException)
        {
            total = null;
        }
        return new WhyNot(Forbidden.None, model.Terms(c, village), total, total - result.TotalCost);
    }
}

/// <summary>The answer to "why not this village?": a rule that forbids the pair, or its cost terms and what it would add to the optimal total.</summary>
public sealed record WhyNot(Forbidden Forbidden, CostTerms? Terms, long? TotalIfForced, long? Increase);
