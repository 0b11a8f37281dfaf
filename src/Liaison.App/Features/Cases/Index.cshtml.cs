using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Cases;
using Liaison.Domain.Cases;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Cases;

/// <summary>
/// 群众诉求: the cases of the signed-in user's jurisdiction — open and overdue first — with filters
/// by status, category and channel; entry of a case taken by hand, and of a suggestion box's
/// contents in one go (one line, one case; all or nothing).
/// </summary>
public sealed class IndexModel(LiaisonDb db, Data.Access.Scoped scoped, TimeProvider clock, Jurisdiction jurisdiction) : PageModel
{
    [BindProperty(SupportsGet = true)] public CaseStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public CaseChannel? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public bool Open { get; set; }
    /// <summary>A division's cases only (a dashboard's drill-down); still within the jurisdiction.</summary>
    [BindProperty(SupportsGet = true)] public string? Division { get; set; }
    [BindProperty(SupportsGet = true)] public CaseSort Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public List<CaseLine> Cases { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Of(1, 0);
    public DateOnly Today => ChinaTime.Today(clock);
    public IReadOnlyList<CaseCategory> Categories { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>The list as it is filtered and ordered now, every page of it, as xlsx.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var filter = Filter() with { Take = ExportLimit };
        var rows = await CaseQueries.ListAsync(scoped, clock, filter, ct);
        var rules = await CaseStore.RulesAsync(db, clock.GetUtcNow(), ct);
        var header = new[] { Ui.T(Words.TrackingCode), Ui.T(Words.Village), Ui.T(Words.VillageCode), Ui.T(Words.Kind), Ui.T(Words.Category), Ui.T(Words.Channel), Ui.T(Words.Description), Ui.T(Words.Status), Ui.T(Words.Level), Ui.T(Words.Due), Ui.T(Words.Overdue) };
        var lines = rows.Select(c => new[]
        {
            TrackingCode.Display(c.TrackingCode), c.Village, c.VillageCode, Ui.T(CaseWords.Kind(c.Kind)), Ui.T(CaseWords.Category(rules, c.Category)), Ui.T(CaseWords.Channel(c.Channel)),
            c.Description, Ui.T(CaseWords.Status(c.Status)), Ui.T(CaseWords.Level(c.Level)), c.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), c.Overdue ? Ui.T(Words.Yes) : "",
        });
        var bytes = await Data.Export.TableExport.XlsxAsync(header, lines, ct);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"cases-{ChinaTime.Today(clock):yyyyMMdd}.xlsx");
    }

    /// <summary>An export is the view, not a backup: at most this many rows (the command line exports everything).</summary>
    public const int ExportLimit = 50_000;

    /// <summary>A case taken by hand (phone, walk-in, night visit ...).</summary>
    public async Task<IActionResult> OnPostCreateAsync(CaseKind kind, string? category, CaseChannel channel, string? village, string? description, string? personName, string? personPhone, CancellationToken ct)
    {
        if (!jurisdiction.May(Domain.Access.Ability.HandleCases))
        {
            return Forbid();
        }
        var result = await CaseStore.CreateAsync(db, clock, Actor(), new CaseInput(kind, category, channel, village, description, PersonName: personName, PersonPhone: personPhone, CadreId: jurisdiction.CadreId), ct);
        if (!result.Ok)
        {
            Errors.AddRange(result.Problems.Select(p => $"{p.Field}: {p.In(Ui.English)}"));
            await LoadAsync(ct);
            return Page();
        }
        return Redirect($"/cases/{result.Case!.Id}");
    }

    /// <summary>民情意见箱: the box's slips, one per line, as suggestions of one village; one bad line refuses them all, named by line.</summary>
    public async Task<IActionResult> OnPostBoxAsync(string? village, string? category, string? slips, CancellationToken ct)
    {
        if (!jurisdiction.May(Domain.Access.Ability.HandleCases))
        {
            return Forbid();
        }
        var lines = (slips ?? "").Split('\n').Select((text, i) => (Line: i + 1, Text: text.Trim())).Where(l => l.Text.Length > 0).ToList();
        var result = await CaseStore.CreateBatchAsync(db, clock, Actor(),
            lines.Select(l => (l.Line, new CaseInput(CaseKind.Suggestion, category, CaseChannel.SuggestionBox, village, l.Text))).ToList(), ct);
        if (result.Problems.Count > 0)
        {
            Errors.AddRange(result.Problems.Select(p => Ui.T($"第 {p.Line} 行 {p.Problem.Field}：{p.Problem.Zh}", $"line {p.Line}, {p.Problem.Field}: {p.Problem.En}")));
        }
        else
        {
            Message = Ui.T($"已录入意见箱 {result.Created} 条。", $"{result.Created} suggestion-box slips entered.");
        }
        await LoadAsync(ct);
        return Page();
    }

    private CaseActor Actor() => CaseActors.Of(jurisdiction);

    private async Task LoadAsync(CancellationToken ct)
    {
        Categories = (await CaseStore.RulesAsync(db, clock.GetUtcNow(), ct)).Categories;
        var filter = Filter();
        Paging = Paging.Of(PageNumber, await CaseQueries.CountAsync(scoped, clock, filter, ct));
        Cases = await CaseQueries.ListAsync(scoped, clock, filter with { Skip = Paging.Skip, Take = Paging.Size }, ct);
    }

    private CaseFilter Filter() => new(UnitHeld: jurisdiction.Role == Domain.Access.Role.UnitAdmin,
        Division: string.IsNullOrWhiteSpace(Division) ? null : Division.Trim(), Status: Status, OpenOnly: Open, OverdueOnly: Overdue, Category: Category, Channel: Channel, Sort: Sort);
}

/// <summary>The signed-in user as a case actor: the scope's subtree, or a unit admin's unit.</summary>
public static class CaseActors
{
    public static CaseActor Of(Jurisdiction j) => new(j.UserName ?? "?", j.Role == Domain.Access.Role.UnitAdmin ? _ => false : j.Covers,
        j.Role == Domain.Access.Role.UnitAdmin ? j.Scope?.UnitId : null);
}
