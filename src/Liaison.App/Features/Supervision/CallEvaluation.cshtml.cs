using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Data.Assessment;
using Liaison.Data.Liaisons;
using Liaison.Domain.Assessment;
using Liaison.Domain.Shared;
using Liaison.Domain.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Supervision;

/// <summary>
/// 电话评议: on a reached call of the supervision's random sample, the caller asks the household to rate
/// each cadre who served its village this year and enters the answers — the household's one voice,
/// the same as by the QR code or on paper (a household that rated already is told so, not how).
/// </summary>
public sealed class CallEvaluationModel(Scoped scoped, LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    public SampleCall Call { get; private set; } = null!;
    public string Village { get; private set; } = "";
    public string HouseNo { get; private set; } = "";
    public List<RatedCadre> Cadres { get; private set; } = [];
    public bool Voted { get; private set; }
    public List<string> Errors { get; private set; } = [];

    [BindProperty] public Dictionary<int, Rating> Ratings { get; set; } = [];
    [BindProperty] public Dictionary<int, string?> Comments { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(long call, CancellationToken ct) => await LoadAsync(call, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long call, CancellationToken ct)
    {
        if (!await LoadAsync(call, ct))
        {
            return NotFound();
        }
        try
        {
            var outcome = await EvaluationStore.CastByCallAsync(db, clock, new OfficeActor(jurisdiction.UserName ?? "?", jurisdiction.Covers), call, Ratings, Comments, ct);
            if (outcome.Taken)
            {
                return Redirect($"/supervision/samples/{Call.SampleId}#calls");
            }
            Errors = outcome.Refused is { } why
                ? [why == RefusalReason.Again ? Ui.T("该户本年度已评议，每户一票。", "The household has given its voice this year: one a household.")
                    : Ui.T("该户已不在本村农户名册中。", "The household is no longer in the village's register.")]
                : outcome.Problems.Select(p => p.In(Ui.English)).ToList();
        }
        catch (RefusedException e)
        {
            Errors = e.Problems.Select(p => p.In(Ui.English)).ToList();
        }
        await LoadAsync(call, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        // The call is the reader's when its sample is (read through the scope); its household is read with it.
        var call = await (from c in db.SampleCalls.AsNoTracking()
                          join s in scoped.CallSamples on c.SampleId equals s.Id
                          where c.Id == id
                          select c).FirstOrDefaultAsync(ct);
        if (call is null)
        {
            return false;
        }
        Call = call;
        Village = await scoped.Names.Where(d => d.Code == call.VillageCode).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? call.VillageCode;
        using var outside = Unscoped.Section("the household of a call whose sample the reader's scope holds (read above)");
        HouseNo = await db.Households.AsNoTracking().Where(h => h.Id == call.HouseholdId).Select(h => h.HouseNo).FirstOrDefaultAsync(ct) ?? "";
        var year = ChinaTime.Today(clock).Year;
        Cadres = await EvaluationStore.RatedAsync(db, call.VillageCode, year, ct);
        Voted = await EvaluationStore.HasVotedAsync(db, clock, call.VillageCode, call.HouseholdId, ct);
        return true;
    }
}
