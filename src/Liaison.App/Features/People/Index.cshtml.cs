using Liaison.App.Web;
using Liaison.Domain.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.People;

/// <summary>The registries kept one record at a time: the units in the office's jurisdiction, and where to add a unit, a cadre or a household.</summary>
public sealed class IndexModel(LiaisonQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public List<Unit> Units { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Of(1, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (_, total) = await queries.People.UnitsAsync(Q, 1, 1, ct);
        Paging = Paging.Of(PageNumber, total);
        (Units, _) = await queries.People.UnitsAsync(Q, Paging.Page, Paging.Size, ct);
    }
}
