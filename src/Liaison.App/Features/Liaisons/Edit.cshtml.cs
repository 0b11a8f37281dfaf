using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Audit;
using Liaison.Data.Liaisons;
using Liaison.Domain.Liaisons;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Liaisons;

/// <summary>
/// Changing the plan by hand: move, end, lock or add a tie, always with a reason. The change is
/// checked at once; what it breaks is shown, and refused when the year's policy says so.
/// Both the tie's place and the new place must lie in the editor's jurisdiction.
/// </summary>
public sealed class EditModel(LiaisonQueries queries, LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long? Tie { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    [BindProperty]
    public string? Division { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public TieKind Kind { get; set; } = TieKind.Stationed;

    [BindProperty]
    public int? Year { get; set; }

    public TieRow? Row { get; private set; }
    public PersonView? PersonView { get; private set; }
    public TieEditResult? Result { get; private set; }

    /// <summary>The year a new tie is for unless another is chosen: this year.</summary>
    public int PlanYear => Year ?? ChinaTime.Today(clock).Year;

    /// <summary>A tie, a person, or (neither named) the form to choose a person by name.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => Tie is null && Person is null || await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostMoveAsync(CancellationToken ct) =>
        ApplyAsync(() => Row is null ? null : new TieEdit.Move(Row.Tie.Id, (Division ?? "").Trim(), Reason ?? ""), checkDivision: true, ct);

    public Task<IActionResult> OnPostEndAsync(CancellationToken ct) =>
        ApplyAsync(() => Row is null ? null : new TieEdit.End(Row.Tie.Id, Reason ?? ""), checkDivision: false, ct);

    public Task<IActionResult> OnPostLockAsync(CancellationToken ct) =>
        ApplyAsync(() => Row is null ? null : new TieEdit.Lock(Row.Tie.Id, !Row.Tie.Locked, Reason ?? ""), checkDivision: false, ct);

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        ApplyAsync(() => PersonView is null ? null : new TieEdit.Add(PlanYear, Kind, PersonView.Cadre.Code, (Division ?? "").Trim(), Reason ?? ""), checkDivision: true, ct);

    private async Task<IActionResult> ApplyAsync(Func<TieEdit?> make, bool checkDivision, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || make() is not { } edit)
        {
            return NotFound();
        }
        if (checkDivision && !jurisdiction.Covers((Division ?? "").Trim()))
        {
            // A place outside the jurisdiction is refused like one that does not exist.
            Result = new TieEditResult(false, null, [], new Problem("division", $"行政区划 {Division} 不存在或不在您的管辖范围内", $"division {Division} does not exist or is outside your jurisdiction"));
            return Page();
        }
        Result = await TieEdits.ApplyAsync(db, clock, new Actor(jurisdiction.UserName ?? "?"), edit, ChinaTime.Today(clock), ct);
        if (Result.Saved)
        {
            await LoadAsync(ct);
        }
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Tie is { } id)
        {
            Row = await queries.Plan.TieAsync(id, ct);
            return Row is not null;
        }
        if (Person is { } code)
        {
            PersonView = await queries.Plan.PersonAsync(code, ct);
            return PersonView is not null;
        }
        return false;
    }
}
