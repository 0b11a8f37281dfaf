using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Cases;
using Liaison.Domain.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Cases;

/// <summary>What the person sees of a step: when, what, and the reply — never who handled it by account.</summary>
public sealed record PublicStep(DateTimeOffset At, CaseAction Action, CaseStatus To, CaseLevel Level, string? Reply);

/// <summary>
/// 办理进度查询: the person's view of a case by tracking code, without signing in: status, level,
/// deadline, the steps and replies; once closed, the follow-up (solved? how satisfied?).
/// Personal data is never shown here, and an unknown code says only that it is unknown.
/// </summary>
[EnableRateLimiting(AuthSetup.PublicLimit)]
public sealed class TrackModel(LiaisonDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public Case? Case { get; private set; }
    public string Village { get; private set; } = "";
    public List<PublicStep> Steps { get; private set; } = [];
    public bool NotFoundCode { get; private set; }
    public string? Message { get; private set; }
    public bool CanFollowUp => Case is { } c && CaseLifecycle.IsClosed(c.Status) && c.FollowedUpAt is null;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostFollowUpAsync(bool solved, int satisfaction, CancellationToken ct)
    {
        var result = await CaseStore.PublicFollowUpAsync(db, clock, Code ?? "", solved, satisfaction, ct);
        Message = result.Ok
            ? Ui.T(solved ? "感谢评价！" : "感谢反馈，事项已重新办理。", solved ? "Thank you for your rating." : "Thank you; the case has been reopened.")
            : string.Join("；", result.Problems.Select(p => p.In(Ui.English)));
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            return;
        }
        // The code is the key: whoever holds it reads the case's progress, never its personal data.
        var published = Data.Access.Scoped.Public(db);
        Case = await CaseQueries.ByCodeAsync(published, Code, ct);
        if (Case is null)
        {
            NotFoundCode = true;
            return;
        }
        Village = await published.Names.Where(d => d.Code == Case.VillageCode).Select(d => d.Name).FirstAsync(ct);
        Steps = (await CaseQueries.StepsAsync(db, Case.Id, ct))
            .Select(s => new PublicStep(s.At, s.Action, s.To, s.Level, s.Action is CaseAction.Resolve or CaseAction.Adopt or CaseAction.CloseNotFixed or CaseAction.Escalate ? s.Note : null))
            .ToList();
    }
}
