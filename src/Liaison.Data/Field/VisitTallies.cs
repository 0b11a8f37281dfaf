using Liaison.Data.Database.Sql;
using Liaison.Domain.Field;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Field;

/// <summary>
/// The household visits as the indicators read them (<see cref="VisitTally"/>, decision 0017):
/// every writer of visits adds its visits here in the same transaction — the API's writer
/// (<see cref="VisitKind"/>) and the demo's generator; <c>report verify</c> counts from the visits
/// themselves (<see cref="OneEach"/>), and <c>report refresh</c> rebuilds them (<see cref="FromVisits"/>).
/// </summary>
public static class VisitTallies
{
    private static readonly string[] Keys = ["village_code", "year", "household_id", "cadre_id", "month"];

    /// <summary>Visits grouped into tallies, in key order: two writers that share rows lock them in the same order.</summary>
    public static List<VisitTally> Of(IEnumerable<HouseholdVisit> visits) =>
        visits.GroupBy(v => (v.VillageCode, v.Year, v.HouseholdId, v.CadreId, v.VisitedOn.Month))
            .OrderBy(g => g.Key.VillageCode, StringComparer.Ordinal).ThenBy(g => g.Key.Year).ThenBy(g => g.Key.HouseholdId).ThenBy(g => g.Key.CadreId).ThenBy(g => g.Key.Month)
            .Select(g => new VisitTally
            {
                VillageCode = g.Key.VillageCode,
                Year = g.Key.Year,
                HouseholdId = g.Key.HouseholdId,
                CadreId = g.Key.CadreId,
                Month = g.Key.Month,
                Visits = g.LongCount(),
            })
            .ToList();

    /// <summary>Adds visits just stored to their tallies, inside the writer's transaction.</summary>
    public static Task AddAsync(LiaisonDb db, IEnumerable<HouseholdVisit> visits, CancellationToken ct) =>
        DatabaseSql.For(db).AccumulateAsync("visit_tallies", Keys, "visits",
            Of(visits).Select(t => new object[] { t.VillageCode, t.Year, t.HouseholdId, t.CadreId, t.Month, t.Visits }), ct);

    /// <summary>Writes the tallies of a year's visits loaded in bulk into a year that had none (the demo's), inside the caller's transaction.</summary>
    public static Task InsertAsync(LiaisonDb db, IEnumerable<HouseholdVisit> visits, CancellationToken ct) =>
        DatabaseSql.For(db).UpsertAsync(FieldSpecs.Tallies(db), Of(visits), null, ct);

    /// <summary>The same rows counted from the visits themselves: what <c>report verify</c> checks the rollups against.</summary>
    public static IQueryable<VisitTally> FromVisits(LiaisonDb db) =>
        db.HouseholdVisits.AsNoTracking()
            .GroupBy(v => new { v.VillageCode, v.Year, v.HouseholdId, v.CadreId, v.VisitedOn.Month })
            .Select(g => new VisitTally
            {
                VillageCode = g.Key.VillageCode,
                Year = g.Key.Year,
                HouseholdId = g.Key.HouseholdId,
                CadreId = g.Key.CadreId,
                Month = g.Key.Month,
                Visits = g.LongCount(),
            });

    /// <summary>
    /// Each visit as a tally of one: what <c>report verify</c> counts. The formulas' sums and
    /// first months come out the same as over <see cref="FromVisits"/>, without grouping a city's
    /// visits first (a grouping the database would make three times, once per formula).
    /// </summary>
    public static IQueryable<VisitTally> OneEach(LiaisonDb db) =>
        db.HouseholdVisits.AsNoTracking().Select(v => new VisitTally
        {
            VillageCode = v.VillageCode,
            Year = v.Year,
            HouseholdId = v.HouseholdId,
            CadreId = v.CadreId,
            Month = v.VisitedOn.Month,
            Visits = 1,
        });

    /// <summary>Counts every tally afresh from the visits (<c>report refresh</c>), inside the caller's transaction.</summary>
    public static async Task RebuildAsync(LiaisonDb db, CancellationToken ct)
    {
        await db.VisitTallies.ExecuteDeleteAsync(ct);
        await DatabaseSql.For(db).UpsertAsync(FieldSpecs.Tallies(db), await FromVisits(db).ToListAsync(ct), null, ct);
    }
}
