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

    [Fact]
    public async Task A_county_of_another_province_imports_its_work_teams_as_its_organisation_department_lists_them()
    {
        await using var file = await CountyWithStaffAsync();
        Task<(int Code, string Out)> Run(params string[] args) => RunOnAsync(file, args);

        // The preview says what the file would do and writes nothing.
        var (previewCode, preview) = await Run("import", "teams", Office("工作团队.csv"), "--preview", "--json");
        Assert.True(previewCode == ExitCodes.Ok, preview);
        using (var doc = JsonDocument.Parse(preview))
        {
            Assert.Equal(9, doc.RootElement.GetProperty("rows").GetInt64());
            // Three teams set up and nine members joining.
            Assert.Equal(12, doc.RootElement.GetProperty("adds").GetInt64());
            Assert.Equal(0, doc.RootElement.GetProperty("problemCount").GetInt64());
            Assert.Equal(2, doc.RootElement.GetProperty("headerLine").GetInt64());
        }
        await using (var db = file.Target.CreateContext())
        {
            Assert.Equal(0, db.WorkTeams.Count());
        }

        var (importCode, imported) = await Run("import", "teams", Office("工作团队.csv"));
        Assert.True(importCode == ExitCodes.Ok, imported);
        Assert.Contains("已导入 9 行", imported, StringComparison.Ordinal);
        await using (var db = file.Target.CreateContext())
        {
            var teams = db.WorkTeams.OrderBy(t => t.DivisionCode).ToList();
            Assert.Equal(["620924", "620924100", "620924200201"], teams.Select(t => t.DivisionCode));
            Assert.Equal(("县驻村工作团", "挂职县委副书记"), (teams[0].Name, teams[0].HeadPost));
            // A team the file names nothing for is named after its division and kind.
            Assert.Equal("安南坝村民委员会工作组", teams[2].Name);
            var members = (from m in db.WorkTeamMembers join c in db.Cadres on m.CadreId equals c.Id select new { m.TeamId, c.Code, m.Role, m.Since }).ToList();
            Assert.Equal(9, members.Count);
            Assert.Equal("AKS0004,AKS0012,AKS0040", string.Join(',', members.Where(m => m.Role == Domain.Liaisons.TeamRole.Head).Select(m => m.Code).Order(StringComparer.Ordinal)));
            Assert.Equal(new DateOnly(2026, 3, 1), members.Single(m => m.Code == "AKS0025").Since);
            Assert.Equal(new DateOnly(2026, 3, 10), members.Single(m => m.Code == "AKS0040").Since);
            Assert.Equal(1, db.AuditEntries.Count(a => a.Action == "import.teams"));
        }

        // The same file again changes nothing; a second head, a wrong name and a township of another county are refused whole.
        using (var again = JsonDocument.Parse((await Run("import", "teams", Office("工作团队.csv"), "--preview", "--json")).Out))
        {
            Assert.Equal((0, 0, 9), (again.RootElement.GetProperty("adds").GetInt32(), again.RootElement.GetProperty("changes").GetInt32(), again.RootElement.GetProperty("unchanged").GetInt32()));
        }
        var bad = File("teams-bad.csv", "年度,派驻区划代码,干部编号,姓名,团队职务\n2026,620924100,AKS0037,高秀英,队长\n2026,620924100,AKS0038,张三,队员\n2026,6209,AKS0039,,成员\n2026,620924100,AKS0041,,班长\n");
        var (badCode, refused) = await Run("import", "teams", bad);
        Assert.Equal(ExitCodes.Refused, badCode);
        Assert.Contains("teams-bad.csv 第 2 行，列“团队职务”：2026 620924100 已有负责人 马春燕（AKS0012）", refused, StringComparison.Ordinal);
        Assert.Contains("第 3 行，列“姓名”：干部编号 AKS0038 登记的姓名是“林国庆”，不是“张三”", refused, StringComparison.Ordinal);
        Assert.Contains("第 4 行，列“派驻区划代码”：6209（酒泉市）不是县市区、乡镇或村", refused, StringComparison.Ordinal);
        Assert.Contains("第 5 行，列“团队职务”：值“班长”无效", refused, StringComparison.Ordinal);
        await using (var db = file.Target.CreateContext())
        {
            Assert.Equal(9, db.WorkTeamMembers.Count());
            Assert.Equal(Domain.Liaisons.TeamRole.Member, TeamRoleOf(db, "AKS0037"));
        }
    }

    [Fact]
    public async Task A_county_of_another_province_imports_its_deeds_ledger_and_party_outputs_by_village_name_and_again_without_doubling()
    {
        await using var file = await CountyWithStaffAsync();
        Task<(int Code, string Out)> Run(params string[] args) => RunOnAsync(file, args);
        // The township's ledger as it keeps it (GB18030, a title row, 序号, days written the Chinese way, villages by name,
        // metres and 万元, a 合计 footer); its days are recent ones, as a ledger's are.
        var today = Domain.Shared.ChinaTime.Today(TimeProvider.System);
        string Day(int back) => today.AddDays(-back).ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var gb = System.Text.Encoding.GetEncoding("GB18030");
        var ledger = Path.Combine(_dir, "实事好事台账.csv");
        await System.IO.File.WriteAllTextAsync(ledger, $"""
            阿克塞哈萨克族自治县驻村干部实事好事台账,,,,,,,,,,,,
            序号,完成日期,乡镇,村,实事类别,数量,计量单位,数量2,计量单位2,干部编号,干部姓名,资金来源,具体内容
            1,{Day(30)},红柳湾镇,红柳湾村,硬化道路,850,米,,,AKS0004,刘卫东,县交通运输局,红柳湾村通组路
            2,{Day(20)},阿克旗乡,安南坝村,协调帮扶资金,12,万元,,,AKS0005,陈秀英,省派单位帮扶资金,
            3,{Day(10)},,团结社区,免费健康查体,86,人,,,AKS0006,杨国庆,,县医院义诊
            4,{Day(5)},阿勒腾乡,哈尔腾村,便民服务队服务,3,次,45,人次,AKS0004,刘卫东,,
            合计,,,,,,,,,,,,
            """, gb);

        var (previewCode, preview) = await Run("import", "deeds", ledger, "--preview", "--json");
        Assert.True(previewCode == ExitCodes.Ok, preview);
        using (var doc = JsonDocument.Parse(preview))
        {
            Assert.Equal((4, 4, 0), (doc.RootElement.GetProperty("rows").GetInt32(), doc.RootElement.GetProperty("adds").GetInt32(), doc.RootElement.GetProperty("problemCount").GetInt32()));
        }
        var (importCode, imported) = await Run("import", "deeds", ledger);
        Assert.True(importCode == ExitCodes.Ok, imported);
        Assert.Contains("已导入 4 行", imported, StringComparison.Ordinal);
        await using (var db = file.Target.CreateContext())
        {
            var road = db.Deeds.Single(d => d.Kind == "road");
            Assert.Equal("620924100202", road.VillageCode);
            Assert.Equal(0.85m, db.DeedQuantities.Single(q => q.DeedId == road.Id).Value);
            Assert.Equal(120_000m, db.DeedQuantities.Single(q => q.DeedId == db.Deeds.Single(d => d.Kind == "funds").Id).Value);
            Assert.Equal("620924100001", db.Deeds.Single(d => d.Kind == "health-check").VillageCode);
        }
        using (var again = JsonDocument.Parse((await Run("import", "deeds", ledger, "--preview", "--json")).Out))
        {
            Assert.Equal((0, 4), (again.RootElement.GetProperty("adds").GetInt32(), again.RootElement.GetProperty("unchanged").GetInt32()));
        }

        // The organisation department's party-building outputs: units by name; a work kind is not one of them.
        var party = File("党建成果.csv", $"村,类别,数量,计量单位,数量2,计量单位2,日期,办事单位\n苏干湖村,发展党员,2,名,,,{Day(15)},中共阿克塞哈萨克族自治县委员会办公室\n"
            + $"多坝沟村,党员培训,4,场,120,人次,{Day(12)},阿克塞哈萨克族自治县公安局\n");
        var (partyCode, partyOut) = await Run("import", "party-outputs", party);
        Assert.True(partyCode == ExitCodes.Ok, partyOut);
        var wrong = File("党建成果-错.csv", $"村,类别,数量,计量单位,日期,办事单位\n苏干湖村,硬化道路,2,公里,{Day(15)},620924001\n");
        var (wrongCode, refused) = await Run("import", "party-outputs", wrong);
        Assert.Equal(ExitCodes.Refused, wrongCode);
        Assert.Contains("党建成果-错.csv 第 2 行，列“类别”：值“硬化道路”无效", refused, StringComparison.Ordinal);
        await using (var db = file.Target.CreateContext())
        {
            Assert.Equal(6, db.Deeds.Count());
            var training = db.Deeds.Single(d => d.Kind == "training");
            Assert.Equal((4m, 120m), (db.DeedQuantities.Single(q => q.DeedId == training.Id && q.Code == "sessions").Value, db.DeedQuantities.Single(q => q.DeedId == training.Id && q.Code == "people").Value));
            Assert.Equal(2, db.AuditEntries.Count(a => a.Action == "import.deeds" || a.Action == "import.party-outputs"));
        }
    }

    /// <summary>The command line on <paramref name="file"/>: its exit code and all it printed.</summary>
    private static async Task<(int Code, string Out)> RunOnAsync(TempSqlite file, params string[] args)
    {
        var (code, output, err) = await CliRunner.RunAsync([.. args, "--db", file.DbSetting]);
        return (code, output + err);
    }

    /// <summary>A database with the county's divisions, units and cadres imported as its offices bring them.</summary>
    private static async Task<TempSqlite> CountyWithStaffAsync()
    {
        var file = new TempSqlite();
        foreach (var (kind, name) in new[] { ("divisions", "620924-区划代码.csv"), ("units", "单位.csv"), ("cadres", "干部花名册.csv") })
        {
            var (code, output) = await RunOnAsync(file, "import", kind, Office(name));
            Assert.True(code == ExitCodes.Ok, output);
        }
        return file;
    }

    private static Domain.Liaisons.TeamRole TeamRoleOf(Data.LiaisonDb db, string cadre) =>
        (from m in db.WorkTeamMembers join c in db.Cadres on m.CadreId equals c.Id where c.Code == cadre select m.Role).Single();

    private static void NoJining(string page, string html)
    {
        foreach (var word in new[] { "济宁", "0537", "汶上", "山东" })
        {
            Assert.False(html.Contains(word, StringComparison.Ordinal), $"{page} says {word}");
        }
    }
}
