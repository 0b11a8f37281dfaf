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

/// <summary>A call of the list as the caller sees it: the household's number masked (revealed one at a time), the visit asked about.</summary>
public sealed record CallRow(SampleCall Call, string Village, string HouseNo, string MaskedPhone, DateOnly VisitedOn, string Cadre);

/// <summary>
/// 电话核实 of one sample: the estimate with its interval and the genuine visits it implies, each
/// stratum, the villages and cadres flagged (with the test named), and the call list — pending calls
/// first, numbers masked and revealed one at a time (audited), the answers recorded as the caller hears them.
/// </summary>
public sealed class SampleModel(Scoped scoped, LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    public SampleResult Result { get; private set; } = null!;
    public Dictionary<string, string> StratumNames { get; private set; } = [];
    public List<CallRow> Calls { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Of(1, 0);
    public SupervisionRules Rules { get; private set; } = new();
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    /// <summary>The call whose number was just revealed, and the number.</summary>
    public (long Call, string? Phone)? Revealed { get; private set; }
    public bool CanIssue => jurisdiction.May(Domain.Access.Ability.IssueNotices);

    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Rules = (await Data.Policy.PolicyStore.GetAsync(db, ChinaTime.Today(clock).Year, ct)).Policy.Supervision;
        if (await SampleResults.ReadAsync(scoped, id, Rules, ct) is not { } result)
        {
            return NotFound();
        }
        Result = result;
        var keys = result.Estimate?.Strata.Select(s => s.Calls.Key).Where(k => k.Length >= 9).ToList() ?? [];
        StratumNames = await scoped.Names.Where(d => keys.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        // The sample is the reader's (read through the scope above): its visits and households are read with it.
        using var outside = Unscoped.Section("the call list of a sample the reader's scope holds: its visits and households");
        var calls = db.SampleCalls.AsNoTracking().Where(c => c.SampleId == id);
        Paging = Paging.Of(PageNumber, await calls.CountAsync(ct), 50);
        var page = await (from c in calls
                          join v in db.HouseholdVisits.AsNoTracking() on c.VisitId equals v.Id
                          join h in db.Households.AsNoTracking() on c.HouseholdId equals h.Id
                          join k in db.Cadres.AsNoTracking() on c.CadreId equals k.Id
                          orderby c.Outcome == CallOutcome.Pending ? 0 : 1, c.Id
                          select new { Call = c, v.VisitedOn, h.HouseNo, h.HeadPhone, Cadre = k.Name })
            .Skip(Paging.Skip).Take(Paging.Size).ToListAsync(ct);
        var villages = page.Select(p => p.Call.VillageCode).Distinct().ToList();
        var names = await scoped.Names.Where(d => villages.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        Calls = page.Select(p => new CallRow(p.Call, names.GetValueOrDefault(p.Call.VillageCode, p.Call.VillageCode), p.HouseNo, PersonalData.MaskPhone(p.HeadPhone), p.VisitedOn, p.Cadre)).ToList();
        return Page();
    }

    /// <summary>Reveals one call's number to the caller, audited; the page shows it beside the call.</summary>
    public async Task<IActionResult> OnPostRevealAsync(long id, long call, CancellationToken ct)
    {
        try
        {
            var phone = await CallSampleStore.RevealAsync(db, clock, Actor, call, ct);
            var page = await OnGetAsync(id, ct);
            Revealed = (call, phone);
            return page;
        }
        catch (RefusedException)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostCallAsync(long id, long call, CallOutcome outcome, bool? visited, bool? whenMatches, bool? problemTakenUp, int? satisfaction, string? note, CancellationToken ct)
    {
        try
        {
            await CallSampleStore.RecordAsync(db, clock, Actor, call, new CallInput(outcome, visited, whenMatches, problemTakenUp, satisfaction, note), ct);
            return Redirect($"/supervision/samples/{id}?page={PageNumber ?? 1}#calls");
        }
        catch (RefusedException e)
        {
            var page = await OnGetAsync(id, ct);
            Problems = e.Problems;
            return page;
        }
    }

    /// <summary>A finding from what the calls found in a village (a flagged one): the way from a flag to a notice and an order.</summary>
    public async Task<IActionResult> OnPostFindingAsync(long id, string? village, string? kind, string? text, string? cadre, CancellationToken ct)
    {
        try
        {
            await FindingStore.FromCallsAsync(db, clock, Actor, id, new FindingInput(kind, text, null, cadre, DivisionCode: village), ct);
            return Redirect($"/supervision/samples/{id}#flagged");
        }
        catch (RefusedException e)
        {
            var page = await OnGetAsync(id, ct);
            Problems = e.Problems;
            return page;
        }
    }

    private OfficeActor Actor => new(jurisdiction.UserName ?? "?", jurisdiction.Covers);
}
