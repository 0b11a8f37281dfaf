using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Data.Assessment;
using Liaison.Data.Liaisons;
using Liaison.Domain.Assessment;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Assessment;

/// <summary>
/// A run's results for the office: every person by rank with score, grade, cap and veto, filtered by
/// unit or grade, paged, exported as the organisation department keeps it (xlsx, a unit's sheet with
/// ?unit=); publishing.
/// </summary>
public sealed class RunModel(LiaisonDb db, Scoped scoped, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Grade { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public AssessmentRun Run { get; private set; } = null!;
    public AssessmentScheme Scheme { get; private set; } = null!;
    public List<ResultRow> Rows { get; private set; } = [];
    public Dictionary<string, int> Counts { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Of(1, 0);
    public IReadOnlyList<Problem> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        using var outside = Unscoped.Section(Whole);
        (var page, Paging) = await Paging.PageAsync(await FilteredAsync(ct), PageNumber, 50, "page", ct);
        Rows = await AssessmentRows.NameAsync(db, scoped, page, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        try
        {
            await AssessmentStore.PublishAsync(db, clock, new OfficeActor(jurisdiction.UserName ?? "?", jurisdiction.Covers), Id, ct);
            return Redirect($"/assessment/runs/{Id}");
        }
        catch (RefusedException e)
        {
            var page = await OnGetAsync(ct);
            Problems = e.Problems;
            return page;
        }
    }

    /// <summary>A draft notice of commendation naming the top grade (the notices' page edits and issues it).</summary>
    public async Task<IActionResult> OnPostCommendAsync(CancellationToken ct)
    {
        if (!CanCommend)
        {
            return Forbid();
        }
        try
        {
            var notice = await AssessmentStore.CommendAsync(db, clock, new OfficeActor(jurisdiction.UserName ?? "?", jurisdiction.Covers), Id, ct);
            return Redirect($"/notices/{notice.Id}");
        }
        catch (RefusedException e)
        {
            var page = await OnGetAsync(ct);
            Problems = e.Problems;
            return page;
        }
    }

    public bool CanCommend => jurisdiction.May(Domain.Access.Ability.IssueNotices);

    /// <summary>The results as filtered, every row, as xlsx: the organisation department's sheet (one unit's with ?unit=).</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        using var outside = Unscoped.Section(Whole);
        var rows = await AssessmentRows.NameAsync(db, scoped, await (await FilteredAsync(ct)).ToListAsync(ct), ct);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var bytes = await Data.Export.TableExport.XlsxAsync(
            [Ui.T(AssessmentWords.Rank), Ui.T("干部编码", "Cadre code"), Ui.T(Words.PersonName), Ui.T(Words.Unit), Ui.T(Words.Village), Ui.T(AssessmentWords.Score), Ui.T("调整", "Adjustment"), Ui.T("调整理由", "Reason"), Ui.T(AssessmentWords.Grade), Ui.T("一票否决", "Veto")],
            rows.Select(r => new[] { r.Result.Rank.ToString(inv), r.Code, r.Name, r.Unit, r.Village, r.Result.Score.ToString("0.00", inv), r.Result.Adjustment.ToString("0.##", inv), r.Result.AdjustReason ?? "",
                Ui.T(AssessmentRows.GradeName(Scheme, r.Result.Grade)) + (r.Result.Capped ? Ui.T(AssessmentWords.Capped) : ""), r.Result.Veto ?? "" }), ct);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"assessment-{Run.Year}-{Run.Group}{(Unit is { Length: > 0 } u ? "-" + u : "")}.xlsx");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await scoped.AssessmentRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == Id, ct) is not { } run)
        {
            return false;
        }
        Run = run;
        Scheme = await AssessmentRows.SchemeAsync(db, run, ct);
        using var outside = Unscoped.Section(Whole);
        Counts = await db.AssessmentResults.Where(r => r.RunId == Id).GroupBy(r => r.Grade).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return true;
    }

    private const string Whole = "a run's results: the run is read through the scope above, whole";

    // The results as filtered; read inside the caller's Unscoped section (the run itself was read through the scope).
    private async Task<IQueryable<AssessmentResult>> FilteredAsync(CancellationToken ct)
    {
        var query = db.AssessmentResults.AsNoTracking().Where(r => r.RunId == Id);
        if (Unit is { Length: > 0 } code)
        {
            var unit = await scoped.UnitNames.Where(u => u.Code == code.Trim()).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct) ?? -1;
            query = query.Where(r => r.UnitId == unit);
        }
        if (Grade is { Length: > 0 } grade)
        {
            query = query.Where(r => r.Grade == grade);
        }
        return query.OrderBy(r => r.Rank).ThenBy(r => r.CadreId);
    }
}
