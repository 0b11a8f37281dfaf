namespace Liaison.Domain.Reporting;

/// <summary>
/// One figure of the programme's report, defined once. Every report, dashboard and export reads it
/// by <see cref="Id"/> from the per-division rollups.
/// </summary>
public sealed record Indicator(string Id, string NameZh, string NameEn, string UnitZh, string UnitEn, string DefinitionZh, string DefinitionEn)
{
    public string Name(bool english) => english ? NameEn : NameZh;
    public string UnitLabel(bool english) => english ? UnitEn : UnitZh;
    public string Definition(bool english) => english ? DefinitionEn : DefinitionZh;
}

/// <summary>A value of one indicator for one division (its whole subtree).</summary>
public readonly record struct RollupValue(string DivisionCode, string IndicatorId, long Value);
