using Liaison.App.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Divisions;

/// <summary>The division browser's start: the dashboard's home node when there is one, else the provinces.</summary>
public sealed class IndexModel(LiaisonQueries queries) : PageModel
{
    public List<DivisionFigures> Top { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var home = await queries.Divisions.HomeAsync(ct);
        if (home is not null)
        {
            return Redirect("/divisions/" + home.Code);
        }
        Top = await queries.Divisions.ChildrenAsync(null, ct);
        return Page();
    }
}
