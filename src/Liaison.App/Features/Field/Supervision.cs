using Liaison.Data;
using Liaison.Data.Field;
using Liaison.Domain.Divisions;
using Liaison.Domain.Field;
using Liaison.Domain.Policy;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Field;

public sealed record StandingRow(ResidenceStanding Standing, string CadreCode, string CadreName, string VillageName);

public sealed record FlagRow(PlausibilityFlag Flag, string CadreCode, string CadreName, string VillageName);

/// <summary>The supervisors' reads of field work under a division of their jurisdiction: who is behind on residence, and what looks implausible.</summary>
public sealed class Supervision(LiaisonDb db, Data.Access.Scoped scoped)
{
    /// <summary>A division's villages hold at most this many visits in a year for the flags to be computed at once; larger ones are looked at township by township.</summary>
    public const int MaxVisitsForFlags = 200_000;

    private async Task<List<string>?> VillagesUnderAsync(string code, CancellationToken ct)
    {
        if (!scoped.Covers(code) || !await scoped.Divisions.AnyAsync(d => d.Code == code, ct))
        {
            return null;
        }
        return await scoped.Under(code).Divisions.Where(d => d.Level == DivisionLevel.Village).Select(d => d.Code).ToListAsync(ct);
    }

    /// <summary>Every residence minimum under the division and where its cadre stands today, furthest behind first; null outside the scope.</summary>
    public async Task<List<StandingRow>?> BehindAsync(string code, DateOnly today, CancellationToken ct)
    {
        if (await VillagesUnderAsync(code, ct) is not { } villages || await FieldRollups.YearAsync(db, ct) is not { } year)
        {
            return null;
        }
        var requirements = await FieldRollups.RequirementsAsync(db, year, villages, ct);
        var days = await FieldRollups.ResidenceDaysAsync(db, year, villages, ct);
        var cadreIds = requirements.Select(r => r.CadreId).Distinct().ToList();
        var cadres = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => (c.Code, c.Name), ct);
        var names = await scoped.Divisions.Where(d => villages.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        return requirements.Select(r => new StandingRow(Residence.Stand(r, year, today, days.GetValueOrDefault((r.CadreId, r.VillageCode))),
                cadres[r.CadreId].Code, cadres[r.CadreId].Name, names[r.VillageCode]))
            .OrderByDescending(s => s.Standing.Behind - s.Standing.DaysLeft).ThenByDescending(s => s.Standing.Behind).ThenBy(s => s.CadreCode, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The plausibility flags of the newest year's visits, and of its stays recorded with a position,
    /// under the division; null outside the scope, (empty, count) when too many visits.
    /// </summary>
    public async Task<(List<FlagRow> Flags, int Visits, int Stays)?> FlagsAsync(string code, FieldRules rules, CancellationToken ct)
    {
        if (await VillagesUnderAsync(code, ct) is not { } villages || await FieldRollups.YearAsync(db, ct) is not { } year)
        {
            return null;
        }
        var query = scoped.Under(code).HouseholdVisits.Where(v => v.Year == year);
        var count = await query.CountAsync(ct);
        if (count > MaxVisitsForFlags)
        {
            return ([], count, 0);
        }
        var visits = await query.Select(v => new VisitFacts(v.Id, v.CadreId, v.HouseholdId, v.VillageCode, v.VisitedAt, v.Note, v.Latitude, v.Longitude)).ToListAsync(ct);
        // Stays are read by the villages in reach, as the residence days are: a stay without a position has nothing to check.
        var stays = await db.ResidenceStays.AsNoTracking().Where(s => s.Year == year && villages.Contains(s.VillageCode) && s.Latitude != null && s.Longitude != null)
            .Select(s => new StayFacts(s.Id, s.CadreId, s.VillageCode, s.Latitude!.Value, s.Longitude!.Value)).ToListAsync(ct);
        var places = await scoped.Divisions.Where(d => villages.Contains(d.Code)).Select(d => new { d.Code, d.Name, d.Latitude, d.Longitude }).ToListAsync(ct);
        var coordinates = places.Where(p => p.Latitude is not null && p.Longitude is not null).ToDictionary(p => p.Code, p => (p.Latitude!.Value, p.Longitude!.Value));
        var flags = Plausibility.Check(visits, coordinates, rules, stays);
        var cadreIds = flags.Select(f => f.CadreId).Distinct().ToList();
        var cadres = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => (c.Code, c.Name), ct);
        var visitVillage = visits.ToDictionary(v => v.Id, v => v.VillageCode);
        var stayVillage = stays.ToDictionary(s => s.Id, s => s.VillageCode);
        var names = places.ToDictionary(p => p.Code, p => p.Name);
        string VillageOf(PlausibilityFlag f) => names[f.VisitIds.Count > 0 ? visitVillage[f.VisitIds[0]] : stayVillage[f.StayIds[0]]];
        return (flags.Select(f => new FlagRow(f, cadres[f.CadreId].Code, cadres[f.CadreId].Name, VillageOf(f)))
            .OrderBy(f => f.Flag.Kind).ThenBy(f => f.CadreCode, StringComparer.Ordinal).ToList(), count, stays.Count);
    }
}
