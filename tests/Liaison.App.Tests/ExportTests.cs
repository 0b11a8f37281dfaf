using System.IO.Compression;
using Liaison.App.Cli;
using Microsoft.Data.Sqlite;
using MiniExcelLibs;

namespace Liaison.App.Tests;

/// <summary>Exports: a cell that looks like a formula stays text, and personal data leaves masked.</summary>
[Collection("console")]
public sealed class ExportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("liaison-export-").FullName;

    private string Db => "sqlite:" + Path.Combine(_dir, "export.db");

    private string File(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    private async Task ImportAsync(string kind, string path)
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync("import", kind, path, "--db", Db, "--json");
        Assert.True(code == ExitCodes.Ok, stdout + stderr);
    }

    [Fact]
    public async Task A_formula_looking_cell_is_exported_as_text_in_xlsx_and_csv()
    {
        await ImportAsync("divisions", File("d.csv", "code,name,level,parent_code,village_kind\n37,山东省,province,,\n3708,济宁市,city,37,\n"));
        await ImportAsync("units", File("u.csv", "单位编码,单位名称,层级,类别,所属行政区划代码\nU1,\"=HYPERLINK(\"\"http://example.invalid\"\")\",市级,其他,3708\nU2,+1-2,市级,其他,3708\n"));

        var xlsx = Path.Combine(_dir, "units.xlsx");
        var csv = Path.Combine(_dir, "units.csv");
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("export", "units", "--out", xlsx, "--db", Db)).Code);
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("export", "units", "--out", csv, "--db", Db)).Code);

        using (var zip = ZipFile.OpenRead(xlsx))
        {
            var sheet = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.Name.EndsWith(".xml", StringComparison.Ordinal));
            using var reader = new StreamReader(sheet.Open());
            Assert.DoesNotContain("<x:f>", await reader.ReadToEndAsync(), StringComparison.Ordinal);
        }
        var names = MiniExcel.Query(xlsx, useHeaderRow: true).Cast<IDictionary<string, object>>().Select(r => r["单位名称"]).ToList();
        Assert.Equal(["=HYPERLINK(\"http://example.invalid\")", "+1-2"], names);
        var lines = await System.IO.File.ReadAllLinesAsync(csv);
        Assert.Contains("\"'=HYPERLINK(\"\"http://example.invalid\"\")\"", lines[1], StringComparison.Ordinal);
        Assert.Contains(",'+1-2,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Household_exports_mask_names_and_phones()
    {
        await ImportAsync("divisions", File("d.csv", "code,name,level,parent_code,village_kind\n37,山东省,province,,\n3708,济宁市,city,37,\n370830,汶上县,county,3708,\n370830102,南旺镇,township,370830,\n370830102202,南旺叁村委会,village,370830102,village\n"));
        await ImportAsync("households", File("h.csv", "村代码,门牌号,户主姓名,户主电话,家庭人口\n370830102202,1号,王小明,14012345678,3\n"));

        var csv = Path.Combine(_dir, "h-out.csv");
        var (code, stdout, _) = await CliRunner.RunAsync("export", "households", "--out", csv, "--division", "370830", "--db", Db, "--json");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("\"rows\":1", stdout, StringComparison.Ordinal);
        var text = await System.IO.File.ReadAllTextAsync(csv);
        Assert.Contains("王**", text, StringComparison.Ordinal);
        Assert.Contains("140****5678", text, StringComparison.Ordinal);
        Assert.DoesNotContain("王小明", text, StringComparison.Ordinal);
        Assert.DoesNotContain("14012345678", text, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, (await CliRunner.RunAsync("export", "households", "--out", csv, "--division", "999999", "--db", Db)).Code);

        // Unmasked: the operator may, and it is audited; an inspector may not; an office only in its scope.
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("export", "households", "--out", csv, "--unmasked", "--db", Db)).Code);
        Assert.Contains("王小明,14012345678", await System.IO.File.ReadAllTextAsync(csv), StringComparison.Ordinal);
        Assert.True(OperatingSystem.IsWindows() || System.IO.File.GetUnixFileMode(csv) == (UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("users", "add", "--name", "insp", "--role", "inspector", "--scope", "370830", "--db", Db)).Code);
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("users", "add", "--name", "town", "--role", "office", "--scope", "370830102", "--db", Db)).Code);
        var (refused, _, why) = await CliRunner.RunAsync("export", "households", "--out", csv, "--as", "insp", "--unmasked", "--db", Db, "--lang", "en");
        Assert.Equal(ExitCodes.Refused, refused);
        Assert.Contains("may not export personal data unmasked", why, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, (await CliRunner.RunAsync("export", "households", "--out", csv, "--as", "town", "--division", "370830", "--db", Db)).Code);
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("export", "households", "--out", csv, "--as", "town", "--unmasked", "--db", Db)).Code);
        await using var db = Liaison.Data.Database.DatabaseTarget.Parse(Db).CreateContext();
        var unmaskedExports = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.AuditEntries.Where(e => e.Action == "export.unmasked"));
        Assert.Equal(2, unmaskedExports.Count);
        Assert.EndsWith("as town", unmaskedExports[^1].Actor, StringComparison.Ordinal);
        Assert.Equal("370830102", unmaskedExports[^1].DivisionCode);
        Assert.EndsWith("as insp", (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.AuditEntries.Where(e => e.Action == "export.unmasked-refused"))).Actor, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, true);
    }
}
