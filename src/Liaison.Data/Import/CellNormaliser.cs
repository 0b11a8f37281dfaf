using System.Globalization;
using System.Text;
using Liaison.Domain.People;

namespace Liaison.Data.Import;

/// <summary>
/// The one home of how a cell as offices type it becomes the value Liaison keeps (docs/IMPORTS.md):
/// full-width characters folded (NFKC), whitespace taken out of codes and names, phones to one
/// form, years from dates, sex and yes/no in their usual forms. Each function is pure; the row
/// reader records every change it made (line, column, before → after) so that nothing is altered
/// unseen.
/// </summary>
public static class CellNormaliser
{
    /// <summary>Whitespace of every kind: ASCII, no-break (U+00A0), ideographic (U+3000), zero-width, line breaks inside a cell.</summary>
    public static bool IsSpace(char c) => c <= ' ' ? char.IsWhiteSpace(c) : c >= '\u0080' && (char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF');

    /// <summary>Full-width and compatibility forms folded (NFKC): "１２３" → "123", "ＡＢ" → "AB".</summary>
    public static string Fold(string s) => IsKnownNormal(s) ? s : s.Normalize(NormalizationForm.FormKC);

    /// <summary>A code, key or number: folded and without any whitespace ("３７０８ ３０" → "370830").</summary>
    public static string Code(string s) => RemoveSpaces(Fold(s));

    /// <summary>A person's or a unit's name: without any whitespace ("张　伟" → "张伟"); the characters themselves are kept.</summary>
    public static string Name(string s) => RemoveSpaces(s);

    /// <summary>Ordinary text: trimmed of whitespace of every kind at both ends.</summary>
    public static string Trim(string s)
    {
        var start = 0;
        var end = s.Length;
        while (start < end && IsSpace(s[start]))
        {
            start++;
        }
        while (end > start && IsSpace(s[end - 1]))
        {
            end--;
        }
        return start == 0 && end == s.Length ? s : s[start..end];
    }

    public static string RemoveSpaces(string s)
    {
        var any = false;
        foreach (var c in s)
        {
            if (IsSpace(c))
            {
                any = true;
                break;
            }
        }
        if (!any)
        {
            return s;
        }
        var b = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (!IsSpace(c))
            {
                b.Append(c);
            }
        }
        return b.ToString();
    }

    /// <summary>
    /// Whether NFKC leaves the text as it is, known without asking ICU (a call per cell costs a
    /// million-row import seconds): printable ASCII and CJK unified ideographs (U+4E00–U+9FFF, "1号")
    /// have no decomposition and compose with nothing. Anything else goes through Normalize.
    /// </summary>
    private static bool IsKnownNormal(string s)
    {
        foreach (var c in s)
        {
            if (c > '\u007E' && c is < '\u4E00' or > '\u9FFF')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// A phone in one form: a mobile as 11 digits ("13912345678"), a landline as area code, dash,
    /// number ("0539-1234567", "010-12345678"). +86 / 0086, spaces, dashes, dots and brackets are
    /// dropped. Null for what is not a phone (too short or long, letters, two numbers in one cell,
    /// a landline without its area code).
    /// </summary>
    public static string? Phone(string s)
    {
        // The usual cell, already a mobile's 11 digits: as it is, with nothing made.
        if (s.Length == 11 && s[0] == '1' && s[1] is >= '3' and <= '9' && !s.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return s;
        }
        var f = Fold(s);
        var digits = new StringBuilder(f.Length);
        for (var i = 0; i < f.Length; i++)
        {
            var c = f[i];
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c == '+' && digits.Length == 0)
            {
                // A country code follows: only China's is taken.
                if (!f.AsSpan(i + 1).TrimStart().StartsWith("86", StringComparison.Ordinal))
                {
                    return null;
                }
            }
            else if (!(IsSpace(c) || c is '-' or '.' or '(' or ')' or '[' or ']' or '—' or '–' or '－' or '〔' or '〕' or '（' or '）'))
            {
                return null;
            }
        }
        var d = digits.ToString();
        if (f.TrimStart().StartsWith('+') || d.StartsWith("0086", StringComparison.Ordinal))
        {
            d = d[(d.StartsWith("0086", StringComparison.Ordinal) ? 4 : 2)..];
        }
        else if (d.Length == 13 && d.StartsWith("861", StringComparison.Ordinal))
        {
            d = d[2..];
        }
        if (d.Length == 11 && d[0] == '1' && d[1] is >= '3' and <= '9')
        {
            return d;
        }
        // A landline: 0, then a 2-digit (010, 02x) or 3-digit area code, then 7 or 8 digits.
        if (d.Length > 0 && d[0] == '0')
        {
            var area = d.Length > 2 && (d[1] == '1' || d[1] == '2') ? 3 : 4;
            var local = d.Length - area;
            if (local is 7 or 8 && d[area] != '0')
            {
                return d[..area] + "-" + d[area..];
            }
        }
        return null;
    }

    /// <summary>
    /// The year of a birth date as offices write it: 1975, 1975年, 1975.03, 1975-03-12, 1975/3/12,
    /// 1975年3月, 1975年3月12日, 197503, 19750312, or an Excel date (a serial number such as 27468, or
    /// a date cell read as 1975-03-12 00:00:00). Null when it is none of these or the month or day
    /// is impossible.
    /// </summary>
    public static int? Year(string s) => DateParts(s)?.Year;

    /// <summary>
    /// A day as offices write it, in the forms <see cref="Year"/> reads that name the day: 2026-03-12,
    /// 2026/3/12, 2026.03.12, 2026年3月12日, 20260312, or an Excel date (a serial number or a date cell
    /// read with its time). Null for anything else, a year or month alone included.
    /// </summary>
    public static DateOnly? Date(string s) => DateParts(s) is { Month: { } m, Day: { } d } p ? new DateOnly(p.Year, m, d) : null;

    /// <summary>The year, and where written the month and day, of a date in the forms <see cref="Year"/> lists.</summary>
    private static (int Year, int? Month, int? Day)? DateParts(string s)
    {
        var f = Trim(Fold(s));
        // A date cell read with its time: "1975-03-12 00:00:00", "1975/3/12 0:00", "1975-03-12T00:00:00".
        var colon = f.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            var cut = f.LastIndexOfAny([' ', 'T'], colon);
            if (cut <= 0)
            {
                return null;
            }
            f = f[..cut];
        }
        f = RemoveSpaces(f);
        if (f.Length == 0)
        {
            return null;
        }
        if (f.EndsWith('日'))
        {
            f = f[..^1];
        }
        if (f.EndsWith('月') || f.EndsWith('年'))
        {
            f = f[..^1];
        }
        var parts = f.Split(['.', '-', '/', '年', '月'], StringSplitOptions.None);
        if (parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)))
        {
            return null;
        }
        int Part(string p) => int.Parse(p, CultureInfo.InvariantCulture);
        if (parts.Length == 1)
        {
            var n = parts[0];
            switch (n.Length)
            {
                case 4:
                    return (Part(n), null, null);
                case 6 when Month(Part(n[4..])):
                    return (Part(n[..4]), Part(n[4..]), null);
                case 8 when Date(Part(n[..4]), Part(n[4..6]), Part(n[6..])):
                    return (Part(n[..4]), Part(n[4..6]), Part(n[6..]));
                case 5:
                    // An Excel date as its serial number (days since 1899-12-30): 1 Jan 1910 is 3653, 2099 is 72686.
                    var serial = Part(n);
                    if (serial is < 3653 or > 72686)
                    {
                        return null;
                    }
                    var day = DateTime.FromOADate(serial);
                    return (day.Year, day.Month, day.Day);
                default:
                    return null;
            }
        }
        if (parts[0].Length != 4 || parts.Length > 3 || parts.Skip(1).Any(p => p.Length > 2))
        {
            return null;
        }
        var year = Part(parts[0]);
        if (!Month(Part(parts[1])) || (parts.Length == 3 && !Date(year, Part(parts[1]), Part(parts[2]))))
        {
            return null;
        }
        return (year, Part(parts[1]), parts.Length == 3 ? Part(parts[2]) : null);

        static bool Month(int m) => m is >= 1 and <= 12;
        static bool Date(int y, int m, int d) => Month(m) && y is >= 1 and <= 9999 && d >= 1 && d <= DateTime.DaysInMonth(y, m);
    }

    /// <summary>男/女, 男性/女性, M/F, male/female (any case); null for anything else.</summary>
    public static Gender? Sex(string s) => Code(s).ToLowerInvariant() switch
    {
        "男" or "男性" or "m" or "male" or "man" => Gender.Male,
        "女" or "女性" or "f" or "female" or "woman" => Gender.Female,
        _ => null,
    };

    /// <summary>
    /// 是/否 in their usual forms: 是 Y yes true 1 √ ✓ ✔ 有 对; 否 N no false 0 × ✗ ✘ 无 不是 没有; and
    /// an empty cell, "/" or "-" for no. Null for anything else.
    /// </summary>
    public static bool? YesNo(string s) => Code(s).ToLowerInvariant() switch
    {
        "" or "否" or "n" or "no" or "false" or "0" or "×" or "✗" or "✘" or "x" or "无" or "不是" or "没有" or "非" or "/" or "-" or "—" => false,
        "是" or "y" or "yes" or "true" or "1" or "√" or "✓" or "✔" or "有" or "对" or "是的" => true,
        _ => null,
    };
}
