using System.Net;
using Liaison.Domain.Results;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace Liaison.App.Tests;

/// <summary>公开承诺 on the web: made, kept, given up; a deed fulfilling one; the village's public page and its printed notice; readers elsewhere.</summary>
public sealed class CommitmentWebTests() : OwnDemoHost(planned: true)
{
    private const string Village = "370830001001";

    [Fact]
    public async Task Commitments_made_and_kept_with_a_deed_show_on_the_villages_public_page_and_notice_and_stay_out_of_other_reach()
    {
        var iso = System.Globalization.CultureInfo.InvariantCulture;
        var today = Liaison.Domain.Shared.ChinaTime.Today(TimeProvider.System);
        string cadreCode;
        await using (var db = Demo.Target.CreateContext())
        {
            var id = await db.Users.AsNoTracking().Where(a => a.UserName == "cadre").Select(a => a.CadreId).SingleAsync();
            cadreCode = await db.Cadres.AsNoTracking().Where(c => c.Id == id).Select(c => c.Code).SingleAsync();
        }
        var office = await SignedInAsync("office");
        // A deadline already past is refused, what was typed kept.
        var refused = WebUtility.HtmlDecode(await (await Forms.PostAsync(office, "/commitments", "make", new()
        {
            ["village"] = Village,
            ["text"] = "修好村西机井",
            ["deadline"] = today.AddDays(-3).ToString("yyyy-MM-dd", iso),
            ["cadre"] = cadreCode,
        })).Content.ReadAsStringAsync());
        Assert.Contains("data-field=\"deadline\"", refused, StringComparison.Ordinal);
        Assert.Contains("修好村西机井", refused, StringComparison.Ordinal);

        var made = await Forms.PostAsync(office, "/commitments", "make", new()
        {
            ["village"] = Village,
            ["text"] = "修好村西机井",
            ["deadline"] = today.AddDays(20).ToString("yyyy-MM-dd", iso),
            ["cadre"] = cadreCode,
        });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var wellPage = made.Headers.Location!.OriginalString;
        var cadre = await SignedInAsync("cadre");
        var own = await Forms.PostAsync(cadre, "/commitments", "make", new()
        {
            ["village"] = Village,
            ["text"] = "安装路灯二十盏",
            ["deadline"] = today.AddDays(30).ToString("yyyy-MM-dd", iso),
        });
        var lampPage = own.Headers.Location!.OriginalString;
        Assert.StartsWith("/commitments/", lampPage, StringComparison.Ordinal);

        // The cadre records a deed fulfilling the well from its page's link, then marks it kept; gives up the lamps with a reason.
        var well = long.Parse(wellPage["/commitments/".Length..], iso);
        Assert.Contains("id=\"fulfils\"", await cadre.GetStringAsync($"/deeds?code={Village}&commitment={well}"), StringComparison.Ordinal);
        var deed = await Forms.PostAsync(cadre, $"/deeds?code={Village}&commitment={well}", "record", new()
        {
            ["commitmentId"] = well.ToString(iso),
            ["village"] = Village,
            ["kind"] = "well",
            ["q.well.wells"] = "1",
            ["on"] = today.ToString("yyyy-MM-dd", iso),
        });
        Assert.Equal(wellPage, deed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(cadre, wellPage, "step", new() { ["status"] = "Done", ["text"] = "机井已出水" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(cadre, lampPage, "step", new() { ["status"] = "Dropped", ["text"] = "电网改造推迟到明年" })).StatusCode);
        var kept = WebUtility.HtmlDecode(await cadre.GetStringAsync(wellPage));
        Assert.Contains("data-status=\"done\"", kept, StringComparison.Ordinal);
        Assert.Contains("id=\"fulfilling\"", kept, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"keep\"", kept, StringComparison.Ordinal);

        // Completion counted from the items: one of two.
        var list = WebUtility.HtmlDecode(await office.GetStringAsync("/commitments?code=370830001"));
        Assert.Contains($"<tr data-key=\"{Village}\"><td>", list, StringComparison.Ordinal);
        Assert.Contains("50.0%", list, StringComparison.Ordinal);
        // …and per sending unit: the cadre's unit has the same two items.
        Assert.Matches(new System.Text.RegularExpressions.Regex("id=\"by-unit\".*?<tr data-key=\"unit-[0-9]+\"><td>[^<]+</td><td class=\"num\">2</td>", System.Text.RegularExpressions.RegexOptions.Singleline), list);

        // The village's public page, with no sign-in: both items, the reason, the deed.
        var anonymous = AppFixture.ClientOf(Host);
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/public/villages/{Village}"));
        Assert.Contains("修好村西机井", page, StringComparison.Ordinal);
        Assert.Contains("电网改造推迟到明年", page, StringComparison.Ordinal);
        Assert.Contains("id=\"public-deeds\"", page, StringComparison.Ordinal);
        Assert.Contains("眼数 1 个", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/public/villages/370830001")).StatusCode);

        // The noticeboard's sheet: the items in Chinese and a QR link to the public page.
        var notice = await office.GetAsync($"/commitments?handler=notice&village={Village}");
        Assert.Equal("application/pdf", notice.Content.Headers.ContentType!.MediaType);
        using (var pdf = PdfDocument.Open(await notice.Content.ReadAsByteArrayAsync()))
        {
            var sheet = pdf.GetPage(1);
            Assert.Contains("修好村西机井", sheet.Text, StringComparison.Ordinal);
            Assert.Contains("按期兑现", sheet.Text, StringComparison.Ordinal);
            Assert.Contains(sheet.GetHyperlinks(), l => l.Uri.EndsWith($"/public/villages/{Village}", StringComparison.Ordinal));
        }

        // A reader of another township finds none of it, and no notice of a village out of reach.
        var elsewhere = await SignedInAsync("other-inspector");
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync(wellPage)).StatusCode);
        Assert.DoesNotContain("修好村西机井", WebUtility.HtmlDecode(await elsewhere.GetStringAsync("/commitments")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/commitments?handler=notice&village={Village}")).StatusCode);
        await using (var db = Demo.Target.CreateContext())
        {
            Assert.Equal([CommitmentStatus.Done, CommitmentStatus.Dropped], await db.Commitments.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Status).ToListAsync());
        }
    }
}
