using Liaison.App.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Liaisons;

/// <summary>The plan starts where the person's jurisdiction starts.</summary>
public sealed class IndexModel(LiaisonQueries queries) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await queries.Divisions.HomeAsync(ct) is { } home ? Redirect("/plan/" + home.Code) : NotFound();
}
