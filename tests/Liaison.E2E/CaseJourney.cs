using Liaison.App.Cli;
using Liaison.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace Liaison.E2E;

[Collection("browser")]
public class CaseJourney(BrowserFixture app)
{
    private const string Village = "370830001001";

    [Fact]
    public async Task A_villager_scans_a_card_files_a_problem_and_follows_it_while_the_cadre_and_the_township_handle_it()
    {
        // The village's contact cards, printed as an office would, pointing at this server.
        var pdf = Path.Combine(Path.GetTempPath(), $"cards-{Guid.NewGuid():N}.pdf");
        string link;
        try
        {
            var code = await LiaisonCli.RunAsync(["cards", "print", "--village", Village, "--out", pdf, "--base-url", app.BaseUrl, "--db", app.DbSetting]);
            Assert.Equal(ExitCodes.Ok, code);
            using var document = PdfDocument.Open(pdf);
            link = document.GetPage(1).GetHyperlinks().Select(h => h.Uri).First();
        }
        finally
        {
            File.Delete(pdf);
        }
        Assert.StartsWith($"{app.BaseUrl}/public/report/{Village}?cadre=", link, StringComparison.Ordinal);

        // The villager's phone: no account, no sign-in.
        await using var phone = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN" });
        phone.SetDefaultTimeout(90_000);
        var villager = await phone.NewPageAsync();
        await villager.GotoAsync(link);
        Assert.Contains("联系干部", await villager.InnerTextAsync("main"), StringComparison.Ordinal);
        await villager.FillAsync("textarea[name=Description]", "村西头排水沟堵了，下雨就淹路");
        await villager.FillAsync("input[name=Phone]", "13905371111");
        await villager.ClickAsync("form.stack button[type=submit]");
        var tracking = (await villager.InnerTextAsync("[data-testid=tracking-code]")).Trim();
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", tracking);
        async Task<string> StatusAsync()
        {
            await villager.GotoAsync($"{app.BaseUrl}/public/track?code={tracking}");
            return (await villager.InnerTextAsync("[data-testid=case-status]")).Trim();
        }
        Assert.Equal("已收到", await StatusAsync());

        long id;
        await using (var db = app.OpenDb())
        {
            id = await db.Cases.Where(c => c.TrackingCode == TrackingCode.Normalize(tracking)).Select(c => c.Id).SingleAsync();
        }

        // The village's cadre accepts it, then explains and passes it to the township.
        await using var cadreContext = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN" });
        cadreContext.SetDefaultTimeout(90_000);
        var cadre = await cadreContext.NewPageAsync();
        await app.SignInAsync(cadre, "cadre");
        await cadre.ClickAsync("header.field-top a >> text=群众诉求");
        await cadre.ClickAsync($"table.cases a[href='/cases/{id}']");
        await cadre.SelectOptionAsync("[data-testid=case-action]", "Accept");
        await cadre.ClickAsync("form.case-actions button");
        await cadre.WaitForSelectorAsync("[data-testid=case-status] >> text=已受理");
        Assert.Equal("已受理", await StatusAsync());
        await cadre.SelectOptionAsync("[data-testid=case-action]", "Escalate");
        await cadre.FillAsync("form.case-actions textarea[name=note]", "排水沟要镇里统一清淤，已向群众说明");
        await cadre.ClickAsync("form.case-actions button");
        await cadre.WaitForSelectorAsync("[data-testid=case-status] >> text=已解释并上报");
        Assert.Equal("已解释并上报", await StatusAsync());
        Assert.Contains("已向群众说明", await villager.InnerTextAsync("ol.steps"), StringComparison.Ordinal);

        // The township office resolves it with a reply.
        await using var officeContext = await app.Browser.NewContextAsync(new() { Locale = "zh-CN" });
        officeContext.SetDefaultTimeout(90_000);
        var office = await officeContext.NewPageAsync();
        await app.SignInAsync(office, "township-office");
        await office.GotoAsync($"{app.BaseUrl}/cases/{id}");
        await office.SelectOptionAsync("[data-testid=case-action]", "Resolve");
        await office.FillAsync("form.case-actions textarea[name=note]", "镇里已组织清淤，排水恢复");
        await office.ClickAsync("form.case-actions button");
        await office.WaitForSelectorAsync("[data-testid=case-status] >> text=已办结");

        // The villager sees the reply and rates it.
        Assert.Equal("已办结", await StatusAsync());
        Assert.Contains("排水恢复", await villager.InnerTextAsync("ol.steps"), StringComparison.Ordinal);
        await villager.CheckAsync("input[name=solved][value=true]");
        await villager.SelectOptionAsync("select[name=satisfaction]", "5");
        await villager.ClickAsync("form[action*='handler=FollowUp'] button");
        await villager.WaitForSelectorAsync("text=感谢评价");
        await villager.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "case-tracking.png"), FullPage = true });

        await using var check = app.OpenDb();
        var done = await check.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal((CaseStatus.Resolved, CaseLevel.Township, 5, (bool?)true), (done.Status, done.Level, done.Satisfaction, done.FollowUpSolved));
    }
}
