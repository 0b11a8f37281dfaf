using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Liaisons;
using Liaison.Domain.Access;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Teams;

/// <summary>
/// 工作团队: the year's county work groups, township work teams and village work groups within reach,
/// with their heads, members and meetings; an office sets a new one up for a division of its jurisdiction.
/// </summary>
public sealed class IndexModel(LiaisonQueries queries, LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public int TeamYear => Year ?? ChinaTime.Today(clock).Year;
    public List<TeamRow> Teams { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Of(1, 0);
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public bool CanCreate => jurisdiction.May(Ability.EditPlan);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await queries.Teams.ListAsync(TeamYear, Code, ct);
        Paging = Paging.Of(PageNumber, all.Count);
        Teams = all.Skip(Paging.Skip).Take(Paging.Size).ToList();
    }

    public async Task<IActionResult> OnPostCreateAsync(string? division, string? name, string? headPost, CancellationToken ct)
    {
        if (!CanCreate)
        {
            return Forbid();
        }
        try
        {
            var team = await WorkTeamStore.CreateAsync(db, clock, new OfficeActor(jurisdiction.UserName ?? "?", jurisdiction.Covers), new WorkTeamInput(TeamYear, division, name, headPost), ct);
            return Redirect($"/teams/{team.Id}");
        }
        catch (RefusedException e)
        {
            Problems = e.Problems;
            await OnGetAsync(ct);
            return Page();
        }
    }
}
