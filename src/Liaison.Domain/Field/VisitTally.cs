namespace Liaison.Domain.Field;

/// <summary>
/// How many times a cadre visited a household in a month of a year: the household visits as the
/// indicators read them (decision 0017). The writer of a visit adds it here in the same
/// transaction, so a recount of a village reads a row per household, cadre and month however many
/// visits lie behind them; <c>report verify</c> counts the same rows from the visits themselves.
/// </summary>
public sealed class VisitTally
{
    public required string VillageCode { get; set; }
    public int Year { get; set; }
    public long HouseholdId { get; set; }
    public int CadreId { get; set; }
    /// <summary>The China calendar month, 1–12, of the visits' <see cref="HouseholdVisit.VisitedOn"/>.</summary>
    public int Month { get; set; }
    public long Visits { get; set; }
}
