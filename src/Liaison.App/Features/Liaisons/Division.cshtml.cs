using Liaison.App.Web;
using Liaison.Domain.Divisions;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Liaisons;

/// <summary>The plan of one division: who is tied to it, how, since when; its children's coverage; its history.</summary>
public sealed class DivisionModel(LiaisonQueries queries, TimeProvider clock) : PageModel
{
    public Division Division { get; private set; } = null!;
    public List<Division> Ancestors { get; private set; } = [];
    public List<TieRow> Ties { get; private set; } = [];
    public List<Divisions.DivisionFigures> Children { get; private set; } = [];
    public IReadOnlyDictionary<string, long> Figures { get; private set; } = new Dictionary<string, long>();
    public List<(Domain.Liaisons.RankedVillage Rank, List<string> TakenBy)> Ranking { get; private set; } = [];
    public List<SecretaryRow> Secretaries { get; private set; } = [];

    /// <summary>What the villages' profiles lack for the plan, said above it.</summary>
    public Domain.Liaisons.ProfileGaps? Gaps { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public int PlanYear => Year ?? ChinaTime.Today(clock).Year;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var division = await queries.Divisions.FindAsync(code, ct);
        if (division is null)
        {
            return NotFound();
        }
        Division = division;
        Ancestors = await queries.Divisions.AncestorsAsync(division, ct);
        Ties = await queries.Plan.AtAsync(code, PlanYear, ct);
        Figures = await queries.Divisions.FiguresAsync(code, ct);
        if (division.Level < DivisionLevel.Village)
        {
            Children = await queries.Divisions.ChildrenAsync(code, ct);
            Gaps = await queries.Plan.GapsAsync(code, ct);
        }
        if (division.Level == DivisionLevel.Village)
        {
            Secretaries = await queries.Plan.SecretariesAtAsync(code, ct);
        }
        if (division.Level == DivisionLevel.Township)
        {
            Ranking = await queries.Plan.RankingAsync(code, PlanYear, ct);
        }
        return Page();
    }
}
