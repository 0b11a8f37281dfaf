using System.Globalization;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Liaisons;
using Liaison.Domain.Cases;
using Liaison.Domain.Divisions;
using Liaison.Domain.Shared;
using Liaison.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Supervision;

/// <summary>An order as issued: from a notice or a finding (or neither), who answers (a unit, a cadre, a village's township), what, and in how many working days (the policy's unless given).</summary>
public sealed record OrderInput(string? DivisionCode, string? What, long? NoticeId = null, long? FindingId = null, string? VillageCode = null,
    string? UnitCode = null, string? CadreCode = null, int? Days = null);

/// <summary>Who acts on an order: a unit's administrator for the unit's, a cadre for their own, a programme office for its villages' (an inspector answers for none).</summary>
public sealed record OrderParty(string UserName, Func<string, bool> Covers, int? UnitId, int? CadreId, bool Office = false);

/// <summary>
/// 限期整改 (issue 22): orders a rectification by a day counted in working days on the cases'
/// calendar; the party answering reports what was done with its evidence; the issuing office accepts
/// it (closed) or sends it back (open again, with the reason); an order past its day is escalated
/// once (督办), as an overdue case is. Each step is audited.
/// </summary>
public static class OrderStore
{
    private const string Reach = "the order store: who acts is decided on the order's issuer, unit, cadre and village";

    public static async Task<RectificationOrder> OrderAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, OrderInput input, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var division = input.DivisionCode?.Trim() ?? "";
        var problems = new List<Problem>();
        if (!actor.Covers(division) || !await db.Divisions.AsNoTracking().AnyAsync(d => d.Code == division && d.Level < DivisionLevel.Village, ct))
        {
            problems.Add(SupervisionRefusals.OutOfReach("divisionCode", division));
        }
        var what = RefusedException.Text(problems, "what", input.What, RectificationOrder.MaxWhat, required: true);
        var policy = (await Policy.PolicyStore.GetAsync(db, today.Year, ct)).Policy;
        var days = input.Days ?? policy.Supervision.RectificationDays;
        if (days is < 1 or > 120)
        {
            problems.Add(new Problem("days", "整改期限为 1 到 120 个工作日", "an order allows 1 to 120 working days") { Code = "range" });
        }
        if (input.NoticeId is { } noticeId && !await db.Notices.AnyAsync(n => n.Id == noticeId && n.DivisionCode.StartsWith(division), ct))
        {
            problems.Add(new Problem("noticeId", $"本级范围内没有编号为 {noticeId} 的通报", $"no notice {noticeId} under the division") { Code = "not-found" });
        }
        var village = input.VillageCode?.Trim() is { Length: > 0 } v ? v : null;
        if (input.FindingId is { } findingId)
        {
            var finding = await db.Findings.AsNoTracking().FirstOrDefaultAsync(f => f.Id == findingId, ct);
            if (finding is null || !DivisionCode.IsInSubtree(finding.DivisionCode, division))
            {
                problems.Add(new Problem("findingId", $"本级范围内没有编号为 {findingId} 的问题", $"no finding {findingId} under the division") { Code = "not-found" });
            }
            // An order on a village's finding is done in that village unless said otherwise.
            else if (village is null && finding.DivisionCode.Length == DivisionCode.LengthOf(DivisionLevel.Village))
            {
                village = finding.DivisionCode;
            }
        }
        if (village is not null && (!DivisionCode.IsInSubtree(village, division) || !await db.Divisions.AnyAsync(d => d.Code == village && d.Level == DivisionLevel.Village, ct)))
        {
            problems.Add(new Problem("villageCode", $"本级范围内没有村 {village}", $"no village {village} under the division") { Code = "unknown" });
        }
        int? unit = null, cadre = null;
        if (input.UnitCode?.Trim() is { Length: > 0 } unitCode && (unit = await db.Units.AsNoTracking().Where(u => u.Code == unitCode).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct)) is null)
        {
            problems.Add(new Problem("unitCode", $"没有编码为 {unitCode} 的单位", $"no unit with code {unitCode}") { Code = "unknown" });
        }
        if (input.CadreCode?.Trim() is { Length: > 0 } cadreCode && (cadre = await db.Cadres.AsNoTracking().Where(c => c.Code == cadreCode).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct)) is null)
        {
            problems.Add(new Problem("cadreCode", $"没有工号为 {cadreCode} 的干部", $"no cadre with staff number {cadreCode}") { Code = "unknown" });
        }
        if (village is null && input.UnitCode is not { Length: > 0 } && input.CadreCode is not { Length: > 0 })
        {
            problems.Add(new Problem("unitCode", "请写明整改责任方：单位、干部或村", "name who answers for it: a unit, a cadre or a village") { Code = "required" });
        }
        RefusedException.ThrowIfAny(problems);

        var calendar = CaseSteps.Calendar(policy.Cases);
        var order = new RectificationOrder
        {
            DivisionCode = division,
            NoticeId = input.NoticeId,
            FindingId = input.FindingId,
            VillageCode = village,
            UnitId = unit,
            CadreId = cadre,
            What = what!,
            OrderedOn = today,
            Due = calendar.AddWorkingDays(today, days),
            IssuedBy = actor.UserName,
            IssuedAt = now,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.RectificationOrders.Add(order);
        await db.SaveChangesAsync(ct);
        await FindingStore.MarkAsync(db, order.VillageCode, ct);
        await AuditAsync(db, clock, actor.UserName, "order.issue", order, null, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return order;
    }

    /// <summary>Whether the party answers for the order: the unit's administrator, the cadre named, or an office holding its village.</summary>
    public static bool Answers(RectificationOrder o, OrderParty party) =>
        (o.UnitId is { } u && party.UnitId == u)
        || (o.CadreId is { } c && party.CadreId == c)
        || (party.Office && o.VillageCode is { } v && party.Covers(v));

    /// <summary>The responsible party's report of what was done, with its evidence: the office decides next.</summary>
    public static Task<RectificationOrder> ReportAsync(LiaisonDb db, TimeProvider clock, OrderParty party, long id, string? text, CancellationToken ct) =>
        StepAsync(db, clock, party.UserName, id, OrderStepKind.Report, text, o => Answers(o, party), [OrderStatus.Open], OrderStatus.Reported, ct);

    /// <summary>The issuing office accepts a report: the order is closed (销号).</summary>
    public static Task<RectificationOrder> AcceptAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, long id, string? text, CancellationToken ct) =>
        StepAsync(db, clock, actor.UserName, id, OrderStepKind.Accept, text, o => actor.Covers(o.DivisionCode), [OrderStatus.Reported], OrderStatus.Accepted, ct);

    /// <summary>The issuing office sends a report back with the reason: the order is open again, its day unchanged.</summary>
    public static Task<RectificationOrder> SendBackAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, long id, string? text, CancellationToken ct) =>
        StepAsync(db, clock, actor.UserName, id, OrderStepKind.SendBack, text, o => actor.Covers(o.DivisionCode), [OrderStatus.Reported], OrderStatus.Open, ct);

    /// <summary>Escalates every order past its day not yet escalated (督办), once each: a step, the day kept, audited by the system. Returns how many.</summary>
    public static async Task<int> EscalateOverdueAsync(LiaisonDb db, TimeProvider clock, CancellationToken ct)
    {
        using var outside = Unscoped.Section("the order clock: every division's overdue orders");
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var overdue = await db.RectificationOrders.Where(o => o.Status != OrderStatus.Accepted && o.Due < today && o.EscalatedOn == null).ToListAsync(ct);
        if (overdue.Count == 0)
        {
            return 0;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var o in overdue)
        {
            o.EscalatedOn = today;
            db.OrderSteps.Add(new OrderStep
            {
                OrderId = o.Id,
                Kind = OrderStepKind.Escalate,
                Text = string.Create(CultureInfo.InvariantCulture, $"超过整改期限 {o.Due:yyyy-MM-dd}，督办 / past its day {o.Due:yyyy-MM-dd}: escalated"),
                On = today,
                By = "system",
                At = now,
            });
        }
        await db.SaveChangesAsync(ct);
        foreach (var o in overdue)
        {
            await AuditAsync(db, clock, "system", "order.escalate", o, null, ct);
        }
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return overdue.Count;
    }

    private static async Task<RectificationOrder> StepAsync(LiaisonDb db, TimeProvider clock, string by, long id, OrderStepKind kind, string? text,
        Func<RectificationOrder, bool> may, OrderStatus[] from, OrderStatus to, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var now = clock.GetUtcNow();
        var order = await db.RectificationOrders.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null || !may(order))
        {
            throw new RefusedException(SupervisionRefusals.NotFound("整改通知", "rectification order", id));
        }
        var problems = new List<Problem>();
        if (!from.Contains(order.Status))
        {
            problems.Add(new Problem("status", "整改通知当前状态不能办理此项", "the order's state does not allow this step") { Code = "status" });
        }
        // A report says what was done; a sending back, why — acceptance may be silent.
        var words = RefusedException.Text(problems, "text", text, OrderStep.MaxText, required: kind != OrderStepKind.Accept);
        RefusedException.ThrowIfAny(problems);
        var before = order.Status;
        order.Status = to;
        order.ClosedOn = to == OrderStatus.Accepted ? ChinaTime.DateOf(now) : null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.OrderSteps.Add(new OrderStep { OrderId = id, Kind = kind, Text = words ?? "", On = ChinaTime.DateOf(now), By = by, At = now });
        await db.SaveChangesAsync(ct);
        await FindingStore.MarkAsync(db, order.VillageCode, ct);
        var action = kind switch { OrderStepKind.Report => "order.report", OrderStepKind.Accept => "order.accept", _ => "order.send-back" };
        await AuditAsync(db, clock, by, action, order, new { Status = before }, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return order;
    }

    private static Task AuditAsync(LiaisonDb db, TimeProvider clock, string by, string action, RectificationOrder o, object? before, CancellationToken ct) =>
        AuditLog.AppendAsync(db, clock, new Actor(by), new AuditRecord(action, "rectification-order", o.Id.ToString(CultureInfo.InvariantCulture), o.VillageCode ?? o.DivisionCode, before,
            new { o.Status, o.Due, o.What, o.UnitId, o.CadreId, o.VillageCode }), ct);
}
