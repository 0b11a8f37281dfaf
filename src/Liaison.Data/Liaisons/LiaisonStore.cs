using Liaison.Data.Audit;
using Liaison.Data.Policy;
using Liaison.Data.Reporting;
using Liaison.Domain.Divisions;
using Liaison.Domain.Liaisons;
using Liaison.Domain.Policy;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Liaisons;

/// <summary>What a planner run did, for the command's report.</summary>
public sealed record PlanRun(int Year, int PolicyVersion, PlanOutcome Outcome, CheckResult Check, LiaisonWorld World, double Seconds);

/// <summary>Loads the plan's world from the database and writes the planner's and people's changes back.</summary>
public static class LiaisonStore
{
    /// <summary>Divisions, roster, and (unless told not to) the year's current ties with their stays.</summary>
    public static async Task<LiaisonWorld> LoadWorldAsync(LiaisonDb db, ProgrammePolicy policy, bool withTies, CancellationToken ct)
    {
        var places = await db.Divisions.AsNoTracking().Where(d => d.Level >= DivisionLevel.City)
            .Select(d => new Place(d.Code, d.Name, d.Level, d.VillageKind, d.VillageType, d.PartyOrgGrade, d.Latitude, d.Longitude)).ToListAsync(ct);
        var units = await db.Units.AsNoTracking()
            .Select(u => new RosterUnit(u.Id, u.Code, u.Name, u.Level, u.Category, u.DivisionCode)).ToListAsync(ct);
        // Phones stay where they are: the plan needs no personal data, and decrypting 73,000 would cost time.
        var cadres = await db.Cadres.AsNoTracking()
            .Select(c => new RosterCadre(c.Id, c.Code, c.Name, c.UnitId, c.Rank, c.IsPolice, c.IsReserve, c.IsNewlyPromoted)).ToListAsync(ct);
        var year = policy.Year;
        var ties = withTies ? await db.LiaisonTies.AsNoTracking().Where(t => t.Year == year && t.Until == null).ToListAsync(ct) : [];
        var stays = withTies
            ? await db.PlannedStays.AsNoTracking().Where(s => db.LiaisonTies.Any(t => t.Id == s.TieId && t.Year == year && t.Until == null)).ToListAsync(ct)
            : [];
        return new LiaisonWorld(policy, places, units, cadres, ties, stays);
    }

    public static async Task<(LiaisonWorld World, EffectivePolicy Policy)> LoadAsync(LiaisonDb db, int year, CancellationToken ct)
    {
        var policy = await PolicyStore.GetAsync(db, year, ct);
        return (await LoadWorldAsync(db, policy.Policy, withTies: true, ct), policy);
    }

    /// <summary>Checks the year's plan as stored.</summary>
    public static async Task<(CheckResult Check, LiaisonWorld World, EffectivePolicy Policy)> CheckAsync(LiaisonDb db, int year, CancellationToken ct)
    {
        var (world, policy) = await LoadAsync(db, year, ct);
        return (LiaisonChecker.Check(world), world, policy);
    }

    /// <summary>Plans the year and writes the result in one transaction, audited; then checks the plan as written.</summary>
    public static async Task<PlanRun> PlanAsync(LiaisonDb db, TimeProvider clock, Actor actor, int year, DateOnly today, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var (world, policy) = await LoadAsync(db, year, ct);
        var since = year == today.Year ? today : new DateOnly(year, 1, 1);
        var outcome = LiaisonPlanner.Plan(world, since);
        if (!outcome.ChangesNothing)
        {
            await ApplyAsync(db, clock, actor, year, outcome, today, ct);
        }
        var after = outcome.ChangesNothing ? world : await LoadWorldAsync(db, policy.Policy, withTies: true, ct);
        var check = LiaisonChecker.Check(after);
        return new PlanRun(year, policy.Version, outcome, check, after, clock.GetElapsedTime(started).TotalSeconds);
    }

    private static async Task ApplyAsync(LiaisonDb db, TimeProvider clock, Actor actor, int year, PlanOutcome outcome, DateOnly today, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var previous = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var ended in outcome.Ended)
            {
                var reason = ended.ReasonZh.Length > 500 ? ended.ReasonZh[..500] : ended.ReasonZh;
                await db.LiaisonTies.Where(t => t.Id == ended.Tie.Id).ExecuteUpdateAsync(u => u
                    .SetProperty(t => t.Until, today).SetProperty(t => t.EndReason, reason)
                    .SetProperty(t => t.ChangedAt, now).SetProperty(t => t.ChangedBy, actor.Name), ct);
            }
            foreach (var tie in outcome.Added)
            {
                tie.ChangedAt = now;
                tie.ChangedBy = actor.Name;
            }
            db.LiaisonTies.AddRange(outcome.Added);
            await db.SaveChangesAsync(ct);
            db.PlannedStays.AddRange(outcome.Stays.Select(s => new PlannedStay { TieId = s.Tie.Id, StartsOn = s.StartsOn, Days = s.Days }));
            await db.SaveChangesAsync(ct);
            await RollupStore.RefreshAsync(db, RollupFamily.Liaisons, ct);
            await AuditLog.AppendAsync(db, clock, actor, new AuditRecord("plan.liaisons", "liaison-plan", year.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null,
                new { added = outcome.Added.Count, ended = outcome.Ended.Select(e => new { id = e.Tie.Id, reason = e.ReasonZh }), stays = outcome.Stays.Count }), ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = previous;
        }
    }
}
