using Liaison.Data.Audit;
using Liaison.Data.Demo;
using Liaison.Data.Liaisons;
using Liaison.Data.Policy;
using Liaison.Data.Reporting;
using Liaison.Domain.Divisions;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Tests;

public class LiaisonPlanTests
{
    private const int Year = 2026;
    private static readonly DateOnly Today = new(Year, 4, 1);
    private static readonly Actor Tester = new("tester");

    private static async Task<(TestDb Db, LiaisonDb Context)> SeededAsync(string provider)
    {
        var t = await TestDb.CreateAsync(provider);
        var db = t.Open();
        await DemoSeeder.SeedAsync(db, TimeProvider.System, DemoScale.Small, 1, null, default);
        return (t, db);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_small_demo_is_planned_without_violations_covering_every_village_and_a_second_run_changes_nothing(string provider)
    {
        var (t, db) = await SeededAsync(provider);
        await using var _ = t;
        await using var __ = db;

        var run = await LiaisonStore.PlanAsync(db, TimeProvider.System, Tester, Year, Today, default);

        Assert.True(run.Check.IsClean, string.Join("\n", run.Check.Violations.Take(10).Select(v => v.Rule.Id + " " + v.DetailEn)));
        var villages = await db.Divisions.CountAsync(d => d.Level == DivisionLevel.Village);
        Assert.Equal(new Coverage(villages, villages), run.Check.Coverage);
        Assert.Equal(run.Outcome.Added.Count, await db.LiaisonTies.CountAsync());
        Assert.Equal(await db.Cadres.CountAsync(c => c.IsPolice), await db.LiaisonTies.CountAsync(l => l.Kind == TieKind.Police));
        Assert.True(await db.PlannedStays.AnyAsync());

        var again = await LiaisonStore.PlanAsync(db, TimeProvider.System, Tester, Year, Today.AddDays(10), default);
        Assert.True(again.Outcome.ChangesNothing);
        Assert.Equal(run.Outcome.Added.Count, await db.LiaisonTies.CountAsync());
        Assert.Single(await db.AuditEntries.Where(e => e.Action == "plan.liaisons").ToListAsync());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_plans_figures_in_the_rollups_equal_a_recount_of_the_ties(string provider)
    {
        var (t, db) = await SeededAsync(provider);
        await using var _ = t;
        await using var __ = db;
        await LiaisonStore.PlanAsync(db, TimeProvider.System, Tester, Year, Today, default);

        var county = await RollupStore.ForDivisionAsync(db, "370830", default);
        var ties = await db.LiaisonTies.Where(l => l.Until == null && l.DivisionCode.Length == 12).ToListAsync();
        Assert.Equal(ties.Count(l => l.Kind == TieKind.Police), county[Indicators.PoliceLiaisons.Id]);
        Assert.Equal(ties.Count(l => l.Kind == TieKind.BackwardVillage), county[Indicators.BackwardTaken.Id]);
        Assert.Equal(ties.Count(l => l.Kind == TieKind.Pairing), county[Indicators.Pairings.Id]);
        Assert.Equal(ties.Select(l => l.DivisionCode).Distinct().Count(), county[Indicators.CoveredVillages.Id]);
        var countyLeaders = await db.Cadres.Where(c => c.Rank == CadreRank.CountyLeader).Select(c => c.Id).ToListAsync();
        Assert.Equal(countyLeaders.Count, county[Indicators.CountyLeaderPoints.Id]);
        // Households and everything else are untouched by a refresh of the liaison family.
        Assert.Equal(await db.Households.CountAsync(), county[Indicators.Households.Id]);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_tie_moved_by_hand_into_a_violation_is_saved_audited_and_shows_up_in_the_check_with_its_rule(string provider)
    {
        var (t, db) = await SeededAsync(provider);
        await using var _ = t;
        await using var __ = db;
        await LiaisonStore.PlanAsync(db, TimeProvider.System, Tester, Year, Today, default);
        var police = await db.LiaisonTies.Where(l => l.Kind == TieKind.Police).OrderBy(l => l.Id).FirstAsync();
        // Another county's village: outside the officer's station area.
        await db.Divisions.AddAsync(new Division { Code = "370829", Name = "嘉祥县", Level = DivisionLevel.County, ParentCode = "3708" });
        await db.Divisions.AddAsync(new Division { Code = "370829001", Name = "嘉祥街道", Level = DivisionLevel.Township, ParentCode = "370829" });
        await db.Divisions.AddAsync(new Division { Code = "370829001001", Name = "外县村", Level = DivisionLevel.Village, ParentCode = "370829001", VillageKind = VillageKind.Village });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var result = await TieEdits.ApplyAsync(db, TimeProvider.System, Tester, new TieEdit.Move(police.Id, "370829001001", "群众要求"), Today, default);

        Assert.True(result.Saved);
        Assert.Contains(result.NewViolations, v => v.Rule.Id == "police.within");
        var (check, _, _) = await LiaisonStore.CheckAsync(db, Year, default);
        Assert.Contains(check.Violations, v => v.Rule.Id == "police.within" && v.Ties.Contains(result.Tie!.Id));
        var old = await db.LiaisonTies.SingleAsync(l => l.Id == police.Id);
        Assert.Equal(Today, old.Until);
        Assert.Equal("群众要求", old.EndReason);
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "liaison-tie.move");
        Assert.Equal("tester", entry.Actor);
        Assert.Contains(police.DivisionCode, entry.Before, StringComparison.Ordinal);
        Assert.Contains("370829001001", entry.After, StringComparison.Ordinal);
        Assert.Null((await AuditLog.VerifyAsync(db, default)).FirstBrokenId);

        // Planning again keeps the hand-made tie as it is.
        var again = await LiaisonStore.PlanAsync(db, TimeProvider.System, Tester, Year, Today, default);
        Assert.DoesNotContain(again.Outcome.Ended, e => e.Tie.Id == result.Tie!.Id);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Under_a_refusing_policy_an_edit_that_breaks_a_rule_is_not_saved(string provider)
    {
        var (t, db) = await SeededAsync(provider);
        await using var _ = t;
        await using var __ = db;
        await PolicyStore.SetAsync(db, TimeProvider.System, Tester, $$"""{ "year": {{Year}}, "edits": { "onViolation": "refuse" } }""", default);
        await LiaisonStore.PlanAsync(db, TimeProvider.System, Tester, Year, Today, default);
        var police = await db.LiaisonTies.Where(l => l.Kind == TieKind.Police).OrderBy(l => l.Id).FirstAsync();
        var ties = await db.LiaisonTies.CountAsync();

        var result = await TieEdits.ApplyAsync(db, TimeProvider.System, Tester, new TieEdit.End(police.Id, "调离"), Today, default);

        Assert.False(result.Saved);
        Assert.Contains(result.NewViolations, v => v.Rule.Id == "police.one");
        Assert.Equal(ties, await db.LiaisonTies.CountAsync(l => l.Until == null));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action.StartsWith("liaison-tie.")));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_policy_is_stored_as_versions_and_an_infeasible_one_is_refused_naming_the_rule(string provider)
    {
        var (t, db) = await SeededAsync(provider);
        await using var _ = t;
        await using var __ = db;

        Assert.True((await PolicyStore.GetAsync(db, Year, default)).IsDefault);
        var v1 = await PolicyStore.SetAsync(db, TimeProvider.System, Tester, $$"""{ "year": {{Year}}, "contactPoints": { "countyLeader": { "minResidenceDays": 20 } } }""", default);
        var v2 = await PolicyStore.SetAsync(db, TimeProvider.System, Tester, $$"""{ "year": {{Year}}, "contactPoints": { "countyLeader": { "minResidenceDays": 21 } } }""", default);
        Assert.Equal((1, 2), (v1.Version, v2.Version));
        Assert.Equal(21, (await PolicyStore.GetAsync(db, Year, default)).Policy.ContactPoints.CountyLeader.MinResidenceDays);
        Assert.True((await PolicyStore.GetAsync(db, Year + 1, default)).IsDefault);

        var refused = await Assert.ThrowsAsync<PolicyRefusedException>(() =>
            PolicyStore.SetAsync(db, TimeProvider.System, Tester, $$"""{ "year": {{Year}}, "backward": { "share": 0.9 } }""", default));
        Assert.Equal("backward.quota", Assert.Single(refused.Problems).Code);
        Assert.Equal("backward.quota", Assert.Single(refused.PolicyProblems).Rule);
        Assert.Equal(2, await db.PolicyVersions.CountAsync());
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "policy.set"));
    }
}
