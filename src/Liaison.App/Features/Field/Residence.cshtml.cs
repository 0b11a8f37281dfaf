using Liaison.App.Web;
using Liaison.Data;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Field;

/// <summary>驻村天数落后名单: who is behind their residence minimum under a division, by how much, and whether the rest of the year still allows it.</summary>
public sealed class ResidenceModel(LiaisonDb db, Data.Access.Scoped scoped, LiaisonQueries queries, TimeProvider clock) : PageModel
{
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public List<StandingRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        var division = await queries.Divisions.FindOrHomeAsync(code, ct);
        if (division is null || await new Supervision(db, scoped).BehindAsync(division.Code, ChinaTime.Today(clock), ct) is not { } rows)
        {
            return NotFound();
        }
        (Code, Name, Rows) = (division.Code, division.Name, rows);
        return Page();
    }
}
