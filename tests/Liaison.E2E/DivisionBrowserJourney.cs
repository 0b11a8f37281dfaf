using Microsoft.Playwright;

namespace Liaison.E2E;

[Collection("browser")]
public class DivisionBrowserJourney(BrowserFixture app)
{
    [Fact]
    public async Task A_visitor_browses_from_the_county_to_a_village_in_chinese_and_switches_to_english()
    {
        await using var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN" });
        // Generous: CI machines are shared, and a loaded 2-core machine parses ECharts slowly.
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };

        await app.SignInAsync(page, "office");
        await page.GotoAsync(app.BaseUrl + "/divisions");
        Assert.EndsWith("/divisions/370830", page.Url, StringComparison.Ordinal);
        Assert.Equal("汶上县", (await page.Locator("h1").InnerTextAsync()).Split(' ')[0].Trim());
        var rows = page.Locator("table.children tbody tr");
        Assert.True(await rows.CountAsync() > 10);
        Assert.Contains("中都街道", await page.Locator("table.children").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("行政区划", (await page.Locator("nav.side-nav a").Nth(1).TextContentAsync())?.Trim());
        // The Chinese text is drawn with a CJK font, not boxes.
        Assert.True(await page.EvaluateAsync<bool>("document.fonts.check('16px \"Noto Sans CJK SC\"', '汶上县')"));
        // ECharts, served locally, draws the households chart (as SVG, which prints crisply).
        await page.WaitForSelectorAsync(".chart svg");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "county.png"), FullPage = true });

        await page.ClickAsync("table.children a >> text=中都街道");
        await page.WaitForURLAsync("**/divisions/370830001", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.Locator("table.children tbody tr a").First.ClickAsync();
        await page.WaitForSelectorAsync("table.households");
        Assert.Contains("村情", await page.Locator(".profile h2").InnerTextAsync(), StringComparison.Ordinal);
        var phones = await page.Locator("table.households tbody td:nth-child(3)").AllInnerTextsAsync();
        Assert.All(phones.Where(p => p.Length > 0), p => Assert.Matches(@"^\d{3}\*{4}\d{4}$", p));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "village.png"), FullPage = true });

        await page.ClickAsync("header .lang a");
        await page.WaitForSelectorAsync("html[lang=en]");
        Assert.Contains("Households", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Typing_in_the_search_box_lists_matches_as_you_type()
    {
        await using var context = await app.Browser.NewContextAsync();
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        await app.SignInAsync(page, "inspector");
        await page.FillAsync("header input[name=q]", "中都");
        var first = page.Locator("#quick-results a").First;
        await first.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Contains("中都", await first.InnerTextAsync(), StringComparison.Ordinal);
    }
}
