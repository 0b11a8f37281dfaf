using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Cases;
using Liaison.Domain.Cases;
using Liaison.Domain.Divisions;
using Liaison.Domain.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Cases;

/// <summary>
/// 民情联系卡: the form a villager opens from the QR code on a cadre's card. No sign-in; a
/// description and an optional phone; answers with a tracking code. Flooding is refused by address
/// (the policy's hourly limit), and the cadre named on the card must serve the village.
/// </summary>
[EnableRateLimiting(AuthSetup.PublicLimit)]
public sealed class ReportModel(LiaisonDb db, TimeProvider clock, IntakeLimiter limiter) : PageModel
{
    public string Village { get; private set; } = "";
    public string VillageCode { get; private set; } = "";
    public string? CadreName { get; private set; }
    public IReadOnlyList<CaseCategory> Categories { get; private set; } = [];
    public string? TrackingCode { get; private set; }
    public List<string> Errors { get; } = [];

    [BindProperty] public CaseKind Kind { get; set; } = CaseKind.Problem;
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Name { get; set; }

    /// <summary>No village named yet (the portal's link): the page asks for it.</summary>
    public bool Choosing { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? village, string? cadre, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(village))
        {
            Choosing = true;
            return Page();
        }
        // The chooser's GET form sends ?village=: the card's own address is the path.
        if (RouteData.Values["village"] is null)
        {
            return Redirect($"/public/report/{Uri.EscapeDataString(village.Trim())}");
        }
        return await LoadAsync(village, cadre, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string? village, string? cadre, CancellationToken ct)
    {
        if (village is null || !await LoadAsync(village, cadre, ct))
        {
            return NotFound();
        }
        var rules = await CaseStore.RulesAsync(db, clock.GetUtcNow(), ct);
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "local";
        if (!limiter.TryTake(address, rules.PublicIntakePerHour))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Errors.Add(Ui.T($"提交过于频繁：同一网络每小时最多 {rules.PublicIntakePerHour} 件，请稍后再试或拨打监督电话。",
                $"Too many submissions: at most {rules.PublicIntakePerHour} an hour from one network. Please try later or call the supervision line."));
            return Page();
        }
        var cadreId = await CadreOfCardAsync(cadre, ct);
        var result = await CaseStore.CreateAsync(db, clock, new CaseActor("public", code => code == VillageCode),
            new CaseInput(Kind, Category, CaseChannel.ContactCard, VillageCode, Description, PersonName: Name, PersonPhone: Phone, CadreId: cadreId), ct);
        if (!result.Ok)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            Errors.AddRange(result.Problems.Select(p => p.In(Ui.English)));
            return Page();
        }
        TrackingCode = Domain.Cases.TrackingCode.Display(result.Case!.TrackingCode);
        return Page();
    }

    private async Task<bool> LoadAsync(string village, string? cadre, CancellationToken ct)
    {
        var division = await Published.Divisions.Where(d => d.Code == village && d.Level == DivisionLevel.Village).Select(d => new { d.Code, d.Name }).FirstOrDefaultAsync(ct);
        if (division is null)
        {
            return false;
        }
        (VillageCode, Village) = (division.Code, division.Name);
        CadreName = await db.Cadres.AsNoTracking().Where(c => c.Code == cadre && Published.Ties.Any(t => t.CadreId == c.Id && t.DivisionCode == village && t.Until == null))
            .Select(c => c.Name).FirstOrDefaultAsync(ct);
        Categories = (await CaseStore.RulesAsync(db, clock.GetUtcNow(), ct)).Categories;
        return true;
    }

    /// <summary>What the card's form reads: the village and its cadres' ties, published to villagers.</summary>
    private Data.Access.Scoped Published => Data.Access.Scoped.Public(db);

    /// <summary>The card's cadre, only when tied to this village (a card cannot name just anyone).</summary>
    private Task<int?> CadreOfCardAsync(string? cadre, CancellationToken ct) =>
        db.Cadres.AsNoTracking().Where(c => c.Code == cadre && Published.Ties.Any(t => t.CadreId == c.Id && t.DivisionCode == VillageCode && t.Until == null))
            .Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
}
