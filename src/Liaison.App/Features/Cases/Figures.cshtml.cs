using Liaison.App.Auth;
using Liaison.Data.Cases;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Cases;

/// <summary>
/// 诉求办理统计: the case figures of the user's jurisdiction for a period — collected, adopted,
/// adopted and completed, on time, replied, satisfaction, reopened, escalated — by category,
/// channel or month, each rate beside the counts it comes from.
/// </summary>
public sealed class FiguresModel(Data.LiaisonDb db, Data.Access.Scoped scoped, TimeProvider clock, Jurisdiction jurisdiction) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public CaseBreakdown By { get; set; } = CaseBreakdown.Category;

    public List<CaseFigures> Rows { get; private set; } = [];
    /// <summary>The policy of the period's last year, which names the categories.</summary>
    public Domain.Policy.CaseRules Rules { get; private set; } = new();
    public CaseFigures Total { get; private set; } = new("", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        From ??= new DateOnly(today.Year, 1, 1);
        To ??= today;
        Rules = await CaseStore.RulesAsync(db, ChinaTime.StartOfDay(To.Value), ct);
        // A unit's admin sees the cases assigned to its unit on the list; figures are the divisions'.
        Rows = await CaseQueries.BreakdownAsync(jurisdiction.Role == Domain.Access.Role.UnitAdmin ? scoped.None : scoped, From.Value, To.Value, By, ct);
        if (By == CaseBreakdown.Category)
        {
            // In the policy's order of its categories, those it no longer has after them.
            var order = Rules.Categories.Select(c => c.Code).ToList();
            Rows = Rows.OrderBy(r => order.IndexOf(r.Key) is var i and >= 0 ? i : int.MaxValue).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        }
        Total = new CaseFigures("", Rows.Sum(r => r.Collected), Rows.Sum(r => r.Adopted), Rows.Sum(r => r.Completed), Rows.Sum(r => r.Closed), Rows.Sum(r => r.OnTime),
            Rows.Sum(r => r.Replied), Rows.Sum(r => r.FollowedUp), Rows.Sum(r => r.SatisfactionPoints), Rows.Sum(r => r.Reopened), Rows.Sum(r => r.Escalated));
    }

    public static string Rate(double? r) => r is { } v ? (100 * v).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";
}
