using Liaison.Domain.Reporting;

namespace Liaison.Data.Reporting.Formulas;

/// <summary>
/// Values by division, indicator and month, as the families count them. A month's value also
/// counts toward the total (month 0); zeros are dropped, since a missing rollup row means zero.
/// </summary>
public sealed class LeafCells
{
    private readonly Dictionary<(string Code, string Indicator, int Month), long> _values = [];

    public void Add(string code, Indicator indicator, int month, long value)
    {
        if (value == 0)
        {
            return;
        }
        if (month != 0)
        {
            _values[(code, indicator.Id, month)] = _values.GetValueOrDefault((code, indicator.Id, month)) + value;
        }
        _values[(code, indicator.Id, 0)] = _values.GetValueOrDefault((code, indicator.Id, 0)) + value;
    }

    /// <summary>Whether <paramref name="code"/> has a value of <paramref name="indicator"/> for the year.</summary>
    public bool Has(string code, Indicator indicator) => _values.ContainsKey((code, indicator.Id, 0));

    public List<RollupValue> Leaves => _values.Select(v => new RollupValue(v.Key.Code, v.Key.Indicator, v.Value, v.Key.Month)).ToList();
}
