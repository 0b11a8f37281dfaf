using Liaison.Domain.Secretaries;
using Microsoft.EntityFrameworkCore;

namespace Liaison.E2E;

[Collection("browser")]
public class SecretaryJourney(BrowserFixture app)
{
    [Fact]
    public async Task The_city_office_runs_a_first_secretary_call_from_registration_to_the_published_list_on_a_phone()
    {
        // A cadre of a township call who has not registered this year: the unit knows the staff number.
        int callId;
        string code, name;
        await using (var db = app.OpenDb())
        {
            // A reserve cadre with full marks goes first in the call, whatever the others scored.
            var found = await (from opened in db.SecretaryCalls
                               join u in db.Units on opened.DivisionCode equals u.DivisionCode
                               join c in db.Cadres on u.Id equals c.UnitId
                               where opened.Level == DispatchLevel.Township && (int)u.Level == (int)opened.Level && c.Rank == Domain.People.CadreRank.Ordinary && c.IsReserve
                                     && !db.SecretaryCandidates.Any(k => k.CadreId == c.Id && db.SecretaryCalls.Any(x => x.Id == k.CallId && x.Year == opened.Year))
                               orderby opened.DivisionCode, c.Code
                               select new { call = opened, cadre = c }).FirstAsync();
            var (call, cadre) = (found.call, found.cadre);
            (callId, code, name) = (call.Id, cadre.Code, cadre.Name);
        }
        await using var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN" });
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };

        await app.SignInAsync(page, "admin");
        await BrowserFixture.MenuAsync(page, "第一书记");
        await page.WaitForSelectorAsync("table.calls");
        await page.ClickAsync($"table.calls a[href='/secretaries/calls/{callId}']");
        await page.WaitForSelectorAsync("table.candidates");

        // Registration, then the panel's four scores.
        await page.FillAsync("form[action*='handler=register'] input[name=cadre]", code);
        await page.ClickAsync("form[action*='handler=register'] button");
        await page.WaitForSelectorAsync("#result");
        Assert.Contains("已报名", await page.Locator("#result").InnerTextAsync(), StringComparison.Ordinal);
        var row = page.Locator("table.candidates tr", new() { HasText = name });
        foreach (var field in new[] { "political", "innovation", "massWork", "coordination" })
        {
            await row.Locator($"input[name={field}]").FillAsync("100");
        }
        await row.Locator("button").ClickAsync();
        await page.WaitForSelectorAsync("#result");
        Assert.Contains("评分已保存", await page.Locator("#result").InnerTextAsync(), StringComparison.Ordinal);

        // Selection on merit and the optimal match, from the calls page.
        await page.ClickAsync("a >> text=全部选派");
        // Each step is a job: its page follows it to its result and leads back to the calls.
        await page.ClickAsync("form[action*='handler=select'] button");
        await page.Locator("main .notice.ok").WaitForAsync();
        await page.ClickAsync("a >> text=查看结果");
        await page.ClickAsync("form[action*='handler=match'] button");
        await page.Locator("main .notice.ok").WaitForAsync();
        Assert.Contains("已安排", await page.Locator("main .notice.ok").InnerTextAsync(), StringComparison.Ordinal);

        // The full marks put the cadre first: the person's plan page shows the posting with its cost terms.
        await page.GotoAsync(app.BaseUrl + "/plan/people/" + code);
        await page.Locator("a[href^='/secretaries/postings/']").First.ClickAsync();
        await page.WaitForSelectorAsync("text=为什么不派到这个村？");
        Assert.Contains(name, await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "secretary-posting.png"), FullPage = true });

        // Published on the public contact-point page, without signing in.
        var visitor = await (await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN" })).NewPageAsync();
        await visitor.GotoAsync(app.BaseUrl + "/public/contacts");
        Assert.Contains(name, await visitor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await visitor.Context.CloseAsync();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
