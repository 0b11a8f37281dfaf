using System.Globalization;
using System.Text.RegularExpressions;
using Liaison.Data.Policy;
using Liaison.Domain.Policy;

namespace Liaison.E2E;

/// <summary>
/// Issue 22's journey: an inspector plans an unannounced round and records a finding in a village (on
/// a phone); the county office drafts and issues a notice naming the unit, with a rectification order;
/// the unit's administrator reports what was done; the office accepts it; the notice is on the public
/// page because the policy publishes notices.
/// </summary>
[Collection("browser")]
public class SupervisionJourney(BrowserFixture app)
{
    [Fact]
    public async Task A_round_planned_a_finding_recorded_a_notice_issued_with_an_order_reported_and_accepted_and_published()
    {
        var today = Liaison.Domain.Shared.ChinaTime.Today(TimeProvider.System);
        await using (var db = app.OpenDb())
        {
            // The city's policy publishes notices on the public pages.
            var policy = (await PolicyStore.GetAsync(db, today.Year, default)).Policy;
            await PolicyStore.SetAsync(db, TimeProvider.System, new Liaison.Data.Audit.Actor("e2e"),
                PolicyDocument.ToJson(policy with { Supervision = policy.Supervision with { PublishNotices = true } }), default);
        }
        var title = "关于驻村干部不在岗问题的通报 " + Guid.NewGuid().ToString("N")[..6];

        // The inspector plans a round of two villages of the county, drawn at random.
        await using var desk = await app.Browser.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 1280, Height = 900 } });
        desk.SetDefaultTimeout(60_000);
        var inspector = await desk.NewPageAsync();
        await app.SignInAsync(inspector, "inspector");
        await BrowserFixture.MenuAsync(inspector, "督查工作台");
        await inspector.FillAsync("#plan-round input[name=title]", "第四季度驻村暗访");
        await inspector.FillAsync("#plan-round input[name=plannedFor]", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await inspector.FillAsync("#plan-round input[name=count]", "2");
        await inspector.ClickAsync("#plan-round button[type=submit]");
        await inspector.WaitForURLAsync(new Regex("/supervision/rounds/\\d+$"));
        Assert.Equal(2, await inspector.Locator("#round-villages tbody tr").CountAsync());
        var inspection = await inspector.Locator("#round-villages tbody tr a").First.GetAttributeAsync("href");

        // In the village, on the phone: the cadre is absent; a finding.
        await using var phoneContext = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN", IsMobile = true, HasTouch = true });
        phoneContext.SetDefaultTimeout(60_000);
        var phone = await phoneContext.NewPageAsync();
        await app.SignInAsync(phone, "inspector");
        // The round's page, opened while online, keeps itself and its two villages' pages on the phone ...
        await phone.GotoAsync(inspector.Url);
        await phone.WaitForSelectorAsync("[data-offline-pages][data-offline-kept='3']", new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        Assert.True(await phone.IsVisibleAsync("[data-offline-ready]"));
        // ... so that the village's page opens with no network there.
        await phoneContext.SetOfflineAsync(true);
        var offline = await phone.GotoAsync(app.BaseUrl + inspection);
        Assert.True(offline!.FromServiceWorker);
        Assert.False(await phone.EvaluateAsync<bool>("navigator.onLine"));
        await phone.CheckAsync("fieldset[data-check='present'] input[value='false']");
        await phone.CheckAsync("fieldset[data-check='noticeboard'] input[value='true']");
        await phone.FillAsync("input[name=villagersAsked]", "3");
        await phone.SelectOptionAsync("select[name='Entered[0].Kind']", "absent");
        await phone.FillAsync("textarea[name='Entered[0].Text']", "工作日驻村干部不在村，村干部称本周未见");
        // Still no network: the record is kept on the phone, and sent once the network is back.
        await phone.TapAsync("#record-inspection button[type=submit]");
        await phone.Locator("[data-offline-status]").WaitForAsync();
        Assert.Contains("保存在手机上", await phone.Locator("[data-offline-status]").InnerTextAsync(), StringComparison.Ordinal);
        await phoneContext.SetOfflineAsync(false);
        await phone.WaitForSelectorAsync("#inspection[data-recorded='true']");
        Assert.Contains("驻村干部不在岗", await phone.Locator("table.findings").InnerTextAsync(), StringComparison.Ordinal);
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "supervision-inspection-phone.png"), FullPage = true });
        // Signing out drops the pages kept on the phone.
        const string keptCaches = "caches.keys().then(k => k.filter(n => n.startsWith('liaison-supervision-')).length)";
        Assert.Equal(1, await phone.EvaluateAsync<int>(keptCaches));
        await phone.EvaluateAsync("document.querySelector('form[action=\"/account/logout\"]').requestSubmit()");
        await phone.WaitForURLAsync(new Regex("/account/login"));
        Assert.Equal(0, await phone.EvaluateAsync<int>(keptCaches));

        // The county office drafts a notice from the finding, naming the unit, and issues it.
        var office = await desk.NewPageAsync();
        await office.Context.ClearCookiesAsync();
        await app.SignInAsync(office, "office");
        await office.GotoAsync(app.BaseUrl + "/supervision?code=370830");
        await office.Locator("table.findings tr[data-kind='absent'] a", new() { HasText = "起草通报" }).First.ClickAsync();
        await office.FillAsync("#draft-notice input[name=title]", title);
        // The draft starts from the finding's words; the office writes the notice's own.
        Assert.Equal("工作日驻村干部不在村，村干部称本周未见", await office.InputValueAsync("#draft-notice textarea[name=body]"));
        await office.FillAsync("#draft-notice textarea[name=body]", "暗访发现，该单位派驻干部工作日不在岗。");
        await office.FillAsync("#draft-notice input[name=units]", "370830U001");
        await office.FillAsync("#draft-notice textarea[name=required]", "十五个工作日内建立驻村在岗制度并报告");
        await office.ClickAsync("#draft-notice button[type=submit]");
        await office.WaitForURLAsync(new Regex("/notices/\\d+$"));
        await office.ClickAsync("#issue-notice button[type=submit]");
        await office.WaitForSelectorAsync("#notice[data-status='issued'][data-public='true']");
        var noticeUrl = office.Url;

        // With a rectification order for the unit.
        await office.Locator("a.button", new() { HasText = "下达限期整改" }).ClickAsync();
        Assert.Equal("370830U001", await office.InputValueAsync("#order-form input[name=unit]"));
        await office.FillAsync("#order-form textarea[name=what]", "建立驻村干部在岗签到和请销假制度");
        await office.ClickAsync("#order-form button[type=submit]");
        await office.WaitForURLAsync(new Regex("/orders/\\d+$"));
        var orderUrl = office.Url;
        Assert.Equal("open", await office.Locator("#order").GetAttributeAsync("data-status"));

        // The unit's administrator reads the notice naming the unit, and reports on the order.
        await using var unitContext = await app.Browser.NewContextAsync(new() { Locale = "zh-CN" });
        unitContext.SetDefaultTimeout(60_000);
        var unit = await unitContext.NewPageAsync();
        await app.SignInAsync(unit, "unit-admin");
        // On its home's to-do list: one rectification to report.
        await unit.GotoAsync(app.BaseUrl + "/");
        await unit.Locator("li[data-todo='orders-to-report'] span.count:not(.muted)").WaitForAsync();
        Assert.Equal("1", (await unit.Locator("li[data-todo='orders-to-report'] span.count").InnerTextAsync()).Trim());
        await unit.GotoAsync(noticeUrl);
        Assert.Contains(title, await unit.Locator("#notice h1").InnerTextAsync(), StringComparison.Ordinal);
        await unit.GotoAsync(app.BaseUrl + "/orders");
        await unit.Locator("#orders a", new() { HasText = "建立驻村干部在岗签到和请销假制度" }).ClickAsync();
        await unit.FillAsync("#report-order textarea[name=text]", "已印发在岗签到和请销假制度，附制度文件和签到表");
        await unit.ClickAsync("#report-order button[type=submit]");
        await unit.WaitForSelectorAsync("#order[data-status='reported']");
        // The inspection's round is not the unit's to read.
        await unit.GotoAsync(app.BaseUrl + "/supervision");
        Assert.Contains("/account/denied", unit.Url, StringComparison.Ordinal);

        // The office accepts it.
        await office.GotoAsync(orderUrl);
        await office.ClickAsync("#accept-order button[type=submit]");
        await office.WaitForSelectorAsync("#order[data-status='accepted']");
        Assert.Contains("验收销号", await office.Locator("#order-steps").InnerTextAsync(), StringComparison.Ordinal);

        // Villagers read the notice on the public page, without the findings behind it.
        await using var anyone = await app.Browser.NewContextAsync(new() { Locale = "zh-CN" });
        var villager = await anyone.NewPageAsync();
        await villager.GotoAsync(app.BaseUrl + "/public");
        await villager.ClickAsync("a[href='/public/notices']");
        var published = await villager.Locator("article.public-notice", new() { HasText = title }).InnerTextAsync();
        Assert.Contains("十五个工作日内建立驻村在岗制度并报告", published, StringComparison.Ordinal);
        Assert.DoesNotContain("村干部称本周未见", published, StringComparison.Ordinal);
    }
}
