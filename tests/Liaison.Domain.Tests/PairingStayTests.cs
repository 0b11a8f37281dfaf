using Liaison.Domain.Liaisons;

namespace Liaison.Domain.Tests;

/// <summary>A pairing's half-yearly stays marked from the days its members spent in the village.</summary>
public class PairingStayTests
{
    private static readonly PlannedStay Spring = new() { TieId = 1, StartsOn = new DateOnly(2026, 4, 6), Days = 3 };
    private static readonly PlannedStay Autumn = new() { TieId = 1, StartsOn = new DateOnly(2026, 9, 14), Days = 3 };

    private static (DateOnly, DateOnly) Stay(int m1, int d1, int m2, int d2) => (new DateOnly(2026, m1, d1), new DateOnly(2026, m2, d2));

    public static TheoryData<string, (DateOnly, DateOnly)[], string, PlannedStayState, int> Cases => new()
    {
        // Three members on the planned days: done on the third day.
        { "2026-05-01", [Stay(4, 6, 4, 8), Stay(4, 6, 4, 8), Stay(4, 7, 4, 7)], "spring", PlannedStayState.Done, 3 },
        // Held, but in May: late.
        { "2026-05-30", [Stay(5, 20, 5, 22)], "spring", PlannedStayState.Late, 3 },
        // Two members on different days make the three days together (each day counted once).
        { "2026-05-01", [Stay(4, 6, 4, 6), Stay(4, 7, 4, 8)], "spring", PlannedStayState.Done, 3 },
        // Two days only, the half-year still running: due.
        { "2026-05-01", [Stay(4, 6, 4, 7)], "spring", PlannedStayState.Due, 2 },
        // Two days only, the half-year over: missed.
        { "2026-07-02", [Stay(4, 6, 4, 7)], "spring", PlannedStayState.Missed, 2 },
        // Days of the other half-year do not count.
        { "2026-07-02", [Stay(7, 1, 7, 5)], "spring", PlannedStayState.Missed, 0 },
        // Before its days: upcoming, even with nothing held.
        { "2026-09-01", [], "autumn", PlannedStayState.Upcoming, 0 },
        // A stay across 30 June counts its days in each half.
        { "2026-07-02", [Stay(6, 29, 7, 1)], "spring", PlannedStayState.Missed, 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_planned_stay_is_marked_from_its_members_days_in_its_half_year(string today, (DateOnly, DateOnly)[] stays, string which, PlannedStayState state, int held)
    {
        var standing = PairingStays.Stand([Spring, Autumn], stays, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));
        var s = standing.Single(x => x.Planned == (which == "spring" ? Spring : Autumn));
        Assert.Equal((state, held), (s.State, s.DaysHeld));
    }

    [Fact]
    public void Two_stays_planned_in_one_half_year_need_the_days_of_both()
    {
        var second = new PlannedStay { TieId = 1, StartsOn = new DateOnly(2026, 5, 11), Days = 3 };
        var standing = PairingStays.Stand([Spring, second], [Stay(4, 6, 4, 8), Stay(5, 11, 5, 12)], new DateOnly(2026, 5, 20));
        Assert.Equal([(PlannedStayState.Done, 3), (PlannedStayState.Due, 2)], standing.Select(s => (s.State, s.DaysHeld)));
    }
}
