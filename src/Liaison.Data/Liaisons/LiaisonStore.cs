using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Database;
using Liaison.Data.Database.Sql;
using Liaison.Data.Policy;
using Liaison.Data.Reporting;
using Liaison.Domain.Divisions;
using Liaison.Domain.Liaisons;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Liaisons;

/// <summary>What a planner run did, for the command's report.</summary>
public sealed record PlanRun(int Year, int PolicyVersion, PlanOutcome Outcome, CheckResult Check, LiaisonWorld World, double Seconds)
{
    /// <summary>Seconds spent in each phase: load, plan, write, check (for the benchmark's report).</summary>
    public IReadOnlyDictionary<string, double> Phases { get; init; } = new Dictionary<string, double>();
}

/// <summary>Loads the plan's world from the database and writes the planner's and people's changes back.</summary>
public static class LiaisonStore
{
    /// <summary>Why this reads outside a scope: see <see cref="Unscoped"/>.</summary>
    private const string Reach = "the liaison plan: made and checked over the whole year's plan";

    /// <summary>Divisions, roster, and (unless told not to) the year's current ties with their stays.</summary>
    public static async Task<LiaisonWorld> LoadWorldAsync(LiaisonDb db, ProgrammePolicy policy, bool withTies, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var places = await db.Divisions.AsNoTracking().Where(d => d.Level >= DivisionLevel.City && d.WithdrawnOn == null)
            .Select(d => new Place(d.Code, d.Name, d.Level, d.VillageKind, d.VillageType, d.PartyOrgGrade, d.Latitude, d.Longitude)).ToListAsync(ct);
        // Only open units and active cadres are planned: a retired, departed or suspended cadre, a merged or closed unit, is no longer tied.
        var units = await db.Units.AsNoTracking().Where(u => u.Status == Domain.People.UnitStatus.Open)
            .Select(u => new RosterUnit(u.Id, u.Code, u.Name, u.Level, u.Category, u.DivisionCode)).ToListAsync(ct);
        // Phones stay where they are: the plan needs no personal data, and decrypting 73,000 would cost time.
        var cadres = await db.Cadres.AsNoTracking().Where(c => c.Status == Domain.People.CadreStatus.Active && units.Select(u => u.Id).Contains(c.UnitId))
            .Select(c => new RosterCadre(c.Id, c.Code, c.Name, c.UnitId, c.Rank, c.IsPolice, c.IsReserve, c.IsNewlyPromoted, c.BirthYear)).ToListAsync(ct);
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
    public static Task<PlanRun> PlanAsync(LiaisonDb db, TimeProvider clock, Actor actor, int year, DateOnly today, CancellationToken ct) =>
        PlanAsync(db, clock, actor, year, today, LiaisonTie.StartsOn(year, today), ct);

    /// <summary>
    /// The same, with the new ties starting on <paramref name="startsOn"/> (a day of the year): a plan
    /// entered after the fact, such as the demo's, which stands for the plan made at the start of the
    /// year. Ties the plan ends still end <paramref name="today"/>.
    /// </summary>
    public static async Task<PlanRun> PlanAsync(LiaisonDb db, TimeProvider clock, Actor actor, int year, DateOnly today, DateOnly startsOn, CancellationToken ct)
    {
        if (LiaisonTie.StartProblem(year, startsOn) is { } notInYear)
        {
            throw new RefusedException(notInYear);
        }
        using var outside = Unscoped.Section(Reach);
        var started = clock.GetTimestamp();
        var phases = new Dictionary<string, double>();
        var lap = started;
        void Lap(string phase)
        {
            var now = clock.GetTimestamp();
            phases[phase] = Math.Round(clock.GetElapsedTime(lap, now).TotalSeconds, 3);
            lap = now;
        }
        var (world, policy) = await LoadAsync(db, year, ct);
        Lap("load");
        var outcome = LiaisonPlanner.Plan(world, startsOn);
        Lap("plan");
        if (!outcome.ChangesNothing)
        {
            await ApplyAsync(db, clock, actor, year, outcome, today, ct);
        }
        Lap("write");
        var after = outcome.ChangesNothing ? world : await LoadWorldAsync(db, policy.Policy, withTies: true, ct);
        var check = LiaisonChecker.Check(after);
        Lap("check");
        return new PlanRun(year, policy.Version, outcome, check, after, clock.GetElapsedTime(started).TotalSeconds) { Phases = phases };
    }

    private static TableSpec<LiaisonTie> TieSpec(LiaisonDb db) => TableSpec.For<LiaisonTie>(db, [nameof(LiaisonTie.Id)],
        nameof(LiaisonTie.Id), nameof(LiaisonTie.Year), nameof(LiaisonTie.Kind), nameof(LiaisonTie.CadreId), nameof(LiaisonTie.UnitId), nameof(LiaisonTie.DivisionCode),
        nameof(LiaisonTie.Since), nameof(LiaisonTie.Until), nameof(LiaisonTie.Origin), nameof(LiaisonTie.Locked), nameof(LiaisonTie.Reason), nameof(LiaisonTie.ReasonEn),
        nameof(LiaisonTie.EndReason), nameof(LiaisonTie.ChangedAt), nameof(LiaisonTie.ChangedBy));

    private static async Task ApplyAsync(LiaisonDb db, TimeProvider clock, Actor actor, int year, PlanOutcome outcome, DateOnly today, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var ended in outcome.Ended)
        {
            var reason = ended.ReasonZh.Length > TieEdits.MaxReason ? ended.ReasonZh[..TieEdits.MaxReason] : ended.ReasonZh;
            await db.LiaisonTies.Where(t => t.Id == ended.Tie.Id).ExecuteUpdateAsync(u => u
                .SetProperty(t => t.Until, today).SetProperty(t => t.EndReason, reason)
                .SetProperty(t => t.ChangedAt, now).SetProperty(t => t.ChangedBy, actor.Name), ct);
        }
        // Thousands of ties at once: written in bulk with ids reserved first, so that the stays can name them.
        var ids = await DatabaseSql.For(db).ReserveIdsAsync("liaison_ties", outcome.Added.Count, ct);
        for (var i = 0; i < ids.Length; i++)
        {
            outcome.Added[i].Id = ids[i];
            outcome.Added[i].ChangedAt = now;
            outcome.Added[i].ChangedBy = actor.Name;
        }
        await DatabaseSql.For(db).UpsertAsync(TieSpec(db), outcome.Added, null, ct);
        var stays = TableSpec.For<PlannedStay>(db, [nameof(PlannedStay.Id)], nameof(PlannedStay.TieId), nameof(PlannedStay.StartsOn), nameof(PlannedStay.Days));
        await DatabaseSql.For(db).UpsertAsync(stays, outcome.Stays.Select(s => new PlannedStay { TieId = s.Tie.Id, StartsOn = s.StartsOn, Days = s.Days }), null, ct);
        // A new plan may start a new year, and the field figures count the newest one.
        await RollupStore.RefreshAsync(db, RollupFamily.Liaisons | RollupFamily.Field, ct);
        await AuditLog.AppendAsync(db, clock, actor, new AuditRecord("plan.liaisons", "liaison-plan", year.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null,
            new { added = outcome.Added.Count, ended = outcome.Ended.Select(e => new { id = e.Tie.Id, reason = e.ReasonZh }), stays = outcome.Stays.Count }), ct);
        await tx.CommitAsync(ct);
    }
}
