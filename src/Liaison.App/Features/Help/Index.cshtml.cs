using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Liaisons;
using Liaison.Domain.Access;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Help;

/// <summary>
/// 结对帮扶: the year's help plans within reach (filtered by division and status), the poor households
/// still without one, and for an office the form that pairs a household with a cadre (一户一策).
/// </summary>
public sealed class IndexModel(LiaisonQueries queries, LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public HelpPlanStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public long? Household { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public int Year => ChinaTime.Today(clock).Year;
    public List<HelpRow> Plans { get; private set; } = [];
    public int Total { get; private set; }
    public int Achieved { get; private set; }
    public List<Household> Unpaired { get; private set; } = [];
    /// <summary>The household the form is for (chosen from the list of those still unpaired).</summary>
    public Household? Chosen { get; private set; }
    public Paging Paging { get; private set; } = Paging.Of(1, 0);
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public bool CanEdit => jurisdiction.May(Ability.EditPlan);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await queries.Help.ListAsync(Year, Code, Status, ct);
        (Total, Achieved) = (all.Count, all.Count(p => p.Plan.Status == HelpPlanStatus.Achieved));
        Paging = Paging.Of(PageNumber, all.Count);
        Plans = all.Skip(Paging.Skip).Take(Paging.Size).ToList();
        Unpaired = await queries.Help.UnpairedPoorAsync(Year, Code, 20, ct);
        if (Household is { } id && await queries.Help.HouseholdAsync(id, Year, ct) is { Plan: null } found)
        {
            Chosen = found.Household;
        }
    }

    public async Task<IActionResult> OnPostCreateAsync(string? cadre, string? needs, string? measures, DateOnly? targetOn, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        try
        {
            var plan = await HelpPlanStore.CreateAsync(db, clock, new OfficeActor(jurisdiction.UserName ?? "?", jurisdiction.Covers),
                new HelpPlanInput(Household ?? 0, cadre, needs, measures, targetOn), ct);
            return Redirect($"/help/{plan.Id}");
        }
        catch (RefusedException e)
        {
            Problems = e.Problems;
            await OnGetAsync(ct);
            return Page();
        }
    }
}
