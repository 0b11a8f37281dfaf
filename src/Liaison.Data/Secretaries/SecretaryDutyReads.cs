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
        var villages = postings.Select(p => p.VillageCode).Distinct(StringComparer.Ordinal).ToList();
        var cadres = postings.Select(p => p.CadreId).Distinct().ToList();
        var years = postings.Select(p => p.Year).Distinct().ToList();
        var households = (await scoped.Households.Where(h => villages.Contains(h.VillageCode) && h.Status == HouseholdStatus.Current)
            .Select(h => new { h.VillageCode, h.Id, h.Categories }).ToListAsync(ct)).ToLookup(h => h.VillageCode, h => new DutyHousehold(h.Id, h.Categories));
        var visited = (await scoped.VisitTallies.Where(t => villages.Contains(t.VillageCode) && years.Contains(t.Year) && cadres.Contains(t.CadreId))
            .Select(t => new { t.VillageCode, t.Year, t.CadreId, t.HouseholdId }).Distinct().ToListAsync(ct))
            .ToLookup(t => (t.VillageCode, t.Year, t.CadreId), t => t.HouseholdId);
        var things = await Results.PracticalThings.CountAsync(scoped.Db, scoped.Deeds, villages, years, cadres, ct);
        return postings.Select(p => new PostingDuties(p, SecretaryDuties.Stand(households[p.VillageCode], visited[(p.VillageCode, p.Year, p.CadreId)].ToHashSet())
            with
        { PracticalThings = things.GetValueOrDefault((p.VillageCode, p.Year, p.CadreId)) })).ToList();
    }
}
