using Liaison.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using I = Liaison.Domain.Reporting.Indicators;

namespace Liaison.Data.Reporting.Formulas;

/// <summary>A verification call at the village of the visit it verifies, in that visit's month.</summary>
public sealed class VerifiedVisitRow
{
    public string VillageCode { get; set; } = "";
    public int Month { get; set; }
    public bool Reached { get; set; }
    public bool Confirmed { get; set; }
}

/// <summary>
/// 督查 (issue 22) at each village for a year: inspections by the month inspected, verification calls
/// by the month of the visit they verify, findings made in villages by the month found, rectification
/// orders for villages by the month ordered with where each stands now. The supervisors' work, not a
/// unit's: a unit's report leaves it out.
/// </summary>
internal static class SupervisionFormulas
{
    public static Family<Inspection> Inspections { get; } = new Family<Inspection>()
        .Count(I.Inspections)
        .Count(I.PresenceChecked, i => i.Present != null)
        .Count(I.PresentFound, i => i.Present == true);

    public static Family<VerifiedVisitRow> Calls { get; } = new Family<VerifiedVisitRow>()
        .Count(I.CallsMade)
        .Count(I.CallsReached, c => c.Reached)
        .Count(I.CallsConfirmed, c => c.Confirmed);

    public static Family<Finding> Findings { get; } = new Family<Finding>()
        .Count(I.Findings);

    public static Family<RectificationOrder> Orders { get; } = new Family<RectificationOrder>()
        .Count(I.Orders)
        .Count(I.OrdersClosed, o => o.Status == OrderStatus.Accepted)
        .Count(I.OrdersOnTime, o => o.Status == OrderStatus.Accepted && o.ClosedOn <= o.Due);

    public static IEnumerable<Domain.Reporting.Indicator> Indicators => [.. Inspections.Indicators, .. Calls.Indicators, .. Findings.Indicators, .. Orders.Indicators];

    public static async Task AddAsync(LiaisonDb db, int year, FormulaScope scope, LeafCells cells, CancellationToken ct)
    {
        if (scope.UnitId is not null)
        {
            return;
        }
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var inspections = db.Inspections.AsNoTracking().Where(i => i.InspectedOn >= first && i.InspectedOn <= last);
        await Inspections.ReadAsync(scope.Narrow(inspections, db, i => i.VillageCode, null, i => i.InspectedOn!.Value.Month), i => i.VillageCode, i => i.InspectedOn!.Value.Month, cells, ct);
        var calls = from c in db.SampleCalls.AsNoTracking()
                    join v in db.HouseholdVisits.AsNoTracking() on c.VisitId equals v.Id
                    where v.Year == year && c.Outcome != CallOutcome.Pending
                    select new VerifiedVisitRow
                    {
                        VillageCode = c.VillageCode,
                        Month = v.VisitedOn.Month,
                        Reached = c.Outcome == CallOutcome.Reached,
                        Confirmed = c.Outcome == CallOutcome.Reached && c.Visited == true,
                    };
        await Calls.ReadAsync(scope.Narrow(calls, db, c => c.VillageCode, null, c => c.Month), c => c.VillageCode, c => c.Month, cells, ct);
        // Findings of a township, a county or a unit reviewed have no village to be counted at: the supervision page lists them.
        var findings = db.Findings.AsNoTracking().Where(f => f.DivisionCode.Length == 12 && f.On >= first && f.On <= last);
        await Findings.ReadAsync(scope.Narrow(findings, db, f => f.DivisionCode, null, f => f.On.Month), f => f.DivisionCode, f => f.On.Month, cells, ct);
        var orders = db.RectificationOrders.AsNoTracking().Where(o => o.VillageCode != null && o.OrderedOn >= first && o.OrderedOn <= last);
        await Orders.ReadAsync(scope.Narrow(orders, db, o => o.VillageCode!, null, o => o.OrderedOn.Month), o => o.VillageCode!, o => o.OrderedOn.Month, cells, ct);
    }
}
