using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.People;
using Liaison.Domain.People;
using Microsoft.AspNetCore.Mvc;

namespace Liaison.App.Features.People;

/// <summary>
/// A cadre's registry page: the record, a correction form, and the changes of a working life —
/// transfer, retirement, departure, death, suspension and reinstatement — each with its day and
/// reason. A change that ends ties says which divisions the plan must re-plan.
/// </summary>
public sealed class CadreModel(LiaisonQueries queries, LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : RegistryPage(jurisdiction, clock)
{
    public CadreView View { get; private set; } = null!;
    public List<RegistryEvent> History { get; private set; } = [];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public CadreRank Rank { get; set; }
    [BindProperty] public bool IsReserve { get; set; }
    [BindProperty] public bool IsPolice { get; set; }
    [BindProperty] public bool IsNewlyPromoted { get; set; }
    [BindProperty] public int BirthYear { get; set; }
    [BindProperty] public Gender Gender { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public RegistryAction Change { get; set; }
    [BindProperty] public DateOnly? On { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? To { get; set; }

    public static IReadOnlyList<RegistryAction> Changes { get; } =
        [RegistryAction.Transferred, RegistryAction.Retired, RegistryAction.Left, RegistryAction.Died, RegistryAction.Suspended, RegistryAction.Reinstated];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEditAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }
        var c = View.Cadre;
        var input = new CadreInput(c.Code, (Name ?? "").Trim(), View.Unit.Code, Rank, IsReserve, IsPolice, IsNewlyPromoted, BirthYear, Gender, Phone);
        await SaveAsync(() => RegistryStore.EditCadreAsync(db, Clock, Actor, Scope, code, input, Version, HttpContext.RequestAborted));
        await LoadAsync(code, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }
        await SaveAsync(() => RegistryStore.ChangeCadreAsync(db, Clock, Actor, Scope, code, new RegistryChange(Change, On ?? Today, Reason, To, Version), HttpContext.RequestAborted));
        await LoadAsync(code, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (await queries.People.CadreAsync(code, ct) is not { } view)
        {
            return false;
        }
        View = view;
        History = await queries.People.HistoryAsync(RegistryKind.Cadre, view.Cadre.Id, ct);
        return true;
    }
}
