using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Agreements;

/// <summary>An agreement as the pages list it: with its village's name, its party's (the First Secretary's or the paired unit's), and its targets counted.</summary>
public sealed record AgreementRow(Agreement Agreement, string Village, string Party, int Targets, int Met);

/// <summary>目标责任书 within reach: read through the scope by their village, their targets through them.</summary>
public sealed class AgreementQueries(LiaisonDb db, Scoped scoped)
{
    public async Task<List<AgreementRow>> ListAsync(int year, string? under, CancellationToken ct) =>
        await RowsAsync(scoped.Under(under).Agreements.Where(a => a.Year == year), ct);

    public async Task<AgreementRow?> OneAsync(long id, CancellationToken ct) =>
        (await RowsAsync(scoped.Agreements.Where(a => a.Id == id), ct)).FirstOrDefault();

    /// <summary>The agreement's targets in order; the caller read it through the scope.</summary>
    public Task<List<AgreementTarget>> TargetsAsync(long id, CancellationToken ct) =>
        db.AgreementTargets.AsNoTracking().Where(t => t.AgreementId == id).OrderBy(t => t.Line).ToListAsync(ct);

    private async Task<List<AgreementRow>> RowsAsync(IQueryable<Agreement> agreements, CancellationToken ct) =>
        (await (from a in agreements.AsNoTracking()
                join v in scoped.Names on a.VillageCode equals v.Code
                select new
                {
                    a,
                    Village = v.Name,
                    // The party: the First Secretary, or the paired unit (a unit's name is no personal data).
                    Name = db.Cadres.Where(c => c.Id == a.CadreId).Select(c => c.Name).FirstOrDefault()
                        ?? db.Units.Where(u => u.Id == a.UnitId).Select(u => u.Name).FirstOrDefault() ?? "",
                    Targets = db.AgreementTargets.Count(t => t.AgreementId == a.Id),
                    Met = db.AgreementTargets.Count(t => t.AgreementId == a.Id && t.MetOn != null),
                }).ToListAsync(ct))
            .OrderBy(x => x.a.VillageCode, StringComparer.Ordinal)
            .Select(x => new AgreementRow(x.a, x.Village, x.Name, x.Targets, x.Met)).ToList();
}
