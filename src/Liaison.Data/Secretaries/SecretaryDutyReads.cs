using Liaison.Data.Access;
using Liaison.Domain.People;
using Liaison.Domain.Secretaries;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Secretaries;

/// <summary>A First Secretary posting with its standing against the visiting duties.</summary>
public sealed record PostingDuties(SecretaryPosting Posting, DutyStanding Standing);

/// <summary>
/// What <see cref="SecretaryDuties.Stand"/> needs for postings read through a scope: their villages'
/// current households, and the households each posting's cadre visited in that village in the
/// posting's year (from the visits' tallies), and the practical deeds they recorded there. A visit
/// or a deed by anyone else does not count.
/// </summary>
public static class SecretaryDutyReads
{
    public static async Task<IReadOnlyList<PostingDuties>> StandAsync(Scoped scoped, IReadOnlyCollection<SecretaryPosting> postings, CancellationToken ct)
    {
        var standings = await StandAsync(scoped, postings.Select(p => (p.VillageCode, p.Year, p.CadreId)).ToList(), ct);
        return postings.Select(p => new PostingDuties(p, standings[(p.VillageCode, p.Year, p.CadreId)])).ToList();
    }

    /// <summary>The same standing for any cadre in any village and year (a stationed cadre's ties are held to the duties the same way in the assessment).</summary>
    public static async Task<IReadOnlyDictionary<(string Village, int Year, int Cadre), DutyStanding>> StandAsync(Scoped scoped, IReadOnlyCollection<(string Village, int Year, int Cadre)> keys, CancellationToken ct)
    {
        var villages = keys.Select(k => k.Village).Distinct(StringComparer.Ordinal).ToList();
        var cadres = keys.Select(k => k.Cadre).Distinct().ToList();
        var years = keys.Select(k => k.Year).Distinct().ToList();
        var households = (await scoped.Households.Where(h => villages.Contains(h.VillageCode) && h.Status == HouseholdStatus.Current)
            .Select(h => new { h.VillageCode, h.Id, h.Categories }).ToListAsync(ct)).ToLookup(h => h.VillageCode, h => new DutyHousehold(h.Id, h.Categories));
        var visited = (await scoped.VisitTallies.Where(t => villages.Contains(t.VillageCode) && years.Contains(t.Year) && cadres.Contains(t.CadreId))
            .Select(t => new { t.VillageCode, t.Year, t.CadreId, t.HouseholdId }).Distinct().ToListAsync(ct))
            .ToLookup(t => (t.VillageCode, t.Year, t.CadreId), t => t.HouseholdId);
        var things = await Results.PracticalThings.CountAsync(scoped.Db, scoped.Deeds, villages, years, cadres, ct);
        return keys.Distinct().ToDictionary(k => k, k => SecretaryDuties.Stand(households[k.Village], visited[(k.Village, k.Year, k.Cadre)].ToHashSet())
            with
        { PracticalThings = things.GetValueOrDefault((k.Village, k.Year, k.Cadre)) });
    }
}
