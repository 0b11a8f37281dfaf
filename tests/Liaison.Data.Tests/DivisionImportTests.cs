using Liaison.Data.Divisions;
using Liaison.Data.Reporting;
using Liaison.Domain.Divisions;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Tests;

public class DivisionImportTests
{
    internal const string Header = "code,name,level,parent_code,village_kind\n";
    internal const string Base = Header +
        "37,山东省,province,,\n3708,济宁市,city,37,\n370830,汶上县,county,3708,\n370830100,南站镇,township,370830,\n370830100201,前村村委会,village,370830100,village\n";

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Jining_imports_with_its_real_counts_and_rollups(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        using var files = new TestFiles();
        await using var db = t.Open();
        var result = await DivisionImporter.ImportAsync(db, TimeProvider.System, files.Text("jining.csv", TestFiles.JiningCsv), null, null, default);

        Assert.Equal(5099, result.Rows);
        Assert.Equal(12, result.ByLevel["county"]);
        Assert.Equal(158, result.ByLevel["township"]);
        Assert.Equal(4927, result.ByLevel["village"]);
        Assert.Equal(4927, await db.Divisions.CountAsync(d => d.Level == DivisionLevel.Village));
        var city = await RollupStore.ForDivisionAsync(db, "3708", default);
        Assert.Equal(4413, city["villages"]);
        Assert.Equal(514, city["communities"]);
        Assert.Equal(158, city["townships"]);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Reimport_updates_by_code_without_duplicates(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        using var files = new TestFiles();
        await using var db = t.Open();
        await DivisionImporter.ImportAsync(db, TimeProvider.System, files.Text("a.csv", Base), null, null, default);
        await DivisionImporter.ImportAsync(db, TimeProvider.System, files.Text("b.csv", Base.Replace("前村村委会", "前进村委会", StringComparison.Ordinal)), null, null, default);

        Assert.Equal(5, await db.Divisions.CountAsync());
        Assert.Equal("前进村委会", (await db.Divisions.SingleAsync(d => d.Code == "370830100201")).Name);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Root_keeps_the_subtree_and_its_ancestors(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        using var files = new TestFiles();
        await using var db = t.Open();
        var result = await DivisionImporter.ImportAsync(db, TimeProvider.System, files.Gzip("jining.csv.gz", TestFiles.JiningCsv), "370830", null, default);

        var expectedVillages = TestFiles.JiningCsv.Split('\n').Count(l => l.StartsWith("370830", StringComparison.Ordinal) && l.Contains(",village,", StringComparison.Ordinal));
        Assert.Equal(1, result.ByLevel["province"]);
        Assert.Equal(1, result.ByLevel["city"]);
        Assert.Equal(1, result.ByLevel["county"]);
        Assert.Equal(expectedVillages, result.ByLevel["village"]);
        Assert.Equal(0, await db.Divisions.CountAsync(d => d.Level == DivisionLevel.County && d.Code != "370830"));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Parents_may_already_be_in_the_database(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        using var files = new TestFiles();
        await using var db = t.Open();
        await DivisionImporter.ImportAsync(db, TimeProvider.System, files.Text("a.csv", Base), null, null, default);
        var more = await DivisionImporter.ImportAsync(db, TimeProvider.System, files.Text("b.csv", Header + "370830100202,后村村委会,village,370830100,\n"), null, null, default);

        Assert.Equal(1, more.Rows);
        var village = await db.Divisions.SingleAsync(d => d.Code == "370830100202");
        Assert.Equal(VillageKind.Village, village.VillageKind);
        Assert.Equal(2, (await RollupStore.ForDivisionAsync(db, "370830100", default))["villages"]);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_cell_starting_with_equals_is_kept_as_text(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        using var files = new TestFiles();
        await using var db = t.Open();
        const string formula = "=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")";
        await DivisionImporter.ImportAsync(db, TimeProvider.System, files.Text("a.csv", Base + $"370830100203,\"{formula}\",village,370830100,community\n"), null, null, default);

        Assert.Equal("=HYPERLINK(\"http://example.invalid\",\"x\")", (await db.Divisions.SingleAsync(d => d.Code == "370830100203")).Name);
    }

    [Fact]
    public async Task The_schema_has_no_model_changes_missing_from_either_migration_set()
    {
        foreach (var provider in new[] { "postgres", "sqlite" })
        {
            await using var t = await TestDb.CreateAsync(provider, migrate: false);
            await using var db = t.Open();
            Assert.False(db.Database.HasPendingModelChanges(), provider);
        }
    }
}
