using Liaison.App.Web;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Liaisons;

/// <summary>
/// 全员参与 across a division: each open unit of it with its active cadres and how many take part,
/// those with cadres not taking part filtered out for follow-up, each unit linked to its own list of
/// who has not. A compliance list by unit level and code, never a ranking.
/// </summary>
public sealed class ParticipantsModel(LiaisonQueries queries, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    /// <summary>Only the units with cadres not taking part.</summary>
    [BindProperty(SupportsGet = true)] public bool Behind { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public int PlanYear => Year ?? ChinaTime.Today(clock).Year;
    public Domain.Policy.ParticipationRules Rules { get; private set; } = new();
    public int Expected { get; private set; }
    public int TakingPart { get; private set; }
    public List<UnitParticipationRow> Rows { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Of(1, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (rows, expected, taking, rules) = await queries.Plan.DivisionParticipationAsync(Code, PlanYear, Behind, ct);
        (Expected, TakingPart, Rules) = (expected, taking, rules);
        Paging = Paging.Of(PageNumber, rows.Count);
        Rows = rows.Skip(Paging.Skip).Take(Paging.Size).ToList();
    }
}
