using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Liaisons;
using Liaison.Data.Results;
using Liaison.Domain.Access;
using Liaison.Domain.Results;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Grading;

/// <summary>
/// 分类定级: the year's grading rounds within reach with their counts by grade, the form that opens a
/// township's round, and the rectification plans of backward organisations with the form that makes one.
/// </summary>
public sealed class IndexModel(LiaisonQueries queries, LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public int Shown => Year ?? ChinaTime.Today(clock).Year;
    public DateOnly Today => ChinaTime.Today(clock);
    public List<RoundRow> Rounds { get; private set; } = [];
    public List<RectificationRow> Plans { get; private set; } = [];
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public RectificationInput? EnteredPlan { get; private set; }
    /// <summary>Offices grade and plan; a cadre or an inspector reads.</summary>
    public bool CanAct => jurisdiction.May(Ability.RecordResults) && jurisdiction.CadreId is null;

    private OfficeActor Actor => new(jurisdiction.UserName ?? "?", jurisdiction.Covers);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rounds = await queries.Grading.RoundsAsync(Shown, Code, ct);
        Plans = await queries.Grading.RectificationsAsync(Code, ct);
    }

    public Task<IActionResult> OnPostOpenAsync(string? township, CancellationToken ct) =>
        ActAsync(async () => Redirect($"/grading/{(await GradingStore.OpenAsync(db, clock, Actor, township, Shown, ct)).Id}"), ct);

    public Task<IActionResult> OnPostPlanAsync(string? village, string? problems, string? measures, string? leader, DateOnly? deadline, RectificationKind? kind, CancellationToken ct)
    {
        EnteredPlan = new RectificationInput(village, problems, measures, leader, deadline, kind ?? RectificationKind.Rectify);
        return ActAsync(async () =>
        {
            await GradingStore.PlanAsync(db, clock, Actor, EnteredPlan, ct);
            return Redirect($"/grading?year={Shown}#plans");
        }, ct);
    }

    public Task<IActionResult> OnPostProgressAsync(long plan, string? text, CancellationToken ct) =>
        ActAsync(async () =>
        {
            await GradingStore.ProgressAsync(db, clock, Actor, plan, text, ct);
            return Redirect($"/grading?year={Shown}#plans");
        }, ct);

    private async Task<IActionResult> ActAsync(Func<Task<IActionResult>> act, CancellationToken ct)
    {
        if (!CanAct)
        {
            return Forbid();
        }
        try
        {
            return await act();
        }
        catch (RefusedException e)
        {
            Problems = e.Problems;
            await OnGetAsync(ct);
            return Page();
        }
    }
}
