using Microsoft.Playwright;

namespace Liaison.E2E;

[Collection("browser")]
public class PlanJourney(BrowserFixture app)
{
    [Fact]
    public async Task An_office_on_a_phone_walks_the_plan_to_a_tie_and_locks_it_with_a_reason()
    {
        await using var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN" });
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };

        await app.SignInAsync(page, "office");
        await BrowserFixture.MenuAsync(page, "联系计划");
        await page.WaitForURLAsync("**/plan/370830", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.Contains("覆盖", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.ClickAsync("main table a >> text=中都街道");
        await page.WaitForURLAsync("**/plan/370830001", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.Locator("main table tbody tr td a[href^='/plan/370830001']").First.ClickAsync();
        await page.WaitForSelectorAsync("table.ties");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "plan-village.png"), FullPage = true });

        await page.Locator("table.ties a >> text=详情").First.ClickAsync();
        await page.WaitForSelectorAsync("text=集中驻村安排");
        await page.ClickAsync("a.button >> text=调整");
        await page.Locator("form[action*='handler=lock'] input[name=reason]").FillAsync("群众满意，保持不变");
        await page.Locator("form[action*='handler=lock'] button").ClickAsync();
        await page.WaitForSelectorAsync("#result");
        Assert.Contains("已保存", await page.Locator("#result").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task A_villager_reads_the_published_contact_points_on_a_phone_without_signing_in()
    {
        await using var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN" });
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();

        await page.GotoAsync(app.BaseUrl + "/public/contacts");

        Assert.Contains("领导干部联系点公示", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("ul.public-contacts > li").CountAsync() > 10);
        Assert.Contains("县级领导班子成员", await page.Locator("ul.public-contacts").InnerTextAsync(), StringComparison.Ordinal);
        // A villager finds their own village's contacts by its name.
        await page.FillAsync("input[name=q]", "中都街道");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync("**/public/contacts?q=**");
        Assert.True(await page.Locator("ul.public-contacts > li").CountAsync() > 0);
        Assert.All(await page.Locator("ul.public-contacts > li").AllInnerTextsAsync(), t => Assert.Contains("中都街道", t, StringComparison.Ordinal));
        // Nothing wider than the phone but the table's own scrolling box.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "public-contacts.png"), FullPage = false });
    }
}
