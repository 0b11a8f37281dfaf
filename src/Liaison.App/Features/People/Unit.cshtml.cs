using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.People;
using Liaison.Domain.People;
using Microsoft.AspNetCore.Mvc;

namespace Liaison.App.Features.People;

/// <summary>
/// A unit's registry page: the record with its cadres, a correction form, and the unit's changes —
/// rename, merger into another unit (its cadres move there), split (a new unit and the cadres who
/// go with it) and closing — each with its day and reason.
/// </summary>
public sealed class UnitModel(LiaisonQueries queries, LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : RegistryPage(jurisdiction, clock)
{
    public UnitView View { get; private set; } = null!;
    public List<RegistryEvent> History { get; private set; } = [];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public UnitCategory Category { get; set; }
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public RegistryAction Change { get; set; }
    [BindProperty] public DateOnly? On { get; set; }
    [BindProperty] public string? Reason { get; set; }
    /// <summary>The new name (rename), the unit merged into (merger), or the new unit's code (split).</summary>
    [BindProperty] public string? Other { get; set; }
    [BindProperty] public string? NewName { get; set; }
    [BindProperty] public List<string> Moving { get; set; } = [];

    public static IReadOnlyList<RegistryAction> Changes { get; } = [RegistryAction.Renamed, RegistryAction.Merged, RegistryAction.Split, RegistryAction.Closed];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEditAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }
        var u = View.Unit;
        await SaveAsync(() => RegistryStore.EditUnitAsync(db, Clock, Actor, Scope, code, new UnitInput(u.Code, (Name ?? "").Trim(), u.Level, Category, u.DivisionCode), Version, HttpContext.RequestAborted));
        await LoadAsync(code, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }
        var u = View.Unit;
        var split = Change == RegistryAction.Split ? new UnitInput((Other ?? "").Trim(), (NewName ?? "").Trim(), u.Level, u.Category, u.DivisionCode) : null;
        var other = Change == RegistryAction.Split ? null : Other;
        await SaveAsync(() => RegistryStore.ChangeUnitAsync(db, Clock, Actor, Scope, code, new RegistryChange(Change, On ?? Today, Reason, other, Version), split, Moving, HttpContext.RequestAborted));
        await LoadAsync(code, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (await queries.People.UnitAsync(code, ct) is not { } view)
        {
            return false;
        }
        View = view;
        History = await queries.People.HistoryAsync(RegistryKind.Unit, view.Unit.Id, ct);
        return true;
    }
}
