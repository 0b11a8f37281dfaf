using Liaison.App.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Nights;

/// <summary>One night session: topic, who came, and each matter with what became of it (the case it became, when escalated).</summary>
public sealed class ShowModel(LiaisonQueries queries) : PageModel
{
    public NightRow Row { get; private set; } = null!;
    public List<NightMatterRow> Matters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await queries.Nights.SessionAsync(id, ct) is not { } row)
        {
            return NotFound();
        }
        Row = row;
        Matters = await queries.Nights.MattersAsync(row.Session, ct);
        return Page();
    }
}
