using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Domain.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Supervision;

public sealed record RoundVillage(Inspection Inspection, string Village, string Township, int Findings);

/// <summary>A round of unannounced inspections: its villages, each to be inspected or as found; read only where the scope holds the round's division.</summary>
public sealed class RoundModel(Scoped scoped, LiaisonDb db) : PageModel
{
    public InspectionRound Round { get; private set; } = null!;
    public List<RoundVillage> Villages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await scoped.InspectionRounds.FirstOrDefaultAsync(r => r.Id == id, ct) is not { } round)
        {
            return NotFound();
        }
        Round = round;
        var inspections = await db.Inspections.AsNoTracking().Where(i => i.RoundId == id).OrderBy(i => i.VillageCode).ToListAsync(ct);
        var codes = inspections.SelectMany(i => new[] { i.VillageCode, i.VillageCode[..9] }).Distinct().ToList();
        var names = await scoped.Names.Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        var ids = inspections.Select(i => i.Id).ToList();
        var findings = await scoped.Findings.Where(f => f.Source == FindingSource.Inspection && ids.Contains(f.SourceId))
            .GroupBy(f => f.SourceId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Villages = inspections.Select(i => new RoundVillage(i, names.GetValueOrDefault(i.VillageCode, i.VillageCode), names.GetValueOrDefault(i.VillageCode[..9], ""),
            findings.GetValueOrDefault(i.Id))).ToList();
        return Page();
    }
}
