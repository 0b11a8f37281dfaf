using Liaison.App.Auth;
using Liaison.App.Features.Liaisons;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Audit;
using Liaison.Data.Secretaries;
using Liaison.Domain.Access;
using Liaison.Domain.Secretaries;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Secretaries;

/// <summary>
/// One First Secretary posting: its cost terms; "why not this village?"; and for offices in its
/// jurisdiction, moving it by hand or recalling it, with a reason (checked at once, audited).
/// </summary>
public sealed class PostingModel(LiaisonQueries queries, LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    public SecretaryRow Row { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public string? Message { get; private set; }
    public bool Refused { get; private set; }
    public WhyNot? Answer { get; private set; }
    public List<SecretarySupport> Supports { get; private set; } = [];
    /// <summary>How many practical deeds within reach came of each support.</summary>
    public Dictionary<long, int> DeedsBySupport { get; private set; } = [];
    public bool CanRecordDeeds => jurisdiction.May(Domain.Access.Ability.RecordResults);
    /// <summary>The posting's standing against the visiting duties (its own page lists the unvisited).</summary>
    public DutyStanding Duties { get; private set; } = null!;
    public string? AskedVillage { get; private set; }
    /// <summary>The asked village's name, for the picker to show instead of its code.</summary>
    public string? AskedVillageName { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string? village, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!string.IsNullOrWhiteSpace(village) && jurisdiction.Covers(village.Trim()))
        {
            AskedVillage = village.Trim();
            AskedVillageName = (await queries.Divisions.FindAsync(AskedVillage, ct))?.Name;
            try
            {
                (Answer, _) = await SecretaryStore.WhyNotAsync(db, Row.Posting.Year, Row.CadreCode, AskedVillage, ct);
            }
            catch (InvalidOperationException e)
            {
                (Message, Refused) = (e.Message, true);
            }
        }
        return Page();
    }

    public Task<IActionResult> OnPostMoveAsync(long id, string? village, string? reason, CancellationToken ct) =>
        ChangeAsync(id, new PostingChange(reason ?? "", Village: (village ?? "").Trim()), ct);

    public Task<IActionResult> OnPostRecallAsync(long id, string? reason, string? replacement, CancellationToken ct) =>
        ChangeAsync(id, new PostingChange(reason ?? "", Replacement: string.IsNullOrWhiteSpace(replacement) ? null : replacement.Trim()), ct);

    public Task<IActionResult> OnPostAppointAsync(long id, DateOnly appointedOn, bool membershipMoved, bool decoupled, bool headsWorkGroup, CancellationToken ct) =>
        RecordAsync(id, () => SecretaryStore.AppointAsync(db, clock, new Actor(jurisdiction.UserName ?? "?"), id, appointedOn, membershipMoved, decoupled, headsWorkGroup, ct), ct);

    public Task<IActionResult> OnPostSupportAsync(long id, SupportKind kind, decimal amount, string? description, DateOnly on, CancellationToken ct) =>
        RecordAsync(id, () => SecretaryStore.AddSupportAsync(db, clock, new Actor(jurisdiction.UserName ?? "?"), id, kind, amount, description ?? "", on, ct), ct);

    private async Task<IActionResult> RecordAsync(long id, Func<Task<Problem?>> record, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        var refusal = await record();
        (Message, Refused) = (refusal?.In(Ui.English) ?? Ui.T(Words.Saved), refusal is not null);
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<IActionResult> ChangeAsync(long id, PostingChange change, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!CanEdit || (change.Village is { } village && !jurisdiction.Covers(village)))
        {
            return Forbid();
        }
        var refusal = await SecretaryStore.ChangePostingAsync(db, clock, new Actor(jurisdiction.UserName ?? "?"), id, change, ChinaTime.Today(clock), jurisdiction.Covers, ct);
        (Message, Refused) = (refusal?.In(Ui.English) ?? Ui.T(Words.Saved), refusal is not null);
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await queries.Plan.SecretaryPostingAsync(id, ct) is not { } row)
        {
            return false;
        }
        Row = row;
        CanEdit = jurisdiction.May(Ability.EditPlan) && row.Posting.Until is null;
        Supports = await queries.Plan.SupportsAsync(id, ct);
        DeedsBySupport = await queries.Deeds.BySupportAsync(Supports.Select(x => x.Id).ToList(), ct);
        Duties = (await queries.Secretaries.DutiesAsync([row.Posting], ct))[0].Standing;
        return true;
    }
}
