using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Audit;
using Liaison.Data.Secretaries;
using Liaison.Domain.Access;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Secretaries;

/// <summary>One call: its candidates with the panel's scores and the selection's outcome; offices in its jurisdiction register cadres and record scores.</summary>
public sealed class CallModel(LiaisonQueries queries, LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    public CallRow Call { get; private set; } = null!;
    public List<CandidateRow> Candidates { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public string? Message { get; private set; }
    public bool Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostRegisterAsync(int id, string? cadre, string? home, CancellationToken ct) =>
        EditAsync(id, () => SecretaryStore.RegisterAsync(db, clock, Actor(), id, cadre ?? "", home, ct), Ui.T("已报名。", "Registered."), ct);

    public Task<IActionResult> OnPostScoreAsync(int id, int candidate, int political, int innovation, int massWork, int coordination, CancellationToken ct) =>
        EditAsync(id, async () => Candidates.Any(c => c.Candidate.Id == candidate)
            ? await SecretaryStore.ScoreAsync(db, clock, Actor(), candidate, political, innovation, massWork, coordination, ct)
            : new Problem("candidate", "没有这名人选", "no such candidate"), Ui.T("评分已保存。", "Scores saved."), ct);

    private Actor Actor() => new(jurisdiction.UserName ?? "?");

    private async Task<IActionResult> EditAsync(int id, Func<Task<Problem?>> edit, string done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        var refusal = await edit();
        (Message, Refused) = (refusal?.In(Ui.English) ?? done, refusal is not null);
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await queries.Secretaries.CallAsync(id, ct) is not { } found)
        {
            return false;
        }
        (Call, Candidates) = found;
        CanEdit = jurisdiction.May(Ability.EditPlan);
        return true;
    }
}
