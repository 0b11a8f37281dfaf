using Liaison.App.Web;
using Liaison.Domain.Liaisons;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Liaisons;

/// <summary>One tie: who, where, why, its planned stays (a pairing's marked from its members' days), and (for those who may) the way to change it.</summary>
public sealed class TieModel(LiaisonQueries queries, Auth.Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    public TieRow Row { get; private set; } = null!;
    public List<PlannedStay> Stays { get; private set; } = [];
    /// <summary>A pairing's planned stays marked done, late, due or missed from its members' days in the village.</summary>
    public IReadOnlyList<PlannedStayStanding> Standing { get; private set; } = [];
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
        if (row.Tie.Kind == TieKind.Pairing)
        {
            Standing = await queries.Plan.PairingStandingAsync(row.Tie, Domain.Shared.ChinaTime.Today(clock), ct);
        }
        return Page();
    }
}
