using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Field;
using Liaison.Data.Liaisons;
using Liaison.Domain.Access;
using Liaison.Domain.Field;
using Liaison.Domain.Liaisons;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Liaisons;

/// <summary>
/// 联建单位集中驻村: a pairing's concentrated stays as recorded, and for the unit's administrator (its
/// own unit's pairings) or an office (those of its jurisdiction) the form that records one for the
/// members at once — each member's stay stored exactly once, as the work group enters it for them.
/// </summary>
public sealed class UnitStaysModel(LiaisonQueries queries, LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock, CadreScopeCache cache) : PageModel
{
    public TieRow Row { get; private set; } = null!;
    public List<UnitStay> Stays { get; private set; } = [];
    public List<(string Code, string Name)> Members { get; private set; } = [];
    public UnitStayOutcome? Outcome { get; private set; }
    public IReadOnlyList<Problem> Problems { get; private set; } = [];

    [BindProperty] public DateOnly? Arrived { get; set; }
    [BindProperty] public DateOnly? Left { get; set; }
    [BindProperty] public string? What { get; set; }
    [BindProperty] public List<string> Went { get; set; } = [];

    /// <summary>Whether this account may record the pairing's stays: the ability, and for a unit's administrator their own unit.</summary>
    public bool CanRecord => Row.Tie.IsCurrent && jurisdiction.May(Ability.RecordUnitStays)
        && (jurisdiction.Scope?.UnitId is not { } unit || unit == Row.Tie.UnitId);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var row = await queries.Plan.TieAsync(id, ct);
        if (row is null || row.Tie.Kind != TieKind.Pairing || row.Tie.UnitId is not { } unit)
        {
            return NotFound();
        }
        Row = row;
        Stays = await UnitStayStore.OfTieAsync(db, id, ct);
        Members = await queries.Plan.UnitMembersAsync(unit, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync(long id, CancellationToken ct)
    {
        if (await OnGetAsync(id, ct) is not PageResult)
        {
            return NotFound();
        }
        if (!CanRecord)
        {
            return Forbid();
        }
        try
        {
            var by = new FieldAuthor(0, jurisdiction.UserName ?? "?", RecordSource.WorkGroup, jurisdiction.Covers);
            Outcome = await UnitStayStore.RecordAsync(db, clock, by, Row.Tie, new UnitStayInput(Arrived, Left, What, Went), ct, cache);
            Stays = await UnitStayStore.OfTieAsync(db, id, ct);
        }
        catch (RefusedException e)
        {
            Problems = e.Problems;
        }
        return Page();
    }
}
