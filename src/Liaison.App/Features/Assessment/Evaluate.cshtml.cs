using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Assessment;
using Liaison.Domain.Assessment;
using Liaison.Domain.Divisions;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Assessment;

/// <summary>
/// 群众评议: the page a villager opens from the QR code on the noticeboard or a contact card. No
/// sign-in: the household's registered phone is its one voice; each cadre who served the village is
/// rated 满意 / 基本满意 / 不满意, with a comment if wished. A second ballot of the household, a phone
/// of no household and a burst from one address are refused (and counted by the store).
/// </summary>
[EnableRateLimiting(AuthSetup.PublicLimit)]
public sealed class EvaluateModel(LiaisonDb db, TimeProvider clock) : PageModel
{
    public string Village { get; private set; } = "";
    public string VillageCode { get; private set; } = "";
    public int Year { get; private set; }
    public List<RatedCadre> Cadres { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public bool Thanked { get; private set; }

    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public Dictionary<int, Rating> Ratings { get; set; } = [];
    [BindProperty] public Dictionary<int, string?> Comments { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string village, CancellationToken ct) =>
        await LoadAsync(village, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string village, CancellationToken ct)
    {
        if (!await LoadAsync(village, ct))
        {
            return NotFound();
        }
        var outcome = await EvaluationStore.CastAsync(db, clock, new BallotInput(VillageCode, BallotChannel.Qr, Phone, null, Ratings, Comments,
            HttpContext.Connection.RemoteIpAddress?.ToString()), ct);
        if (outcome.Taken)
        {
            Thanked = true;
            return Page();
        }
        Response.StatusCode = outcome.Refused == RefusalReason.Burst ? StatusCodes.Status429TooManyRequests : StatusCodes.Status422UnprocessableEntity;
        Errors.AddRange(outcome.Refused switch
        {
            RefusalReason.Again => [Ui.T("这户今年已经评议过，每户只能评议一次。", "This household has rated this year already: one rating a household.")],
            RefusalReason.UnknownPhone => [Ui.T("这个号码不是本村登记的户主电话。请用户主登记的手机号码，或向村里要一份纸质评议表。",
                "This number is no household's registered phone in the village. Use the number registered for the household, or ask the village for a paper form.")],
            RefusalReason.Burst => [Ui.T("提交过于频繁，请稍后再试。", "Too many ratings from this network: please try later.")],
            _ => outcome.Problems.Select(p => p.In(Ui.English)),
        });
        return Page();
    }

    private async Task<bool> LoadAsync(string village, CancellationToken ct)
    {
        using var outside = Data.Access.Unscoped.Section("the public evaluation page: a village's name and the cadres who serve it, as on its contact cards");
        var division = await db.Divisions.AsNoTracking().FirstOrDefaultAsync(d => d.Code == village && d.Level == DivisionLevel.Village && d.WithdrawnOn == null, ct);
        if (division is null)
        {
            return false;
        }
        (Village, VillageCode, Year) = (division.Name, division.Code, ChinaTime.Today(clock).Year);
        Cadres = await EvaluationStore.RatedAsync(db, division.Code, Year, ct);
        return true;
    }
}
