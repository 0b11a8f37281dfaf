namespace Liaison.Domain.Liaisons;

/// <summary>A person, unit or place a violation names: its code and name.</summary>
public sealed record Named(string Code, string Name);

/// <summary>
/// One broken rule: which rule, what exactly, and who and where. <see cref="Area"/> is the division
/// whose office answers for it (the person's or unit's division, the township, the village), so that
/// a violation with no place yet (a leader with no contact point) still shows in its jurisdiction.
/// </summary>
public sealed record Violation(LiaisonRule Rule, string DetailZh, string DetailEn, IReadOnlyList<Named> People, IReadOnlyList<Named> Units, IReadOnlyList<Named> Places, IReadOnlyList<long> Ties, string? Area = null)
{
    /// <summary>Whether the violation concerns the subtree of <paramref name="code"/>.</summary>
    public bool Concerns(string code) =>
        (Area is not null && Divisions.DivisionCode.IsInSubtree(Area, code)) || Places.Any(p => Divisions.DivisionCode.IsInSubtree(p.Code, code));

    public string Detail(bool english) => english ? DetailEn : DetailZh;
}

public sealed record Coverage(int Villages, int Covered);

/// <summary>What <see cref="LiaisonChecker.Check"/> finds.</summary>
public sealed record CheckResult(IReadOnlyList<Violation> Violations, Coverage Coverage, IReadOnlyDictionary<TieKind, int> ByKind)
{
    public bool IsClean => Violations.Count == 0;
}
