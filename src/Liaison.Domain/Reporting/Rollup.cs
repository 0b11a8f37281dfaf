using Liaison.Domain.Divisions;

namespace Liaison.Domain.Reporting;

/// <summary>Rolls values recorded at a division up to every ancestor, so that any node answers for its subtree.</summary>
public static class Rollup
{
    /// <summary>
    /// Sums each indicator (and month) over every code's chain of ancestors (the code itself included).
    /// Zero values are dropped: a missing rollup row means zero.
    /// </summary>
    public static IReadOnlyList<RollupValue> ToAllLevels(IEnumerable<RollupValue> leaves)
    {
        var totals = new Dictionary<(string Code, string Indicator, int Month), long>();
        foreach (var leaf in leaves)
        {
            if (leaf.Value == 0)
            {
                continue;
            }
            Add(totals, leaf.DivisionCode, leaf.IndicatorId, leaf.Month, leaf.Value);
            foreach (var ancestor in DivisionCode.Ancestors(leaf.DivisionCode))
            {
                Add(totals, ancestor, leaf.IndicatorId, leaf.Month, leaf.Value);
            }
        }
        return totals.Select(kv => new RollupValue(kv.Key.Code, kv.Key.Indicator, kv.Value, kv.Key.Month))
            .OrderBy(v => v.DivisionCode, StringComparer.Ordinal).ThenBy(v => v.IndicatorId, StringComparer.Ordinal).ThenBy(v => v.Month)
            .ToList();
    }

    private static void Add(Dictionary<(string, string, int), long> totals, string code, string indicator, int month, long value)
    {
        totals[(code, indicator, month)] = totals.GetValueOrDefault((code, indicator, month)) + value;
    }
}
