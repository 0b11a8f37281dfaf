using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Liaisons;
using Liaison.Data.Policy;
using Liaison.Data.Results;
using Liaison.Domain.Access;
using Liaison.Domain.Divisions;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Grading;

/// <summary>
/// A township's grading round: each village with its grade now and in the round, the checklist to
/// grade it while the round is open, the township's submission, and the county's confirmation.
/// </summary>
public sealed class ShowModel(LiaisonQueries queries, LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    public RoundRow Row { get; private set; } = null!;
    public List<RoundVillage> Villages { get; private set; } = [];
    public GradingRules Rules { get; private set; } = new();
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public bool CanAct => jurisdiction.May(Ability.RecordResults) && jurisdiction.CadreId is null;
    /// <summary>An office above the township (its county's or the city's) confirms.</summary>
    public bool CanConfirm => CanAct && jurisdiction.Covers(Row.Round.TownshipCode[..6]);

    private OfficeActor Actor => new(jurisdiction.UserName ?? "?", jurisdiction.Covers);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await queries.Grading.RoundAsync(id, ct) is not { } row)
        {
            return NotFound();
        }
        Row = row;
        Villages = await queries.Grading.VillagesAsync(row.Round, ct);
        Rules = (await PolicyStore.GetAsync(db, row.Round.Year, ct)).Policy.Grading;
        return Page();
    }

    public Task<IActionResult> OnPostGradeAsync(long id, string? village, PartyOrgGrade? grade, string[]? criteria, string? note, CancellationToken ct) =>
        ActAsync(id, () => GradingStore.GradeAsync(db, clock, Actor, id, village, grade, criteria ?? [], note, ct), ct);

    public Task<IActionResult> OnPostSubmitAsync(long id, CancellationToken ct) => ActAsync(id, () => GradingStore.SubmitAsync(db, clock, Actor, id, ct), ct);

    public Task<IActionResult> OnPostConfirmAsync(long id, CancellationToken ct) => ActAsync(id, () => GradingStore.ConfirmAsync(db, clock, Actor, id, ct), ct);

    private async Task<IActionResult> ActAsync(long id, Func<Task> act, CancellationToken ct)
    {
        if (!CanAct)
        {
            return Forbid();
        }
        try
        {
            await act();
            return Redirect($"/grading/{id}");
        }
        catch (RefusedException e)
        {
            var page = await OnGetAsync(id, ct);
            Problems = e.Problems;
            return page;
        }
    }
}
