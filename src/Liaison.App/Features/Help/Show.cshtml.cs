using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Liaisons;
using Liaison.Domain.Access;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Help;

/// <summary>One help plan: the household, needs, measures, the responsible cadre, the visits that followed it up, and the close.</summary>
public sealed class ShowModel(LiaisonQueries queries, LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    public HelpRow Row { get; private set; } = null!;
    public List<FollowUp> FollowUps { get; private set; } = [];
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public bool CanEdit => jurisdiction.May(Ability.EditPlan);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var row = await queries.Help.PlanAsync(id, ct);
        if (row is null)
        {
            return NotFound();
        }
        Row = row;
        FollowUps = await queries.Help.FollowUpsAsync(row.Plan, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(long id, bool achieved, string? outcome, CancellationToken ct)
    {
        if (await OnGetAsync(id, ct) is not PageResult)
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        try
        {
            await HelpPlanStore.CloseAsync(db, clock, new OfficeActor(jurisdiction.UserName ?? "?", jurisdiction.Covers), id, achieved, outcome, ct);
        }
        catch (RefusedException e)
        {
            Problems = e.Problems;
        }
        await OnGetAsync(id, ct);
        return Page();
    }
}
