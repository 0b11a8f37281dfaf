using Liaison.App.Web;
using Liaison.Domain.Liaisons;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Liaisons;

/// <summary>One tie: who, where, why, its planned stays, and (for those who may) the way to change it.</summary>
public sealed class TieModel(LiaisonQueries queries, Auth.Jurisdiction jurisdiction) : PageModel
{
    public TieRow Row { get; private set; } = null!;
    public List<PlannedStay> Stays { get; private set; } = [];
    public bool CanEdit => jurisdiction.May(Domain.Access.Ability.EditPlan);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var row = await queries.Plan.TieAsync(id, ct);
        if (row is null)
        {
            return NotFound();
        }
        Row = row;
        Stays = await queries.Plan.StaysAsync(id, ct);
        return Page();
    }
}
