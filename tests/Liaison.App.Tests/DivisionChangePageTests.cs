using System.Globalization;
using System.Net;
using System.Text;
using Liaison.Domain.Divisions;
using Liaison.Domain.People;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

/// <summary>Issue 19 item 2: a newer NBS list uploaded on /imports — a village withdrawn with records refused until its merge is given, then merged; the plan check shows what to re-plan.</summary>
public sealed class DivisionChangePageTests() : OwnDemoHost(planned: true)
{
    private static async Task<string> UploadAsync(HttpClient client, string list, string? merges)
    {
        var page = await client.GetStringAsync("/imports");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("divisions"), "Kind" },
            { new StringContent(TestAccounts.FormToken(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(list)), "Upload", "nbs-2027.csv" },
        };
        if (merges is not null)
        {
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(merges)), "Merges", "村庄合并表.csv");
        }
        return await (await client.PostAsync("/imports?handler=preview", form)).Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task An_office_uploads_a_newer_list_is_told_a_village_with_records_needs_its_merge_confirms_the_merge_and_the_check_shows_the_village_to_replan()
    {
        var client = await SignedInAsync("office");
        await using var db = Demo.Target.CreateContext();
        var tied = await db.LiaisonTies.Where(t => t.Until == null && t.DivisionCode.Length == 12).Select(t => t.DivisionCode).Distinct().ToListAsync();
        var village = await db.Households.Where(h => tied.Contains(h.VillageCode) && h.Status == HouseholdStatus.Current).OrderBy(h => h.VillageCode).Select(h => h.VillageCode).FirstAsync();
        var divisions = await db.Divisions.AsNoTracking().ToListAsync();
        var old = divisions.Single(d => d.Code == village);
        var into = divisions.Where(d => d.ParentCode == old.ParentCode && d.Code != village && d.Level == DivisionLevel.Village).OrderBy(d => d.Code).First();
        var list = new StringBuilder("code,name,level,parent_code,village_kind\n");
        foreach (var d in divisions.Where(d => d.Code != village).OrderBy(d => d.Code, StringComparer.Ordinal))
        {
            list.Append(CultureInfo.InvariantCulture, $"{d.Code},{d.Name},{DivisionCode.LevelName(d.Level)},{d.ParentCode},{d.VillageKind?.ToString().ToLowerInvariant()}\n");
        }

        // Without the merge: the village is listed to end, the refusal says why, no import is offered.
        var refused = WebUtility.HtmlDecode(await UploadAsync(client, list.ToString(), null));
        Assert.Contains("结束 1 条", refused, StringComparison.Ordinal);
        Assert.Contains($"代码 {village}（{old.Name}）不在新名单中，将被撤销，但仍有记录", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=confirm", refused, StringComparison.Ordinal);
        Assert.Null((await db.Divisions.AsNoTracking().SingleAsync(d => d.Code == village)).WithdrawnOn);

        // With the merges file: the row to end says where it goes; confirmed, the import runs as a job.
        var raw = await UploadAsync(client, list.ToString(), $"原代码,并入代码,原名称,依据\n{village},{into.Code},{old.Name},汶政字〔2026〕12号\n");
        var preview = WebUtility.HtmlDecode(raw);
        Assert.Contains("撤销的代码（新名单中没有）", preview, StringComparison.Ordinal);
        Assert.Contains($"撤销，并入 {into.Code}（{into.Name}）", preview, StringComparison.Ordinal);
        var confirm = await Forms.PostFromAsync(client, raw, "confirm", []);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var job = confirm.Headers.Location!.OriginalString;
        var page = "";
        for (var i = 0; i < 240 && !page.Contains("已导入", StringComparison.Ordinal) && !page.Contains("notice error", StringComparison.Ordinal); i++)
        {
            await Task.Delay(250);
            page = await client.GetStringAsync(job);
        }
        Assert.Contains("撤销 1 个代码（其中 1 个村并入其他村）", WebUtility.HtmlDecode(page), StringComparison.Ordinal);

        var withdrawn = await db.Divisions.AsNoTracking().SingleAsync(d => d.Code == village);
        Assert.Equal(into.Code, withdrawn.MergedInto);
        Assert.False(await db.Households.AnyAsync(h => h.VillageCode == village && h.Status == HouseholdStatus.Current));
        Assert.Equal("office", (await db.AuditEntries.FirstAsync(e => e.Action == "division.withdraw" && e.EntityKey == village)).Actor);

        // The village's page says it was withdrawn; the receiving village's check lists the old village's ended ties to re-plan.
        var shown = WebUtility.HtmlDecode(await client.GetStringAsync($"/divisions/{village}"));
        Assert.Contains("已撤销", shown, StringComparison.Ordinal);
        Assert.Contains($"并入 {into.Code}", shown, StringComparison.Ordinal);
        var check = WebUtility.HtmlDecode(await client.GetStringAsync($"/plan/check?code={into.Code}"));
        Assert.Contains("待重新编制", check, StringComparison.Ordinal);
        Assert.Contains(old.Name, check, StringComparison.Ordinal);
    }
}
