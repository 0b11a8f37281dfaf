using Liaison.Data;
using Liaison.Data.Field;
using Liaison.Domain.Divisions;
using Liaison.Domain.Field;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Field;

public sealed record StandingRow(ResidenceStanding Standing, string CadreCode, string CadreName, string VillageName);

public sealed record FlagRow(Domain.Supervision.StoredFlag Flag, string CadreCode, string CadreName, string VillageName);

/// <summary>The supervisors' reads of field work under a division of their jurisdiction: who is behind on residence, and the flags kept for review.</summary>
public sealed class Supervision(LiaisonDb db, Data.Access.Scoped scoped)
{
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
    /// The stored plausibility flags under the division in a state (open ones by default), with their
    /// cadre and village in words; null outside the scope.
    /// </summary>
    public async Task<List<FlagRow>?> FlagsAsync(string code, Domain.Supervision.FlagStatus status, CancellationToken ct)
    {
        if (!scoped.Covers(code))
        {
            return null;
        }
        var flags = await scoped.Under(code).Flags.Where(f => f.Status == status).OrderBy(f => f.Kind).ThenBy(f => f.FoundAt).ThenBy(f => f.Id).Take(MaxFlagsShown).ToListAsync(ct);
        var cadreIds = flags.Select(f => f.CadreId).Distinct().ToList();
        var cadres = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => (c.Code, c.Name), ct);
        var villages = flags.Select(f => f.VillageCode).Distinct().ToList();
        var names = await scoped.Names.Where(d => villages.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        return flags.Select(f => new FlagRow(f, cadres[f.CadreId].Code, cadres[f.CadreId].Name, names.GetValueOrDefault(f.VillageCode, f.VillageCode))).ToList();
    }

    /// <summary>At most this many flags are listed at once: a larger division is looked at township by township.</summary>
    public const int MaxFlagsShown = 2_000;
}
