using Liaison.App.Auth;
using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Data.Liaisons;
using Liaison.Data.Supervision;
using Liaison.Domain.Access;
using Liaison.Domain.Shared;
using Liaison.Domain.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Orders;

/// <summary>
/// One rectification order: what, who, by when, its steps; the responsible party's report, the issuing
/// office's acceptance or sending back, and a re-inspection of its village planned from here.
/// </summary>
public sealed class ShowModel(LiaisonDb db, Scoped scoped, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    public OrderRow Row { get; private set; } = null!;
    public List<OrderStep> Steps { get; private set; } = [];
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public DateOnly Today => ChinaTime.Today(clock);
    public bool CanReport { get; private set; }
    public bool CanDecide { get; private set; }
    public bool CanRecheck { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var queries = new OrderQueries(db, scoped, jurisdiction);
        if (await queries.OneAsync(id, ct) is not { } row)
        {
            return NotFound();
        }
        Row = row;
        Steps = await queries.StepsAsync(id, ct);
        CanReport = OrderStore.Answers(row.Order, queries.Party);
        CanDecide = jurisdiction.May(Ability.IssueNotices) && queries.Issues(row.Order);
        CanRecheck = jurisdiction.May(Ability.Supervise) && queries.Issues(row.Order) && row.Order.VillageCode is not null;
        return Page();
    }

    public Task<IActionResult> OnPostReportAsync(long id, string? text, CancellationToken ct) =>
        ActAsync(id, () => OrderStore.ReportAsync(db, clock, Party, id, text, ct), ct);

    public Task<IActionResult> OnPostAcceptAsync(long id, string? text, CancellationToken ct) =>
        ActAsync(id, () => OrderStore.AcceptAsync(db, clock, Actor, id, text, ct), ct, Ability.IssueNotices);

    public Task<IActionResult> OnPostSendBackAsync(long id, string? text, CancellationToken ct) =>
        ActAsync(id, () => OrderStore.SendBackAsync(db, clock, Actor, id, text, ct), ct, Ability.IssueNotices);

    /// <summary>复查: a round of one named village, planned from the order it checks.</summary>
    public async Task<IActionResult> OnPostRecheckAsync(long id, DateOnly? plannedFor, CancellationToken ct)
    {
        if (!jurisdiction.May(Ability.Supervise))
        {
            return Forbid();
        }
        var page = await OnGetAsync(id, ct);
        if (!CanRecheck)
        {
            return page is PageResult ? Forbid() : page;
        }
        try
        {
            var o = Row.Order;
            var (round, _) = await InspectionStore.PlanAsync(db, clock, Actor, new RoundInput(o.DivisionCode, $"复查：{Truncate(o.What)}", plannedFor, 1, DrawMethod.Named,
                Villages: [o.VillageCode!], RecheckOrderId: o.Id), ct);
            return Redirect($"/supervision/rounds/{round.Id}");
        }
        catch (RefusedException e)
        {
            Problems = e.Problems;
            return page;
        }
    }

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..60] + "…";

    private OfficeActor Actor => new(jurisdiction.UserName ?? "?", jurisdiction.Covers);

    private OrderParty Party => new OrderQueries(db, scoped, jurisdiction).Party;

    private async Task<IActionResult> ActAsync(long id, Func<Task<RectificationOrder>> act, CancellationToken ct, Ability? needs = null)
    {
        if (needs is { } ability && !jurisdiction.May(ability))
        {
            return Forbid();
        }
        try
        {
            await act();
            return Redirect($"/orders/{id}");
        }
        catch (RefusedException e)
        {
            var page = await OnGetAsync(id, ct);
            Problems = e.Problems;
            return page;
        }
    }
}
