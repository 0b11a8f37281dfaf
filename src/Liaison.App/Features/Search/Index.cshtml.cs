using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Search;

/// <summary>
/// Search everything a person knows by name or number, within their scope, grouped by kind:
/// divisions, people, units, cases (tracking code), households (house number; names stay masked).
/// The header's box asks it as you type (htmx).
/// </summary>
public sealed class IndexModel(Finder finder) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public List<(Term Kind, List<Found> Rows)> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Query))
        {
            return;
        }
        // One after another: the finders share the request's database context.
        Groups =
        [
            (Words.Divisions, await finder.DivisionsAsync(Query, null, null, ct)),
            (new("人员", "People"), await finder.PeopleAsync(Query, ct)),
            (new("单位", "Units"), await finder.UnitsAsync(Query, ct)),
            (Words.Cases, await finder.CasesAsync(Query, ct)),
            (new("农户", "Households"), await finder.HouseholdsByNumberAsync(Query, ct)),
        ];
        Groups = Groups.Where(g => g.Rows.Count > 0).ToList();
    }
}
