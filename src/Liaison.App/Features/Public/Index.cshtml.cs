using Liaison.App.Auth;
using Liaison.Data;
using Liaison.Domain.Divisions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Public;

/// <summary>
/// The villagers' portal (门户): for the city, or one county (?county=), the four things a villager
/// comes for — who their contacts are, raising a problem, following it, the public figures — and the
/// supervision telephone (in the layout). No sign-in; only what the programme publishes.
/// </summary>
[EnableRateLimiting(AuthSetup.PublicLimit)]
public sealed class IndexModel(LiaisonDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? County { get; set; }

    /// <summary>The place this portal is for: the county asked for, else the top of the tree that has more than one county.</summary>
    public Division? Place { get; private set; }
    public List<(string Code, string Name)> Counties { get; private set; } = [];
    /// <summary>Whether any notice is published: the portal then links to them.</summary>
    public bool Notices { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var published = Data.Access.Scoped.Public(db);
        Notices = await published.Notices.AnyAsync(n => n.Public && n.Status == Domain.Supervision.NoticeStatus.Issued, ct);
        Counties = (await published.Divisions.Where(d => d.Level == DivisionLevel.County).OrderBy(d => d.Code).Select(d => new { d.Code, d.Name }).ToListAsync(ct))
            .Select(d => (d.Code, d.Name)).ToList();
        if (County is { Length: > 0 } county)
        {
            Place = await published.Divisions.FirstOrDefaultAsync(d => d.Code == county && d.Level == DivisionLevel.County, ct);
            return Place is null ? NotFound() : Page();
        }
        // One county in the database: that county is the portal's place; several: their city.
        Place = Counties.Count == 1
            ? await published.Divisions.FirstOrDefaultAsync(d => d.Code == Counties[0].Code, ct)
            : await published.Divisions.Where(d => d.Level == DivisionLevel.City).OrderBy(d => d.Code).FirstOrDefaultAsync(ct);
        return Page();
    }
}
