using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Deeds;

/// <summary>A deed as the pages list it: with its village's name, who did it and its quantities.</summary>
public sealed record DeedRow(Deed Deed, string Village, string? CadreName, string? UnitName, IReadOnlyList<DeedQuantityValue> Quantities)
{
    /// <summary>The work team that did it, when a team did.</summary>
    public string? TeamName { get; init; }

    /// <summary>How many photos its evidence has (numbered from 1).</summary>
    public int Photos { get; init; }
}

/// <summary>
/// What a deed about to be recorded fulfils, as its form names it: the field it is sent in
/// (<c>commitmentId</c>, <c>agreementTargetId</c>, <c>supportId</c>), the id, what it is in words,
/// its text, its village (the deed's), and the page to return to.
/// </summary>
public sealed record DeedFulfils(string Field, long Id, Liaison.Domain.Shared.Term What, string Text, string VillageCode, string Back);

/// <summary>Which deeds a list or its sums take: the year, a division (null: all within reach), a kind, a unit, a period.</summary>
public sealed record DeedFilter(int Year, string? Under = null, string? Kind = null, int? UnitId = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>One quantity's sum over the deeds of a kind.</summary>
public sealed record DeedSum(string Kind, string Code, decimal Total, int Deeds);

/// <summary>实事好事 within reach: deeds are read through the scope by their village, their quantities through them.</summary>
public sealed class DeedQueries(LiaisonDb db, Scoped scoped)
{
    /// <summary>
    /// The deeds of a year within reach that a filter picks: under a division, of a kind, of a unit (done
    /// by the unit or by one of its cadres), done in a period.
    /// </summary>
    private IQueryable<Deed> Of(DeedFilter f)
    {
        var deeds = scoped.Under(f.Under).Deeds.Where(d => d.Year == f.Year);
        if (f.Kind is { } kind)
        {
            deeds = deeds.Where(d => d.Kind == kind);
        }
        if (f.UnitId is { } unit)
        {
            deeds = deeds.Where(d => d.UnitId == unit || db.Cadres.Any(c => c.Id == d.CadreId && c.UnitId == unit));
        }
        if (f.From is { } from)
        {
            deeds = deeds.Where(d => d.On >= from);
        }
        if (f.To is { } to)
        {
            deeds = deeds.Where(d => d.On <= to);
        }
        return deeds;
    }

    public Task<int> CountAsync(DeedFilter filter, CancellationToken ct) => Of(filter).CountAsync(ct);

    /// <summary>A photo of a deed within reach, by its number; null when the deed is out of reach or has no such photo.</summary>
    public async Task<DeedPhoto?> PhotoAsync(long deed, int number, CancellationToken ct) =>
        await scoped.Deeds.AnyAsync(d => d.Id == deed, ct)
            ? await db.DeedPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.DeedId == deed && p.Number == number, ct)
            : null;

    /// <summary>A unit's id by its code (units' names and codes are public, as on the contact cards).</summary>
    public Task<int?> UnitIdAsync(string code, CancellationToken ct) =>
        scoped.UnitNames.Where(u => u.Code == code).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Each kind's quantities summed for the year within reach, every kind of the catalogue and the
    /// city's own alike, straight from the records (the report's figures are those of the source's kinds).
    /// </summary>
    public async Task<List<DeedSum>> SumsAsync(DeedFilter filter, CancellationToken ct)
    {
        var deeds = Of(filter with { Kind = null });
        var totals = await (from d in deeds
                            join q in db.DeedQuantities.AsNoTracking() on d.Id equals q.DeedId
                            group q.Value by new { d.Kind, q.Code } into g
                            select new { g.Key.Kind, g.Key.Code, Total = g.Sum() }).ToListAsync(ct);
        var counts = await deeds.GroupBy(d => d.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return totals.Select(t => new DeedSum(t.Kind, t.Code, t.Total, counts.GetValueOrDefault(t.Kind))).ToList();
    }

    /// <summary>What the deed form was opened to fulfil (a commitment, an agreement's target, a sending unit's support), read within reach; null when none or out of reach.</summary>
    public async Task<DeedFulfils?> FulfilsAsync(long? commitment, long? target, long? support, CancellationToken ct)
    {
        if (commitment is { } c)
        {
            return await scoped.Commitments.AsNoTracking().Where(x => x.Id == c)
                .Select(x => new DeedFulfils("commitmentId", x.Id, CommitmentWords.Commitments, x.Text, x.VillageCode, "/commitments/" + x.Id)).FirstOrDefaultAsync(ct);
        }
        if (target is { } t)
        {
            return await (from x in db.AgreementTargets.AsNoTracking()
                          join a in scoped.Agreements.AsNoTracking() on x.AgreementId equals a.Id
                          where x.Id == t
                          select new DeedFulfils("agreementTargetId", x.Id, AgreementWords.Targets, x.Text, a.VillageCode, "/agreements/" + a.Id)).FirstOrDefaultAsync(ct);
        }
        if (support is { } s)
        {
            return await (from x in db.SecretarySupports.AsNoTracking()
                          join p in scoped.Postings.AsNoTracking() on x.PostingId equals p.Id
                          where x.Id == s
                          select new DeedFulfils("supportId", x.Id, Liaison.Domain.Shared.Words.SendingUnitSupport, x.Description, p.VillageCode, "/secretaries/postings/" + p.Id)).FirstOrDefaultAsync(ct);
        }
        return null;
    }

    /// <summary>How many deeds within reach fulfil each of these agreement targets.</summary>
    public async Task<Dictionary<long, int>> ByTargetAsync(IReadOnlyCollection<long> targets, CancellationToken ct) =>
        await scoped.Deeds.Where(d => d.AgreementTargetId != null && targets.Contains(d.AgreementTargetId.Value))
            .GroupBy(d => d.AgreementTargetId!.Value).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);

    /// <summary>How many deeds within reach came of each of these sending-unit supports.</summary>
    public async Task<Dictionary<long, int>> BySupportAsync(IReadOnlyCollection<long> supports, CancellationToken ct) =>
        await scoped.Deeds.Where(d => d.SupportId != null && supports.Contains(d.SupportId.Value))
            .GroupBy(d => d.SupportId!.Value).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);

    public async Task<List<DeedRow>> ListAsync(DeedFilter filter, int skip, int take, CancellationToken ct) =>
        await RowsAsync(Of(filter).OrderByDescending(d => d.On).ThenByDescending(d => d.Id).Skip(skip).Take(take), ct);

    /// <summary>The deeds of one village (its public page shows them), newest first.</summary>
    public async Task<List<DeedRow>> OfVillageAsync(string village, int year, int take, CancellationToken ct) =>
        await RowsAsync(scoped.Deeds.Where(d => d.VillageCode == village && d.Year == year).OrderByDescending(d => d.On).ThenByDescending(d => d.Id).Take(take), ct);

    private async Task<List<DeedRow>> RowsAsync(IQueryable<Deed> deeds, CancellationToken ct)
    {
        var rows = await (from d in deeds.AsNoTracking()
                          join v in scoped.Names on d.VillageCode equals v.Code
                          from c in db.Cadres.AsNoTracking().Where(c => c.Id == d.CadreId).DefaultIfEmpty()
                          from u in db.Units.AsNoTracking().Where(u => u.Id == d.UnitId).DefaultIfEmpty()
                          from t in db.WorkTeams.AsNoTracking().Where(t => t.Id == d.TeamId).DefaultIfEmpty()
                          select new { d, v.Name, Cadre = c == null ? null : c.Name, Unit = u == null ? null : u.Name, Team = t == null ? null : t.Name }).ToListAsync(ct);
        var ids = rows.Select(r => r.d.Id).ToList();
        var quantities = (await db.DeedQuantities.AsNoTracking().Where(q => ids.Contains(q.DeedId)).ToListAsync(ct)).ToLookup(q => q.DeedId);
        var photos = await db.DeedPhotos.AsNoTracking().Where(p => ids.Contains(p.DeedId)).GroupBy(p => p.DeedId).Select(g => new { g.Key, N = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.N, ct);
        return rows.OrderByDescending(r => r.d.On).ThenByDescending(r => r.d.Id)
            .Select(r => new DeedRow(r.d, r.Name, r.Cadre, r.Unit, quantities[r.d.Id].ToList()) { TeamName = r.Team, Photos = photos.GetValueOrDefault(r.d.Id) }).ToList();
    }
}
