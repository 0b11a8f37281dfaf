using System.Net;
using System.Text;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

/// <summary>Issue 19 item 3: an import uploaded in the browser, previewed (nothing written), confirmed and followed as a job.</summary>
public sealed class ImportPageTests() : OwnDemoHost(planned: false)
{
    private static async Task<string> UploadAsync(HttpClient client, string kind, string name, byte[] content, string? completeFor = null)
    {
        var page = await client.GetStringAsync("/imports");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(kind), "Kind" },
            { new StringContent(TestAccounts.FormToken(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "Upload", name },
        };
        if (completeFor is not null)
        {
            form.Add(new StringContent(completeFor), "CompleteFor");
        }
        return await (await client.PostAsync("/imports?handler=preview", form)).Content.ReadAsStringAsync();
    }

    private static async Task<string> JobAsync(HttpClient client, HttpResponseMessage confirm)
    {
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var job = confirm.Headers.Location!.OriginalString;
        var page = "";
        for (var i = 0; i < 120 && !page.Contains("已导入", StringComparison.Ordinal) && !page.Contains("notice error", StringComparison.Ordinal); i++)
        {
            await Task.Delay(250);
            page = await client.GetStringAsync(job);
        }
        return page;
    }

    [Fact]
    public async Task A_village_roster_declared_complete_shows_the_households_to_end_and_moves_them_out_on_confirming()
    {
        var client = await SignedInAsync("office");
        await using var db = Demo.Target.CreateContext();
        var village = await db.Households.Where(h => h.Status == Domain.People.HouseholdStatus.Current).GroupBy(h => h.VillageCode)
            .Where(g => g.Count() >= 3).OrderBy(g => g.Key).Select(g => g.Key).FirstAsync();
        var households = await db.Households.AsNoTracking().Where(h => h.VillageCode == village && h.Status == Domain.People.HouseholdStatus.Current).OrderBy(h => h.Id).ToListAsync();
        var missing = households[^1];
        var csv = new StringBuilder("村代码,门牌号,户主姓名,户主电话,家庭人口\n");
        foreach (var h in households.SkipLast(1))
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{h.VillageCode},{h.HouseNo},{h.HeadName},,{h.MemberCount}\n");
        }

        var raw = await UploadAsync(client, "households", "全村.csv", Encoding.UTF8.GetBytes(csv.ToString()), village);
        var preview = WebUtility.HtmlDecode(raw);
        Assert.Contains("结束 1 条", preview, StringComparison.Ordinal);
        Assert.Contains($"{village}/{missing.HouseNo}：户主", preview, StringComparison.Ordinal);
        Assert.Contains("登记为迁出", preview, StringComparison.Ordinal);
        Assert.Contains("并结束 1 条记录", preview, StringComparison.Ordinal);
        Assert.Equal(Domain.People.HouseholdStatus.Current, (await db.Households.AsNoTracking().SingleAsync(h => h.Id == missing.Id)).Status);

        var page = await JobAsync(client, await Forms.PostFromAsync(client, raw, "confirm", []));
        Assert.Contains($"已导入 {households.Count - 1} 行", page, StringComparison.Ordinal);
        Assert.Contains("1 条记录已按登记规则结束", page, StringComparison.Ordinal);
        Assert.Equal(Domain.People.HouseholdStatus.MovedOut, (await db.Households.AsNoTracking().SingleAsync(h => h.Id == missing.Id)).Status);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "household.moved-out" && e.Actor == "office"));

        // A scope the page's account does not govern, or a kind that cannot be complete, is refused before any upload is kept.
        var cadres = WebUtility.HtmlDecode(await UploadAsync(client, "units", "u.csv", Encoding.UTF8.GetBytes("单位编码,单位名称,层级,类别,所属行政区划代码\n"), village));
        Assert.Contains("不能声明为完整名册", cadres, StringComparison.Ordinal);
        var outside = WebUtility.HtmlDecode(await UploadAsync(client, "households", "x.csv", Encoding.UTF8.GetBytes("村代码,门牌号,户主姓名,户主电话,家庭人口\n"), "999999999"));
        Assert.Contains("不存在或不在您的管辖范围内", outside, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_office_previews_a_roster_as_written_confirms_it_and_the_units_arrive()
    {
        var client = await SignedInAsync("office");
        var csv = "单位名册,,,,\n\n单位代码,单位名称,层级,类别,行政区划代码\nＵ９０１,汶上县测试局,县级,经济部门,370830\n合计,1,,,\n";
        var raw = await UploadAsync(client, "units", "单位.csv", Encoding.GetEncoding("GB18030").GetBytes(csv));
        var preview = WebUtility.HtmlDecode(raw);

        Assert.Contains("新增 1 行", preview, StringComparison.Ordinal);
        Assert.Contains("Ｕ９０１ → U901", preview, StringComparison.Ordinal);
        Assert.Contains("表尾", preview, StringComparison.Ordinal);
        await using var db = Demo.Target.CreateContext();
        Assert.False(await db.Units.AnyAsync(u => u.Code == "U901"));

        var page = await JobPages.EndAsync(client, await Forms.PostFromAsync(client, raw, "confirm", []));
        Assert.Contains("已导入 1 行", page, StringComparison.Ordinal);
        Assert.Equal("汶上县测试局", (await db.Units.SingleAsync(u => u.Code == "U901")).Name);
        Assert.Equal("office", (await db.AuditEntries.SingleAsync(e => e.Action == "import.units")).Actor);
    }

    [Fact]
    public async Task A_refused_file_lists_every_problem_offers_no_import_and_a_township_office_imports_inside_its_township_only()
    {
        var client = await SignedInAsync("office");
        var preview = WebUtility.HtmlDecode(await UploadAsync(client, "units", "bad.csv", Encoding.UTF8.GetBytes("单位编码,单位名称,层级,类别,所属行政区划代码\nU1,甲,县级,无此类别,370830\nU2,乙,省级,党政部门,370830\n")));
        Assert.Contains("错误 2 个", preview, StringComparison.Ordinal);
        Assert.Contains("bad.csv 第 2 行", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=confirm", preview, StringComparison.Ordinal);

        // A township's office imports inside its township only: not the division list, no row elsewhere,
        // no record registered elsewhere (a county unit's cadre's staff number is refused, not moved).
        var township = await SignedInAsync("township-office");
        var page = await township.GetStringAsync("/imports");
        Assert.Contains("您的导入限于本辖区（370830001）", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"households\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"divisions\"", page, StringComparison.Ordinal);
        var divisions = await UploadAsync(township, "divisions", "d.csv", Encoding.UTF8.GetBytes("code,name,level,parent_code,village_kind\n"));
        Assert.Equal("", divisions);
        await using var db = Demo.Target.CreateContext();
        var own = await db.Divisions.Where(d => d.Level == Domain.Divisions.DivisionLevel.Village && d.Code.StartsWith("370830001")).OrderBy(d => d.Code).Select(d => d.Code).FirstAsync();
        var elsewhere = await db.Divisions.Where(d => d.Level == Domain.Divisions.DivisionLevel.Village && !d.Code.StartsWith("370830001")).OrderBy(d => d.Code).Select(d => d.Code).FirstAsync();
        var households = WebUtility.HtmlDecode(await UploadAsync(township, "households", "hh.csv",
            Encoding.UTF8.GetBytes($"村代码,门牌号,户主姓名,家庭人口\n{own},新9号,王芳,3\n{elsewhere},新9号,李强,2\n")));
        Assert.Contains("错误 1 个", households, StringComparison.Ordinal);
        Assert.Contains($"hh.csv 第 3 行，列“村代码”：{elsewhere} 不在您的辖区（370830001）内", households, StringComparison.Ordinal);
        var countyCadre = await (from c in db.Cadres join u in db.Units on c.UnitId equals u.Id where u.DivisionCode == "370830" orderby c.Code select c.Code).FirstAsync();
        var townshipUnit = await db.Units.Where(u => u.DivisionCode.StartsWith("370830001")).OrderBy(u => u.Code).Select(u => u.Code).FirstAsync();
        var cadres = WebUtility.HtmlDecode(await UploadAsync(township, "cadres", "c.csv",
            Encoding.UTF8.GetBytes($"干部编号,姓名,单位,项目角色,出生年份,性别\n{countyCadre},张三,{townshipUnit},一般干部,1985,男\n")));
        Assert.Contains($"{countyCadre} 已登记在辖区外（370830）", cadres, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=confirm", cadres, StringComparison.Ordinal);
        // Its own village's household alone goes through.
        var fine = await UploadAsync(township, "households", "ok.csv", Encoding.UTF8.GetBytes($"村代码,门牌号,户主姓名,家庭人口\n{own},新9号,王芳,3\n"));
        var done = await JobPages.EndAsync(township, await Forms.PostFromAsync(township, fine, "confirm", []));
        Assert.Contains("已导入 1 行", done, StringComparison.Ordinal);
        Assert.True(await db.Households.AnyAsync(h => h.VillageCode == own && h.HouseNo == "新9号"));
        Assert.False(await db.Households.AnyAsync(h => h.VillageCode == elsewhere && h.HouseNo == "新9号"));

        Assert.False(await db.Units.AnyAsync(u => u.Code == "U1" || u.Code == "U9"));
    }
}
