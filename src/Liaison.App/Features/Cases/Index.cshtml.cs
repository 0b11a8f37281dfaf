using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Cases;
using Liaison.Domain.Cases;
using Liaison.Domain.Policy;
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

    public List<CaseLine> Cases { get; private set; } = [];
    public IReadOnlyList<CaseCategory> Categories { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

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
        Cases = await CaseQueries.ListAsync(scoped, clock, new CaseFilter(UnitHeld: jurisdiction.Role == Domain.Access.Role.UnitAdmin,
            Division: string.IsNullOrWhiteSpace(Division) ? null : Division.Trim(), Status: Status, OpenOnly: Open, OverdueOnly: Overdue, Category: Category, Channel: Channel), ct);
    }
}

/// <summary>The signed-in user as a case actor: the scope's subtree, or a unit admin's unit.</summary>
public static class CaseActors
{
    public static CaseActor Of(Jurisdiction j) => new(j.UserName ?? "?", j.Role == Domain.Access.Role.UnitAdmin ? _ => false : j.Covers,
        j.Role == Domain.Access.Role.UnitAdmin ? j.Scope?.UnitId : null);
}
