using System.Globalization;
using Liaison.Data.Audit;
using Liaison.Domain.People;
using Liaison.Domain.Secretaries;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Demo;

/// <summary>
/// The demo's open registration for the year's First Secretary calls: in each call, one and a half
/// times its quota of the sending units' ordinary cadres register (reserve and newly promoted
/// cadres first), each scored by the unit's panel on the four criteria, deterministically from the seed.
/// </summary>
public static class DemoCandidates
{
    public static async Task<int> RegisterAsync(LiaisonDb db, TimeProvider clock, int year, int seed, CancellationToken ct)
    {
        var calls = await db.SecretaryCalls.AsNoTracking().Where(c => c.Year == year).OrderBy(c => c.Level).ThenBy(c => c.DivisionCode).ToListAsync(ct);
        if (calls.Count == 0)
        {
            throw new RefusedException(new Problem("year", $"{year} 年度还没有第一书记选派：请先开启（liaison secretaries calls --year {year}）", $"no First Secretary calls for {year}: open them first (liaison secretaries calls --year {year})"));
        }
        var callIds = calls.Select(c => c.Id).ToList();
        if (await db.SecretaryCandidates.AnyAsync(c => callIds.Contains(c.CallId), ct))
        {
            throw new RefusedException(new Problem("year", $"{year} 年度的选派已有人选", $"the {year} calls already have candidates"));
        }
        var pool = await (from c in db.Cadres.AsNoTracking()
                          join u in db.Units.AsNoTracking() on c.UnitId equals u.Id
                          where c.Rank == CadreRank.Ordinary && !c.IsPolice
                          select new { c.Id, c.Code, c.IsReserve, c.IsNewlyPromoted, u.Level, u.DivisionCode }).ToListAsync(ct);
        var candidates = new List<SecretaryCandidate>();
        foreach (var call in calls)
        {
            var eligible = pool.Where(c => (int)c.Level == (int)call.Level && c.DivisionCode == call.DivisionCode)
                .OrderByDescending(c => c.IsReserve || c.IsNewlyPromoted).ThenBy(c => c.Code, StringComparer.Ordinal)
                .Take((call.Quota * 3 + 1) / 2);
            foreach (var c in eligible)
            {
                var rng = SeededRandom.For(seed, "first-secretary/" + year.ToString(CultureInfo.InvariantCulture) + "/" + c.Code);
                int Score() => 60 + rng.Next(41);
                candidates.Add(new SecretaryCandidate { CallId = call.Id, CadreId = c.Id, PoliticalQuality = Score(), Innovation = Score(), MassWork = Score(), Coordination = Score() });
            }
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.SecretaryCandidates.AddRange(candidates);
        await db.SaveChangesAsync(ct);
        await AuditLog.AppendAsync(db, clock, Actor.System, new AuditRecord("demo.candidates", "secretary-candidate", year.ToString(CultureInfo.InvariantCulture), null, null, new { candidates = candidates.Count }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return candidates.Count;
    }
}
