using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Domain.Field;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Nights;

/// <summary>A night session as the pages list it: with its village's and cadre's names.</summary>
public sealed record NightRow(NightSession Session, string Village, string? CadreName);

/// <summary>A matter of a session, with the tracking code of the case it became (if escalated and still in reach).</summary>
public sealed record NightMatterRow(NightMatter Matter, string? TrackingCode);

/// <summary>夜谈夜访 within reach: sessions are read through the scope by their village, their matters through them.</summary>
public sealed class NightQueries(LiaisonDb db, Scoped scoped)
{
    public async Task<int> CountAsync(int year, string? under, CancellationToken ct) =>
        await scoped.Under(under).NightSessions.CountAsync(s => s.Year == year, ct);

    public async Task<(int Sessions, int People, int Solved, int Escalated)> TotalsAsync(int year, string? under, CancellationToken ct)
    {
        var t = await scoped.Under(under).NightSessions.Where(s => s.Year == year).GroupBy(_ => 1)
            .Select(g => new { Sessions = g.Count(), People = g.Sum(s => s.People), Solved = g.Sum(s => s.Solved), Escalated = g.Sum(s => s.Escalated) })
            .FirstOrDefaultAsync(ct);
        return t is null ? (0, 0, 0, 0) : (t.Sessions, t.People, t.Solved, t.Escalated);
    }

    public async Task<List<NightRow>> ListAsync(int year, string? under, int skip, int take, CancellationToken ct) =>
        await RowsAsync(scoped.Under(under).NightSessions.Where(s => s.Year == year).OrderByDescending(s => s.HeldOn).ThenByDescending(s => s.Id).Skip(skip).Take(take), ct);

    public async Task<NightRow?> SessionAsync(long id, CancellationToken ct) =>
        (await RowsAsync(scoped.NightSessions.Where(s => s.Id == id), ct)).FirstOrDefault();

    /// <summary>The session's matters in the order raised; the caller read the session through the scope.</summary>
    public async Task<List<NightMatterRow>> MattersAsync(NightSession session, CancellationToken ct)
    {
        var matters = await db.NightMatters.AsNoTracking().Where(m => m.SessionId == session.Id).OrderBy(m => m.Line).ToListAsync(ct);
        var ids = matters.Where(m => m.CaseId != null).Select(m => m.CaseId!.Value).ToList();
        var codes = await scoped.Cases.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.TrackingCode, ct);
        return matters.Select(m => new NightMatterRow(m, m.CaseId is { } id ? codes.GetValueOrDefault(id) : null)).ToList();
    }

    private async Task<List<NightRow>> RowsAsync(IQueryable<NightSession> sessions, CancellationToken ct) =>
        (await (from s in sessions.AsNoTracking()
                join d in scoped.Names on s.VillageCode equals d.Code
                join c in db.Cadres.AsNoTracking() on s.CadreId equals (int?)c.Id into held
                from c in held.DefaultIfEmpty()
                select new { s, d.Name, Cadre = c == null ? null : c.Name }).ToListAsync(ct))
            .OrderByDescending(x => x.s.HeldOn).ThenByDescending(x => x.s.Id)
            .Select(x => new NightRow(x.s, x.Name, x.Cadre)).ToList();
}
