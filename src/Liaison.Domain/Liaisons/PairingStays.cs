using Liaison.Domain.Shared;

namespace Liaison.Domain.Liaisons;

/// <summary>Where a pairing's planned half-yearly stay stands on a day.</summary>
public enum PlannedStayState
{
    /// <summary>Its days are still ahead: nothing is asked yet.</summary>
    Upcoming = 1,
    /// <summary>Held by its planned last day.</summary>
    Done = 2,
    /// <summary>Held, but after its planned last day (still within its half-year).</summary>
    Late = 3,
    /// <summary>Past its planned last day, not yet held; the half-year still has time.</summary>
    Due = 4,
    /// <summary>Its half-year ended without it.</summary>
    Missed = 5,
}

/// <summary>A planned stay with what the unit's members did: the days held so far and the day it was complete.</summary>
public sealed record PlannedStayStanding(PlannedStay Planned, PlannedStayState State, int DaysHeld, DateOnly? HeldBy);

/// <summary>
/// 联建单位每半年集中驻村: whether a pairing's planned stays were held. Nothing is asked twice: the
/// days the unit's members spent in the paired village — recorded by each on the phone or for them
/// by the unit — are counted once per day, whoever stayed, within the planned stay's half-year. The
/// half-year's planned stays are met in order: the second needs the first's days and its own.
/// </summary>
public static class PairingStays
{
    public static IReadOnlyList<PlannedStayStanding> Stand(IEnumerable<PlannedStay> planned, IEnumerable<(DateOnly Arrived, DateOnly Left)> memberStays, DateOnly today)
    {
        var days = new SortedSet<int>();
        foreach (var (arrived, left) in memberStays)
        {
            for (var d = arrived.DayNumber; d <= left.DayNumber; d++)
            {
                days.Add(d);
            }
        }
        var result = new List<PlannedStayStanding>();
        foreach (var half in planned.GroupBy(p => HalfOf(p.StartsOn)).OrderBy(g => g.Key))
        {
            var (from, to) = half.Key;
            var held = days.GetViewBetween(from.DayNumber, to.DayNumber).ToList();
            var needed = 0;
            foreach (var p in half.OrderBy(p => p.StartsOn))
            {
                needed += p.Days;
                var heldBy = held.Count >= needed ? DateOnly.FromDayNumber(held[needed - 1]) : (DateOnly?)null;
                var plannedEnd = p.StartsOn.AddDays(p.Days - 1);
                var state = heldBy is { } on ? (on <= plannedEnd ? PlannedStayState.Done : PlannedStayState.Late)
                    : today > to ? PlannedStayState.Missed
                    : today > plannedEnd ? PlannedStayState.Due
                    : PlannedStayState.Upcoming;
                result.Add(new PlannedStayStanding(p, state, Math.Min(p.Days, Math.Max(0, held.Count - (needed - p.Days))), heldBy));
            }
        }
        return result;
    }

    /// <summary>The half-year a day lies in: January–June or July–December.</summary>
    public static (DateOnly From, DateOnly To) HalfOf(DateOnly day) => day.Month <= 6
        ? (new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 6, 30))
        : (new DateOnly(day.Year, 7, 1), new DateOnly(day.Year, 12, 31));

    public static Term Word(PlannedStayState state) => state switch
    {
        PlannedStayState.Upcoming => new("未到期", "upcoming"),
        PlannedStayState.Done => new("已完成", "done"),
        PlannedStayState.Late => new("逾期完成", "done late"),
        PlannedStayState.Due => new("已到期未完成", "due, not yet held"),
        _ => new("未完成", "missed"),
    };
}
