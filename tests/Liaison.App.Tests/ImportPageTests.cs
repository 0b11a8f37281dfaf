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
    public async Task A_refused_file_lists_every_problem_offers_no_import_and_a_township_office_gets_only_the_templates()
    {
        var client = await SignedInAsync("office");
        var preview = WebUtility.HtmlDecode(await UploadAsync(client, "units", "bad.csv", Encoding.UTF8.GetBytes("单位编码,单位名称,层级,类别,所属行政区划代码\nU1,甲,县级,无此类别,370830\nU2,乙,省级,党政部门,370830\n")));
        Assert.Contains("错误 2 个", preview, StringComparison.Ordinal);
        Assert.Contains("bad.csv 第 2 行", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=confirm", preview, StringComparison.Ordinal);

        // A township's office gets the templates, not the upload: a preview compares with the whole registry.
        var township = await SignedInAsync("township-office");
        var page = await township.GetStringAsync("/imports");
        Assert.Contains("handler=template", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=preview", page, StringComparison.Ordinal);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("units"), "Kind" },
            // The page has no form for it: a token of the account's session from another page's form.
            { new StringContent(TestAccounts.FormToken(await township.GetStringAsync("/policy/edit"))), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("单位编码,单位名称,层级,类别,所属行政区划代码\nU9,丙,县级,党政部门,370830\n")), "Upload", "u.csv" },
        };
        var refused = await township.PostAsync("/imports?handler=preview", form);
        Assert.Contains("/account/denied", refused.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        await using var db = Demo.Target.CreateContext();
        Assert.False(await db.Units.AnyAsync(u => u.Code == "U1" || u.Code == "U9"));
    }
}
