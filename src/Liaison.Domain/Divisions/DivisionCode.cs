namespace Liaison.Domain.Divisions;

/// <summary>Rules of NBS division codes: digits only, with a fixed length per level.</summary>
public static class DivisionCode
{
    /// <summary>Code length of each level: 37, 3708, 370811, 370811002, 370811002001.</summary>
    public static int LengthOf(DivisionLevel level) => level switch
    {
        DivisionLevel.Province => 2,
        DivisionLevel.City => 4,
        DivisionLevel.County => 6,
        DivisionLevel.Township => 9,
        DivisionLevel.Village => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static bool IsWellFormed(string code, DivisionLevel level) =>
        code.Length == LengthOf(level) && code.All(char.IsAsciiDigit);

    /// <summary>The level a well-formed code of this length has, or null.</summary>
    public static DivisionLevel? LevelOfLength(int length) => length switch
    {
        2 => DivisionLevel.Province,
        4 => DivisionLevel.City,
        6 => DivisionLevel.County,
        9 => DivisionLevel.Township,
        12 => DivisionLevel.Village,
        _ => null,
    };

    /// <summary>The parent code implied by the code itself (its prefix one level up), or null for a province.</summary>
    public static string? ImpliedParent(string code) => LevelOfLength(code.Length) switch
    {
        DivisionLevel.Province or null => null,
        DivisionLevel level => code[..LengthOf(level - 1)],
    };

    /// <summary>Codes of all ancestors, the parent first and the province last.</summary>
    public static IEnumerable<string> Ancestors(string code)
    {
        for (var p = ImpliedParent(code); p is not null; p = ImpliedParent(p))
        {
            yield return p;
        }
    }

    /// <summary>Whether <paramref name="code"/> lies in the subtree rooted at <paramref name="root"/> (itself included).</summary>
    public static bool IsInSubtree(string code, string root) => code.StartsWith(root, StringComparison.Ordinal);

    public static bool TryParseLevel(string text, out DivisionLevel level)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "province": level = DivisionLevel.Province; return true;
            case "city": level = DivisionLevel.City; return true;
            case "county": level = DivisionLevel.County; return true;
            case "township": level = DivisionLevel.Township; return true;
            case "village": level = DivisionLevel.Village; return true;
            default: level = default; return false;
        }
    }

    public static string LevelName(DivisionLevel level) => level.ToString().ToLowerInvariant();
}
