using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Data.Liaisons;
using Liaison.Data.Supervision;
using Liaison.Domain.Access;
using Liaison.Domain.Shared;
using Liaison.Domain.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Orders;

/// <summary>
/// 限期整改: the orders the reader issued or answers for — open, overdue, closed — and, for an office
/// that issues notices, the form that orders a rectification, filled from the notice or finding it was opened from.
/// </summary>
public sealed class IndexModel(LiaisonDb db, Scoped scoped, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public long? Notice { get; set; }
    [BindProperty(SupportsGet = true)] public long? Finding { get; set; }
    /// <summary>A unit's orders only, by the unit's code.</summary>
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public List<OrderRow> Rows { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Of(1, 0);
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public DateOnly Today => ChinaTime.Today(clock);
    public bool CanOrder => jurisdiction.May(Ability.IssueNotices);
    public int Days { get; private set; }
    /// <summary>What the form starts from: the issuing division, the village, the unit and cadre named.</summary>
    public (string Division, string? Village, string? Unit, string? Cadre) Start { get; private set; }
    public OrderInput? Entered { get; private set; }

    public static IReadOnlyList<(string Key, Term Name)> States { get; } =
        [("open", SupervisionWords.Open), ("overdue", SupervisionWords.Overdue), ("closed", SupervisionWords.Accepted)];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var orders = await ListAsync(ct);
        Paging = Paging.Of(PageNumber, orders.Count, 50);
        Rows = await Queries.NameAsync(orders.Skip(Paging.Skip).Take(Paging.Size).ToList(), ct);
        Days = (await Data.Policy.PolicyStore.GetAsync(db, Today.Year, ct)).Policy.Supervision.RectificationDays;
        var division = Code ?? jurisdiction.Scope?.DivisionCode ?? "";
        Start = (division, null, null, null);
        if (!CanOrder)
        {
            return;
        }
        if (Notice is { } n && await scoped.Notices.FirstOrDefaultAsync(x => x.Id == n, ct) is { } notice)
        {
            var subjects = await db.NoticeSubjects.AsNoTracking().Where(s => s.NoticeId == n).ToListAsync(ct);
            Start = (notice.DivisionCode, subjects.Select(s => s.VillageCode).FirstOrDefault(v => v != null),
                await CodeOfUnitAsync(subjects.Select(s => s.UnitId).FirstOrDefault(u => u != null), ct),
                await CodeOfCadreAsync(subjects.Select(s => s.CadreId).FirstOrDefault(c => c != null), ct));
        }
        else if (Finding is { } f && await scoped.Findings.FirstOrDefaultAsync(x => x.Id == f, ct) is { } finding)
        {
            Start = (division, finding.DivisionCode.Length == 12 ? finding.DivisionCode : null, await CodeOfUnitAsync(finding.UnitId, ct), await CodeOfCadreAsync(finding.CadreId, ct));
        }
    }

    public async Task<IActionResult> OnPostOrderAsync(string? division, string? what, string? village, string? unit, string? cadre, int? days, CancellationToken ct)
    {
        if (!CanOrder)
        {
            return Forbid();
        }
        var input = new OrderInput(division, what, Notice, Finding, village, unit, cadre, days);
        try
        {
            var order = await OrderStore.OrderAsync(db, clock, new OfficeActor(jurisdiction.UserName ?? "?", jurisdiction.Covers), input, ct);
            return Redirect($"/orders/{order.Id}");
        }
        catch (RefusedException e)
        {
            (Problems, Entered) = (e.Problems, input);
            await OnGetAsync(ct);
            return Page();
        }
    }

    /// <summary>The list as filtered, every row of it, as xlsx.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var rows = await Queries.NameAsync(await ListAsync(ct), ct);
        string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
        var bytes = await Data.Export.TableExport.XlsxAsync(
            [Ui.T(SupervisionWords.What), Ui.T(SupervisionWords.Responsible), Ui.T(Words.Village), Ui.T(Words.Date), Ui.T(SupervisionWords.Due), Ui.T(Words.Status), Ui.T(SupervisionWords.Overdue), Ui.T(SupervisionWords.Accepted)],
            rows.Select(r => new[] { r.Order.What, r.Responsible, r.Village ?? "", Day(r.Order.OrderedOn), Day(r.Order.Due), Ui.T(SupervisionWords.Status(r.Order.Status)),
                r.Order.Overdue(Today) ? Ui.T(Words.Yes) : "", Day(r.Order.ClosedOn) }), ct);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"rectification-orders-{Today:yyyyMMdd}.xlsx");
    }

    private OrderQueries Queries => new(db, scoped, jurisdiction);

    private async Task<List<RectificationOrder>> ListAsync(CancellationToken ct)
    {
        var unit = Unit?.Trim() is { Length: > 0 } code ? await scoped.UnitNames.Where(u => u.Code == code).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct) ?? -1 : (int?)null;
        return await Queries.ListAsync(Code, State, Today, ct, unit);
    }

    private async Task<string?> CodeOfUnitAsync(int? id, CancellationToken ct) =>
        id is { } u ? await scoped.UnitNames.Where(x => x.Id == u).Select(x => x.Code).FirstOrDefaultAsync(ct) : null;

    private async Task<string?> CodeOfCadreAsync(int? id, CancellationToken ct) =>
        id is { } c ? await db.Cadres.AsNoTracking().Where(x => x.Id == c).Select(x => x.Code).FirstOrDefaultAsync(ct) : null;
}
