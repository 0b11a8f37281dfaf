using System.Globalization;
using Liaison.Domain.Shared;

namespace Liaison.Domain.Reporting;

/// <summary>
/// The months a report counts: whole months of one programme year, since the programme's
/// commitments (residence days, visiting every household) are yearly and the rollups keep months.
/// </summary>
public sealed record ReportPeriod(int Year, int FromMonth, int ToMonth)
{
    public static ReportPeriod WholeYear(int year) => new(year, 1, 12);

    public bool IsWholeYear => FromMonth == 1 && ToMonth == 12;

    public bool Contains(int month) => month >= FromMonth && month <= ToMonth;

    public DateOnly First => new(Year, FromMonth, 1);

    public DateOnly Last => new DateOnly(Year, ToMonth, 1).AddMonths(1).AddDays(-1);

    public override string ToString() => IsWholeYear
        ? Year.ToString(CultureInfo.InvariantCulture)
        : First.ToString("yyyy-MM", CultureInfo.InvariantCulture) + (FromMonth == ToMonth ? "" : "…" + Last.ToString("yyyy-MM", CultureInfo.InvariantCulture));

    public Term Label => IsWholeYear
        ? new($"{Year} 年度", $"year {Year}")
        : new($"{Year} 年 {FromMonth}–{ToMonth} 月",
            First.ToString("MMM yyyy", CultureInfo.InvariantCulture) + "–" + Last.ToString("MMM yyyy", CultureInfo.InvariantCulture));

    /// <summary>
    /// Reads --from and --to (or the page's fields): <c>2026-03</c> or a date that starts (from) or
    /// ends (to) a month. Either may be empty: the year of the other, or <paramref name="year"/>.
    /// </summary>
    public static (ReportPeriod? Period, Term? Problem) Parse(string? from, string? to, int year)
    {
        DateOnly? start = null, end = null;
        if (!string.IsNullOrWhiteSpace(from))
        {
            if (ReadMonth(from.Trim(), first: true) is not { } d)
            {
                return (null, new($"开始“{from}”应为月份（如 {year}-03）或某月的 1 日", $"from '{from}' must be a month (e.g. {year}-03) or the first day of one"));
            }
            start = d;
        }
        if (!string.IsNullOrWhiteSpace(to))
        {
            if (ReadMonth(to.Trim(), first: false) is not { } d)
            {
                return (null, new($"结束“{to}”应为月份（如 {year}-06）或某月的最后一天", $"to '{to}' must be a month (e.g. {year}-06) or the last day of one"));
            }
            end = d;
        }
        var y = start?.Year ?? end?.Year ?? year;
        start ??= new DateOnly(y, 1, 1);
        end ??= new DateOnly(y, 12, 1);
        if (start.Value.Year != end.Value.Year)
        {
            return (null, new("报表按年度统计：开始和结束应在同一年", "a report counts one programme year: from and to must be in the same year"));
        }
        if (start > end)
        {
            return (null, new("开始晚于结束", "from is after to"));
        }
        return (new ReportPeriod(y, start.Value.Month, end.Value.Month), null);
    }

    /// <summary>The first day of the month named, or null when the text is not a month or a month's first (last) day.</summary>
    private static DateOnly? ReadMonth(string text, bool first)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return month;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return null;
        }
        var monthStart = new DateOnly(day.Year, day.Month, 1);
        return first ? (day.Day == 1 ? monthStart : null) : (day == monthStart.AddMonths(1).AddDays(-1) ? monthStart : null);
    }
}
