using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Data.Liaisons;
using Liaison.Data.Supervision;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Liaison.Domain.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Supervision;

/// <summary>A review with what it reviewed in words and the items not in order.</summary>
public sealed record ReviewRow(DocumentReview Review, string Reviewed, IReadOnlyList<string> NotInOrder, int Findings);

/// <summary>
/// 查阅资料: the reviews of records made under a division, and the form that records one for a village,
/// a township or a unit against the policy's checklist for that level, with its findings.
/// </summary>
public sealed class ReviewsModel(Scoped scoped, LiaisonDb db, LiaisonQueries queries, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string Level { get; set; } = "village";
    [BindProperty] public List<FindingForm> Entered { get; set; } = [];

    public string Division { get; private set; } = "";
    public List<ReviewRow> Rows { get; private set; } = [];
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    public Paging Paging { get; private set; } = Paging.Of(1, 0);
    public SupervisionRules Rules { get; private set; } = new();
    public IReadOnlyList<ReviewItem> Items => Rules.Checklist.Where(i => i.Levels.Contains(Level)).ToList();
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public DateOnly Today => ChinaTime.Today(clock);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await queries.Divisions.FindOrHomeAsync(Code, ct) is not { } division)
        {
            return NotFound();
        }
        Division = division.Code;
        Level = DocumentReview.Levels.Contains(Level) ? Level : "village";
        Rules = (await Data.Policy.PolicyStore.GetAsync(db, Today.Year, ct)).Policy.Supervision;
        (var reviews, Paging) = await Paging.PageAsync(scoped.Under(division.Code).DocumentReviews.OrderByDescending(r => r.ReviewedOn).ThenByDescending(r => r.Id), PageNumber, 50, "page", ct);
        var ids = reviews.Select(r => r.Id).ToList();
        var failed = await db.ReviewChecks.AsNoTracking().Where(c => ids.Contains(c.ReviewId) && !c.InOrder).ToListAsync(ct);
        var findings = await scoped.Findings.Where(f => f.Source == FindingSource.Review && ids.Contains(f.SourceId)).GroupBy(f => f.SourceId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var codes = reviews.Select(r => r.DivisionCode).Distinct().ToList();
        var names = await scoped.Names.Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        var unitIds = reviews.Where(r => r.UnitId != null).Select(r => r.UnitId!.Value).ToList();
        var units = await scoped.UnitNames.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        Rows = reviews.Select(r => new ReviewRow(r, r.UnitId is { } u ? units.GetValueOrDefault(u, "") : names.GetValueOrDefault(r.DivisionCode, r.DivisionCode),
            failed.Where(c => c.ReviewId == r.Id).Select(c => Ui.T(ItemName(c.Item))).ToList(), findings.GetValueOrDefault(r.Id))).ToList();
        while (Entered.Count < 2)
        {
            Entered.Add(new FindingForm());
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync(string? target, DateOnly? reviewedOn, string? note, CancellationToken ct)
    {
        Rules = (await Data.Policy.PolicyStore.GetAsync(db, Today.Year, ct)).Policy.Supervision;
        var checks = Rules.Checklist.Select(i => new CheckInput(i.Code, Request.Form["check." + i.Code].FirstOrDefault() switch { "true" => true, "false" => false, _ => null },
            Request.Form["remark." + i.Code].FirstOrDefault())).Where(c => c.InOrder is not null || Items.Any(i => i.Code == c.Item)).ToList();
        var input = new ReviewInput(Level, Level == "unit" ? null : target, Level == "unit" ? target : null, reviewedOn, checks,
            Entered.Where(f => !f.IsEmpty).Select(f => f.Input()).ToList(), note);
        try
        {
            await ReviewStore.RecordAsync(db, clock, new OfficeActor(jurisdiction.UserName ?? "?", jurisdiction.Covers), input, ct);
            return Redirect($"/supervision/reviews?code={Code}&level={Level}#reviews");
        }
        catch (RefusedException e)
        {
            var page = await OnGetAsync(ct);
            Problems = e.Problems;
            return page;
        }
    }

    public Term ItemName(string code) => Rules.Checklist.FirstOrDefault(i => i.Code == code) is { } i ? new(i.Name, i.EnglishName.Length > 0 ? i.EnglishName : i.Name) : Term.Same(code);

    public static Term LevelName(string level) => level switch
    {
        "village" => Words.Village,
        "township" => Words.Township,
        _ => Words.Unit,
    };
}
