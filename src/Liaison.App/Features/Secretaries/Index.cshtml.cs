using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Audit;
using Liaison.Data.Secretaries;
using Liaison.Domain.Access;
using Liaison.Domain.Divisions;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Secretaries;

/// <summary>
/// The year's First Secretary calls in the jurisdiction, and for a city-wide office or an
/// administrator the cycle's steps: open the calls, select on merit, match (each audited).
/// </summary>
public sealed class IndexModel(LiaisonQueries queries, LiaisonDb db, Data.Access.Scoped scoped, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public int CycleYear => Year ?? ChinaTime.Today(clock).Year;
    public List<CallRow> Calls { get; private set; } = [];
    public bool CanRunCycle { get; private set; }
    public string? Message { get; private set; }

    /// <summary>What the profiles of the villages in reach lack for the cycle: grades (which villages need one), coordinates (distances).</summary>
    public IReadOnlyList<Term> Gaps { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostOpenAsync(CancellationToken ct) => StepAsync(async () =>
    {
        var calls = await SecretaryStore.OpenCallsAsync(db, clock, Actor(), CycleYear, ct);
        if (calls.Count == 0)
        {
            return Ui.T("没有开启选派：", "No calls opened: ") + Ui.T(await SecretaryStore.WhyNoCallsAsync(db, CycleYear, ct));
        }
        return Ui.T($"已开启 {calls.Count} 个选派，名额 {calls.Sum(c => c.Quota)}。", $"{calls.Count} calls open, quota {calls.Sum(c => c.Quota)}.");
    }, ct);

    public Task<IActionResult> OnPostSelectAsync(CancellationToken ct) => StepAsync(async () =>
    {
        var (selected, not) = await SecretaryStore.SelectAsync(db, clock, Actor(), CycleYear, ct);
        return Ui.T($"选中 {selected} 名，未选中 {not} 名。", $"Selected {selected}, not selected {not}.");
    }, ct);

    public Task<IActionResult> OnPostMatchAsync(CancellationToken ct) => StepAsync(async () =>
    {
        var run = await SecretaryStore.MatchAsync(db, clock, Actor(), CycleYear, ChinaTime.Today(clock), ct);
        return Ui.T($"已安排 {run.Result.Pairs.Count} 名，总费用 {run.Result.TotalCost}（最优），未安排 {run.Result.Unplaced.Count} 名。",
            $"{run.Result.Pairs.Count} placed at total cost {run.Result.TotalCost} (optimal), {run.Result.Unplaced.Count} not placed.");
    }, ct);

    private Actor Actor() => new(jurisdiction.UserName ?? "?");

    private async Task<IActionResult> StepAsync(Func<Task<string>> step, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!CanRunCycle)
        {
            return Forbid();
        }
        try
        {
            Message = await step();
        }
        catch (RefusedException e)
        {
            Message = string.Join(" ", e.Problems.Select(p => p.In(Ui.English)));
        }
        catch (InvalidOperationException e)
        {
            Message = e.Message;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Calls = await queries.Secretaries.CallsAsync(CycleYear, ct);
        var villages = scoped.Divisions.Where(d => d.Level == DivisionLevel.Village && d.VillageKind != VillageKind.Community);
        var gaps = new Domain.Liaisons.ProfileGaps(await villages.CountAsync(ct), await villages.CountAsync(d => d.PartyOrgGrade == null, ct),
            await villages.CountAsync(d => d.Latitude == null || d.Longitude == null, ct), 0);
        Gaps = new[] { gaps.Grades, gaps.MatchDistance }.OfType<Term>().ToList();
        // The cycle spans the whole database: only who governs all of it runs it (a county's office when the database is one county's).
        CanRunCycle = jurisdiction.May(Ability.EditPlan) && jurisdiction.Role is { } role && jurisdiction.Scope is { } scope
            && await Data.Access.WholeDatabase.GovernedByAsync(db, role, scope, ct);
    }
}
