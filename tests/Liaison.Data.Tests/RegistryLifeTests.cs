using Liaison.Data.Audit;
using Liaison.Data.Field;
using Liaison.Data.Liaisons;
using Liaison.Data.People;
using Liaison.Data.Reporting;
using Liaison.Domain.Access;
using Liaison.Domain.Divisions;
using Liaison.Domain.Field;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Reporting;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Liaison.Data.Tests;

/// <summary>Registries that live: cadres, households and units change one record at a time, the plan follows at its next re-plan, and the history stays answerable.</summary>
public class RegistryLifeTests
{
    private static readonly Actor Office = new("office-test");
    private static readonly DateOnly Later = new(2026, 7, 10);
    private static readonly DateOnly Left = new(2026, 7, 1);

    private static void MoveClockTo(Liaison.Tests.Shared.FixedClock clock, DateOnly day) =>
        clock.Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_cadre_who_retires_and_a_household_that_moves_leave_the_plan_at_the_next_replan_and_the_history_still_answers_who_was_tied_or_visited_before(string provider)
    {
        var (t, db, author, village, households, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        // A cadre tied to a village in the plan, and a household of that village visited in June.
        var tie = await db.LiaisonTies.Where(x => x.Until == null && x.CadreId != null && x.DivisionCode == village && x.CadreId != author.CadreId).OrderBy(x => x.Id).FirstOrDefaultAsync()
            ?? await db.LiaisonTies.Where(x => x.Until == null && x.CadreId != null && x.DivisionCode.Length == 12).OrderBy(x => x.Id).FirstAsync();
        var cadre = await db.Cadres.SingleAsync(c => c.Id == tie.CadreId);
        var household = households[0];
        var visit = new VisitInput(Guid.NewGuid(), household, new DateTimeOffset(2026, 6, 14, 9, 30, 0, ChinaTime.Offset), "了解情况", null, null, []);
        Assert.Equal(RecordOutcome.Stored, Assert.Single(await FieldStore.SaveVisitsAsync(db, clock, author, [visit], default)).Outcome);
        await FieldRollups.DrainAllAsync(db, default);

        MoveClockTo(clock, Later);
        var retired = await RegistryStore.ChangeCadreAsync(db, clock, Office, Scope.Everything, cadre.Code, new RegistryChange(RegistryAction.Retired, Left, "到龄退休"), default);
        var moved = await RegistryStore.ChangeHouseholdAsync(db, clock, Office, Scope.Everything, household, new RegistryChange(RegistryAction.MovedOut, Left, "全家迁往城区"), null, default);

        // The retirement ended the cadre's ties on the day, with the reason; the plan is told where to re-plan.
        Assert.True(retired.TiesEnded >= 1);
        Assert.Contains(tie.DivisionCode, retired.Replan);
        var ended = await db.LiaisonTies.AsNoTracking().SingleAsync(x => x.Id == tie.Id);
        Assert.Equal(Left, ended.Until);
        Assert.Equal("退休：到龄退休", ended.EndReason);
        Assert.Equal((CadreStatus.Retired, Left), await db.Cadres.Where(c => c.Id == cadre.Id).Select(c => new ValueTuple<CadreStatus, DateOnly?>(c.Status, c.StatusSince)).SingleAsync());

        // The next re-plan ties the retired cadre nowhere and fills the gap with someone else.
        var run = await LiaisonStore.PlanAsync(db, clock, Office, 2026, Later, default);
        Assert.DoesNotContain(run.World.Cadres, c => c.Id == cadre.Id);
        Assert.False(await db.LiaisonTies.AnyAsync(x => x.CadreId == cadre.Id && x.Until == null));
        Assert.True(await db.LiaisonTies.AnyAsync(x => x.DivisionCode == tie.DivisionCode && x.Until == null && x.CadreId != cadre.Id));

        // The household is no longer counted, yet its row and its visit are there as they were.
        var stored = await db.Households.AsNoTracking().SingleAsync(h => h.Id == household);
        Assert.Equal(HouseholdStatus.MovedOut, stored.Status);
        var current = await db.Households.CountAsync(h => h.VillageCode == village && h.Status == HouseholdStatus.Current);
        Assert.Equal(households.Count - 1, current);
        Assert.Equal(current, (await RollupStore.ForDivisionAsync(db, village, default))[Indicators.Households.Id]);
        var mine = await FieldQueries.MineAsync(db, clock, author.CadreId, default);
        Assert.DoesNotContain(mine.Villages.SelectMany(v => v.HouseholdList), h => h.Id == household);
        Assert.Equal(moved.Event.RecordId, household);

        // History: who was tied here on 20 June, and who was visited before.
        var onJune20 = await TieHistory.HeldOn(db.LiaisonTies.AsNoTracking().Where(x => x.DivisionCode == tie.DivisionCode), new DateOnly(2026, 6, 20)).ToListAsync();
        Assert.Contains(onJune20, x => x.CadreId == cadre.Id);
        var onJuly5 = await TieHistory.HeldOn(db.LiaisonTies.AsNoTracking().Where(x => x.DivisionCode == tie.DivisionCode), new DateOnly(2026, 7, 5)).ToListAsync();
        Assert.DoesNotContain(onJuly5, x => x.CadreId == cadre.Id);
        var visited = await db.HouseholdVisits.AsNoTracking().SingleAsync(v => v.ClientId == visit.Id);
        Assert.Equal((household, new DateOnly(2026, 6, 14)), (visited.HouseholdId, visited.VisitedOn));

        // Every change is in the history and the audit log; the figures agree with a recount.
        Assert.Equal([RegistryAction.Retired], (await RegistryStore.HistoryAsync(db, RegistryKind.Cadre, cadre.Id, default)).Select(e => e.Action));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "cadre.retired" && e.EntityKey == cadre.Code));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "household.moved-out" && e.DivisionCode == village));
        var recount = Rollup.ToAllLevels(await RollupStore.LeavesAsync(db, RollupFamily.Households, default)).Where(v => v.DivisionCode == village && v.Month == 0)
            .ToDictionary(v => v.IndicatorId, v => v.Value);
        var storedFigures = await RollupStore.ForDivisionAsync(db, village, default);
        Assert.All(recount, kv => Assert.Equal(kv.Value, storedFigures.GetValueOrDefault(kv.Key)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_suspended_cadre_keeps_the_ties_until_the_replan_ends_them_and_a_reinstated_one_can_be_planned_again(string provider)
    {
        var (t, db, _, _, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        MoveClockTo(clock, Later);
        var tie = await db.LiaisonTies.AsNoTracking().Where(x => x.Until == null && x.CadreId != null && x.Origin == TieOrigin.Planner && !x.Locked).OrderBy(x => x.Id).FirstAsync();
        var code = await db.Cadres.Where(c => c.Id == tie.CadreId).Select(c => c.Code).SingleAsync();

        var suspended = await RegistryStore.ChangeCadreAsync(db, clock, Office, Scope.Everything, code, new RegistryChange(RegistryAction.Suspended, Left, "接受审查"), default);
        Assert.Equal(0, suspended.TiesEnded);
        Assert.Null((await db.LiaisonTies.AsNoTracking().SingleAsync(x => x.Id == tie.Id)).Until);

        await LiaisonStore.PlanAsync(db, clock, Office, 2026, Later, default);
        var ended = await db.LiaisonTies.AsNoTracking().SingleAsync(x => x.Id == tie.Id);
        Assert.Equal(Later, ended.Until);
        Assert.Contains("tie.rank", ended.EndReason, StringComparison.Ordinal);
        Assert.False(await db.LiaisonTies.AnyAsync(x => x.CadreId == tie.CadreId && x.Until == null));

        await RegistryStore.ChangeCadreAsync(db, clock, Office, Scope.Everything, code, new RegistryChange(RegistryAction.Reinstated, Later, "审查结束"), default);
        Assert.Equal(CadreStatus.Active, await db.Cadres.Where(c => c.Code == code).Select(c => c.Status).SingleAsync());
        var history = await RegistryStore.HistoryAsync(db, RegistryKind.Cadre, tie.CadreId!.Value, default);
        Assert.Equal([RegistryAction.Reinstated, RegistryAction.Suspended], history.Select(e => e.Action));
        var run = await LiaisonStore.PlanAsync(db, clock, Office, 2026, Later, default);
        Assert.Contains(run.World.Cadres, c => c.Code == code);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_transferred_first_secretary_leaves_the_posting_with_the_reason_and_moves_to_the_new_unit(string provider)
    {
        var (t, db, author, village, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        MoveClockTo(clock, Later);
        var cadre = await db.Cadres.AsNoTracking().SingleAsync(c => c.Id == author.CadreId);
        var to = await db.Units.AsNoTracking().Where(u => u.Id != cadre.UnitId).OrderBy(u => u.Code).FirstAsync();

        var outcome = await RegistryStore.ChangeCadreAsync(db, clock, Office, Scope.Everything, cadre.Code, new RegistryChange(RegistryAction.Transferred, Left, "工作调动", to.Code), default);

        Assert.Equal(1, outcome.PostingsEnded);
        var posting = await db.SecretaryPostings.AsNoTracking().Where(p => p.CadreId == cadre.Id).OrderBy(p => p.Id).LastAsync();
        Assert.Equal((Left, "调动：工作调动"), (posting.Until, posting.EndReason));
        Assert.Contains(village, outcome.Replan);
        var after = await db.Cadres.AsNoTracking().SingleAsync(c => c.Id == cadre.Id);
        Assert.Equal((to.Id, CadreStatus.Active, cadre.Version + 1), (after.UnitId, after.Status, after.Version));
        var e = Assert.Single(await RegistryStore.HistoryAsync(db, RegistryKind.Cadre, cadre.Id, default));
        Assert.Equal((RegistryAction.Transferred, to.Code, "工作调动"), (e.Action, e.OtherKey, e.Reason));
        // Who was posted there on 20 June still answers.
        Assert.Contains(await TieHistory.HeldOn(db.SecretaryPostings.AsNoTracking().Where(p => p.VillageCode == village), new DateOnly(2026, 6, 20)).ToListAsync(), p => p.CadreId == cadre.Id);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_merged_unit_hands_its_cadres_to_the_survivor_and_its_pairings_end(string provider)
    {
        var (t, db, _, _, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        MoveClockTo(clock, Later);
        var pairing = await db.LiaisonTies.AsNoTracking().Where(x => x.Kind == TieKind.Pairing && x.Until == null).OrderBy(x => x.Id).FirstAsync();
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == pairing.UnitId);
        var survivor = await db.Units.AsNoTracking().Where(u => u.Id != unit.Id && u.DivisionCode == unit.DivisionCode).OrderBy(u => u.Code).FirstAsync();
        var staff = await db.Cadres.Where(c => c.UnitId == unit.Id).Select(c => c.Id).ToListAsync();
        Assert.NotEmpty(staff);

        var outcome = await RegistryStore.ChangeUnitAsync(db, clock, Office, Scope.Everything, unit.Code, new RegistryChange(RegistryAction.Merged, Left, "机构改革合并", survivor.Code), null, null, default);

        Assert.Equal(staff.Count, await db.Cadres.CountAsync(c => staff.Contains(c.Id) && c.UnitId == survivor.Id));
        var merged = await db.Units.AsNoTracking().SingleAsync(u => u.Id == unit.Id);
        Assert.Equal((UnitStatus.Merged, survivor.Id, (DateOnly?)Left), (merged.Status, merged.MergedIntoId, merged.StatusSince));
        var ended = await db.LiaisonTies.AsNoTracking().SingleAsync(x => x.Id == pairing.Id);
        Assert.Equal((Left, "合并：机构改革合并"), (ended.Until, ended.EndReason));
        Assert.Contains(pairing.DivisionCode, outcome.Replan);
        // Each cadre who moved has the transfer in their own history.
        Assert.Equal(staff.Count, await db.RegistryEvents.CountAsync(e => e.Kind == RegistryKind.Cadre && e.Action == RegistryAction.Transferred && e.OtherKey == survivor.Code));
        // The merged unit no longer counts, nor can it take a cadre.
        var run = await LiaisonStore.PlanAsync(db, clock, Office, 2026, Later, default);
        Assert.False(run.World.Units.ContainsKey(unit.Id));
        var someone = await db.Cadres.Where(c => c.UnitId == survivor.Id).Select(c => c.Code).FirstAsync();
        var refused = await Assert.ThrowsAsync<RefusedException>(() => RegistryStore.ChangeCadreAsync(db, clock, Office, Scope.Everything,
            someone, new RegistryChange(RegistryAction.Transferred, Left, "试", unit.Code), default));
        Assert.Equal("unit-not-open", Assert.Single(refused.Problems).Code);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_second_save_over_a_changed_record_is_refused_with_what_changed_and_writes_nothing(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        await using var db = t.Open();
        await Demo.DemoSeeder.SeedAsync(db, TimeProvider.System, Demo.DemoScale.Small, 1, null, default);
        var clock = FieldWorkTests.Clock();
        var cadre = await db.Cadres.AsNoTracking().OrderBy(c => c.Code).FirstAsync();
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == cadre.UnitId);
        var seen = cadre.Version;
        CadreInput Form(string name) => new(cadre.Code, name, unit.Code, cadre.Rank, cadre.IsReserve, cadre.IsPolice, cadre.IsNewlyPromoted, cadre.BirthYear, cadre.Gender, "13800000000");

        await RegistryStore.EditCadreAsync(db, clock, new Actor("first"), Scope.Everything, cadre.Code, Form("张三丰"), seen, default);
        var refused = await Assert.ThrowsAsync<RefusedException>(() => RegistryStore.EditCadreAsync(db, clock, new Actor("second"), Scope.Everything, cadre.Code, Form("李四"), seen, default));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal("changed", problem.Code);
        Assert.Contains("first", problem.Zh, StringComparison.Ordinal);
        Assert.Contains("姓名", problem.Zh, StringComparison.Ordinal);
        Assert.Contains("手机号码", problem.Zh, StringComparison.Ordinal);
        Assert.Contains("Name", problem.En, StringComparison.Ordinal);
        var after = await db.Cadres.AsNoTracking().SingleAsync(c => c.Id == cadre.Id);
        Assert.Equal(("张三丰", "13800000000", seen + 1), (after.Name, after.Phone, after.Version));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "cadre.edit"));
        // The phone is sealed as the importers seal it: not in the column as text.
        var raw = await db.Database.SqlQueryRaw<string>("SELECT phone AS \"Value\" FROM cadres WHERE code = {0}", cadre.Code).SingleAsync();
        Assert.DoesNotContain("13800000000", raw, StringComparison.Ordinal);
        // Outside the scope, the same cadre does not exist.
        var outside = await Assert.ThrowsAsync<RefusedException>(() => RegistryStore.EditCadreAsync(db, clock, Office, Scope.Division("370830999"), cadre.Code, Form("王五"), null, default));
        Assert.Equal("not-found", Assert.Single(outside.Problems).Code);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_household_splits_and_merges_within_its_village_keeping_both_rows(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        await using var db = t.Open();
        await Demo.DemoSeeder.SeedAsync(db, TimeProvider.System, Demo.DemoScale.Small, 1, null, default);
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await RollupStore.RefreshAsync(db, default);
            await tx.CommitAsync();
        }
        var clock = FieldWorkTests.Clock();
        var big = await db.Households.AsNoTracking().Where(h => h.MemberCount >= 3).OrderBy(h => h.Id).FirstAsync();
        var residents = (await RollupStore.ForDivisionAsync(db, big.VillageCode, default))[Indicators.Residents.Id];
        var count = (await RollupStore.ForDivisionAsync(db, big.VillageCode, default))[Indicators.Households.Id];

        var split = await RegistryStore.ChangeHouseholdAsync(db, clock, Office, Scope.Everything, big.Id, new RegistryChange(RegistryAction.Split, new DateOnly(2026, 6, 1), "子女分户"),
            new HouseholdInput("", big.HouseNo + "-1", "王小明", null, 1, HouseholdCategory.None), default);
        var created = await db.Households.AsNoTracking().SingleAsync(h => h.Id == long.Parse(split.NewKey!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((big.VillageCode, "王小明"), (created.VillageCode, created.HeadName));
        Assert.Equal(big.Id, await db.HouseholdLinks.Where(l => l.HouseholdId == created.Id && l.Kind == HouseholdLinkKind.SplitFrom).Select(l => l.OtherId).SingleAsync());
        Assert.Equal(big.MemberCount - 1, await db.Households.Where(h => h.Id == big.Id).Select(h => h.MemberCount).SingleAsync());
        Assert.Equal(count + 1, (await RollupStore.ForDivisionAsync(db, big.VillageCode, default))[Indicators.Households.Id]);

        await RegistryStore.ChangeHouseholdAsync(db, clock, Office, Scope.Everything, created.Id, new RegistryChange(RegistryAction.Merged, new DateOnly(2026, 6, 10), "回原户", big.HouseNo), null, default);
        var merged = await db.Households.AsNoTracking().SingleAsync(h => h.Id == created.Id);
        Assert.Equal(HouseholdStatus.Merged, merged.Status);
        // A household split off and merged back keeps both links.
        Assert.Equal([(HouseholdLinkKind.MergedInto, big.Id), (HouseholdLinkKind.SplitFrom, big.Id)],
            (await db.HouseholdLinks.Where(l => l.HouseholdId == created.Id).OrderBy(l => l.Kind).ToListAsync()).Select(l => (l.Kind, l.OtherId)));
        Assert.Equal(big.MemberCount, await db.Households.Where(h => h.Id == big.Id).Select(h => h.MemberCount).SingleAsync());
        var figures = await RollupStore.ForDivisionAsync(db, big.VillageCode, default);
        Assert.Equal((count, residents), (figures[Indicators.Households.Id], figures[Indicators.Residents.Id]));
        // A house number once used stays with its household.
        var again = await Assert.ThrowsAsync<RefusedException>(() => RegistryStore.AddHouseholdAsync(db, clock, Office, Scope.Everything,
            new HouseholdInput(big.VillageCode, created.HouseNo, "赵六", null, 2, HouseholdCategory.None), new DateOnly(2026, 6, 12), null, default));
        Assert.Equal("duplicate", Assert.Single(again.Problems).Code);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_older_database_keeps_its_merged_and_split_households_linked_when_the_links_leave_the_households_table(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider, migrate: false);
        long[] ids;
        await using (var db = t.Open())
        {
            var all = db.Database.GetMigrations().ToList();
            var mine = all.FindIndex(m => m.EndsWith("_HouseholdLinksApart", StringComparison.Ordinal));
            Assert.True(mine > 0);
            await db.GetService<IMigrator>().MigrateAsync(all[mine - 1]);
            db.Divisions.AddRange(
                new Division { Code = "62", Name = "甘肃省", Level = DivisionLevel.Province },
                new Division { Code = "6209", Name = "酒泉市", Level = DivisionLevel.City, ParentCode = "62" },
                new Division { Code = "620924", Name = "阿克塞哈萨克族自治县", Level = DivisionLevel.County, ParentCode = "6209" },
                new Division { Code = "620924100", Name = "红柳湾镇", Level = DivisionLevel.Township, ParentCode = "620924" },
                new Division { Code = "620924100201", Name = "加尔乌宗村委会", Level = DivisionLevel.Village, ParentCode = "620924100", VillageKind = VillageKind.Village });
            var households = Enumerable.Range(1, 3).Select(i => new Household { VillageCode = "620924100201", HouseNo = i + "号", HeadName = "户主" + i, MemberCount = 2 }).ToList();
            db.Households.AddRange(households);
            await db.SaveChangesAsync();
            ids = households.Select(h => h.Id).ToArray();
            // As the older schema held them: the second household split from the first, the third merged into the first.
            await db.Database.ExecuteSqlAsync($"UPDATE households SET split_from_id = {ids[0]} WHERE id = {ids[1]}");
            await db.Database.ExecuteSqlAsync($"UPDATE households SET merged_into_id = {ids[0]}, status = {(int)HouseholdStatus.Merged} WHERE id = {ids[2]}");
        }
        await using (var db = t.Open())
        {
            await Liaison.Data.Database.Schema.MigrateAsync(db, default);
        }
        await using (var db = t.Open())
        {
            var links = await db.HouseholdLinks.AsNoTracking().OrderBy(l => l.HouseholdId).ToListAsync();
            Assert.Equal([(ids[1], HouseholdLinkKind.SplitFrom, ids[0]), (ids[2], HouseholdLinkKind.MergedInto, ids[0])], links.Select(l => (l.HouseholdId, l.Kind, l.OtherId)));
            Assert.Equal(3, await db.Households.CountAsync());
        }
    }
}
