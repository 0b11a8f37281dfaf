namespace Liaison.Domain.Reporting;

/// <summary>
/// One figure of the programme's report, defined once. Every report, dashboard and export reads it
/// by <see cref="Id"/> from the per-division rollups.
/// </summary>
public sealed record Indicator(string Id, string NameZh, string NameEn, string UnitZh, string UnitEn, string DefinitionZh, string DefinitionEn)
{
    /// <summary>How the figure behaves over a period; decides how a period's value is read from the rollups.</summary>
    public IndicatorKind Kind { get; init; } = IndicatorKind.Stock;

    /// <summary>
    /// Decimal places the figure is kept to: a value is stored as a whole number of its
    /// 10^-<see cref="Decimals"/> parts (kilometres to the metre: 3), so that rollups stay whole
    /// numbers and sums stay exact. Counts have none.
    /// </summary>
    public int Decimals { get; init; }

    /// <summary>The figure as people read it from its stored whole number.</summary>
    public decimal ValueOf(long stored) => Decimals == 0 ? stored : stored / Scale(Decimals);

    /// <summary>The stored whole number of an exact amount: rounded to the figure's places.</summary>
    public long Stored(decimal amount) => (long)Math.Round(amount * Scale(Decimals));

    /// <summary>The figure with thousands separators and its decimals, if any.</summary>
    public string Format(long stored) => ValueOf(stored).ToString(Decimals == 0 ? "N0" : "#,0.###", System.Globalization.CultureInfo.InvariantCulture);

    private static decimal Scale(int decimals) => decimals switch { 0 => 1m, 1 => 10m, 2 => 100m, 3 => 1000m, _ => (decimal)Math.Pow(10, decimals) };

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
