using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Liaisons;
using Liaison.Data.Results;
using Liaison.Domain.Access;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Commitments;

/// <summary>
/// 公开承诺: the year's commitments within reach by state (open, overdue, kept, not kept), the
/// completion of each cadre's and each village's counted from the items; and for an office or a
/// cadre the form that makes one (a cadre makes their own).
/// </summary>
public sealed class IndexModel(LiaisonQueries queries, LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public static IReadOnlyList<string> States { get; } = ["open", "overdue", "kept", "dropped"];

    public int Shown => Year ?? ChinaTime.Today(clock).Year;
    public DateOnly Today => ChinaTime.Today(clock);
    public List<CommitmentRow> Items { get; private set; } = [];
    public List<CommitmentTally> ByCadre { get; private set; } = [];
    public List<CommitmentTally> ByUnit { get; private set; } = [];
    public List<CommitmentTally> ByVillage { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Of(1, 0);
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public CommitmentInput? Entered { get; private set; }
    public bool CanRecord => jurisdiction.May(Ability.RecordResults);
    public bool IsCadre => jurisdiction.CadreId is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var state = States.Contains(State) ? State : null;
        (ByCadre, ByUnit, ByVillage) = await queries.Commitments.TalliesAsync(Shown, Code, Today, ct);
        Paging = Paging.Of(PageNumber, await queries.Commitments.CountAsync(Shown, Code, state, Today, ct));
        Items = await queries.Commitments.ListAsync(Shown, Code, state, Today, Paging.Skip, Paging.Size, ct);
    }

    /// <summary>The village noticeboard's sheet of its commitments (公开承诺公示), as a PDF; a village out of reach is not found.</summary>
    public async Task<IActionResult> OnGetNoticeAsync(string? village, [FromServices] Data.Access.Scoped scoped, CancellationToken ct)
    {
        var code = village?.Trim() ?? "";
        var place = await scoped.Divisions.Where(d => d.Code == code && d.Level == Domain.Divisions.DivisionLevel.Village)
            .Select(d => new { d.Code, d.Name }).FirstOrDefaultAsync(ct);
        if (place is null)
        {
            return NotFound();
        }
        var path = await DivisionPaths.OfAsync(scoped, place.Code, ct);
        var rows = await queries.Commitments.OfVillageAsync(place.Code, Shown, ct);
        var telephone = (await Data.Policy.PolicyStore.GetAsync(db, Shown, ct)).Policy.Public.Telephone;
        var url = $"{Request.Scheme}://{Request.Host}/public/villages/{place.Code}";
        var pdf = CommitmentNotice.Pdf(place.Name, path, Shown, rows, Today, url, telephone);
        return File(pdf, "application/pdf", $"commitments-{place.Code}-{Shown}.pdf");
    }

    public async Task<IActionResult> OnPostMakeAsync(string? village, string? text, DateOnly? deadline, string? cadre, CancellationToken ct)
    {
        if (!CanRecord)
        {
            return Forbid();
        }
        var input = new CommitmentInput(village, text, deadline, IsCadre ? null : cadre);
        try
        {
            var made = await CommitmentStore.MakeAsync(db, clock, new OfficeActor(jurisdiction.UserName ?? "?", jurisdiction.Covers), jurisdiction.CadreId, input, ct);
            return Redirect($"/commitments/{made.Id}");
        }
        catch (RefusedException e)
        {
            (Problems, Entered) = (e.Problems, input);
            await OnGetAsync(ct);
            return Page();
        }
    }

    /// <summary>A state's name for the filter.</summary>
    public static Term StateWord(string state) => state switch
    {
        "open" => Domain.Results.CommitmentWords.Open,
        "overdue" => Domain.Results.CommitmentWords.Overdue,
        "kept" => Domain.Results.CommitmentWords.Kept,
        _ => Domain.Results.CommitmentWords.Dropped,
    };
}
