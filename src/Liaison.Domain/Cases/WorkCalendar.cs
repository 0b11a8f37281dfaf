namespace Liaison.Domain.Cases;

/// <summary>
/// Working days: Monday to Friday, less the public holidays, plus the weekend days worked in
/// exchange (调休). Both lists come from the policy, one city and year at a time.
/// </summary>
public sealed class WorkCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workedWeekendDays)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];
    private readonly HashSet<DateOnly> _worked = [.. workedWeekendDays];

    public bool IsWorkingDay(DateOnly d) => _worked.Contains(d) || (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(d));

    /// <summary>The day <paramref name="days"/> working days after <paramref name="from"/> (the day itself not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var d = from;
        for (var left = days; left > 0;)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d))
            {
                left--;
            }
        }
        return d;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                n++;
            }
        }
        return n;
    }
}
