using Liaison.Data.Audit;
using Liaison.Data.Divisions;
using Liaison.Data.Import;
using Liaison.Data.People;
using Liaison.Data.Reporting;
using Liaison.Domain.Access;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Reporting;
using Liaison.Domain.Shared;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Tests;

/// <summary>
/// An import declared complete for a scope (<c>--complete-for</c>): the preview lists who is missing,
/// the import ends them by the registry's rules (ties with them), never by surprise and never outside
/// the scope; imports keep the registry's versions; a moved-out household's number is not rewritten.
/// </summary>
public class CompleteScopeImportTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private const string Divisions = DivisionImportTests.Base +
        "370830100202,后村村委会,village,370830100,village\n370830101,次丘镇,township,370830,\n370830101201,东村村委会,village,370830101,village\n";

    private const string Units = "单位编码,单位名称,层级,类别,所属行政区划代码\n" +
        "U1,汶上县公安局,县级,政法部门,370830\n" +
        "U2,南站镇党委政府,乡镇级,党政部门,370830100\n" +
        "U3,汶上县财政局,县级,经济部门,370830\n";

    private const string CadreHeader = "干部编号,姓名,单位编码,项目角色,出生年份,性别\n";

    private const string Cadres = CadreHeader +
        "C1,张伟,U1,一般干部,1985,男\nC2,李娜,U1,一般干部,1979,女\nC3,王强,U2,一般干部,1980,男\nC4,赵敏,U3,一般干部,1990,女\n";

    private const string HouseholdHeader = "村代码,门牌号,户主姓名,户主电话,家庭人口\n";

    private const string Households = HouseholdHeader +
        "370830100201,1号,王芳,,4\n370830100201,2号,赵强,,2\n370830100201,3号,钱七,,3\n370830100202,1号,孙八,,5\n";

    private static FixedClock Clock() => new(new DateTimeOffset(Today.ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset));

    private static async Task<(TestDb, LiaisonDb, TestFiles)> ReadyAsync(string provider, FixedClock clock)
    {
        var t = await TestDb.CreateAsync(provider);
        var files = new TestFiles();
        var db = t.Open();
        await DivisionImporter.ImportAsync(db, clock, files.Text("d.csv", Divisions), null, null, default);
        await new UnitImporter(clock).ImportAsync(db, files.Text("u.csv", Units), null, default);
        await new CadreImporter(clock).ImportAsync(db, files.Text("c.csv", Cadres), null, default);
        await new HouseholdImporter(clock).ImportAsync(db, files.Text("h.csv", Households), null, default);
        return (t, db, files);
    }

    private static Task<CadreStatus> StatusAsync(LiaisonDb db, string code) => db.Cadres.AsNoTracking().Where(c => c.Code == code).Select(c => c.Status).SingleAsync();

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_unit_roster_declared_complete_lists_who_is_missing_and_ends_them_as_left_with_their_ties(string provider)
    {
        var clock = Clock();
        var (t, db, files) = await ReadyAsync(provider, clock);
        await using (t)
        await using (db)
        using (files)
        {
            var li = await db.Cadres.AsNoTracking().SingleAsync(c => c.Code == "C2");
            db.LiaisonTies.Add(new LiaisonTie { Year = 2026, Kind = TieKind.Stationed, CadreId = li.Id, DivisionCode = "370830100201", Since = new DateOnly(2026, 3, 1), Origin = TieOrigin.Planner, ChangedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            var roster = files.Text("u1.csv", CadreHeader + "C1,张伟,U1,一般干部,1985,男\n");

            // Without --complete-for nothing is ended, whatever the file leaves out.
            var plain = await new CadreImporter(clock).PreviewAsync(db, roster, default);
            Assert.Equal(0, plain.Ends);
            Assert.Empty(plain.Ended);

            // The preview lists the unit's cadre the file leaves out, and what ending means; it writes nothing.
            var preview = await new CadreImporter(clock) { CompleteFor = "unit:U1" }.PreviewAsync(db, roster, default);
            Assert.True(preview.Acceptable);
            Assert.Equal(1, preview.Ends);
            var ended = Assert.Single(preview.Ended);
            Assert.Equal("C2", ended.Key);
            Assert.Contains("离职", ended.Reason.Zh);
            Assert.Contains("李娜", ended.Reason.Zh);
            Assert.Contains("left", ended.Reason.En);
            Assert.Equal(CadreStatus.Active, await StatusAsync(db, "C2"));

            var result = await new CadreImporter(clock) { CompleteFor = "unit:U1" }.ImportAsync(db, roster, null, default, new Actor("office-test"));
            Assert.Equal(1, result.Report!.Ends);
            var gone = await db.Cadres.AsNoTracking().SingleAsync(c => c.Code == "C2");
            Assert.Equal((CadreStatus.Left, (DateOnly?)Today), (gone.Status, gone.StatusSince));
            // Only the declared unit's cadres: the township's and the other county unit's stay.
            Assert.Equal(CadreStatus.Active, await StatusAsync(db, "C1"));
            Assert.Equal(CadreStatus.Active, await StatusAsync(db, "C3"));
            Assert.Equal(CadreStatus.Active, await StatusAsync(db, "C4"));
            // The tie ended on the day with the reason, as any departure does; the history and the audit log say why.
            var tie = await db.LiaisonTies.AsNoTracking().SingleAsync(x => x.CadreId == li.Id);
            Assert.Equal(Today, tie.Until);
            Assert.Contains("不在", tie.EndReason);
            var history = await RegistryStore.HistoryAsync(db, RegistryKind.Cadre, li.Id, default);
            var left = Assert.Single(history, e => e.Action == RegistryAction.Left);
            Assert.Contains("汶上县公安局", left.Reason);
            Assert.Equal("office-test", left.Actor);
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "cadre.left" && e.EntityKey == "C2"));
            var audit = await db.AuditEntries.OrderBy(e => e.Id).LastAsync(e => e.Action == "import.cadres");
            Assert.Contains("\"ended\":1", audit.After);
            Assert.Null((await AuditLog.VerifyAsync(db, default)).FirstBrokenId);
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_row_outside_the_declared_scope_or_an_unknown_scope_is_refused_and_nothing_is_ended(string provider)
    {
        var clock = Clock();
        var (t, db, files) = await ReadyAsync(provider, clock);
        await using (t)
        await using (db)
        using (files)
        {
            // C3 serves in the township's unit: not of the county unit U1.
            var file = files.Text("mixed.csv", CadreHeader + "C1,张伟,U1,一般干部,1985,男\nC3,王强,U2,一般干部,1980,男\n");
            var preview = await new CadreImporter(clock) { CompleteFor = "unit:U1" }.PreviewAsync(db, file, default);
            Assert.False(preview.Acceptable);
            var problem = Assert.Single(preview.Problems);
            Assert.Equal((3L, "单位编码", ImportReason.OutsideScope), (problem.Line, problem.Column, problem.Reason));
            Assert.Contains("汶上县公安局", problem.Message().Zh);
            Assert.Contains("outside the scope", problem.Message().En);
            var refused = await Assert.ThrowsAsync<ImportRefusedException>(() => new CadreImporter(clock) { CompleteFor = "unit:U1" }.ImportAsync(db, file, null, default));
            Assert.Equal(ImportReason.OutsideScope, Assert.Single(refused.ImportProblems).Reason);
            Assert.Equal(CadreStatus.Active, await StatusAsync(db, "C2"));

            // A file with its header only is a wrong file, not "everyone has gone": refused, nothing ended.
            var empty = files.Text("empty.csv", CadreHeader);
            var emptyPreview = await new CadreImporter(clock) { CompleteFor = "unit:U1" }.PreviewAsync(db, empty, default);
            Assert.Equal((ImportReason.EmptyCompleteRoster, false), (Assert.Single(emptyPreview.Problems).Reason, emptyPreview.Acceptable));
            Assert.Contains("这会结束其全部", emptyPreview.Problems[0].Message().Zh);
            var emptyRefused = await Assert.ThrowsAsync<ImportRefusedException>(() => new CadreImporter(clock) { CompleteFor = "unit:U1" }.ImportAsync(db, empty, null, default));
            Assert.Equal(ImportReason.EmptyCompleteRoster, Assert.Single(emptyRefused.ImportProblems).Reason);
            Assert.Equal(CadreStatus.Active, await StatusAsync(db, "C1"));

            // A township's roster: every unit of the township and below; the county's units are outside it.
            var township = await new CadreImporter(clock) { CompleteFor = "370830100" }.PreviewAsync(db, files.Text("t.csv", CadreHeader + "C3,王强,U2,一般干部,1980,男\n"), default);
            Assert.True(township.Acceptable);
            Assert.Equal(0, township.Ends);

            foreach (var bad in new[] { "unit:NOPE", "370830100201", "999999" })
            {
                var unknown = await new CadreImporter(clock) { CompleteFor = bad }.PreviewAsync(db, file, default);
                Assert.Equal(ImportReason.UnknownScope, Assert.Single(unknown.Problems).Reason);
                Assert.Equal("--complete-for", unknown.Problems[0].Column);
            }
            // A household roster is complete for a village or a township only, and its rows must lie there.
            var households = await new HouseholdImporter(clock) { CompleteFor = "370830100202" }.PreviewAsync(db,
                files.Text("hh.csv", HouseholdHeader + "370830100201,1号,王芳,,4\n"), default);
            Assert.Equal((2L, "村代码", ImportReason.OutsideScope), (households.Problems[0].Line, households.Problems[0].Column, households.Problems[0].Reason));
            var county = await new HouseholdImporter(clock) { CompleteFor = "370830" }.PreviewAsync(db, files.Text("hh2.csv", HouseholdHeader), default);
            Assert.Equal(ImportReason.UnknownScope, Assert.Single(county.Problems).Reason);
            Assert.False(await db.Households.AnyAsync(h => h.Status != HouseholdStatus.Current));
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_village_roster_declared_complete_moves_out_the_households_it_leaves_out_and_the_figures_follow(string provider)
    {
        var clock = Clock();
        var (t, db, files) = await ReadyAsync(provider, clock);
        await using (t)
        await using (db)
        using (files)
        {
            var roster = files.Text("v.csv", HouseholdHeader + "370830100201,1号,王芳,,4\n370830100201,2号,赵强,,2\n");
            var preview = await new HouseholdImporter(clock) { CompleteFor = "370830100201" }.PreviewAsync(db, roster, default);
            var ended = Assert.Single(preview.Ended);
            Assert.Equal("370830100201/3号", ended.Key);
            // The head's name masked, as the preview shows personal data elsewhere.
            Assert.DoesNotContain("钱七", ended.Reason.Zh);
            Assert.Contains("迁出", ended.Reason.Zh);

            var result = await new HouseholdImporter(clock) { CompleteFor = "370830100201" }.ImportAsync(db, roster, null, default);
            Assert.Equal(1, result.Report!.Ends);
            var moved = await db.Households.AsNoTracking().SingleAsync(h => h.VillageCode == "370830100201" && h.HouseNo == "3号");
            Assert.Equal((HouseholdStatus.MovedOut, (DateOnly?)Today), (moved.Status, moved.StatusSince));
            Assert.Equal(HouseholdStatus.Current, (await db.Households.AsNoTracking().SingleAsync(h => h.VillageCode == "370830100202")).Status);
            Assert.Equal(2, (await RollupStore.ForDivisionAsync(db, "370830100201", default))[Indicators.Households.Id]);
            Assert.Equal(3, (await RollupStore.ForDivisionAsync(db, "370830", default))[Indicators.Households.Id]);
            Assert.Single(await RegistryStore.HistoryAsync(db, RegistryKind.Household, moved.Id, default), e => e.Action == RegistryAction.MovedOut);

            // The same complete roster again: nothing left to end, and the moved-out household is not listed.
            var again = await new HouseholdImporter(clock) { CompleteFor = "370830100201" }.PreviewAsync(db, roster, default);
            Assert.Equal(0, again.Ends);
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_record_an_import_changes_gets_a_new_version_so_that_a_form_opened_before_is_refused(string provider)
    {
        var clock = Clock();
        var (t, db, files) = await ReadyAsync(provider, clock);
        await using (t)
        await using (db)
        using (files)
        {
            var before = await db.Cadres.AsNoTracking().SingleAsync(c => c.Code == "C1");
            var household = await db.Households.AsNoTracking().SingleAsync(h => h.VillageCode == "370830100202");
            Assert.Equal(1, before.Version);

            // An unchanged row keeps its version; a changed one gets the next, with the fields in its history.
            await new CadreImporter(clock).ImportAsync(db, files.Text("same.csv", Cadres), null, default);
            Assert.Equal(1, (await db.Cadres.AsNoTracking().SingleAsync(c => c.Code == "C1")).Version);
            await new CadreImporter(clock).ImportAsync(db, files.Text("new.csv", CadreHeader + "C1,张伟,U1,一般干部,1986,男\n"), null, default);
            var after = await db.Cadres.AsNoTracking().SingleAsync(c => c.Code == "C1");
            Assert.Equal(2, after.Version);
            var edit = Assert.Single(await RegistryStore.HistoryAsync(db, RegistryKind.Cadre, after.Id, default));
            Assert.Equal((RegistryAction.Edited, "birthYear", 2), (edit.Action, edit.Fields, edit.Version));
            Assert.Contains("new.csv", edit.Reason);

            // The form saved with the version it was opened at is refused, saying what the import changed.
            var input = new CadreInput("C1", "张伟伟", "U1", CadreRank.Ordinary, false, false, false, 1985, Gender.Male, null);
            var refused = await Assert.ThrowsAnyAsync<RefusedException>(() => RegistryStore.EditCadreAsync(db, clock, new Actor("office-test"), Scope.Everything, "C1", input, before.Version, default));
            Assert.Equal("changed", Assert.Single(refused.Problems).Code);
            Assert.Contains("出生年份", refused.Problems[0].Zh);
            Assert.Equal("张伟", (await db.Cadres.AsNoTracking().SingleAsync(c => c.Code == "C1")).Name);

            await new HouseholdImporter(clock).ImportAsync(db, files.Text("h2.csv", HouseholdHeader + "370830100202,1号,孙八,,6\n"), null, default);
            var changed = await db.Households.AsNoTracking().SingleAsync(h => h.Id == household.Id);
            Assert.Equal((6, household.Version + 1), (changed.MemberCount, changed.Version));
            var form = new HouseholdInput("370830100202", "1号", null, null, 7, HouseholdCategory.None);
            var stale = await Assert.ThrowsAnyAsync<RefusedException>(() => RegistryStore.EditHouseholdAsync(db, clock, new Actor("office-test"), Scope.Everything, household.Id, form, household.Version, default));
            Assert.Equal("changed", Assert.Single(stale.Problems).Code);

            var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Code == "U3");
            await new UnitImporter(clock).ImportAsync(db, files.Text("u2.csv", "单位编码,单位名称,层级,类别,所属行政区划代码\nU3,汶上县财政局（国资办）,县级,经济部门,370830\n"), null, default);
            Assert.Equal(unit.Version + 1, (await db.Units.AsNoTracking().SingleAsync(u => u.Code == "U3")).Version);
            var unitForm = new UnitInput("U3", "汶上县财政局", UnitLevel.County, UnitCategory.Economic, "370830");
            var staleUnit = await Assert.ThrowsAnyAsync<RefusedException>(() => RegistryStore.EditUnitAsync(db, clock, new Actor("office-test"), Scope.Everything, "U3", unitForm, unit.Version, default));
            Assert.Contains("名称", Assert.Single(staleUnit.Problems).Zh);
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_household_row_at_a_moved_out_households_house_number_is_refused_as_the_form_refuses_it(string provider)
    {
        var clock = Clock();
        var (t, db, files) = await ReadyAsync(provider, clock);
        await using (t)
        await using (db)
        using (files)
        {
            var old = await db.Households.AsNoTracking().SingleAsync(h => h.VillageCode == "370830100201" && h.HouseNo == "3号");
            await RegistryStore.ChangeHouseholdAsync(db, clock, new Actor("office-test"), Scope.Everything, old.Id, new RegistryChange(RegistryAction.MovedOut, new DateOnly(2026, 11, 20), "全家迁往城区"), null, default);
            var file = files.Text("new.csv", HouseholdHeader + "370830100201,1号,王芳,,4\n370830100201,3号,周九,,2\n");

            var preview = await new HouseholdImporter(clock).PreviewAsync(db, file, default);
            var problem = Assert.Single(preview.Problems);
            Assert.Equal((3L, "门牌号", ImportReason.HouseNoEnded), (problem.Line, problem.Column, problem.Reason));
            Assert.Contains("已迁出（2026-11-20）", problem.Message().Zh);
            Assert.Contains("3号-1", problem.Message().Zh);
            Assert.Contains("moved out", problem.Message().En);
            await Assert.ThrowsAsync<ImportRefusedException>(() => new HouseholdImporter(clock).ImportAsync(db, file, null, default));
            var stored = await db.Households.AsNoTracking().SingleAsync(h => h.Id == old.Id);
            Assert.Equal(("钱七", 3, HouseholdStatus.MovedOut), (stored.HeadName, stored.MemberCount, stored.Status));

            // Another number for the new family is a new household beside the old row.
            await new HouseholdImporter(clock).ImportAsync(db, files.Text("ok.csv", HouseholdHeader + "370830100201,3号-1,周九,,2\n"), null, default);
            Assert.Equal(HouseholdStatus.Current, (await db.Households.AsNoTracking().SingleAsync(h => h.HouseNo == "3号-1")).Status);
        }
    }
}
