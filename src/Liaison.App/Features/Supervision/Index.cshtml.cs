using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Liaisons;
using Liaison.Data.Supervision;
using Liaison.Domain.Divisions;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Liaison.Domain.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Supervision;

/// <summary>
/// 督查 of a division: the figures (inspections, presence, calls and the confirmation rate, findings by
/// kind, notices, orders on time), the rounds and call samples planned over it, the latest findings;
/// and the forms that plan an unannounced round and draw a call sample.
/// </summary>
public sealed class IndexModel(LiaisonQueries queries, LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    public Division Division { get; private set; } = null!;
    public SupervisionFigures Figures { get; private set; } = null!;
    public List<RoundRow> Rounds { get; private set; } = [];
    public List<SampleRow> Samples { get; private set; } = [];
    public List<FindingRow> Findings { get; private set; } = [];
    public Paging RoundPages { get; private set; } = Paging.Of(1, 0);
    public Paging SamplePages { get; private set; } = Paging.Of(1, 0);
    public Paging FindingPages { get; private set; } = Paging.Of(1, 0);
    [BindProperty(SupportsGet = true, Name = "rpage")] public int? RoundPage { get; set; }
    [BindProperty(SupportsGet = true, Name = "spage")] public int? SamplePage { get; set; }
    [BindProperty(SupportsGet = true, Name = "fpage")] public int? FindingPage { get; set; }
    public SupervisionRules Rules { get; private set; } = new();
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public DateOnly Today => ChinaTime.Today(clock);
    public bool CanIssue => jurisdiction.May(Domain.Access.Ability.IssueNotices);

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        if (await queries.Divisions.FindOrHomeAsync(code, ct) is not { } division)
        {
            return NotFound();
        }
        Division = division;
        Rules = (await Data.Policy.PolicyStore.GetAsync(db, Today.Year, ct)).Policy.Supervision;
        Figures = await queries.Supervision.FiguresAsync(division.Code, Today, ct);
        (Rounds, RoundPages) = await queries.Supervision.RoundsAsync(division.Code, RoundPage, ct);
        (Samples, SamplePages) = await queries.Supervision.SamplesAsync(division.Code, SamplePage, ct);
        (Findings, FindingPages) = await queries.Supervision.FindingsAsync(division.Code, FindingPage, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRoundAsync(string? code, string? division, string? title, DateOnly? plannedFor, int count, DrawMethod method, string? villages, CancellationToken ct)
    {
        try
        {
            var named = (villages ?? "").Split([',', '，', ' ', '\n', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var (round, _) = await InspectionStore.PlanAsync(db, clock, Actor, new RoundInput(division ?? code, title, plannedFor, count, method, Villages: named), ct);
            return Redirect($"/supervision/rounds/{round.Id}");
        }
        catch (RefusedException e)
        {
            var page = await OnGetAsync(code, ct);
            Problems = e.Problems;
            return page;
        }
    }

    public async Task<IActionResult> OnPostSampleAsync(string? code, string? division, DateOnly? from, DateOnly? to, string? design, CancellationToken ct)
    {
        try
        {
            var drawn = await CallSampleStore.DrawAsync(db, clock, Actor, new SampleInput(division ?? code, from, to, Designs.Parse(design) ?? SampleDesign.Township), ct);
            return Redirect($"/supervision/samples/{drawn.Sample.Id}");
        }
        catch (RefusedException e)
        {
            var page = await OnGetAsync(code, ct);
            Problems = e.Problems;
            return page;
        }
    }

    private OfficeActor Actor => new(jurisdiction.UserName ?? "?", jurisdiction.Covers);
}
