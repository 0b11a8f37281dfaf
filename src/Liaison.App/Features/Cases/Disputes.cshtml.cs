using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Cases;
using Liaison.Domain.Access;
using Liaison.Domain.Cases;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Cases;

/// <summary>
/// 矛盾纠纷 and 民生代办 of the user's jurisdiction: the open ones first; recording a new one,
/// a mediation step or outcome, an errand's result. The parties' names are masked.
/// </summary>
public sealed class DisputesModel(LiaisonDb db, Data.Access.Scoped scoped, TimeProvider clock, Jurisdiction jurisdiction) : PageModel
{
    public List<Dispute> Disputes { get; private set; } = [];
    public List<Errand> Errands { get; private set; } = [];
    public Paging DisputePaging { get; private set; } = Paging.Of(1, 0);
    public Paging ErrandPaging { get; private set; } = Paging.Of(1, 0);
    /// <summary>The villages' names, shown instead of their codes.</summary>
    public Dictionary<string, string> Villages { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "dpage")] public int? DisputePage { get; set; }
    [BindProperty(SupportsGet = true, Name = "epage")] public int? ErrandPage { get; set; }
    public List<string> Errors { get; } = [];
    public bool CanHandle => jurisdiction.May(Ability.HandleCases) && jurisdiction.Role != Role.UnitAdmin;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostDisputeAsync(string? village, DisputeKind kind, string? parties, string? summary, string? mediator, CancellationToken ct) =>
        HandleAsync(async actor => (await DisputeStore.AddDisputeAsync(db, clock, actor, new DisputeInput(village, kind, parties, summary, mediator, jurisdiction.CadreId), ct)).Problems, ct);

    public Task<IActionResult> OnPostMediateAsync(long id, string? step, DisputeOutcome? outcome, string? referredTo, DateOnly? agreementOn, CancellationToken ct) =>
        HandleAsync(actor => DisputeStore.UpdateDisputeAsync(db, clock, actor, id, step, outcome, referredTo, agreementOn, ct), ct);

    public Task<IActionResult> OnPostErrandAsync(string? village, ErrandKind kind, string? what, CancellationToken ct) =>
        HandleAsync(async actor => (await DisputeStore.AddErrandAsync(db, clock, actor, new ErrandInput(village, kind, what, CadreId: jurisdiction.CadreId), ct)).Problems, ct);

    public Task<IActionResult> OnPostFinishAsync(long id, bool done, string? result, CancellationToken ct) =>
        HandleAsync(actor => DisputeStore.FinishErrandAsync(db, clock, actor, id, done, result, ct), ct);

    private async Task<IActionResult> HandleAsync(Func<CaseActor, Task<List<Problem>>> act, CancellationToken ct)
    {
        if (!CanHandle)
        {
            return Forbid();
        }
        var problems = await act(CaseActors.Of(jurisdiction));
        if (problems.Count == 0)
        {
            return Redirect("/disputes");
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Errors.AddRange(problems.Select(p => $"{p.Field}: {p.In(Ui.English)}"));
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Both lists as they are ordered on the page, every page of them, as xlsx (names masked, as on screen).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? list, CancellationToken ct)
    {
        if (jurisdiction.Role == Role.UnitAdmin)
        {
            return Forbid();
        }
        var errands = list == "errands";
        var names = new Dictionary<string, string>();
        string Village(string code) => names.GetValueOrDefault(code, code);
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        async Task NameAsync(IEnumerable<string> codes)
        {
            var wanted = codes.Distinct().ToList();
            names = await scoped.Names.Where(d => wanted.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        }
        byte[] bytes;
        if (errands)
        {
            var rows = await scoped.Errands.OrderBy(e => e.Status != ErrandStatus.Open).ThenByDescending(e => e.RequestedOn).ThenByDescending(e => e.Id).Take(Cases.IndexModel.ExportLimit).ToListAsync(ct);
            await NameAsync(rows.Select(r => r.VillageCode));
            bytes = await Data.Export.TableExport.XlsxAsync([Ui.T(Words.Village), Ui.T(Words.Kind), Ui.T(Words.Description), Ui.T(Words.Date), Ui.T(Words.Status), Ui.T(Words.ErrandResult)],
                rows.Select(e => new[] { Village(e.VillageCode), Ui.T(CaseWords.Errand(e.Kind)), e.What, Day(e.RequestedOn), Ui.T(CaseWords.Errand(e.Status)), e.Result ?? "" }), ct);
        }
        else
        {
            var rows = await scoped.Disputes.OrderBy(d => d.Outcome != DisputeOutcome.Open).ThenByDescending(d => d.ReportedOn).ThenByDescending(d => d.Id).Take(Cases.IndexModel.ExportLimit).ToListAsync(ct);
            await NameAsync(rows.Select(r => r.VillageCode));
            bytes = await Data.Export.TableExport.XlsxAsync([Ui.T(Words.Village), Ui.T(Words.Kind), Ui.T(Words.Parties), Ui.T(Words.Description), Ui.T(Words.Date), Ui.T(Words.Outcome)],
                rows.Select(d => new[] { Village(d.VillageCode), Ui.T(CaseWords.Dispute(d.Kind)), PersonalData.MaskName(d.Parties), d.Summary, Day(d.ReportedOn), Ui.T(CaseWords.Outcome(d.Outcome)) }), ct);
        }
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{(errands ? "errands" : "disputes")}-{ChinaTime.Today(clock):yyyyMMdd}.xlsx");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        // A unit's admin reads no villages' disputes: they are the villages' business.
        if (jurisdiction.Role == Role.UnitAdmin)
        {
            return;
        }
        // The open ones first, then the newest; each list pages on its own.
        DisputePaging = Paging.Of(DisputePage, await scoped.Disputes.CountAsync(ct), key: "dpage");
        Disputes = await scoped.Disputes
            .OrderBy(d => d.Outcome != DisputeOutcome.Open).ThenByDescending(d => d.ReportedOn).ThenByDescending(d => d.Id)
            .Skip(DisputePaging.Skip).Take(DisputePaging.Size).ToListAsync(ct);
        ErrandPaging = Paging.Of(ErrandPage, await scoped.Errands.CountAsync(ct), key: "epage");
        Errands = await scoped.Errands
            .OrderBy(e => e.Status != ErrandStatus.Open).ThenByDescending(e => e.RequestedOn).ThenByDescending(e => e.Id)
            .Skip(ErrandPaging.Skip).Take(ErrandPaging.Size).ToListAsync(ct);
        var codes = Disputes.Select(d => d.VillageCode).Concat(Errands.Select(e => e.VillageCode)).Distinct().ToList();
        Villages = await scoped.Names.Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
    }
}
