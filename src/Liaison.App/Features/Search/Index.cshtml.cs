using Liaison.App.Web;
using Liaison.Domain.Divisions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Search;

/// <summary>Search divisions by name or code; the header's box asks it as you type (htmx).</summary>
public sealed class IndexModel(LiaisonQueries queries) : PageModel
{
    public const int Limit = 50;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public List<Division> Results { get; private set; } = [];
    public Dictionary<string, string> Names { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Results = await queries.Divisions.SearchAsync(Query ?? "", Limit, ct);
        // Parents' names tell apart the many villages called the same.
        Names = await queries.Divisions.NamesAsync(Results.Select(r => r.ParentCode).OfType<string>().Distinct().ToList(), ct);
    }
}
