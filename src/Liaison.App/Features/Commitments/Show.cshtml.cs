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

namespace Liaison.App.Features.Commitments;

/// <summary>One commitment: what was promised, by whom and by when, its progress, the deeds that fulfil it; and while open, the forms that record progress, its keeping or its giving up.</summary>
public sealed class ShowModel(LiaisonQueries queries, LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    public CommitmentRow Row { get; private set; } = null!;
    public List<CommitmentStep> Steps { get; private set; } = [];
    public List<Deed> Deeds { get; private set; } = [];
    public Domain.Policy.DeedRules Rules { get; private set; } = new();
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public DateOnly Today => ChinaTime.Today(clock);
    /// <summary>Who may record on it: an office of its village, or the cadre who made it.</summary>
    public bool CanAct => jurisdiction.May(Ability.RecordResults) && (jurisdiction.CadreId is null || jurisdiction.CadreId == Row.Commitment.CadreId);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await queries.Commitments.OneAsync(id, ct) is not { } row)
        {
            return NotFound();
        }
        Row = row;
        Steps = await queries.Commitments.StepsAsync(id, ct);
        Deeds = await queries.Commitments.DeedsAsync(id, ct);
        Rules = (await Data.Policy.PolicyStore.GetAsync(db, row.Commitment.Year, ct)).Policy.Deeds;
        return Page();
    }

    public async Task<IActionResult> OnPostStepAsync(long id, CommitmentStatus status, string? text, DateOnly? on, CancellationToken ct)
    {
        if (!jurisdiction.May(Ability.RecordResults))
        {
            return Forbid();
        }
        try
        {
            await CommitmentStore.StepAsync(db, clock, new OfficeActor(jurisdiction.UserName ?? "?", jurisdiction.Covers), jurisdiction.CadreId, id,
                new CommitmentStepInput(status, text, on), ct);
            return Redirect($"/commitments/{id}");
        }
        catch (RefusedException e)
        {
            var page = await OnGetAsync(id, ct);
            Problems = e.Problems;
            return page;
        }
    }
}
