using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Cases;
using Liaison.Domain.Access;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Home;

/// <summary>One line of the home's to-do list: what, where to act on it, and whether a count above zero is urgent (red).</summary>
public sealed record TodoItem(string Key, Term Label, string Href, bool Urgent);

/// <summary>
/// 待办: what needs doing, per role, each counted within the scope and linked to the filtered list
/// where it is done. Counts that take a second or more (the plan check, the flags) are fetched by
/// the page after it shows (htmx), so the home opens at once; without script the links still work.
/// </summary>
public sealed class Todo(LiaisonDb db, Data.Access.Scoped scoped, LiaisonQueries queries, Jurisdiction jurisdiction, TimeProvider clock)
{
    public static readonly TodoItem OverdueCases = new("overdue-cases", new("超期未办结的诉求", "Overdue cases"), "/cases?overdue=true", true);
    public static readonly TodoItem OpenCases = new("open-cases", new("待办理的诉求", "Open cases"), "/cases?open=true", false);
    public static readonly TodoItem Violations = new("violations", new("联系计划违规", "Plan violations"), "/plan/check", true);
    public static readonly TodoItem Behind = new("behind", new("驻村天数落后", "Behind on residence"), "/field/residence", true);
    public static readonly TodoItem Flags = new("flags", new("待核查的异常提示", "Flags to review"), "/field/flags", false);
    public static readonly TodoItem OverdueCommitments = new("overdue-commitments", new("逾期未兑现的公开承诺", "Overdue public commitments"), "/commitments?state=overdue", true);
    public static readonly TodoItem AgreementsToSign = new("agreements-to-sign", new("待签订的目标责任书", "Agreements to sign"), "/agreements", false);
    public static readonly TodoItem GradingsToConfirm = new("gradings-to-confirm", new("待县里确认的党组织定级", "Gradings to confirm"), "/grading", false);
    public static readonly TodoItem OrdersToReport = new("orders-to-report", new("待报告的限期整改", "Rectifications to report"), "/orders?state=open", true);
    public static readonly TodoItem ReportsToAccept = new("reports-to-accept", new("待验收的整改报告", "Rectification reports to accept"), "/orders?state=open", false);

    /// <summary>The to-do list of the signed-in role (a cadre's home is the field app, not this list).</summary>
    public IReadOnlyList<TodoItem> Items()
    {
        var items = new List<TodoItem>();
        if (jurisdiction.May(Ability.HandleCases) || jurisdiction.May(Ability.Supervise))
        {
            items.AddRange([OverdueCases, OpenCases]);
        }
        if (jurisdiction.May(Ability.EditPlan) || jurisdiction.Role == Role.Inspector)
        {
            items.Add(Violations);
        }
        if (jurisdiction.May(Ability.Supervise))
        {
            items.AddRange([Behind, Flags]);
        }
        // Promises and results (issue 21): what an office follows up, signs and confirms.
        if (jurisdiction.May(Ability.RecordResults) && jurisdiction.CadreId is null)
        {
            items.AddRange([OverdueCommitments, AgreementsToSign, GradingsToConfirm]);
        }
        // Supervision (issue 22): the orders a unit or township answers for, the reports its issuer decides.
        if (jurisdiction.Role is Role.UnitAdmin or Role.Office)
        {
            items.Add(OrdersToReport);
        }
        if (jurisdiction.May(Ability.IssueNotices))
        {
            items.Add(ReportsToAccept);
        }
        return items;
    }

    /// <summary>The count of one item within the scope; null when the scope has nothing to count it over.</summary>
    public async Task<int?> CountAsync(string key, CancellationToken ct)
    {
        if (Items().All(i => i.Key != key) || await queries.Divisions.HomeAsync(ct) is not { } home)
        {
            return null;
        }
        var unitHeld = jurisdiction.Role == Role.UnitAdmin;
        var today = ChinaTime.Today(clock);
        return key switch
        {
            "overdue-cases" => await CaseQueries.CountAsync(scoped, clock, new CaseFilter(UnitHeld: unitHeld, OverdueOnly: true), ct),
            "open-cases" => await CaseQueries.CountAsync(scoped, clock, new CaseFilter(UnitHeld: unitHeld, OpenOnly: true), ct),
            "violations" => (await queries.Plan.ViolationsAsync(home.Code, today.Year, ct)).Here.Count,
            "behind" => (await new Field.Supervision(db, scoped).BehindAsync(home.Code, today, ct))?.Count,
            "flags" => await FlagsAsync(home.Code, ct),
            "overdue-commitments" => await queries.Commitments.CountAsync(today.Year, null, "overdue", today, ct),
            "agreements-to-sign" => await scoped.Agreements.CountAsync(a => a.Year == today.Year && a.Status == Domain.Results.AgreementStatus.Agreed, ct),
            "orders-to-report" => await OrdersToReportAsync(today, ct),
            "reports-to-accept" => await scoped.Orders.CountAsync(o => o.Status == Domain.Supervision.OrderStatus.Reported, ct),
            "gradings-to-confirm" => (await scoped.GradingRounds.Where(r => r.Status == Domain.Results.GradingStatus.Submitted).Select(r => r.TownshipCode).ToListAsync(ct))
                .Count(t => Data.Results.GradingStore.MayConfirm(jurisdiction.Covers, t)),
            _ => null,
        };
    }

    /// <summary>
    /// A unit administrator's people and their part this year: each cadre of the unit in post with the
    /// number of their current ties (0: not taking part yet), those without a part first.
    /// </summary>
    public async Task<List<(string Code, string Name, int Ties)>?> UnitPeopleAsync(CancellationToken ct)
    {
        if (jurisdiction.Scope?.UnitId is not { } unit)
        {
            return null;
        }
        var year = ChinaTime.Today(clock).Year;
        // The unit's own cadres are the unit's business wherever their ties lie (outside the unit's division too).
        using var outside = Data.Access.Unscoped.Section("a unit administrator's own cadres: their ties wherever they are");
        // Those in post: a retired, departed or suspended cadre has no part to take (the registry pages list them all).
        var rows = await db.Cadres.AsNoTracking().Where(c => c.UnitId == unit && c.Status == Domain.People.CadreStatus.Active)
            .Select(c => new { c.Code, c.Name, Ties = db.LiaisonTies.Count(t => t.CadreId == c.Id && t.Year == year && t.Until == null) })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Ties > 0).ThenBy(r => r.Code, StringComparer.Ordinal).Select(r => (r.Code, r.Name, r.Ties)).ToList();
    }

    /// <summary>The open orders the signed-in party answers for (its unit's, or its villages').</summary>
    private async Task<int> OrdersToReportAsync(DateOnly today, CancellationToken ct)
    {
        var orders = new Orders.OrderQueries(db, scoped, jurisdiction);
        return (await orders.ListAsync(null, "open", today, ct)).Count(o => o.Status == Domain.Supervision.OrderStatus.Open && Data.Supervision.OrderStore.Answers(o, orders.Party));
    }

    /// <summary>The flags kept and not yet reviewed under the division.</summary>
    private async Task<int?> FlagsAsync(string code, CancellationToken ct) =>
        await scoped.Under(code).Flags.CountAsync(f => f.Status == Domain.Supervision.FlagStatus.Open, ct);
}
