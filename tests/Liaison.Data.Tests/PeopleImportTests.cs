using System.Text;
using Liaison.Data.Divisions;
using Liaison.Data.Import;
using Liaison.Data.People;
using Liaison.Data.Reporting;
using Liaison.Domain.People;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Liaison.Data.Tests;

public class PeopleImportTests
{
    private const string Units = "单位编码,单位名称,层级,类别,所属行政区划代码\n" +
        "U1,汶上县公安局,县级,政法部门,370830\n" +
        "U2,南站镇党委政府,乡镇级,党政部门,370830100\n";

    private const string Cadres = "干部编号,姓名,单位编码,职级,后备干部,民警,出生年份,性别,手机号码\n" +
        "C1,张伟,U1,一般干部,否,是,1985,男,14000000001\n" +
        "C2,李娜,U2,乡镇党政班子成员,是,否,1979,女,\n";

    private const string HouseholdHeader = "村代码,门牌号,户主姓名,户主电话,家庭人口,老党员,老干部,老模范,困难户,富裕户,上访户\n";

    private static async Task<(TestDb, LiaisonDb, TestFiles)> ReadyAsync(string provider)
    {
        var t = await TestDb.CreateAsync(provider);
        var files = new TestFiles();
        var db = t.Open();
        await DivisionImporter.ImportAsync(db, TimeProvider.System, files.Text("base.csv", DivisionImportTests.Base), null, null, default);
        return (t, db, files);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Units_cadres_and_households_import_from_gbk_csv_and_xlsx(string provider)
    {
        var (t, db, files) = await ReadyAsync(provider);
        await using (t)
        await using (db)
        using (files)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            var units = await new UnitImporter(TimeProvider.System).ImportAsync(db, files.Bytes("units.csv", Encoding.GetEncoding("GB18030").GetBytes(Units)), null, default);
            var xlsx = Path.Combine(files.Dir, "cadres.xlsx");
            MiniExcel.SaveAs(xlsx, CsvRows(Cadres));
            var cadres = await new CadreImporter(TimeProvider.System).ImportAsync(db, xlsx, null, default);
            var households = await new HouseholdImporter(TimeProvider.System).ImportAsync(db, files.Text("h.csv", HouseholdHeader +
                "370830100201,1号,王芳,14000000002,4,是,否,否,是,否,否\n370830100201,2号,赵强,,2,,,,,,\n"), null, default);

            Assert.Equal(2, units.Rows);
            Assert.Equal(2, cadres.Rows);
            Assert.Equal(2, households.Rows);
            var unit = await db.Units.SingleAsync(u => u.Code == "U1");
            Assert.Equal("汶上县公安局", unit.Name);
            Assert.Equal(UnitCategory.PoliticalLegal, unit.Category);
            var zhang = await db.Cadres.SingleAsync(c => c.Code == "C1");
            Assert.True(zhang.IsPolice);
            Assert.Equal(unit.Id, zhang.UnitId);
            Assert.Equal("14000000001", zhang.Phone);
            var li = await db.Cadres.SingleAsync(c => c.Code == "C2");
            Assert.Equal(CadreRank.TownshipLeader, li.Rank);
            Assert.True(li.IsReserve);
            Assert.Null(li.Phone);
            var first = await db.Households.SingleAsync(h => h.HouseNo == "1号");
            Assert.Equal(HouseholdCategory.OldPartyMember | HouseholdCategory.Poor, first.Categories);
            var county = await RollupStore.ForDivisionAsync(db, "370830", default);
            Assert.Equal(2, county["households"]);
            Assert.Equal(6, county["residents"]);
            Assert.Equal(1, county["households_poor"]);
            Assert.Equal(2, county["units"]);
            Assert.Equal(1, county["police_officers"]);
            Assert.Equal(1, (await RollupStore.ForDivisionAsync(db, "370830100", default))["units"]);
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Reimporting_households_updates_them_by_village_and_house_number(string provider)
    {
        var (t, db, files) = await ReadyAsync(provider);
        await using (t)
        await using (db)
        using (files)
        {
            var importer = new HouseholdImporter(TimeProvider.System);
            var progress = new List<ImportProgress>();
            await importer.ImportAsync(db, files.Text("a.csv", HouseholdHeader + "370830100201,1号,王芳,,4,,,,,,\n"), progress.Add, default);
            Assert.Contains(progress, p => p.Stage == "rows" && p.Done == 1);
            Assert.Equal("rollups", progress[^1].Stage);
            await importer.ImportAsync(db, files.Text("b.csv", HouseholdHeader + "370830100201,1号,王芳,,5,,,,是,,\n370830100201,2号,赵强,,1,,,,,,\n"), null, default);

            Assert.Equal(2, await db.Households.CountAsync());
            Assert.Equal(5, (await db.Households.SingleAsync(h => h.HouseNo == "1号")).MemberCount);
            Assert.Equal(6, (await RollupStore.ForDivisionAsync(db, "370830100201", default))["residents"]);
        }
    }

    public static TheoryData<string, string, string, ImportReason, long, string> Refusals()
    {
        var data = new TheoryData<string, string, string, ImportReason, long, string>();
        foreach (var p in new[] { "postgres", "sqlite" })
        {
            data.Add(p, "households", HouseholdHeader + "370830100201,1号,王芳,,4,,,,,,\n370830999201,2号,赵强,,2,,,,,,\n", ImportReason.UnknownVillage, 3, "村代码");
            data.Add(p, "households", HouseholdHeader + "370830100201,1号,王芳,,4,,,,,,\n370830100,2号,赵强,,2,,,,,,\n", ImportReason.NotAVillage, 3, "村代码");
            data.Add(p, "households", HouseholdHeader + "370830100201,1号,王芳,,4,,,,,,\n370830100201,1号,赵强,,2,,,,,,\n", ImportReason.DuplicateKey, 3, "门牌号");
            data.Add(p, "households", HouseholdHeader + "370830100201,1号,王芳,,4,也许,,,,,\n", ImportReason.InvalidValue, 2, "老党员");
            data.Add(p, "households", HouseholdHeader + "370830100201,1号,王芳,,0,,,,,,\n", ImportReason.InvalidValue, 2, "家庭人口");
            data.Add(p, "households", "村代码,门牌号,户主姓名\n370830100201,1号,王芳\n", ImportReason.MissingColumn, 1, "");
            data.Add(p, "cadres", "干部编号,姓名,单位编码,职级,出生年份,性别\nC9,孙丽,NOPE,一般干部,1990,女\n", ImportReason.UnknownUnit, 2, "单位编码");
            data.Add(p, "cadres", "干部编号,姓名,单位编码,职级,出生年份,性别\nC9,孙丽,U1,处长,1990,女\n", ImportReason.InvalidValue, 2, "职级");
            data.Add(p, "units", "单位编码,单位名称,层级,类别,所属行政区划代码\nU3,某局,县级,党政部门,370830100\n", ImportReason.InvalidValue, 2, "所属行政区划代码");
            data.Add(p, "units", "单位编码,单位名称,层级,类别,所属行政区划代码\nU3,某局,县级,党政部门,379999\n", ImportReason.UnknownDivision, 2, "所属行政区划代码");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Bad_rows_are_refused_and_nothing_is_written(string provider, string kind, string content, ImportReason reason, long line, string column)
    {
        var (t, db, files) = await ReadyAsync(provider);
        await using (t)
        await using (db)
        using (files)
        {
            await new UnitImporter(TimeProvider.System).ImportAsync(db, files.Text("units.csv", Units), null, default);
            var path = files.Text(kind + ".csv", content);
            Func<Task> import = kind switch
            {
                "households" => () => new HouseholdImporter(TimeProvider.System).ImportAsync(db, path, null, default),
                "cadres" => () => new CadreImporter(TimeProvider.System).ImportAsync(db, path, null, default),
                _ => () => new UnitImporter(TimeProvider.System).ImportAsync(db, path, null, default),
            };

            var e = await Assert.ThrowsAsync<ImportRefusedException>(import);

            var problem = e.ImportProblems[0];
            Assert.Equal(reason, problem.Reason);
            Assert.Equal(line, problem.Line);
            if (column.Length > 0)
            {
                Assert.Equal(column, problem.Column);
            }
            db.ChangeTracker.Clear();
            Assert.Equal(0, await db.Households.CountAsync());
            Assert.Equal(0, await db.Cadres.CountAsync());
            Assert.Equal(2, await db.Units.CountAsync());
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_bad_last_row_after_many_batches_leaves_no_household_written(string provider)
    {
        var (t, db, files) = await ReadyAsync(provider);
        await using (t)
        await using (db)
        using (files)
        {
            var good = string.Concat(Enumerable.Range(1, 9_000).Select(i => $"370830100201,{i}号,王芳,,4,,,,,,\n"));
            var path = files.Text("h.csv", HouseholdHeader + good + "370830100201,9001号,,,4,,,,,,\n");

            var e = await Assert.ThrowsAsync<ImportRefusedException>(() => new HouseholdImporter(TimeProvider.System).ImportAsync(db, path, null, default));

            Assert.Equal(9_002, e.ImportProblems.Single().Line);
            db.ChangeTracker.Clear();
            Assert.Equal(0, await db.Households.CountAsync());
            Assert.False((await RollupStore.ForDivisionAsync(db, "370830", default)).ContainsKey("households"));
        }
    }

    [Fact]
    public async Task Many_problems_are_listed_up_to_the_limit_and_all_counted()
    {
        var (t, db, files) = await ReadyAsync("sqlite");
        await using (t)
        await using (db)
        using (files)
        {
            var rows = string.Concat(Enumerable.Range(1, 150).Select(i => $"370830999201,{i}号,王芳,,4,,,,,,\n"));
            var e = await Assert.ThrowsAsync<ImportRefusedException>(() => new HouseholdImporter(TimeProvider.System).ImportAsync(db, files.Text("h.csv", HouseholdHeader + rows), null, default));

            Assert.Equal(ImportProblems.Limit + 1, e.ImportProblems.Count);
            Assert.Equal(150, e.Total);
            Assert.Equal(ImportReason.TooManyProblems, e.ImportProblems[^1].Reason);
            Assert.Equal("h.csv：共 150 个错误，只列出前 100 个", e.ImportProblems[^1].Message().Zh);
            Assert.Equal(Enumerable.Range(2, ImportProblems.Limit).Select(i => (long?)i), e.ImportProblems.Take(ImportProblems.Limit).Select(p => p.Line));
        }
    }

    private static List<Dictionary<string, object>> CsvRows(string csv)
    {
        var lines = csv.TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(','), (h, v) => (h, v)).ToDictionary(x => x.h, x => (object)x.v)).ToList();
    }
}
