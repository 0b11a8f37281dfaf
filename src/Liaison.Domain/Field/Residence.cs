using Liaison.Domain.Shared;

namespace Liaison.Domain.Field;

/// <summary>A tie that carries a yearly residence minimum: whose, where, in which role.</summary>
public sealed record ResidenceRequirement(int CadreId, string VillageCode, Term Role, int MinimumDays);

/// <summary>How a cadre stands against a minimum on a day: days lived there, how far behind, and what is left of the year.</summary>
public sealed record ResidenceStanding(ResidenceRequirement Requirement, int Days, int Behind, int DaysLeft)
{
    public bool Met => Behind == 0;

    /// <summary>Whether the rest of the year still holds enough days.</summary>
    public bool StillPossible => Behind <= DaysLeft;
}

/// <summary>驻村天数: days in the village per year, counted once however stays overlap.</summary>
public static class Residence
{
    /// <summary>Distinct days of the year covered by the stays.</summary>
    public static int DaysIn(int year, IEnumerable<(DateOnly Arrived, DateOnly Left)> stays) => DaysByMonth(year, stays).Sum();

    /// <summary>
    /// The same days split by month: element 0 is January. Their sum is <see cref="DaysIn"/>, so a
    /// period's residence days are the sum of its months.
    /// </summary>
    public static int[] DaysByMonth(int year, IEnumerable<(DateOnly Arrived, DateOnly Left)> stays)
    {
        var first = new DateOnly(year, 1, 1).DayNumber;
        var last = new DateOnly(year, 12, 31).DayNumber;
        var days = new HashSet<int>();
        foreach (var (arrived, left) in stays)
        {
            for (var d = Math.Max(first, arrived.DayNumber); d <= Math.Min(last, left.DayNumber); d++)
            {
                days.Add(d);
            }
        }
        var months = new int[12];
        foreach (var d in days)
        {
            months[DateOnly.FromDayNumber(d).Month - 1]++;
        }
        return months;
    }

    /// <summary>The standing of one requirement on <paramref name="today"/> (China time) in <paramref name="year"/>.</summary>
    public static ResidenceStanding Stand(ResidenceRequirement requirement, int year, DateOnly today, IEnumerable<(DateOnly Arrived, DateOnly Left)> stays) =>
        Stand(requirement, year, today, DaysIn(year, stays));

    /// <summary>The standing of one requirement with the days already counted.</summary>
    public static ResidenceStanding Stand(ResidenceRequirement requirement, int year, DateOnly today, int days)
    {
        var end = new DateOnly(year, 12, 31);
        var left = today > end ? 0 : end.DayNumber - Math.Max(today.DayNumber, new DateOnly(year, 1, 1).DayNumber) + 1;
        return new ResidenceStanding(requirement, days, Math.Max(0, requirement.MinimumDays - days), left);
    }
}
