using Liaison.App.Auth;
using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Data.Supervision;
using Liaison.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Orders;

/// <summary>An order with its answering party and place in words.</summary>
public sealed record OrderRow(RectificationOrder Order, string Responsible, string? Village);

/// <summary>
/// Who reads which rectification order: the issuing office and those above (every order of its
/// division), and the party answering for it — the unit's administrator, the cadre, an office holding
/// its village. The same rule (<see cref="OrderStore.Answers"/>) decides who may report.
/// </summary>
public sealed class OrderQueries(LiaisonDb db, Scoped scoped, Jurisdiction jurisdiction)
{
    private const string Why = "rectification orders: read by their issuers and by the parties answering for them";

    public OrderParty Party => new(jurisdiction.UserName ?? "?", jurisdiction.Covers, jurisdiction.Scope?.UnitId, jurisdiction.CadreId, jurisdiction.Role == Domain.Access.Role.Office);

    /// <summary>
    /// Whether the reader reads the order as its issuer or above: a supervisor or an office holding its
    /// division. A unit's administrator whose unit sits at the county is no issuer of the county's orders.
    /// </summary>
    public bool Issues(RectificationOrder o) => Supervises && jurisdiction.Covers(o.DivisionCode);

    private bool Supervises => jurisdiction.May(Domain.Access.Ability.Supervise) || jurisdiction.May(Domain.Access.Ability.IssueNotices);

    /// <summary>
    /// Every order the reader reads under <paramref name="code"/>, filtered by state and unit, open ones
    /// first by due day. Whole, not capped: orders are few (a county's year is hundreds), and a list
    /// that silently lost the oldest open ones would hide exactly those overdue; the page names one page
    /// of it (<see cref="NameAsync"/>), the export all.
    /// </summary>
    public async Task<List<RectificationOrder>> ListAsync(string? code, string? state, DateOnly today, CancellationToken ct, int? unitId = null)
    {
        using var outside = Unscoped.Section(Why);
        var unit = jurisdiction.Scope?.UnitId;
        var cadre = jurisdiction.CadreId;
        var issued = Supervises ? await Filter(scoped.Under(code).Orders, state, unitId).ToListAsync(ct) : [];
        var own = await Filter(db.RectificationOrders.AsNoTracking().Where(o => (unit != null && o.UnitId == unit) || (cadre != null && o.CadreId == cadre)), state, unitId).ToListAsync(ct);
        // An office answers for the orders of its villages (orders are few: a year's are read and kept by the scope).
        var ofVillages = jurisdiction.Role != Domain.Access.Role.Office ? []
            : (await Filter(db.RectificationOrders.AsNoTracking().Where(o => o.VillageCode != null && (o.Status != OrderStatus.Accepted || o.OrderedOn >= today.AddYears(-1))), state, unitId).ToListAsync(ct))
                .Where(o => o.VillageCode is { } v && jurisdiction.Covers(v) && (code is null || Domain.Divisions.DivisionCode.IsInSubtree(v, code))).ToList();
        return issued.Concat(own).Concat(ofVillages).DistinctBy(o => o.Id)
            .Where(o => state != "overdue" || o.Overdue(today))
            .OrderBy(o => o.Status == OrderStatus.Accepted ? 1 : 0).ThenBy(o => o.Due).ThenBy(o => o.Id).ToList();
    }

    // The state and unit asked for, in the query; "overdue" is open here and past due after (its day is working days).
    private static IQueryable<RectificationOrder> Filter(IQueryable<RectificationOrder> orders, string? state, int? unitId)
    {
        if (unitId is { } u)
        {
            orders = orders.Where(o => o.UnitId == u);
        }
        return state switch
        {
            "open" or "overdue" => orders.Where(o => o.Status != OrderStatus.Accepted),
            "closed" => orders.Where(o => o.Status == OrderStatus.Accepted),
            _ => orders,
        };
    }

    public async Task<OrderRow?> OneAsync(long id, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Why);
        var o = await db.RectificationOrders.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return o is not null && (Issues(o) || OrderStore.Answers(o, Party)) ? (await NameAsync([o], ct))[0] : null;
    }

    public Task<List<OrderStep>> StepsAsync(long id, CancellationToken ct) =>
        db.OrderSteps.AsNoTracking().Where(s => s.OrderId == id).OrderBy(s => s.At).ThenBy(s => s.Id).ToListAsync(ct);

    /// <summary>The orders with their answering party and village in words.</summary>
    public async Task<List<OrderRow>> NameAsync(List<RectificationOrder> orders, CancellationToken ct)
    {
        var unitIds = orders.Where(o => o.UnitId != null).Select(o => o.UnitId!.Value).Distinct().ToList();
        var units = await scoped.UnitNames.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var cadreIds = orders.Where(o => o.CadreId != null).Select(o => o.CadreId!.Value).Distinct().ToList();
        var cadres = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var codes = orders.Where(o => o.VillageCode != null).Select(o => o.VillageCode!).Distinct().ToList();
        var places = await scoped.Names.Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        return orders.Select(o =>
        {
            var village = o.VillageCode is { } v ? places.GetValueOrDefault(v, v) : null;
            var who = new[] { o.UnitId is { } u ? units.GetValueOrDefault(u) : null, o.CadreId is { } c ? cadres.GetValueOrDefault(c) : null }.Where(x => x is not null).ToList();
            return new OrderRow(o, who.Count > 0 ? string.Join("、", who) : village ?? "", village);
        }).ToList();
    }
}
