namespace Liaison.Domain.Reporting;

/// <summary>One division's (or unit's) figures for a period, by indicator id; a missing figure is zero.</summary>
public sealed class ReportFigures(IReadOnlyDictionary<string, long> values)
{
    public static ReportFigures Empty { get; } = new(new Dictionary<string, long>());

    public IReadOnlyDictionary<string, long> Values => values;

    public long this[string indicatorId] => values.GetValueOrDefault(indicatorId);

    public long this[Indicator indicator] => this[indicator.Id];

    public double? this[Ratio ratio] => ratio.Of(id => this[id]);

    /// <summary>The ratio as people read it, with its interval where it is a sample's.</summary>
    public string Show(Ratio ratio, bool english) => ratio.Format(id => this[id], english);
}
