using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Liaisons;
using Liaison.Data.Policy;
using Liaison.Data.Results;
using Liaison.Domain.Access;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Agreements;

/// <summary>
/// 目标责任书: the year's agreements within reach with where each stands; for an office, the form
/// that drafts one for a village's First Secretary (the targets by area, measure, value and day).
/// </summary>
public sealed class IndexModel(LiaisonQueries queries, LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public int Shown => Year ?? ChinaTime.Today(clock).Year;
    public List<AgreementRow> Rows { get; private set; } = [];
    public AgreementRules Rules { get; private set; } = new();
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public string? EnteredVillage { get; private set; }
    public string? EnteredUnit { get; private set; }
    public IReadOnlyList<TargetInput> EnteredTargets { get; private set; } = [];
    /// <summary>The township office drafts; a First Secretary agrees on the agreement's own page.</summary>
    public bool CanDraft => jurisdiction.May(Ability.RecordResults) && jurisdiction.CadreId is null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rules = (await PolicyStore.GetAsync(db, Shown, ct)).Policy.Agreements;
        Rows = await queries.Agreements.ListAsync(Shown, Code, ct);
    }

    public async Task<IActionResult> OnPostDraftAsync(string? village, string? unit, string[]? area, string[]? text, string[]? measure, string[]? value, DateOnly?[]? due, CancellationToken ct)
    {
        if (!CanDraft)
        {
            return Forbid();
        }
        var problems = new List<Problem>();
        var targets = TargetForm.Read(area, text, measure, value, due, problems);
        try
        {
            RefusedException.ThrowIfAny(problems);
            var agreement = await AgreementStore.DraftAsync(db, clock, new OfficeActor(jurisdiction.UserName ?? "?", jurisdiction.Covers), village, Shown, targets, ct, unit);
            return Redirect($"/agreements/{agreement.Id}");
        }
        catch (RefusedException e)
        {
            (Problems, EnteredVillage, EnteredUnit, EnteredTargets) = (e.Problems, village, unit, targets);
            await OnGetAsync(ct);
            return Page();
        }
    }
}
