using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Liaisons;
using Liaison.Data.Policy;
using Liaison.Data.Supervision;
using Liaison.Domain.Shared;
using Liaison.Domain.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Field;

/// <summary>
/// 合理性提示: for supervisors only, never shown to or blocking a cadre; each flag with its evidence,
/// kept with its review (issue 22): confirmed as a finding, explained, or dismissed for good. The checks
/// run by the clock over townships with new records; "check now" runs them over the division at once.
/// </summary>
public sealed class FlagsModel(LiaisonDb db, Data.Access.Scoped scoped, LiaisonQueries queries, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public List<FlagRow> Rows { get; private set; } = [];
    public Domain.Policy.SupervisionRules Rules { get; private set; } = new();
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    /// <summary>How many flags the last "check now" added; null when none was asked.</summary>
    public int? Added { get; private set; }

    [BindProperty(SupportsGet = true)] public FlagStatus Status { get; set; } = FlagStatus.Open;

    /// <summary>Villages here without coordinates: the far-from-village flag cannot fire for them, which the page says.</summary>
    public Domain.Liaisons.ProfileGaps? Gaps { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        var division = await queries.Divisions.FindOrHomeAsync(code, ct);
        if (division is null || await new Supervision(db, scoped).FlagsAsync(division.Code, Status, ct) is not { } rows)
        {
            return NotFound();
        }
        (Code, Name, Rows) = (division.Code, division.Name, rows);
        Rules = (await PolicyStore.GetAsync(db, ChinaTime.Today(clock).Year, ct)).Policy.Supervision;
        var villages = scoped.Under(division.Code).Divisions.Where(d => d.Level == Domain.Divisions.DivisionLevel.Village);
        Gaps = new Domain.Liaisons.ProfileGaps(await villages.CountAsync(ct), 0, await villages.CountAsync(d => d.Latitude == null || d.Longitude == null, ct), 0);
        return Page();
    }

    /// <summary>查一查: the checks over the division now, the new flags stored; a division of too many visits is refused, to be checked township by township.</summary>
    public async Task<IActionResult> OnPostRefreshAsync(string? code, CancellationToken ct)
    {
        var division = await queries.Divisions.FindOrHomeAsync(code, ct);
        if (division is null || !scoped.Covers(division.Code))
        {
            return NotFound();
        }
        var year = await Data.Field.FieldRollups.YearAsync(db, ct) ?? ChinaTime.Today(clock).Year;
        var rules = (await PolicyStore.GetAsync(db, year, ct)).Policy.Field;
        var added = await FlagStore.RefreshAsync(db, clock, division.Code, year, rules, ct);
        var page = await OnGetAsync(division.Code, ct);
        if (added is null)
        {
            Problems = [new Problem("code", $"本区划走访超过 {FlagStore.MaxVisits:N0} 次，请进入乡镇检查", $"more than {FlagStore.MaxVisits:N0} visits here: check a township at a time") { Code = "too-many" }];
        }
        Added = added;
        return page;
    }

    public async Task<IActionResult> OnPostReviewAsync(string? code, long id, FlagStatus decision, string? note, string? kind, CancellationToken ct)
    {
        try
        {
            await FlagStore.ReviewAsync(db, clock, new OfficeActor(jurisdiction.UserName ?? "?", jurisdiction.Covers), jurisdiction.CadreId, id, decision, note, kind, ct);
            return Redirect($"/field/flags?code={code}#flags");
        }
        catch (RefusedException e)
        {
            var page = await OnGetAsync(code, ct);
            Problems = e.Problems;
            return page;
        }
    }
}
