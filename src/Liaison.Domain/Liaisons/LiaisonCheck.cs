namespace Liaison.Domain.Liaisons;

/// <summary>A person, unit or place a violation names: its code and name.</summary>
public sealed record Named(string Code, string Name);

/// <summary>One broken rule: which rule, what exactly, and who and where.</summary>
public sealed record Violation(LiaisonRule Rule, string DetailZh, string DetailEn, IReadOnlyList<Named> People, IReadOnlyList<Named> Units, IReadOnlyList<Named> Places, IReadOnlyList<long> Ties)
{
    public string Detail(bool english) => english ? DetailEn : DetailZh;
}

public sealed record Coverage(int Villages, int Covered);

/// <summary>What <see cref="LiaisonChecker.Check"/> finds.</summary>
public sealed record CheckResult(IReadOnlyList<Violation> Violations, Coverage Coverage, IReadOnlyDictionary<TieKind, int> ByKind)
{
    public bool IsClean => Violations.Count == 0;
}
