using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Policy;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Field;

/// <summary>合理性提示: for supervisors only, never shown to or blocking a cadre; each flag with its evidence.</summary>
public sealed class FlagsModel(LiaisonDb db, Data.Access.Scoped scoped, LiaisonQueries queries, TimeProvider clock) : PageModel
{
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public List<FlagRow> Rows { get; private set; } = [];
    public int Visits { get; private set; }
    /// <summary>Stays recorded with a position: the only ones there is anything to check in.</summary>
    public int Stays { get; private set; }
    public bool TooMany => Visits > Supervision.MaxVisitsForFlags;

    /// <summary>Villages here without coordinates: the far-from-village flag cannot fire for them, which the page says.</summary>
    public Domain.Liaisons.ProfileGaps? Gaps { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        var division = await queries.Divisions.FindOrHomeAsync(code, ct);
        if (division is null)
        {
            return NotFound();
        }
        var rules = (await PolicyStore.GetAsync(db, ChinaTime.Today(clock).Year, ct)).Policy.Field;
        if (await new Supervision(db, scoped).FlagsAsync(division.Code, rules, ct) is not { } found)
        {
            return NotFound();
        }
        (Code, Name, Rows, Visits, Stays) = (division.Code, division.Name, found.Flags, found.Visits, found.Stays);
        var villages = scoped.Under(division.Code).Divisions.Where(d => d.Level == Domain.Divisions.DivisionLevel.Village);
        Gaps = new Domain.Liaisons.ProfileGaps(await villages.CountAsync(ct), 0, await villages.CountAsync(d => d.Latitude == null || d.Longitude == null, ct), 0);
        return Page();
    }
}
