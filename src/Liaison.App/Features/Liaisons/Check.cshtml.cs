using Liaison.App.Web;
using Liaison.Domain.Liaisons;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Liaisons;

/// <summary>The checker's findings within a division of the jurisdiction.</summary>
public sealed class CheckModel(LiaisonQueries queries, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public int PlanYear => Year ?? ChinaTime.Today(clock).Year;
    public Domain.Divisions.Division Division { get; private set; } = null!;
    public List<Violation> Violations { get; private set; } = [];
    public List<TieRow> ToReplan { get; private set; } = [];
    public ProfileGaps? Gaps { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var division = await queries.Divisions.FindOrHomeAsync(Code, ct);
        if (division is null)
        {
            return NotFound();
        }
        Division = division;
        (_, Violations) = await queries.Plan.ViolationsAsync(division.Code, PlanYear, ct);
        ToReplan = await queries.Plan.ToReplanAsync(division.Code, PlanYear, ct);
        Gaps = await queries.Plan.GapsAsync(division.Code, ct);
        return Page();
    }
}
