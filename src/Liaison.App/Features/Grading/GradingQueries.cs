using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Domain.Divisions;
using Liaison.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Grading;

/// <summary>A round as the pages list it: its township's name and how its villages stand graded.</summary>
public sealed record RoundRow(GradingRound Round, string Township, int Villages, int Graded, int Advanced, int General, int Backward);

/// <summary>A village of a round: its name, its grade now (the profile's), and its grade in the round, if given.</summary>
public sealed record RoundVillage(string Code, string Name, PartyOrgGrade? Now, VillageGrading? Graded);

/// <summary>A rectification plan as listed: the village's name and the leader's.</summary>
public sealed record RectificationRow(Rectification Plan, string Village, string? Leader);

/// <summary>分类定级 within reach: rounds by their township, plans by their village.</summary>
public sealed class GradingQueries(LiaisonDb db, Scoped scoped)
{
    public async Task<List<RoundRow>> RoundsAsync(int year, string? under, CancellationToken ct)
    {
        var rows = await (from r in scoped.Under(under).GradingRounds.AsNoTracking().Where(r => r.Year == year)
                          join t in scoped.Names on r.TownshipCode equals t.Code
                          select new
                          {
                              r,
                              t.Name,
                              Villages = scoped.Divisions.Count(d => d.Level == DivisionLevel.Village && d.WithdrawnOn == null && d.ParentCode == r.TownshipCode),
                              Graded = db.VillageGradings.Count(g => g.RoundId == r.Id),
                              Advanced = db.VillageGradings.Count(g => g.RoundId == r.Id && g.Grade == PartyOrgGrade.Advanced),
                              General = db.VillageGradings.Count(g => g.RoundId == r.Id && g.Grade == PartyOrgGrade.General),
                              Backward = db.VillageGradings.Count(g => g.RoundId == r.Id && g.Grade == PartyOrgGrade.Backward),
                          }).ToListAsync(ct);
        return rows.OrderBy(x => x.r.TownshipCode, StringComparer.Ordinal)
            .Select(x => new RoundRow(x.r, x.Name, x.Villages, x.Graded, x.Advanced, x.General, x.Backward)).ToList();
    }

    public async Task<RoundRow?> RoundAsync(long id, CancellationToken ct)
    {
        var round = await scoped.GradingRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return round is null ? null : (await RoundsAsync(round.Year, round.TownshipCode, ct)).FirstOrDefault(r => r.Round.Id == id);
    }

    /// <summary>Every village of the round's township, with its grade in the round; the caller read the round through the scope.</summary>
    public async Task<List<RoundVillage>> VillagesAsync(GradingRound round, CancellationToken ct)
    {
        var villages = await scoped.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Village && d.WithdrawnOn == null && d.ParentCode == round.TownshipCode)
            .OrderBy(d => d.Code).Select(d => new { d.Code, d.Name, d.PartyOrgGrade }).ToListAsync(ct);
        var graded = await db.VillageGradings.AsNoTracking().Where(g => g.RoundId == round.Id).ToDictionaryAsync(g => g.VillageCode, ct);
        return villages.Select(v => new RoundVillage(v.Code, v.Name, v.PartyOrgGrade, graded.GetValueOrDefault(v.Code))).ToList();
    }

    public async Task<List<RectificationRow>> RectificationsAsync(string? under, CancellationToken ct) =>
        (await (from r in scoped.Under(under).Rectifications.AsNoTracking()
                join v in scoped.Names on r.VillageCode equals v.Code
                from c in db.Cadres.AsNoTracking().Where(c => c.Id == r.LeaderCadreId).DefaultIfEmpty()
                select new { r, v.Name, Leader = c == null ? null : c.Name }).ToListAsync(ct))
            .OrderBy(x => x.r.Status).ThenBy(x => x.r.Deadline).Select(x => new RectificationRow(x.r, x.Name, x.Leader)).ToList();
}
