using Liaison.Domain.Divisions;
using Liaison.Domain.Reporting;

namespace Liaison.App.Features.Divisions;

/// <summary>Which figures a division's page shows, by level: a village has no townships to count.</summary>
public static class DivisionView
{
    public static IReadOnlyList<Indicator> HeadlineFor(DivisionLevel level) => level switch
    {
        DivisionLevel.Village =>
        [
            Indicators.Households, Indicators.Residents, Indicators.ThreeOldsHouseholds, Indicators.ThreeKindsHouseholds, Indicators.PoorHouseholds,
            Indicators.PoliceLiaisons, Indicators.StationedCadres,
        ],
        DivisionLevel.Township =>
        [
            Indicators.Villages, Indicators.Communities, Indicators.Households, Indicators.Residents, Indicators.Units, Indicators.Cadres,
            Indicators.PoliceOfficers, Indicators.ThreeOldsHouseholds, Indicators.ThreeKindsHouseholds, Indicators.BackwardVillages,
            Indicators.CoveredVillages, Indicators.BackwardTaken, Indicators.PoliceLiaisons,
        ],
        _ =>
        [
            Indicators.Counties, Indicators.Townships, Indicators.Villages, Indicators.Communities, Indicators.Households, Indicators.Residents,
            Indicators.Units, Indicators.Cadres, Indicators.PoliceOfficers, Indicators.ReserveCadres, Indicators.ThreeOldsHouseholds,
            Indicators.ThreeKindsHouseholds, Indicators.BackwardVillages,
            Indicators.CoveredVillages, Indicators.CityLeaderPoints, Indicators.CountyLeaderPoints, Indicators.UnitLeaderPoints, Indicators.Pairings,
            Indicators.BackwardTaken, Indicators.PoliceLiaisons,
        ],
    };

    /// <summary>The headline indicators with their values; a county does not count itself.</summary>
    public static IReadOnlyList<(Indicator, long)> Headline(Division d, IReadOnlyDictionary<string, long> figures) =>
        HeadlineFor(d.Level)
            .Where(i => !(i == Indicators.Counties && d.Level >= DivisionLevel.County))
            .Select(i => (i, figures.GetValueOrDefault(i.Id)))
            .ToList();
}
