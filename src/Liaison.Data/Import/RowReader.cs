using System.Globalization;
using Liaison.Domain.People;
using Liaison.Domain.Shared;

namespace Liaison.Data.Import;

/// <summary>
/// Reads typed values from one row, recording a problem (with line and column) for each bad cell,
/// and each cell it read as another value than written (<see cref="ImportProblems.Normalised"/>),
/// normalised by <see cref="CellNormaliser"/>.
/// </summary>
public readonly struct RowReader(TabularRow row, ColumnMap map, ImportProblems problems)
{
    public long Line => row.Line;

    /// <summary>Whether the file has the column.</summary>
    public bool Has(string key) => map.Has(key);

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

    /// <summary>Records that the cell of <paramref name="key"/> was read as <paramref name="after"/> (nothing when it is as written).</summary>
    public void Normalised(string key, string before, string after)
    {
        if (before != after)
        {
            problems.Normalised(row.Line, map.HeaderOf(key), before, after);
        }
    }

    /// <summary>A code or key (staff number, unit code, house number, division code): full-width folded, no whitespace.</summary>
    public string Code(string key, bool required, int maxLength = 40)
    {
        var raw = map.Cell(row, key);
        var v = CellNormaliser.Code(raw);
        if (v.Length == 0)
        {
            if (required)
            {
                Problem(key, ImportReason.EmptyValue);
            }
            return "";
        }
        Normalised(key, raw, v);
        if (v.Length > maxLength)
        {
            TooLong(key, v, maxLength);
            return "";
        }
        return v;
    }

    /// <summary>A person's or a unit's name: whitespace of every kind taken out ("张　伟" → "张伟").</summary>
    public string Name(string key, int maxLength, bool required)
    {
        var raw = map.Cell(row, key);
        var v = CellNormaliser.Name(raw);
        if (v.Length == 0)
        {
            if (required)
            {
                Problem(key, ImportReason.EmptyValue);
            }
            return "";
        }
        Normalised(key, raw, v);
        if (v.Length > maxLength)
        {
            TooLong(key, v, maxLength);
            return v[..maxLength];
        }
        return v;
    }

    /// <summary>是/否 in all the usual forms (<see cref="CellNormaliser.YesNo"/>); an empty cell is no.</summary>
    public bool YesNo(string key)
    {
        var v = map.Cell(row, key);
        // The usual answers first (a million rows have six of these each).
        if (v.Length == 0 || v == "否")
        {
            return false;
        }
        if (v == "是")
        {
            return true;
        }
        if (CellNormaliser.YesNo(v) is { } yes)
        {
            Normalised(key, v, yes ? "是" : "否");
            return yes;
        }
        Expected(key, v, new Term("是/否", "yes/no"));
        return false;
    }

    public int Number(string key, int min, int max, bool required)
    {
        var raw = map.Cell(row, key);
        var v = CellNormaliser.Code(raw);
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
            Normalised(key, raw, v);
            return n;
        }
        Problem(key, ImportReason.InvalidValue, raw, $"{min}–{max}");
        return 0;
    }

    /// <summary>A number with decimals as offices write it (full-width digits, thousands separators: 1,200.5); null when empty or unreadable (a problem recorded).</summary>
    public decimal? Amount(string key, bool required)
    {
        var raw = required ? Required(key) : Optional(key);
        if (raw.Length == 0)
        {
            return null;
        }
        var v = CellNormaliser.Code(raw);
        if (decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }
        Expected(key, raw, new Term("数字（如 1200、1.25）", "a number (e.g. 1200, 1.25)"));
        return null;
    }

    /// <summary>A year, also from a date as offices write it (<see cref="CellNormaliser.Year"/>): 1975年3月 → 1975.</summary>
    public int Year(string key, int min, int max, bool required)
    {
        var raw = map.Cell(row, key);
        if (raw.Length == 0)
        {
            if (required)
            {
                Problem(key, ImportReason.EmptyValue);
            }
            return 0;
        }
        if (CellNormaliser.Year(raw) is { } year && year >= min && year <= max)
        {
            Normalised(key, raw, year.ToString(CultureInfo.InvariantCulture));
            return year;
        }
        Expected(key, raw, new Term($"{min}–{max} 年间的年份或日期（如 1975、1975年3月、1975-03-12）", $"a year or date between {min} and {max} (e.g. 1975, 1975-03, 1975-03-12)"));
        return 0;
    }

    /// <summary>A day as offices write it (<see cref="CellNormaliser.Date"/>): 2026年3月12日 → 2026-03-12; null when empty (and not required).</summary>
    public DateOnly? Date(string key, bool required)
    {
        var raw = required ? Required(key) : Optional(key);
        if (raw.Length == 0)
        {
            return null;
        }
        if (CellNormaliser.Date(raw) is { } day)
        {
            Normalised(key, raw, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return day;
        }
        Expected(key, raw, new Term("日期（如 2026-03-12、2026年3月12日）", "a date (e.g. 2026-03-12)"));
        return null;
    }

    /// <summary>男/女 in their usual forms (<see cref="CellNormaliser.Sex"/>).</summary>
    public Gender Sex(string key)
    {
        var v = Required(key);
        if (v.Length == 0)
        {
            return default;
        }
        if (CellNormaliser.Sex(v) is { } g)
        {
            Normalised(key, v, Terms.Genders[g].Zh);
            return g;
        }
        Expected(key, v, new Term("男/女", "male/female"));
        return default;
    }

    public T Choice<T>(string key, IReadOnlyDictionary<T, Term> terms)
        where T : struct
    {
        var raw = Required(key);
        if (raw.Length == 0)
        {
            return default;
        }
        var v = CellNormaliser.Code(raw);
        if (Terms.TryParse(terms, v, out var value))
        {
            Normalised(key, raw, v);
            return value;
        }
        Expected(key, raw, new Term(Terms.Choices(terms, false), Terms.Choices(terms, true)));
        return default;
    }

    /// <summary>A phone in one form (<see cref="CellNormaliser.Phone"/>): a mobile's 11 digits, a landline with its area code; empty is allowed.</summary>
    public string? Phone(string key)
    {
        var v = map.Cell(row, key);
        if (v.Length == 0)
        {
            return null;
        }
        if (CellNormaliser.Phone(v) is { } phone)
        {
            Normalised(key, v, phone);
            return phone;
        }
        Problem(key, ImportReason.NotAPhone, v);
        return null;
    }

    private void TooLong(string key, string v, int maxLength) =>
        Expected(key, v[..Math.Min(v.Length, 20)] + "…", new Term($"不超过 {maxLength} 个字符", $"at most {maxLength} characters"));

    /// <summary>Text with a length limit, trimmed at the ends.</summary>
    public string Text(string key, int maxLength, bool required)
    {
        var v = required ? Required(key) : Optional(key);
        if (v.Length > maxLength)
        {
            TooLong(key, v, maxLength);
            return v[..maxLength];
        }
        return v;
    }
}
