using System.Text.Json;
using Liaison.App.Cli;
using Liaison.Tests.Shared;

namespace Liaison.App.Tests;

/// <summary>
/// A new city from the command line: a Linyi county whose divisions have no profile (the plan and the
/// First Secretary calls say what is missing, in the language asked for, then profiles are imported),
/// and a Gansu county's year from its offices' own files (tests/NewCity) to the report.
/// </summary>
[Collection("console")]
public sealed class NewCityCliTests : IDisposable
{
    private const string Divisions = "code,name,level,parent_code,village_kind\n" +
        "37,山东省,province,,\n3713,临沂市,city,37,\n371302,兰山区,county,3713,\n371302100,半程镇,township,371302,\n" +
        "371302100201,东村村委会,village,371302100,village\n371302100202,西村村委会,village,371302100,village\n" +
        "371302100203,南村村委会,village,371302100,village\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("liaison-newcity-").FullName;

    private string Db => "sqlite:" + Path.Combine(_dir, "city.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => await CliRunner.RunAsync([.. args, "--db", Db]);

    private string File(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Secretaries_calls_with_no_village_in_need_explains_why_in_a_terminal_and_in_json_then_opens_once_profiles_are_imported()
    {
        Assert.Equal(ExitCodes.Ok, (await RunAsync("import", "divisions", File("linyi.csv", Divisions))).Code);

        var (code, text, _) = await RunAsync("secretaries", "calls", "--year", "2026");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("2026 年度没有开启选派：3 个村都没有党组织等级和村情类型：无法判断哪些村需要第一书记——请导入村情或在村页面定级；本年度政策的第一书记名额均为 0", text, StringComparison.Ordinal);

        var (_, english, _) = await RunAsync("secretaries", "calls", "--year", "2026", "--lang", "en");
        Assert.Contains("No calls opened for 2026: none of the 3 villages has a party-organisation grade or a type", english, StringComparison.Ordinal);

        var (_, json, _) = await RunAsync("secretaries", "calls", "--year", "2026", "--json");
        using (var doc = JsonDocument.Parse(json))
        {
            Assert.Equal(0, doc.RootElement.GetProperty("calls").GetArrayLength());
            Assert.Equal(0, doc.RootElement.GetProperty("quota").GetInt32());
            Assert.Contains("无法判断哪些村需要第一书记", doc.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }

        // The plan says the grades are missing instead of ranking by code order in silence.
        var (_, plan, _) = await RunAsync("plan", "liaisons", "--year", "2026");
        Assert.Contains("3 个村没有党组织等级：无法排定后进村——请导入村情或在村页面定级", plan, StringComparison.Ordinal);
        Assert.Contains("3 个村没有坐标", plan, StringComparison.Ordinal);

        // Another command's refusal in Chinese output is Chinese.
        var (refusedCode, refusedOut, refusedErr) = await RunAsync("demo", "candidates", "--year", "2026");
        Assert.Equal(ExitCodes.Refused, refusedCode);
        Assert.Contains("2026 年度还没有第一书记选派", refusedOut + refusedErr, StringComparison.Ordinal);
        Assert.DoesNotContain("no First Secretary calls", refusedOut + refusedErr, StringComparison.Ordinal);

        // The template, then the profiles: the calls open and the plan has nothing more to say about them.
        var template = Path.Combine(_dir, "vp.xlsx");
        Assert.Equal(ExitCodes.Ok, (await RunAsync("template", "village-profiles", "--out", template)).Code);
        Assert.True(System.IO.File.Exists(template));
        var (importCode, imported, importErr) = await RunAsync("import", "village-profiles", File("村情.csv",
            "村代码,村类型,党组织等级,纬度,经度,人口\n371302100201,难村,后进,35.1,118.3,1850\n371302100202,,一般,35.2,118.4,900\n371302100203,,先进,35.15,118.35,700\n"), "--year", "2026");
        Assert.True(importCode == ExitCodes.Ok, imported + importErr);
        Assert.Contains("已导入 3 个村的村情", imported, StringComparison.Ordinal);

        // Another city's default sets no quotas: the office sets them (nothing opens before).
        var (_, quotaless, _) = await RunAsync("secretaries", "calls", "--year", "2026");
        Assert.Contains("第一书记名额均为 0", quotaless, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, (await RunAsync("policy", "set", File("policy.json", """{ "year": 2026, "backward": { "share": 0 }, "firstSecretaries": { "countyQuota": 2, "townshipQuota": 1 } }"""))).Code);
        var (_, opened, _) = await RunAsync("secretaries", "calls", "--year", "2026", "--json");
        using (var doc = JsonDocument.Parse(opened))
        {
            Assert.True(doc.RootElement.GetProperty("quota").GetInt32() > 0, opened);
        }
        var (_, again, _) = await RunAsync("plan", "liaisons", "--year", "2026");
        Assert.DoesNotContain("没有党组织等级", again, StringComparison.Ordinal);
        Assert.DoesNotContain("没有坐标", again, StringComparison.Ordinal);
    }

    /// <summary>An office's file of tests/NewCity (阿克塞哈萨克族自治县, Gansu), copied beside the test.</summary>
    private static string Office(string name) => Path.Combine(AppContext.BaseDirectory, "NewCity", name);

    [Fact]
    public async Task A_county_of_another_province_runs_its_year_from_the_command_line_and_no_page_carries_jining()
    {
        await using var file = new TempSqlite();
        async Task<string> Ok(params string[] args)
        {
            var (code, output, err) = await CliRunner.RunAsync([.. args, "--db", file.DbSetting]);
            Assert.True(code == ExitCodes.Ok, $"liaison {string.Join(' ', args)}: {code}\n{output}\n{err}");
            return output;
        }

        Assert.Contains("village 16", await Ok("import", "divisions", Office("620924-区划代码.csv")), StringComparison.Ordinal);
        await Ok("import", "village-profiles", Office("村情.csv"), "--year", "2026");
        await Ok("import", "units", Office("单位.csv"));
        // The roster as the HR office sends it: GB18030, a title row, a group header, grades, dates, a footer.
        var roster = await Ok("import", "cadres", Office("干部花名册.csv"));
        Assert.Contains("表头在第 3 行", roster, StringComparison.Ordinal);
        Assert.Contains("合计", roster, StringComparison.Ordinal);
        await Ok("import", "households", Office("农户.csv"));
        await using (var db = file.Target.CreateContext())
        {
            Assert.Equal(50, db.Cadres.Count());
            // Grades became the programme's roles: three county leaders, the posts deciding the township leaders.
            Assert.Equal(3, db.Cadres.Count(c => c.Rank == Domain.People.CadreRank.CountyLeader));
            Assert.Equal(10, db.Cadres.Count(c => c.Rank == Domain.People.CadreRank.TownshipLeader));
            Assert.Equal(48, db.Households.Count());
        }

        // The city is the NBS list's, its policy titled with its name; the office sets telephone and quotas.
        Assert.Contains("酒泉市", await Ok("city", "show"), StringComparison.Ordinal);
        var plan = await Ok("plan", "liaisons", "--year", "2026");
        Assert.Contains("覆盖：16/16", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("缺口", plan, StringComparison.Ordinal);
        Assert.Contains("违规 0 项", await Ok("check", "--year", "2026"), StringComparison.Ordinal);
        await Ok("policy", "set", File("policy.json", """{ "year": 2026, "public": { "telephone": "0937-12380" }, "firstSecretaries": { "countyQuota": 3 } }"""));

        using (var calls = JsonDocument.Parse(await Ok("secretaries", "calls", "--year", "2026", "--json")))
        {
            Assert.Equal("620924", calls.RootElement.GetProperty("calls")[0].GetProperty("division").GetString());
            Assert.Equal(3, calls.RootElement.GetProperty("quota").GetInt32());
        }
        await Ok("import", "candidates", Office("第一书记报名.csv"));
        Assert.Contains("选中 3 名", await Ok("secretaries", "select", "--year", "2026"), StringComparison.Ordinal);
        Assert.Contains("安排 3 名", await Ok("plan", "first-secretaries", "--year", "2026"), StringComparison.Ordinal);
        var report = await Ok("report", "campaign");
        Assert.Contains("阿克塞哈萨克族自治县驻村联系服务工作报表", report, StringComparison.Ordinal);
        Assert.Matches(@"县派第一书记\s*│\s*3", report);

        // Its pages, signed in as its county office and as a villager: not a word of Jining.
        await Ok("users", "add", "--name", "akesai", "--role", "office", "--scope", "620924", "--password", TestAccounts.Password);
        await using var host = AppFixture.Host(file);
        var office = AppFixture.ClientOf(host);
        Assert.True(TestAccounts.IsSignedIn(await TestAccounts.SignInAsync(office, "akesai")));
        var anonymous = AppFixture.ClientOf(host);
        string[] pages = ["/", "/divisions/620924", "/divisions/620924100200", "/plan/620924", "/plan/check", "/policy", "/policy/edit",
            "/imports", "/secretaries", "/people", "/reports/620924", "/field/progress/620924", "/field/flags?code=620924", "/cases", "/cases/figures",
            "/search?q=红柳湾", "/admin/accounts"];
        foreach (var page in pages)
        {
            var response = await office.GetAsync(page);
            Assert.True(response.IsSuccessStatusCode, $"{page}: {response.StatusCode}");
            NoJining(page, await response.Content.ReadAsStringAsync());
        }
        foreach (var page in new[] { "/public", "/public/contacts", "/public/report/620924100200" })
        {
            var html = await anonymous.GetStringAsync(page);
            NoJining(page, html);
            var own = page == "/public/report/620924100200" ? "加尔乌宗村" : "阿克塞哈萨克族自治县";
            Assert.True(html.Contains(own, StringComparison.Ordinal), $"{page} does not name {own}: {html[..Math.Min(html.Length, 3000)]}");
        }
        // The telephone the office set is the one published.
        Assert.Contains("0937-12380", await anonymous.GetStringAsync("/public/contacts"), StringComparison.Ordinal);
    }

    private static void NoJining(string page, string html)
    {
        foreach (var word in new[] { "济宁", "0537", "汶上", "山东" })
        {
            Assert.False(html.Contains(word, StringComparison.Ordinal), $"{page} says {word}");
        }
    }
}
