using System.Text.Json;
using Liaison.App.Cli;
using Liaison.App.Features.Liaisons;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

/// <summary>policy show/set, plan liaisons and check as a script calls them.</summary>
[Collection("console")]
public sealed class PlanCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("liaison-plan-cli-").FullName;

    private string Db => "sqlite:" + Path.Combine(_dir, "plan.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Plan_then_check_reports_no_violations_and_full_coverage_and_a_broken_tie_shows_its_rule()
    {
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("demo", "seed", "--db", Db, "--json")).Code);

        var (planCode, planOut, _) = await CliRunner.RunAsync("plan", "liaisons", "--year", "2026", "--db", Db, "--json");
        Assert.Equal(ExitCodes.Ok, planCode);
        using (var plan = JsonDocument.Parse(planOut))
        {
            Assert.True(plan.RootElement.GetProperty("added").GetInt32() > 0);
            Assert.Equal(0, plan.RootElement.GetProperty("violations").GetInt32());
            var change = plan.RootElement.GetProperty("changes")[0];
            Assert.False(string.IsNullOrEmpty(change.GetProperty("reason").GetString()));
        }

        var (checkCode, checkOut, _) = await CliRunner.RunAsync("check", "--year", "2026", "--db", Db, "--json");
        Assert.Equal(ExitCodes.Ok, checkCode);
        using (var check = JsonDocument.Parse(checkOut))
        {
            Assert.Equal(0, check.RootElement.GetProperty("violations").GetArrayLength());
            var coverage = check.RootElement.GetProperty("coverage");
            Assert.Equal(coverage.GetProperty("villages").GetInt32(), coverage.GetProperty("covered").GetInt32());
            Assert.True(check.RootElement.GetProperty("byKind").GetProperty("police").GetInt32() > 0);
        }

        // The plan as a spreadsheet: one row per current tie, no personal data.
        var sheet = Path.Combine(_dir, "ties.csv");
        var (exportCode, exportOut, _) = await CliRunner.RunAsync("export", "ties", "--year", "2026", "--out", sheet, "--db", Db, "--json");
        Assert.Equal(ExitCodes.Ok, exportCode);
        var lines = await File.ReadAllLinesAsync(sheet);
        Assert.StartsWith("年度,联系方式,干部编号", lines[0], StringComparison.Ordinal);
        await using (var db = Data.Database.DatabaseTarget.Resolve(Db, null).CreateContext())
        {
            Assert.Equal(await db.LiaisonTies.CountAsync(), lines.Length - 1);
            var phones = await db.Cadres.Select(c => c.Phone).Take(50).ToListAsync();
            Assert.All(phones, p => Assert.DoesNotContain(p!, string.Join("\n", lines), StringComparison.Ordinal));
        }
        Assert.Contains($"\"rows\":{lines.Length - 1}", exportOut, StringComparison.Ordinal);

        // A police officer given a second village by hand, behind the planner's back.
        await using (var db = Data.Database.DatabaseTarget.Resolve(Db, null).CreateContext())
        {
            var tie = await db.LiaisonTies.Where(t => t.Kind == Domain.Liaisons.TieKind.Police).OrderBy(t => t.Id).FirstAsync();
            db.LiaisonTies.Add(new Domain.Liaisons.LiaisonTie { Year = 2026, Kind = tie.Kind, CadreId = tie.CadreId, DivisionCode = tie.DivisionCode[..9] + "999", Origin = Domain.Liaisons.TieOrigin.Manual });
            await db.Divisions.AddAsync(new Domain.Divisions.Division { Code = tie.DivisionCode[..9] + "999", Name = "新建村", Level = Domain.Divisions.DivisionLevel.Village, ParentCode = tie.DivisionCode[..9], VillageKind = Domain.Divisions.VillageKind.Village });
            await db.SaveChangesAsync();
        }
        var (brokenCode, brokenOut, _) = await CliRunner.RunAsync("check", "--year", "2026", "--db", Db, "--json");
        Assert.Equal(LiaisonCommands.Violations, brokenCode);
        using var broken = JsonDocument.Parse(brokenOut);
        var violation = Assert.Single(broken.RootElement.GetProperty("violations").EnumerateArray());
        Assert.Equal("police.one", violation.GetProperty("rule").GetString());
        Assert.Equal(2, violation.GetProperty("places").GetArrayLength());

        var (_, human, _) = await CliRunner.RunAsync("check", "--year", "2026", "--db", Db, "--lang", "en");
        Assert.Contains("[police.one] Each police officer links one village — 1", human, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policy_show_prints_jinings_rules_and_set_refuses_a_bad_file_naming_file_line_and_rule()
    {
        var (showCode, show, _) = await CliRunner.RunAsync("policy", "show", "--year", "2026", "--db", Db);
        Assert.Equal(ExitCodes.Ok, showCode);
        // An empty database is no city's yet: the source's rules, but neither Jining's title nor its telephone.
        Assert.Contains("驻村联系服务工作规则（默认）（未设置，使用默认规则）", show, StringComparison.Ordinal);
        Assert.DoesNotContain("济宁", show, StringComparison.Ordinal);
        Assert.Contains("每年在联系村驻村不少于 10 天", show, StringComparison.Ordinal);

        var bad = Path.Combine(_dir, "policy.json");
        await File.WriteAllTextAsync(bad, "{\n  \"year\": 2026,\n  \"police\": {\n    \"villagesPerOfficr\": 2\n  }\n}\n");
        var (code, _, err) = await CliRunner.RunAsync("policy", "set", bad, "--db", Db, "--lang", "en");
        Assert.Equal(ExitCodes.Refused, code);
        Assert.Contains("policy.json:4 police.villagesPerOfficr: unknown field", err, StringComparison.Ordinal);
        Assert.Contains("[policy.field]", err, StringComparison.Ordinal);

        var good = Path.Combine(_dir, "good.json");
        var (_, document, _) = await CliRunner.RunAsync("policy", "show", "--year", "2026", "--document", "--db", Db);
        await File.WriteAllTextAsync(good, document.Replace("\"villagesPerOfficer\": 1", "\"villagesPerOfficer\": 2", StringComparison.Ordinal));
        var (setCode, setOut, _) = await CliRunner.RunAsync("policy", "set", good, "--db", Db, "--json");
        Assert.Equal(ExitCodes.Ok, setCode);
        Assert.Contains("\"version\":1", setOut, StringComparison.Ordinal);
        var (_, json, _) = await CliRunner.RunAsync("policy", "show", "--year", "2026", "--db", Db, "--json");
        using var shown = JsonDocument.Parse(json);
        Assert.Equal(2, shown.RootElement.GetProperty("document").GetProperty("police").GetProperty("villagesPerOfficer").GetInt32());
        Assert.False(shown.RootElement.GetProperty("isDefault").GetBoolean());
    }

    [Fact]
    public async Task Since_starts_the_new_ties_on_the_day_given_and_a_day_outside_the_year_is_refused()
    {
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("demo", "seed", "--db", Db, "--json")).Code);

        var (outside, _, _) = await CliRunner.RunAsync("plan", "liaisons", "--year", "2025", "--since", "2026-01-01", "--db", Db, "--json");
        Assert.Equal(ExitCodes.Refused, outside);
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("plan", "liaisons", "--year", "2025", "--since", "2025-02-03", "--db", Db, "--json")).Code);
        await using var db = Data.Database.DatabaseTarget.Resolve(Db, null).CreateContext();
        Assert.True(await db.LiaisonTies.CountAsync() > 500);
        Assert.Equal(0, await db.LiaisonTies.CountAsync(t => t.Since != new DateOnly(2025, 2, 3)));
    }
}
