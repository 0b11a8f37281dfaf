using System.Globalization;
using Liaison.Domain.Shared;

namespace Liaison.Data.Import;

/// <summary>Reads typed values from one row, recording a problem (with line and column) for each bad cell.</summary>
public readonly struct RowReader(TabularRow row, ColumnMap map, ImportProblems problems)
{
    public long Line => row.Line;

    public string Optional(string key) => map.Cell(row, key);

    public string Required(string key)
    {
        var v = map.Cell(row, key);
        if (v.Length == 0)
        {
            problems.Add(row.Line, map.HeaderOf(key), ImportReason.EmptyValue);
        }
        return v;
    }

    public void Problem(string key, ImportReason reason, params string[] args) => problems.Add(row.Line, map.HeaderOf(key), reason, args);

    /// <summary>A problem whose arguments differ by language.</summary>
    public void Problem(string key, ImportReason reason, IReadOnlyList<Term> args) => problems.Add(row.Line, map.HeaderOf(key), reason, args);

    /// <summary>An invalid value, with what was expected in both languages.</summary>
    public void Expected(string key, string value, Term expected) => Problem(key, ImportReason.InvalidValue, [Term.Same(value), expected]);

    /// <summary>是/否, Y/N, true/false, 1/0; an empty cell is no.</summary>
    public bool YesNo(string key)
    {
        var v = map.Cell(row, key);
        // The usual answers first, without lower-casing (a million rows have six of these each).
        if (v.Length == 0 || v == "否")
        {
            return false;
        }
        if (v == "是")
        {
            return true;
        }
        switch (v.ToLowerInvariant())
        {
            case "" or "否" or "n" or "no" or "false" or "0" or "×":
                return false;
            case "是" or "y" or "yes" or "true" or "1" or "√" or "✓":
                return true;
            default:
                Expected(key, v, new Term("是/否", "yes/no"));
                return false;
        }
    }

    public int Number(string key, int min, int max, bool required)
    {
        var v = map.Cell(row, key);
        if (v.Length == 0)
        {
            if (required)
            {
                Problem(key, ImportReason.EmptyValue);
            }
            return 0;
        }
        if (int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }
        Problem(key, ImportReason.InvalidValue, v, $"{min}–{max}");
        return 0;
    }

    public T Choice<T>(string key, IReadOnlyDictionary<T, Term> terms)
        where T : struct
    {
        var v = Required(key);
        if (v.Length == 0)
        {
            return default;
        }
        if (Terms.TryParse(terms, v, out var value))
        {
            return value;
        }
        Expected(key, v, new Term(Terms.Choices(terms, false), Terms.Choices(terms, true)));
        return default;
    }

    /// <summary>A phone: 7 to 20 characters of digits, with '-' or '+' allowed; empty is allowed.</summary>
    public string? Phone(string key)
    {
        var v = map.Cell(row, key);
        if (v.Length == 0)
        {
            return null;
        }
        if (v.Length is >= 7 and <= 20 && v.All(c => char.IsAsciiDigit(c) || c is '-' or '+') && v.Count(char.IsAsciiDigit) >= 7)
        {
            return v;
        }
        Expected(key, v, new Term("电话号码", "a phone number"));
        return null;
    }

    /// <summary>Text with a length limit.</summary>
    public string Text(string key, int maxLength, bool required)
    {
        var v = required ? Required(key) : Optional(key);
        if (v.Length > maxLength)
        {
            Expected(key, v[..Math.Min(v.Length, 20)] + "…", new Term($"不超过 {maxLength} 个字符", $"at most {maxLength} characters"));
            return v[..maxLength];
        }
        return v;
    }
}
