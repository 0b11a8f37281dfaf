using Liaison.Data;
using Liaison.Domain.Assessment;
using Liaison.Domain.Policy;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Assessment;

/// <summary>A result with whom it assesses (a cadre, a unit, a township or county: code and name), the person's unit and the village in words.</summary>
public sealed record ResultRow(AssessmentResult Result, string Code, string Name, string Unit, string Village);

/// <summary>Names for results: the cadre (or the unit, or the division assessed), the unit and the village; the run's scheme from its year's policy.</summary>
public static class AssessmentRows
{
    public static async Task<List<ResultRow>> NameAsync(LiaisonDb db, Data.Access.Scoped scoped, IReadOnlyList<AssessmentResult> results, CancellationToken ct)
    {
        var cadreIds = results.Where(r => r.CadreId != null).Select(r => r.CadreId!.Value).Distinct().ToList();
        var cadres = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => new { c.Code, c.Name }, ct);
        var unitIds = results.Where(r => r.UnitId != null).Select(r => r.UnitId!.Value).Distinct().ToList();
        var units = await scoped.UnitNames.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => new { u.Code, u.Name }, ct);
        var codes = results.Select(r => r.VillageCode).Distinct().ToList();
        var places = await scoped.Names.Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        return results.Select(r =>
        {
            var unit = r.UnitId is { } u ? units.GetValueOrDefault(u) : null;
            var place = places.GetValueOrDefault(r.VillageCode, r.VillageCode);
            return r.CadreId is { } c ? new ResultRow(r, cadres[c].Code, cadres[c].Name, unit?.Name ?? "", place)
                : unit is not null ? new ResultRow(r, unit.Code, unit.Name, "", place)
                : new ResultRow(r, r.VillageCode, place, "", "");
        }).ToList();
    }

    public static async Task<AssessmentScheme> SchemeAsync(LiaisonDb db, AssessmentRun run, CancellationToken ct) =>
        (await Data.Policy.PolicyStore.GetAsync(db, run.Year, ct)).Policy.Assessment.For(run.Group) ?? new AssessmentScheme { Group = run.Group };

    public static Domain.Shared.Term GradeName(AssessmentScheme scheme, string code) =>
        scheme.Bands.FirstOrDefault(b => b.Code == code) is { } b ? new(b.Name, b.EnglishName.Length > 0 ? b.EnglishName : b.Name) : new(code, code);
}
