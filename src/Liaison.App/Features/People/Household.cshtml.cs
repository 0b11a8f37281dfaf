using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.People;
using Liaison.Domain.People;
using Microsoft.AspNetCore.Mvc;

namespace Liaison.App.Features.People;

/// <summary>
/// A household's registry page: the record (personal data masked), its visits, a correction form
/// (the head's name and phone are written, never shown), and its changes — moving out, merging
/// into another household of the village, splitting a new household off — each with its day and
/// reason. The row stays: visits and cases keep pointing at it as it was.
/// </summary>
public sealed class HouseholdModel(LiaisonQueries queries, LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : RegistryPage(jurisdiction, clock)
{
    public HouseholdView View { get; private set; } = null!;
    public List<RegistryEvent> History { get; private set; } = [];

    [BindProperty] public string? HeadName { get; set; }
    [BindProperty] public string? HeadPhone { get; set; }
    [BindProperty] public int MemberCount { get; set; }
    [BindProperty] public List<HouseholdCategory> Categories { get; set; } = [];
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public RegistryAction Change { get; set; }
    [BindProperty] public DateOnly? On { get; set; }
    [BindProperty] public string? Reason { get; set; }
    /// <summary>The house number merged into (merger) or of the new household (split).</summary>
    [BindProperty] public string? Other { get; set; }
    [BindProperty] public string? NewHead { get; set; }
    [BindProperty] public string? NewPhone { get; set; }
    [BindProperty] public int NewMembers { get; set; }

    public static IReadOnlyList<RegistryAction> Changes { get; } = [RegistryAction.MovedOut, RegistryAction.Merged, RegistryAction.Split];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEditAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var h = View.Household;
        var input = new HouseholdInput(h.VillageCode, h.HouseNo, HeadName, HeadPhone, MemberCount, Categories.Aggregate(HouseholdCategory.None, (a, c) => a | c));
        await SaveAsync(() => RegistryStore.EditHouseholdAsync(db, Clock, Actor, Scope, id, input, Version, HttpContext.RequestAborted));
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var h = View.Household;
        var split = Change == RegistryAction.Split ? new HouseholdInput(h.VillageCode, (Other ?? "").Trim(), NewHead, NewPhone, NewMembers, HouseholdCategory.None) : null;
        var other = Change == RegistryAction.Merged ? Other : null;
        await SaveAsync(() => RegistryStore.ChangeHouseholdAsync(db, Clock, Actor, Scope, id, new RegistryChange(Change, On ?? Today, Reason, other, Version), split, HttpContext.RequestAborted));
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await queries.People.HouseholdAsync(id, ct) is not { } view)
        {
            return false;
        }
        View = view;
        History = await queries.People.HistoryAsync(RegistryKind.Household, id, ct);
        return true;
    }
}
