using Liaison.App.Auth;
using Liaison.App.Features.Notices;
using Liaison.App.Web;
using Liaison.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Liaison.App.Features.Public;

/// <summary>
/// 通报 on the villagers' portal: the notices of criticism and commendation issued while the policy
/// publishes them (<c>supervision.publishNotices</c>) — their text and whom they name, never the findings
/// behind them. A withdrawn notice leaves the page.
/// </summary>
[EnableRateLimiting(AuthSetup.PublicLimit)]
public sealed class NoticesModel(LiaisonDb db) : PageModel
{
    public List<NoticeRow> Rows { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Of(1, 0);

    public async Task OnGetAsync(int? page, CancellationToken ct) => (Rows, Paging) = await NoticeQueries.PublicAsync(db, Data.Access.Scoped.Public(db), page, ct);
}
