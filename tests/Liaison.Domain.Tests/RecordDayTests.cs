using Liaison.Domain.Cases;
using Liaison.Domain.Field;

namespace Liaison.Domain.Tests;

/// <summary>A visit and a case carry the China calendar day they happened on, whatever offset the instant came with.</summary>
public class RecordDayTests
{
    public static TheoryData<string, string> Instants => new()
    {
        // UTC late evening is the next morning in China.
        { "2026-06-30T23:30:00Z", "2026-07-01" },
        { "2026-06-30T15:59:59Z", "2026-06-30" },
        { "2026-06-30T16:00:00Z", "2026-07-01" },
        // A phone that sends its local time with +08:00, or another offset.
        { "2026-12-31T23:59:00+08:00", "2026-12-31" },
        { "2026-12-31T12:00:00-05:00", "2027-01-01" },
    };

    [Theory]
    [MemberData(nameof(Instants))]
    public void The_day_follows_the_instant_in_China(string instant, string day)
    {
        var at = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
        var visit = new HouseholdVisit { VillageCode = "370830001001", ReceivedBy = "t", ContentHash = "h", VisitedAt = at };
        var c = new Case { TrackingCode = "T", Category = "c", VillageCode = "370830001001", Description = "d", ReceivedBy = "t", HolderDivision = "370830001001", ReceivedAt = at };
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), visit.VisitedOn);
        Assert.Equal(visit.VisitedOn, c.ReceivedOn);
        // Changed later (a correction), the day follows.
        visit.VisitedAt = at.AddDays(1);
        Assert.Equal(visit.VisitedOn, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture).AddDays(1));
    }
}
