using Liaison.App.Features.Divisions;
using Liaison.App.Web;
using Liaison.Domain.Divisions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Home;

/// <summary>The home dashboard: the headline figures of the home division and a league of its children.</summary>
public sealed class IndexModel(LiaisonQueries queries) : PageModel
{
    public Division? Home { get; private set; }
    public IReadOnlyDictionary<string, long> Figures { get; private set; } = new Dictionary<string, long>();
    public List<DivisionFigures> Children { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Home = await queries.Divisions.HomeAsync(ct);
        if (Home is not null)
        {
            Figures = await queries.Divisions.FiguresAsync(Home.Code, ct);
            Children = await queries.Divisions.ChildrenAsync(Home.Code, ct);
        }
    }
}
