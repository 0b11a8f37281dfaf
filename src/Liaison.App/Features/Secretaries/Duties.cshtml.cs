using Liaison.App.Auth;
using Liaison.App.Features.Liaisons;
using Liaison.App.Web;
using Liaison.Domain.Access;
using Liaison.Domain.People;
using Liaison.Domain.Secretaries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Secretaries;

/// <summary>
/// 第一书记走访职责: a posting's coverage of its village against the visiting duties — every
/// household, the three olds, the three kinds — counting only the First Secretary's own visits in
/// the posting's year, and the households still unvisited by category, masked, a page at a time.
/// </summary>
public sealed class DutiesModel(LiaisonQueries queries, Jurisdiction jurisdiction) : PageModel
{
    /// <summary>The group of unvisited households shown: a category's key (<c>poor</c>, <c>none</c> for no category), or every unvisited household.</summary>
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public SecretaryRow Row { get; private set; } = null!;
    public DutyStanding Standing { get; private set; } = null!;
    /// <summary>The category shown, when one is asked for and has unvisited households.</summary>
    public UnvisitedGroup? Group { get; private set; }
    public List<Household> Households { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Of(1, 0);
    public bool CanReveal => jurisdiction.May(Ability.RevealPersonalData);
    public bool CanEditRegistries => jurisdiction.May(Ability.EditRegistries);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await queries.Plan.SecretaryPostingAsync(id, ct) is not { } row)
        {
            return NotFound();
        }
        Row = row;
        Standing = (await queries.Secretaries.DutiesAsync([row.Posting], ct))[0].Standing;
        Group = Standing.Unvisited.FirstOrDefault(g => SecretaryDuties.Key(g.Category) == Category);
        var shown = Group?.Households ?? Standing[SecretaryDuty.AllHouseholds].Left;
        Paging = Paging.Of(PageNumber, shown.Count);
        Households = await queries.Secretaries.HouseholdsAsync(shown, Paging.Skip, Paging.Size, ct);
        return Page();
    }
}
