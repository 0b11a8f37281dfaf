using Liaison.App.Auth;
using Liaison.App.Features.Divisions;
using Liaison.App.Web;
using Liaison.Domain.Divisions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Home;

/// <summary>
/// 工作台: the to-do list of the signed-in role first, then the headline figures of the scope and a
/// league of its children. A cadre's home is the field app.
/// </summary>
public sealed class IndexModel(LiaisonQueries queries, Todo todo, Jurisdiction jurisdiction) : PageModel
{
    public Division? Home { get; private set; }
    public IReadOnlyDictionary<string, long> Figures { get; private set; } = new Dictionary<string, long>();
    public List<DivisionFigures> Children { get; private set; } = [];
    public IReadOnlyList<TodoItem> Items { get; private set; } = [];
    /// <summary>A unit administrator's cadres and how many ties each has this year.</summary>
    public List<(string Code, string Name, int Ties)>? UnitPeople { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (jurisdiction.CadreId is not null)
        {
            return Redirect("/field");
        }
        Items = todo.Items();
        UnitPeople = await todo.UnitPeopleAsync(ct);
        Home = await queries.Divisions.HomeAsync(ct);
        if (Home is not null)
        {
            Figures = await queries.Divisions.FiguresAsync(Home.Code, ct);
            Children = await queries.Divisions.ChildrenAsync(Home.Code, ct);
        }
        return Page();
    }

    /// <summary>One to-do count, as the fragment the home swaps in (htmx).</summary>
    public async Task<IActionResult> OnGetCountAsync(string what, CancellationToken ct) =>
        await todo.CountAsync(what, ct) is { } n
            ? Content($"<span class=\"count{(n == 0 ? " zero" : "")}\">{Ui.Number(n)}</span>", "text/html; charset=utf-8")
            : Content("<span class=\"count muted\">–</span>", "text/html; charset=utf-8");
}
