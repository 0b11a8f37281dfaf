using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Help;

/// <summary>A help plan as pages show it: with its household (name masked by the page) and responsible cadre.</summary>
public sealed record HelpRow(HelpPlan Plan, Household Household, string CadreCode, string CadreName);

/// <summary>A visit to a plan's household since the plan began: its follow-ups.</summary>
public sealed record FollowUp(DateTimeOffset At, string CadreName, bool ByResponsible, string? Note);

/// <summary>结对帮扶 within reach: a plan is read through its household, so a household out of reach hides its plan.</summary>
public sealed class HelpQueries(LiaisonDb db, Scoped scoped)
{
    public async Task<List<HelpRow>> ListAsync(int year, string? under, HelpPlanStatus? status, CancellationToken ct)
    {
        var plans = db.HelpPlans.AsNoTracking().Where(p => p.Year == year && (status == null || p.Status == status));
        return await RowsAsync(plans, scoped.Under(under).Households, ct);
    }

    public async Task<HelpRow?> PlanAsync(long id, CancellationToken ct) =>
        (await RowsAsync(db.HelpPlans.AsNoTracking().Where(p => p.Id == id), scoped.Households, ct)).FirstOrDefault();

    /// <summary>A current household within reach, with the plan it has this year, if any.</summary>
    public async Task<(Household Household, long? Plan)?> HouseholdAsync(long id, int year, CancellationToken ct)
    {
        var h = await scoped.Households.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.Status == HouseholdStatus.Current, ct);
        return h is null ? null : (h, await db.HelpPlans.Where(p => p.HouseholdId == id && p.Year == year).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct));
    }

    /// <summary>Poor households of the subtree with no plan this year: who is still to be paired.</summary>
    public async Task<List<Household>> UnpairedPoorAsync(int year, string? under, int take, CancellationToken ct)
    {
        var planned = db.HelpPlans.Where(p => p.Year == year).Select(p => p.HouseholdId);
        return await scoped.Under(under).Households.AsNoTracking()
            .Where(h => h.Status == HouseholdStatus.Current && (h.Categories & HouseholdCategory.Poor) != 0 && !planned.Contains(h.Id))
            .OrderBy(h => h.VillageCode).ThenBy(h => h.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>Visits to the plan's household since it began, newest first; the caller read the plan through the scope.</summary>
    public async Task<List<FollowUp>> FollowUpsAsync(HelpPlan plan, CancellationToken ct)
    {
        using var outside = Unscoped.Section("a help plan in reach: the visits to its household");
        var since = new DateTimeOffset(plan.StartedOn.ToDateTime(TimeOnly.MinValue), Domain.Shared.ChinaTime.Offset);
        return (await (from v in db.HouseholdVisits.AsNoTracking()
                       join c in db.Cadres.AsNoTracking() on v.CadreId equals c.Id
                       where v.HouseholdId == plan.HouseholdId && v.VisitedAt >= since
                       orderby v.VisitedAt descending
                       select new { v.VisitedAt, c.Name, v.CadreId, v.Note }).Take(50).ToListAsync(ct))
            .Select(v => new FollowUp(v.VisitedAt, v.Name, v.CadreId == plan.CadreId, v.Note)).ToList();
    }

    private async Task<List<HelpRow>> RowsAsync(IQueryable<HelpPlan> plans, IQueryable<Household> households, CancellationToken ct) =>
        (await (from p in plans
                join h in households.AsNoTracking() on p.HouseholdId equals h.Id
                join c in db.Cadres.AsNoTracking() on p.CadreId equals c.Id
                orderby p.VillageCode, p.Id
                select new { p, h, c.Code, c.Name }).ToListAsync(ct))
            .Select(x => new HelpRow(x.p, x.h, x.Code, x.Name)).ToList();
}
