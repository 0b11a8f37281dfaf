using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Data.Policy;
using Liaison.Data.Secretaries;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Secretaries;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Secretaries;

/// <summary>A call with its counts, for the calls page.</summary>
public sealed record CallRow(SecretaryCall Call, string DivisionName, int Registered, int Selected, int Posted);

/// <summary>A candidate with the cadre, for a call's page.</summary>
public sealed record CandidateRow(SecretaryCandidate Candidate, string CadreCode, string CadreName, string UnitName, bool IsReserve, bool IsNewlyPromoted)
{
    /// <summary>The policy rule that keeps this candidate from being selected, or null.</summary>
    public Term? Exclusion { get; init; }
}

/// <summary>Reads of the First Secretary cycle, narrowed to a scope: a call is seen where its division is in scope.</summary>
public sealed class SecretaryQueries(LiaisonDb db, Scoped scoped)
{
    public async Task<List<CallRow>> CallsAsync(int year, CancellationToken ct)
    {
        var visible = await (from c in scoped.Calls
                             join d in scoped.Names on c.DivisionCode equals d.Code
                             where c.Year == year
                             orderby c.Level, c.DivisionCode
                             select new { c, d.Name }).ToListAsync(ct);
        var ids = visible.Select(x => x.c.Id).ToList();
        var counts = await db.SecretaryCandidates.AsNoTracking().Where(c => ids.Contains(c.CallId)).GroupBy(c => c.CallId)
            .Select(g => new { g.Key, Registered = g.Count(), Selected = g.Count(c => c.Status == CandidateStatus.Selected) }).ToDictionaryAsync(x => x.Key, ct);
        // A call's postings lie in its division's subtree, so within reach with the call.
        var posted = await scoped.Postings.Where(p => ids.Contains(p.CallId) && p.Until == null).GroupBy(p => p.CallId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        return visible.Select(x => new CallRow(x.c, x.Name, counts.GetValueOrDefault(x.c.Id)?.Registered ?? 0, counts.GetValueOrDefault(x.c.Id)?.Selected ?? 0, posted.GetValueOrDefault(x.c.Id))).ToList();
    }

    /// <summary>Postings' standing against the visiting duties (<see cref="SecretaryDuties"/>); the caller read the postings through the scope.</summary>
    public Task<IReadOnlyList<PostingDuties>> DutiesAsync(IReadOnlyCollection<SecretaryPosting> postings, CancellationToken ct) =>
        SecretaryDutyReads.StandAsync(scoped, postings, ct);

    /// <summary>One page of the households with these ids (a First Secretary's unvisited), in house-number order.</summary>
    public async Task<List<Household>> HouseholdsAsync(IReadOnlyCollection<long> ids, int skip, int take, CancellationToken ct) =>
        await scoped.Households.Where(h => ids.Contains(h.Id)).OrderBy(h => h.VillageCode).ThenBy(h => h.HouseNo).Skip(skip).Take(take).ToListAsync(ct);

    public async Task<(CallRow Call, List<CandidateRow> Candidates)?> CallAsync(int id, CancellationToken ct)
    {
        var call = await scoped.Calls.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null)
        {
            return null;
        }
        var row = (await CallsAsync(call.Year, ct)).Single(c => c.Call.Id == id);
        var candidates = await (from c in db.SecretaryCandidates.AsNoTracking()
                                join cadre in db.Cadres.AsNoTracking() on c.CadreId equals cadre.Id
                                join u in scoped.UnitNames on cadre.UnitId equals u.Id
                                where c.CallId == id
                                orderby c.Status, cadre.Code
                                select new { c, cadre, UnitName = u.Name }).ToListAsync(ct);
        var rules = (await PolicyStore.GetAsync(db, call.Year, ct)).Policy.FirstSecretaries.Eligibility;
        var served = await SecretaryStore.ServedInAsync(db, call.Year - 1, candidates.Select(x => x.cadre.Id).ToList(), ct);
        return (row, candidates.Select(x => new CandidateRow(x.c, x.cadre.Code, x.cadre.Name, x.UnitName, x.cadre.IsReserve, x.cadre.IsNewlyPromoted)
        {
            Exclusion = Eligibility.Exclusion(rules, new RosterCadre(x.cadre.Id, x.cadre.Code, x.cadre.Name, x.cadre.UnitId, x.cadre.Rank, x.cadre.IsPolice, x.cadre.IsReserve, x.cadre.IsNewlyPromoted, x.cadre.BirthYear),
                call.Year, served.Contains(x.cadre.Id)),
        }).ToList());
    }
}
