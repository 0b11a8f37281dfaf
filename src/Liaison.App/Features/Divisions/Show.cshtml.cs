using Liaison.App.Web;
using Liaison.Domain.Divisions;
using Liaison.Domain.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Divisions;

/// <summary>One division: its figures and children, or for a village its profile and households.</summary>
public sealed class ShowModel(LiaisonQueries queries, Auth.Jurisdiction jurisdiction) : PageModel
{
    public bool CanReveal => jurisdiction.May(Domain.Access.Ability.RevealPersonalData);

    public bool CanEditRegistries => jurisdiction.May(Domain.Access.Ability.EditRegistries);

    public Division Division { get; private set; } = null!;
    public IReadOnlyDictionary<string, long> Figures { get; private set; } = new Dictionary<string, long>();
    public List<Division> Ancestors { get; private set; } = [];
    public List<DivisionFigures> Children { get; private set; } = [];
    public List<Household> Households { get; private set; } = [];
    public int HouseholdTotal { get; private set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "house")]
    public string? HouseNo { get; set; }

    public int PageCount => Math.Max(1, (HouseholdTotal + DivisionQueries.PageSize - 1) / DivisionQueries.PageSize);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var division = await queries.Divisions.FindAsync(code, ct);
        if (division is null)
        {
            return NotFound();
        }
        Division = division;
        Figures = await queries.Divisions.FiguresAsync(code, ct);
        Ancestors = await queries.Divisions.AncestorsAsync(division, ct);
        if (division.Level == DivisionLevel.Village)
        {
            PageNumber = Math.Max(1, PageNumber);
            (Households, HouseholdTotal) = await queries.Divisions.HouseholdsAsync(code, PageNumber, HouseNo, ct);
        }
        else
        {
            Children = await queries.Divisions.ChildrenAsync(code, ct);
        }
        return Page();
    }
}
