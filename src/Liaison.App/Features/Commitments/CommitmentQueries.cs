using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Commitments;

/// <summary>A commitment as the pages list it: with its village's and its cadre's names.</summary>
public sealed record CommitmentRow(Commitment Commitment, string Village, string Cadre, string? Unit);

/// <summary>
/// Where a group's commitments stand, counted from its items: made, kept (on time), given up, and
/// open past their deadline; the completion rate is kept ÷ made.
/// </summary>
public sealed record CommitmentTally(string Key, string Name, int Made, int Kept, int KeptOnTime, int Dropped, int Overdue)
{
    public double? Completion => Made == 0 ? null : (double)Kept / Made;
}

/// <summary>公开承诺 within reach: read through the scope by their village, their steps and deeds through them.</summary>
public sealed class CommitmentQueries(LiaisonDb db, Scoped scoped)
{
    private IQueryable<Commitment> Of(int year, string? under) => scoped.Under(under).Commitments.Where(c => c.Year == year);

    /// <summary>The items in one of the states people filter by: open (not yet due), overdue, kept, not kept.</summary>
    private static IQueryable<Commitment> In(IQueryable<Commitment> items, string? state, DateOnly today) => state switch
    {
        "open" => items.Where(c => c.Status == CommitmentStatus.Open && c.Deadline >= today),
        "overdue" => items.Where(c => c.Status == CommitmentStatus.Open && c.Deadline < today),
        "kept" => items.Where(c => c.Status == CommitmentStatus.Done),
        "dropped" => items.Where(c => c.Status == CommitmentStatus.Dropped),
        _ => items,
    };

    public Task<int> CountAsync(int year, string? under, string? state, DateOnly today, CancellationToken ct) => In(Of(year, under), state, today).CountAsync(ct);

    public async Task<List<CommitmentRow>> ListAsync(int year, string? under, string? state, DateOnly today, int skip, int take, CancellationToken ct) =>
        await RowsAsync(In(Of(year, under), state, today).OrderBy(c => c.Status).ThenBy(c => c.Deadline).ThenBy(c => c.Id).Skip(skip).Take(take), ct);

    public async Task<CommitmentRow?> OneAsync(long id, CancellationToken ct) =>
        (await RowsAsync(scoped.Commitments.Where(c => c.Id == id), ct)).FirstOrDefault();

    /// <summary>A village's commitments of the year, open ones first (its public page and noticeboard).</summary>
    public async Task<List<CommitmentRow>> OfVillageAsync(string village, int year, CancellationToken ct) =>
        await RowsAsync(scoped.Commitments.Where(c => c.VillageCode == village && c.Year == year).OrderBy(c => c.Status).ThenBy(c => c.Deadline), ct);

    /// <summary>The completion of each cadre's, each sending unit's (the cadres') and each village's commitments within reach, counted from the items.</summary>
    public async Task<(List<CommitmentTally> Cadres, List<CommitmentTally> Units, List<CommitmentTally> Villages)> TalliesAsync(int year, string? under, DateOnly today, CancellationToken ct)
    {
        var items = await Of(year, under).AsNoTracking().Select(c => new Item(c.CadreId, c.VillageCode, c.Status, c.ClosedOn, c.Deadline)).ToListAsync(ct);
        var cadreIds = items.Select(i => i.CadreId).Distinct().ToList();
        var villageCodes = items.Select(i => i.VillageCode).Distinct().ToList();
        var people = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).Select(c => new { c.Id, c.Name, c.UnitId }).ToListAsync(ct);
        var cadres = people.ToDictionary(c => c.Id, c => c.Name);
        var unitOf = people.ToDictionary(c => c.Id, c => c.UnitId);
        var unitIds = people.Select(c => c.UnitId).Distinct().ToList();
        var units = await scoped.UnitNames.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var villages = await scoped.Names.Where(d => villageCodes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        CommitmentTally Tally(string key, string name, IEnumerable<Item> group)
        {
            var g = group.ToList();
            return new(key, name, g.Count, g.Count(i => i.Status == CommitmentStatus.Done), g.Count(i => i.Status == CommitmentStatus.Done && i.ClosedOn <= i.Deadline),
                g.Count(i => i.Status == CommitmentStatus.Dropped), g.Count(i => i.Status == CommitmentStatus.Open && i.Deadline < today));
        }
        return (items.GroupBy(i => i.CadreId).Select(g => Tally(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), cadres.GetValueOrDefault(g.Key) ?? "?", g)).OrderBy(t => t.Completion ?? 0).ThenBy(t => t.Name, StringComparer.Ordinal).ToList(),
            items.GroupBy(i => unitOf.GetValueOrDefault(i.CadreId)).Select(g => Tally("unit-" + g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), units.GetValueOrDefault(g.Key) ?? "?", g))
                .OrderBy(t => t.Completion ?? 0).ThenBy(t => t.Name, StringComparer.Ordinal).ToList(),
            items.GroupBy(i => i.VillageCode).Select(g => Tally(g.Key, villages.GetValueOrDefault(g.Key) ?? g.Key, g)).OrderBy(t => t.Completion ?? 0).ThenBy(t => t.Key, StringComparer.Ordinal).ToList());
    }

    /// <summary>The commitment's steps in order; the caller read it through the scope.</summary>
    public Task<List<CommitmentStep>> StepsAsync(long id, CancellationToken ct) =>
        db.CommitmentSteps.AsNoTracking().Where(s => s.CommitmentId == id).OrderBy(s => s.On).ThenBy(s => s.Id).ToListAsync(ct);

    /// <summary>The deeds that fulfil it (its village's, so within the same reach).</summary>
    public Task<List<Deed>> DeedsAsync(long id, CancellationToken ct) =>
        scoped.Deeds.AsNoTracking().Where(d => d.CommitmentId == id).OrderBy(d => d.On).ToListAsync(ct);

    private sealed record Item(int CadreId, string VillageCode, CommitmentStatus Status, DateOnly? ClosedOn, DateOnly Deadline);

    private async Task<List<CommitmentRow>> RowsAsync(IQueryable<Commitment> items, CancellationToken ct) =>
        (await (from c in items.AsNoTracking()
                join v in scoped.Names on c.VillageCode equals v.Code
                join p in db.Cadres.AsNoTracking() on c.CadreId equals p.Id
                from u in db.Units.AsNoTracking().Where(u => u.Id == p.UnitId).DefaultIfEmpty()
                select new { c, Village = v.Name, Cadre = p.Name, Unit = u == null ? null : u.Name }).ToListAsync(ct))
            .OrderBy(x => x.c.Status).ThenBy(x => x.c.Deadline).ThenBy(x => x.c.Id)
            .Select(x => new CommitmentRow(x.c, x.Village, x.Cadre, x.Unit)).ToList();
}
