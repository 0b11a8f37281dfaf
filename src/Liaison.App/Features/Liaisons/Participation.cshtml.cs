using Liaison.App.Web;
using Liaison.Domain.People;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Liaisons;

/// <summary>
/// 全员参与: a unit's cadres in the year — how each belongs to the programme and whether they took
/// part (their visits and days reach what the policy asks) — with those who did not filtered out for follow-up. A
/// compliance list in staff-number order, never a ranking by counts.
/// </summary>
public sealed class ParticipationModel(LiaisonQueries queries, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    /// <summary>Only the cadres who have not taken part.</summary>
    [BindProperty(SupportsGet = true)] public bool Absent { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public Unit Unit { get; private set; } = null!;
    /// <summary>What the year's policy asks (<see cref="Domain.Policy.ParticipationRules"/>).</summary>
    public Domain.Policy.ParticipationRules Rules { get; private set; } = new();
    /// <summary>Whether the policy expects this unit's cadres to take part (its level is one it names).</summary>
    public bool Expected => Domain.Liaisons.Participation.Expected(Unit.Level, Rules);
    public int PlanYear => Year ?? ChinaTime.Today(clock).Year;
    public int Total { get; private set; }
    public int WithPlace { get; private set; }
    public int TakingPart { get; private set; }
    public List<ParticipationRow> Rows { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Of(1, 0);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var found = await queries.Plan.UnitParticipationAsync(code, PlanYear, ct);
        if (found is not { } f)
        {
            return NotFound();
        }
        (Unit, Rules) = (f.Unit, f.Rules);
        Total = f.Rows.Count;
        WithPlace = f.Rows.Count(r => r.Part.HasPlace);
        TakingPart = f.Rows.Count(r => r.Part.TakesPart);
        var shown = Absent ? f.Rows.Where(r => !r.Part.TakesPart).ToList() : f.Rows;
        Paging = Paging.Of(PageNumber, shown.Count);
        Rows = shown.Skip(Paging.Skip).Take(Paging.Size).ToList();
        return Page();
    }
}
