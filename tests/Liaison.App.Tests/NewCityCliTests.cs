using System.Text.Json;
using Liaison.App.Cli;

namespace Liaison.App.Tests;

/// <summary>
/// A new city from the command line (Linyi, not Jining): divisions with no profile — the plan and the
/// First Secretary calls say what is missing, in the language asked for — then profiles imported.
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
}
