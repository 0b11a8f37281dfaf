using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Cases;
using Liaison.Domain.Cases;
using Liaison.Domain.Divisions;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Cases;

/// <summary>
/// One case: what was raised, where it stands, its steps, and the actions its holder may take now
/// (only those the life cycle allows). The person's name and phone are masked unless revealed.
/// </summary>
public sealed class DetailModel(LiaisonDb db, Data.Access.Scoped scoped, TimeProvider clock, Jurisdiction jurisdiction) : PageModel
{
    public Case Case { get; private set; } = null!;
    public string Village { get; private set; } = "";
    public string? Unit { get; private set; }
    /// <summary>The case's category as the policy of its year names it.</summary>
    public Term Category { get; private set; }
    public List<CaseStep> Steps { get; private set; } = [];
    public List<(int Id, string Name)> Units { get; private set; } = [];
    public IReadOnlyList<CaseAction> Actions { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public bool Overdue => CaseLifecycle.IsOpen(Case.Status) && Case.DueOn < ChinaTime.Today(clock);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CaseAction action, string? note, int? unitId, string? mergeInto, bool? solved, int? satisfaction, CancellationToken ct)
    {
        if (!jurisdiction.May(Domain.Access.Ability.HandleCases))
        {
            return Forbid();
        }
        var result = await CaseStore.ActAsync(db, clock, CaseActors.Of(jurisdiction), id, new CaseStepInput(action, note, unitId, mergeInto, solved, satisfaction), ct);
        if (result.Ok)
        {
            return Redirect($"/cases/{id}");
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Errors.AddRange(result.Problems.Select(p => p.In(Ui.English)));
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        // A case of the reader's villages, or one the reader's unit holds (a unit's admin).
        var c = await scoped.Cases.FirstOrDefaultAsync(x => x.Id == id, ct) ?? await scoped.UnitCases.FirstOrDefaultAsync(x => x.Id == id, ct);
        var actor = CaseActors.Of(jurisdiction);
        if (c is null || !CaseStore.Sees(actor, c))
        {
            return false;
        }
        Case = c;
        Category = CaseWords.Category(await CaseStore.RulesAsync(db, c.ReceivedAt, ct), c.Category);
        Village = await scoped.Names.Where(d => d.Code == c.VillageCode).Select(d => d.Name).FirstAsync(ct);
        Unit = c.HolderUnitId is { } unit ? await scoped.UnitNames.Where(x => x.Id == unit).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        Steps = await CaseQueries.StepsAsync(db, id, ct);
        Actions = CaseStore.Holds(actor, c) && jurisdiction.May(Domain.Access.Ability.HandleCases)
            ? CaseLifecycle.ActionsFrom(c.Status).Where(a => CaseLifecycle.Next(c.Status, a, c.Kind) is not null).ToList()
            : [];
        if (Actions.Contains(CaseAction.Assign))
        {
            // Units of the holder's jurisdiction: the case's county and city units a township or county office may assign to.
            var above = DivisionCode.Ancestors(c.VillageCode).ToList();
            Units = (await scoped.Units.Where(x => above.Contains(x.DivisionCode))
                .OrderBy(x => x.Code).Select(x => new { x.Id, x.Name }).Take(300).ToListAsync(ct)).Select(x => (x.Id, x.Name)).ToList();
        }
        return true;
    }
}
