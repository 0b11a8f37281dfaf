using System.Text.Json;
using Liaison.App.Cli;
using Liaison.Data.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Liaison.App.Tests;

[CollectionDefinition("console", DisableParallelization = true)]
public sealed class ConsoleGroup;

/// <summary>Runs <c>liaison</c> in-process with its output captured; tests using it share the "console" collection.</summary>
public static class CliRunner
{
    public static Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => RunAtAsync(TimeProvider.System, args);

    /// <summary>Runs the command with <paramref name="clock"/> as its host's clock.</summary>
    public static async Task<(int Code, string Out, string Err)> RunAtAsync(TimeProvider clock, params string[] args)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var o = new StringWriter();
        using var e = new StringWriter();
        Console.SetOut(o);
        Console.SetError(e);
        try
        {
            var code = await LiaisonCli.RunAsync(args, clock);
            return (code, o.ToString(), e.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }
}

/// <summary>The commands as a script calls them: exit codes, JSON on stdout, messages on stderr.</summary>
[Collection("console")]
public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("liaison-cli-").FullName;

    private string Db => "sqlite:" + Path.Combine(_dir, "cli.db");

    private static Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => CliRunner.RunAsync(args);

    private string Jining()
    {
        var path = Path.Combine(_dir, "jining.csv");
        using var stream = typeof(Liaison.Data.Demo.JiningDivisions).Assembly.GetManifestResourceStream("jining-3708.csv")!;
        using var file = File.Create(path);
        stream.CopyTo(file);
        return path;
    }

    [Fact]
    public async Task Import_divisions_prints_one_json_object_with_the_counts_by_level()
    {
        var (code, stdout, _) = await RunAsync("import", "divisions", Jining(), "--db", Db, "--json");

        Assert.Equal(ExitCodes.Ok, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(5099, json.RootElement.GetProperty("rows").GetInt64());
        var byLevel = json.RootElement.GetProperty("byLevel");
        Assert.Equal(12, byLevel.GetProperty("county").GetInt64());
        Assert.Equal(158, byLevel.GetProperty("township").GetInt64());
        Assert.Equal(4927, byLevel.GetProperty("village").GetInt64());
        Assert.Equal(1, byLevel.GetProperty("province").GetInt64());
        Assert.True(json.RootElement.GetProperty("seconds").GetDouble() >= 0);
    }

    [Fact]
    public async Task A_newer_list_without_a_county_that_units_point_at_is_refused_in_the_preview_until_withdraw_confirms_it()
    {
        var jining = Jining();
        Assert.Equal(ExitCodes.Ok, (await RunAsync("import", "divisions", jining, "--db", Db, "--json")).Code);
        var units = Path.Combine(_dir, "units.csv");
        await File.WriteAllTextAsync(units, "单位编码,单位名称,层级,类别,所属行政区划代码\nU1,汶上县测试局,县级,党政部门,370830\n");
        Assert.Equal(ExitCodes.Ok, (await RunAsync("import", "units", units, "--db", Db, "--json")).Code);
        var lines = await File.ReadAllLinesAsync(jining);
        var newer = Path.Combine(_dir, "nbs-2027.csv");
        await File.WriteAllLinesAsync(newer, lines.Where(l => !l.StartsWith("370830", StringComparison.Ordinal)));
        var gone = lines.Count(l => l.StartsWith("370830", StringComparison.Ordinal));

        var (refused, preview, _) = await RunAsync("import", "divisions", newer, "--db", Db, "--preview", "--json");
        Assert.Equal(ExitCodes.Refused, refused);
        using (var json = JsonDocument.Parse(preview))
        {
            Assert.Equal(gone, json.RootElement.GetProperty("ends").GetInt64());
            var problem = Assert.Single(json.RootElement.GetProperty("problems").EnumerateArray());
            Assert.Equal("WithdrawnWithRecords", problem.GetProperty("reason").GetString());
            Assert.Contains("370830（汶上县）", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        var (words, text, _) = await RunAsync("import", "divisions", newer, "--db", Db, "--preview");
        Assert.Equal(ExitCodes.Refused, words);
        Assert.Contains($"结束 {gone} 条记录（新名单中没有的代码）", text, StringComparison.Ordinal);

        var (code, stdout, _) = await RunAsync("import", "divisions", newer, "--db", Db, "--withdraw", "--on", "2026-12-01", "--json");
        Assert.Equal(ExitCodes.Ok, code);
        using (var json = JsonDocument.Parse(stdout))
        {
            Assert.Equal(gone, json.RootElement.GetProperty("withdrawn").GetInt32());
        }
        await using var db = DatabaseTarget.Parse(Db).CreateContext();
        Assert.Equal(new DateOnly(2026, 12, 1), (await db.Divisions.SingleAsync(d => d.Code == "370830")).WithdrawnOn);
        Assert.Equal("370830", (await db.Units.SingleAsync(u => u.Code == "U1")).DivisionCode);
    }

    [Fact]
    public async Task A_refused_import_exits_2_and_names_the_line_in_the_chosen_language()
    {
        var bad = Path.Combine(_dir, "bad.csv");
        await File.WriteAllTextAsync(bad, "code,name,level,parent_code,village_kind\n37,山东省,province,,\n3708,济宁市,city,99,\n");

        var (zh, _, zhErr) = await RunAsync("import", "divisions", bad, "--db", Db);
        var (en, _, enErr) = await RunAsync("import", "divisions", bad, "--db", Db, "--lang", "en");
        var (json, jsonOut, _) = await RunAsync("import", "divisions", bad, "--db", Db, "--json");

        Assert.Equal(ExitCodes.Refused, zh);
        Assert.Contains("bad.csv 第 3 行", zhErr, StringComparison.Ordinal);
        Assert.Contains("数据库未作任何更改", zhErr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Refused, en);
        Assert.Contains("bad.csv, line 3", enErr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Refused, json);
        using var doc = JsonDocument.Parse(jsonOut);
        var problem = doc.RootElement.GetProperty("problems")[0];
        Assert.Equal(3, problem.GetProperty("line").GetInt64());
        Assert.Equal("CodeNotUnderParent", problem.GetProperty("reason").GetString());
        await using var db = DatabaseTarget.Parse(Db).CreateContext();
        Assert.Equal(0, await db.Divisions.CountAsync());
    }

    [Fact]
    public async Task A_template_filled_in_imports_back()
    {
        Assert.Equal(ExitCodes.Ok, (await RunAsync("import", "divisions", Jining(), "--db", Db, "--json")).Code);
        foreach (var kind in new[] { "units", "cadres", "households" })
        {
            var path = Path.Combine(_dir, kind + ".xlsx");
            // The example row names this database's own divisions.
            var (code, stdout, _) = await RunAsync("template", kind, "--out", path, "--db", Db, "--json");
            Assert.Equal(ExitCodes.Ok, code);
            Assert.True(File.Exists(path));
            Assert.Contains(kind switch { "households" => "户主姓名", "cadres" => "项目角色", _ => "单位编码" }, stdout, StringComparison.Ordinal);

            var (imported, importOut, importErr) = await RunAsync("import", kind, path, "--db", Db, "--json");
            Assert.True(imported == ExitCodes.Ok, importErr + importOut);
            using var json = JsonDocument.Parse(importOut);
            Assert.Equal(1, json.RootElement.GetProperty("rows").GetInt64());
        }
        var headers = MiniExcel.Query(Path.Combine(_dir, "households.xlsx"), useHeaderRow: true).Cast<IDictionary<string, object>>().First().Keys;
        Assert.Equal(Liaison.Data.People.HouseholdImporter.Layout.Select(c => c.ZhHeader), headers);
    }

    [Fact]
    public async Task A_cadre_roster_complete_for_a_unit_previews_the_cadres_to_end_and_ends_them_only_when_run()
    {
        Assert.Equal(ExitCodes.Ok, (await RunAsync("import", "divisions", Jining(), "--db", Db, "--json")).Code);
        var units = Path.Combine(_dir, "units.csv");
        await File.WriteAllTextAsync(units, "单位编码,单位名称,层级,类别,所属行政区划代码\nU1,某县公安局,县级,政法部门,370830\nU2,某县财政局,县级,经济部门,370830\n");
        Assert.Equal(ExitCodes.Ok, (await RunAsync("import", "units", units, "--db", Db, "--json")).Code);
        var all = Path.Combine(_dir, "all.csv");
        await File.WriteAllTextAsync(all, "干部编号,姓名,单位编码,项目角色,出生年份,性别\nC1,张伟,U1,一般干部,1985,男\nC2,李娜,U1,一般干部,1979,女\nC3,王强,U2,一般干部,1980,男\n");
        Assert.Equal(ExitCodes.Ok, (await RunAsync("import", "cadres", all, "--db", Db, "--json")).Code);
        var roster = Path.Combine(_dir, "u1.csv");
        await File.WriteAllTextAsync(roster, "干部编号,姓名,单位编码,项目角色,出生年份,性别\nC1,张伟,U1,一般干部,1985,男\n");

        var (code, stdout, stderr) = await RunAsync("import", "cadres", roster, "--complete-for", "unit:U1", "--preview", "--db", Db, "--json");
        Assert.True(code == ExitCodes.Ok, stderr + stdout);
        using (var json = JsonDocument.Parse(stdout))
        {
            Assert.Equal(1, json.RootElement.GetProperty("ends").GetInt64());
            Assert.Equal("C2", json.RootElement.GetProperty("ended")[0].GetProperty("key").GetString());
        }
        var (_, text, _) = await RunAsync("import", "cadres", roster, "--complete-for", "unit:U1", "--preview", "--db", Db);
        Assert.Contains("结束 1 条记录（完整名册中未列出）", text, StringComparison.Ordinal);
        Assert.Contains("结束 C2：李娜（U1）不在完整名册中：登记为离职", text, StringComparison.Ordinal);
        var (_, english, _) = await RunAsync("import", "cadres", roster, "--complete-for", "unit:U1", "--preview", "--db", Db, "--lang", "en");
        Assert.Contains("end C2: 李娜 (U1) is not in the complete roster: recorded as left", english, StringComparison.Ordinal);

        // A row of another unit is refused with its line and column.
        var (refused, _, refusedErr) = await RunAsync("import", "cadres", all, "--complete-for", "unit:U1", "--db", Db);
        Assert.Equal(ExitCodes.Refused, refused);
        Assert.Contains("all.csv 第 4 行，列“单位编码”", refusedErr, StringComparison.Ordinal);

        var (run, runOut, runErr) = await RunAsync("import", "cadres", roster, "--complete-for", "unit:U1", "--db", Db);
        Assert.True(run == ExitCodes.Ok, runErr + runOut);
        Assert.Contains("未列出的 1 条记录已结束", runOut, StringComparison.Ordinal);
        await using var db = DatabaseTarget.Parse(Db).CreateContext();
        var statuses = await db.Cadres.OrderBy(c => c.Code).Select(c => c.Status).ToListAsync();
        Assert.Equal([Domain.People.CadreStatus.Active, Domain.People.CadreStatus.Left, Domain.People.CadreStatus.Active], statuses);
    }

    [Fact]
    public async Task An_import_preview_prints_what_it_would_do_and_writes_nothing()
    {
        Assert.Equal(ExitCodes.Ok, (await RunAsync("import", "divisions", Jining(), "--db", Db, "--json")).Code);
        var units = Path.Combine(_dir, "units.csv");
        await File.WriteAllTextAsync(units, "单位编码,单位名称,层级,类别,所属行政区划代码\nU1,某县公安局,县级,政法部门,370830\n");
        Assert.Equal(ExitCodes.Ok, (await RunAsync("import", "units", units, "--db", Db, "--json")).Code);
        var roster = Path.Combine(_dir, "roster.csv");
        await File.WriteAllTextAsync(roster, "干部花名册,,,,,\n\n人员编号,姓名,单位,职级,出生年月,性别,手机号\nＣ１,张　伟,某县公安局,一级科员,1985年3月,男性,+86 139 1234 5678\n,,,,,,\n合计,1人,,,,,\n");

        var (code, stdout, stderr) = await RunAsync("import", "cadres", roster, "--preview", "--db", Db, "--json");

        Assert.True(code == ExitCodes.Ok, stderr + stdout);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("adds").GetInt64());
        Assert.Equal(3, root.GetProperty("headerLine").GetInt64());
        Assert.Equal(6, root.GetProperty("footer").GetProperty("line").GetInt64());
        Assert.True(root.GetProperty("normalisationCount").GetInt64() >= 6);
        Assert.False(root.GetProperty("written").GetBoolean());

        var (textCode, text, _) = await RunAsync("import", "cadres", roster, "--dry-run", "--db", Db);
        Assert.Equal(ExitCodes.Ok, textCode);
        Assert.Contains("预览（未写入任何数据）", text, StringComparison.Ordinal);
        Assert.Contains("第 4 行，列“手机号”：+86 139 1234 5678 → 13912345678", text, StringComparison.Ordinal);
        Assert.Contains("第 6 行是表尾（合计）", text, StringComparison.Ordinal);

        await using (var db = DatabaseTarget.Parse(Db).CreateContext())
        {
            Assert.Equal(0, await db.Cadres.CountAsync());
        }
        var (imported, importOut, importErr) = await RunAsync("import", "cadres", roster, "--db", Db, "--json");
        Assert.True(imported == ExitCodes.Ok, importErr + importOut);
        await using (var db = DatabaseTarget.Parse(Db).CreateContext())
        {
            var cadre = await db.Cadres.SingleAsync();
            Assert.Equal(("C1", "张伟", 1985, "13912345678"), (cadre.Code, cadre.Name, cadre.BirthYear, cadre.Phone));
        }
    }

    [Fact]
    public async Task Demo_seed_and_db_migrate_report_what_they_did()
    {
        var (migrated, migrateOut, _) = await RunAsync("db", "migrate", "--db", Db, "--json");
        Assert.Equal(ExitCodes.Ok, migrated);
        Assert.Contains("Foundation", migrateOut, StringComparison.Ordinal);

        var (code, stdout, _) = await RunAsync("demo", "seed", "--scale", "small", "--seed", "3", "--db", Db, "--json");
        Assert.Equal(ExitCodes.Ok, code);
        using var json = JsonDocument.Parse(stdout);
        await using var db = DatabaseTarget.Parse(Db).CreateContext();
        Assert.Equal(await db.Households.LongCountAsync(), json.RootElement.GetProperty("households").GetInt64());
        Assert.Equal(await db.Cadres.LongCountAsync(), json.RootElement.GetProperty("cadres").GetInt64());
        Assert.Equal(await db.Units.LongCountAsync(), json.RootElement.GetProperty("units").GetInt64());
        Assert.Equal(await db.Divisions.LongCountAsync(), json.RootElement.GetProperty("divisions").GetInt64());

        var (again, againOut, _) = await RunAsync("demo", "seed", "--db", Db, "--json");
        Assert.Equal(ExitCodes.Failed, again);
        Assert.Contains("already holds", againOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_verify_passes_on_a_fresh_demo_and_names_the_entry_altered_by_hand()
    {
        Assert.Equal(ExitCodes.Ok, (await RunAsync("demo", "seed", "--db", Db, "--json")).Code);
        Assert.Equal(ExitCodes.Ok, (await RunAsync("import", "divisions", Jining(), "--db", Db, "--json")).Code);
        var (ok, okOut, _) = await RunAsync("audit", "verify", "--db", Db, "--json");
        Assert.Equal(ExitCodes.Ok, ok);
        Assert.Contains("\"intact\":true", okOut, StringComparison.Ordinal);

        await using (var db = DatabaseTarget.Parse(Db).CreateContext())
        {
            var first = await db.AuditEntries.OrderBy(e => e.Id).FirstAsync();
            await db.AuditEntries.Where(e => e.Id == first.Id).ExecuteUpdateAsync(u => u.SetProperty(e => e.Actor, "someone-else"));
        }
        SqliteConnection.ClearAllPools();

        var (broken, _, err) = await RunAsync("audit", "verify", "--db", Db, "--lang", "en");
        Assert.Equal(AuditCommands.Broken, broken);
        Assert.Contains("first bad entry id=1", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_take_the_time_from_the_hosts_clock()
    {
        var clock = new Liaison.Tests.Shared.FixedClock(new DateTimeOffset(2031, 3, 4, 10, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAtAsync(clock, "import", "divisions", Jining(), "--db", Db, "--json")).Code);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAtAsync(clock, "users", "add", "--name", "town", "--role", "office", "--scope", "370830102", "--db", Db)).Code);

        await using var db = DatabaseTarget.Parse(Db).CreateContext();
        var at = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Action, e.At }).ToListAsync();
        Assert.Equal(new DateTimeOffset(2031, 3, 4, 2, 0, 0, TimeSpan.Zero), at.Single(e => e.Action == "import.divisions").At.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2031, 3, 5, 2, 0, 0, TimeSpan.Zero), at.Last().At.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2031, 3, 5, 2, 0, 0, TimeSpan.Zero), (await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "town")).CreatedAt.ToUniversalTime());
    }

    [Fact]
    public async Task A_refused_account_is_a_refusal_in_the_users_language_with_its_code()
    {
        Assert.Equal(ExitCodes.Ok, (await RunAsync("import", "divisions", Jining(), "--db", Db, "--json")).Code);

        var (code, _, stderr) = await RunAsync("users", "add", "--name", "boss", "--role", "admin", "--scope", "370830", "--db", Db);
        Assert.Equal(ExitCodes.Refused, code);
        Assert.Contains("管理员的范围是全部", stderr, StringComparison.Ordinal);

        var (again, stdout, _) = await RunAsync("users", "add", "--name", "town", "--role", "office", "--scope", "379999", "--db", Db, "--json", "--lang", "en");
        Assert.Equal(ExitCodes.Refused, again);
        using var json = JsonDocument.Parse(stdout);
        var problem = json.RootElement.GetProperty("problems")[0];
        Assert.Equal("unknown-division", problem.GetProperty("code").GetString());
        Assert.Equal("scope", problem.GetProperty("field").GetString());
        Assert.Equal("no division 379999", problem.GetProperty("message").GetString());

        await using var db = DatabaseTarget.Parse(Db).CreateContext();
        Assert.False(await db.Users.AnyAsync());
    }

    [Fact]
    public async Task A_malformed_database_option_is_a_clear_error()
    {
        var (code, _, stderr) = await RunAsync("db", "migrate", "--db", "mysql:x", "--lang", "en");
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("sqlite:PATH or postgres:", stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, true);
    }
}
