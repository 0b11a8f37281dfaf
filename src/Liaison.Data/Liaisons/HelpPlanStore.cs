using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Field;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Liaisons;

/// <summary>A help plan as drawn up: the household, the responsible cadre (staff number), needs, measures, target date.</summary>
public sealed record HelpPlanInput(long HouseholdId, string? CadreCode, string? Needs, string? Measures, DateOnly? TargetOn);

/// <summary>
/// 结对帮扶 (issue 20): help plans drawn up and closed by an office for households of its
/// jurisdiction. Each change is audited and marks the household's village, whose figures
/// (households paired, plans achieved) the field drainer recounts.
/// </summary>
public static class HelpPlanStore
{
    private const string Reach = "a help plan store: the actor's reach is decided on the household's village";

    public static async Task<HelpPlan> CreateAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, HelpPlanInput input, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var today = ChinaTime.Today(clock);
        var problems = new List<Problem>();
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == input.HouseholdId && h.Status == HouseholdStatus.Current, ct);
        if (household is null || !actor.Covers(household.VillageCode))
        {
            problems.Add(new Problem("household", "没有这户，或不在你的管辖范围内", "no such household within your reach") { Code = "out-of-reach" });
        }
        else if (await db.HelpPlans.AnyAsync(p => p.HouseholdId == household.Id && p.Year == today.Year, ct))
        {
            problems.Add(new Problem("household", "这户本年度已有帮扶计划（一户一策）", "the household has a help plan this year already (one plan a household)") { Code = "exists" });
        }
        var code = input.CadreCode?.Trim() ?? "";
        var cadre = await db.Cadres.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code && c.Status == CadreStatus.Active, ct);
        if (cadre is null)
        {
            problems.Add(People.CadreRefusals.UnknownActive(code));
        }
        var needs = RefusedException.Text(problems, "needs", input.Needs, HelpPlan.MaxText, required: true);
        var measures = RefusedException.Text(problems, "measures", input.Measures, HelpPlan.MaxText, required: true);
        if (input.TargetOn is not { } target || target < today || target.Year > today.Year + 1)
        {
            problems.Add(new Problem("targetOn", "目标日期须在今天到明年年底之间", "the target date lies between today and the end of next year") { Code = "range" });
        }
        RefusedException.ThrowIfAny(problems);
        var plan = new HelpPlan
        {
            Year = today.Year,
            HouseholdId = household!.Id,
            VillageCode = household.VillageCode,
            CadreId = cadre!.Id,
            Needs = needs!,
            Measures = measures!,
            StartedOn = today,
            TargetOn = input.TargetOn!.Value,
            ChangedBy = actor.UserName,
            ChangedAt = clock.GetUtcNow(),
        };
        await WriteAsync(db, clock, actor, "help.create", plan, () => db.HelpPlans.Add(plan), null, ct);
        return plan;
    }

    /// <summary>Closes an open plan as achieved or not, with what changed for the household.</summary>
    public static async Task CloseAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, long id, bool achieved, string? outcome, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var plan = await db.HelpPlans.FirstOrDefaultAsync(p => p.Id == id, ct);
        var problems = new List<Problem>();
        if (plan is null || !actor.Covers(plan.VillageCode))
        {
            throw new RefusedException([new Problem("plan", "没有这份帮扶计划，或不在你的管辖范围内", "no such help plan within your reach") { Code = "out-of-reach" }]);
        }
        if (plan.Status != HelpPlanStatus.Open)
        {
            problems.Add(new Problem("plan", "这份计划已经结束", "the plan is closed already") { Code = "closed" });
        }
        var text = RefusedException.Text(problems, "outcome", outcome, HelpPlan.MaxText, required: true);
        RefusedException.ThrowIfAny(problems);
        var before = new { plan.Status };
        (plan.Status, plan.ClosedOn, plan.Outcome, plan.ChangedBy, plan.ChangedAt) =
            (achieved ? HelpPlanStatus.Achieved : HelpPlanStatus.NotAchieved, ChinaTime.Today(clock), text, actor.UserName, clock.GetUtcNow());
        await WriteAsync(db, clock, actor, "help.close", plan, () => { }, before, ct);
    }

    private static async Task WriteAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, string action, HelpPlan plan, Action change, object? before, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        change();
        await db.SaveChangesAsync(ct);
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord(action, "help-plan", plan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), plan.VillageCode,
            before, new { plan.HouseholdId, plan.CadreId, plan.Status, plan.TargetOn, plan.ClosedOn }), ct);
        await FieldRollups.MarkAsync(db, [plan.VillageCode], ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }
}
