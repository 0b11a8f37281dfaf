namespace Liaison.Domain.Reporting;

/// <summary>
/// One figure of the programme's report, defined once. Every report, dashboard and export reads it
/// by <see cref="Id"/> from the per-division rollups.
/// </summary>
public sealed record Indicator(string Id, string NameZh, string NameEn, string UnitZh, string UnitEn, string DefinitionZh, string DefinitionEn)
{
    /// <summary>How the figure behaves over a period; decides how a period's value is read from the rollups.</summary>
    public IndicatorKind Kind { get; init; } = IndicatorKind.Stock;

    public string Name(bool english) => english ? NameEn : NameZh;
    public string UnitLabel(bool english) => english ? UnitEn : UnitZh;
    public string Definition(bool english) => english ? DefinitionEn : DefinitionZh;
}

/// <summary>
/// A value of one indicator for one division (its whole subtree): for the year when
/// <see cref="Month"/> is 0, else for that month of the year (see <see cref="IndicatorKind"/>).
/// </summary>
public readonly record struct RollupValue(string DivisionCode, string IndicatorId, long Value, int Month = 0);

/// <summary>How an indicator adds up over time.</summary>
public enum IndicatorKind
{
    /// <summary>A state as it stands now (villages, cadres, ties of the year's plan): a period does not change it.</summary>
    Stock,
    /// <summary>Counted by the month its records fall in; a period's value is the sum of its months.</summary>
    Flow,
    /// <summary>
    /// Things counted once however often they recur (households visited). Kept by the month of each
    /// thing's first occurrence in the year, so the year to any month is a sum; other periods are
    /// counted from the records.
    /// </summary>
    Distinct,
    /// <summary>A standing for the year as a whole (residence minimums met so far).</summary>
    Year,
}
