namespace Liaison.Domain.Access;

/// <summary>
/// Where an account may look: everything (administrators), a division's subtree, or a unit
/// (whose division's subtree it reads); for a cadre's account, also the subtrees of the work teams
/// the cadre serves in this year (<see cref="Teams"/>). Jurisdiction checks all go through <see cref="Covers"/>.
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

    /// <summary>
    /// The divisions of the work teams (工作团, 工作队, 工作组) the account's cadre serves in now: a
    /// team's members work in all of its villages and act on the cases its village groups hold, as an
    /// office of the team's division would. Not part of how the scope is written (<see cref="ToString"/>):
    /// it follows the team's records, not the account's.
    /// </summary>
    public IReadOnlyList<string> Teams { get; private init; } = [];

    /// <summary>The subtrees the scope reads: its own division's and the teams' outside it; empty for everything.</summary>
    public IReadOnlyList<string> Roots => DivisionCode is null ? [] : [DivisionCode, .. Teams];

    public static Scope Everything { get; } = new(null, null);

    public static Scope Division(string code) =>
        Divisions.DivisionCode.LevelOfLength(code.Length) is null || !code.All(char.IsAsciiDigit)
            ? throw new FormatException($"'{code}' is not a division code")
            : new Scope(code, null);

    /// <summary>A unit's scope reads the subtree of the unit's own division.</summary>
    public static Scope Unit(int unitId, string unitDivisionCode) => new(unitDivisionCode, unitId);

    /// <summary>The same scope reaching the teams' divisions as well; those already within it (or within another team's) are left out.</summary>
    public Scope WithTeams(IEnumerable<string> teamDivisions)
    {
        var outside = teamDivisions.Where(t => !Covers(t)).Distinct(StringComparer.Ordinal).ToList();
        return this with { Teams = outside.Where(t => !outside.Any(o => o != t && Divisions.DivisionCode.IsInSubtree(t, o))).Order(StringComparer.Ordinal).ToList() };
    }

    public bool IsEverything => DivisionCode is null;

    /// <summary>Whether a record of this division lies within the scope.</summary>
    public bool Covers(string divisionCode) =>
        DivisionCode is null || Divisions.DivisionCode.IsInSubtree(divisionCode, DivisionCode) || Teams.Any(t => Divisions.DivisionCode.IsInSubtree(divisionCode, t));

    /// <summary>How the scope is written in commands and claims: "*", "370830" or "unit:12".</summary>
    public override string ToString() => UnitId is { } u ? $"unit:{u}" : DivisionCode ?? "*";
}
