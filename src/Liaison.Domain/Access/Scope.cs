namespace Liaison.Domain.Access;

/// <summary>
/// Where an account may look: everything (administrators), a division's subtree, or a unit
/// (whose division's subtree it reads). Jurisdiction checks all go through <see cref="Covers"/>.
/// </summary>
public sealed record Scope
{
    private Scope(string? divisionCode, int? unitId)
    {
        DivisionCode = divisionCode;
        UnitId = unitId;
    }

    /// <summary>The root of the visible subtree; null for everything.</summary>
    public string? DivisionCode { get; }

    /// <summary>Set for a unit's scope.</summary>
    public int? UnitId { get; }

    public static Scope Everything { get; } = new(null, null);

    public static Scope Division(string code) =>
        Divisions.DivisionCode.LevelOfLength(code.Length) is null || !code.All(char.IsAsciiDigit)
            ? throw new FormatException($"'{code}' is not a division code")
            : new Scope(code, null);

    /// <summary>A unit's scope reads the subtree of the unit's own division.</summary>
    public static Scope Unit(int unitId, string unitDivisionCode) => new(unitDivisionCode, unitId);

    public bool IsEverything => DivisionCode is null;

    /// <summary>Whether a record of this division lies within the scope.</summary>
    public bool Covers(string divisionCode) => DivisionCode is null || Divisions.DivisionCode.IsInSubtree(divisionCode, DivisionCode);

    /// <summary>How the scope is written in commands and claims: "*", "370830" or "unit:12".</summary>
    public override string ToString() => UnitId is { } u ? $"unit:{u}" : DivisionCode ?? "*";
}
