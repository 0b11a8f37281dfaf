using System.Text.RegularExpressions;
using Liaison.Tests.Shared;
using Microsoft.Playwright;

namespace Liaison.E2E;

/// <summary>
/// A new county starts in the browser: from an empty database and the administrator its installer
/// made, through its own files (tests/NewCity: the NBS list, village profiles, units, the HR office's
/// GB18030 roster, households) with a preview of each, the policy, the plan and its check, the First
/// Secretary calls, to the accounts of its offices. Not Jining: 阿克塞哈萨克族自治县, Gansu.
/// </summary>
[Collection("browser-new-city")]
public class NewCountyJourney(NewCityBrowserFixture app)
{
    private static string Office(string name) => Path.Combine(AppContext.BaseDirectory, "NewCity", name);

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, $"new-county-{name}.png"), FullPage = true });

    [Fact]
    public async Task A_new_county_office_brings_its_own_files_and_plans_its_year_in_the_browser()
    {
        await using var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "zh-CN" });
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };

        // The administrator the installer made uploads the county's NBS list and makes its office's account.
        await SignInAsync(page, "admin", TestAccounts.Password);
        var divisions = await UploadAsync(page, "divisions", "620924-区划代码.csv");
        Assert.Contains("新增 24 行", divisions, StringComparison.Ordinal);
        var officePassword = await NewAccountAsync(page, "akesai", "阿克塞县驻村办", "阿克塞哈萨克族自治县");

        // The county office signs in with the password it was given and must choose its own first.
        await using var officeContext = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "zh-CN" });
        officeContext.SetDefaultTimeout(90_000);
        page = await officeContext.NewPageAsync();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await SignInAsync(page, "akesai", officePassword);
        Assert.Contains("/account/password", page.Url, StringComparison.Ordinal);
        await page.FillAsync("input[name=Current]", officePassword);
        await page.FillAsync("input[name=New]", "akesai-office-2026");
        await page.FillAsync("input[name=Confirm]", "akesai-office-2026");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync("text=密码已修改");

        // Its own files, each previewed and confirmed.
        var profiles = await UploadAsync(page, "village-profiles", "村情.csv");
        Assert.Contains("新增 16 行", profiles, StringComparison.Ordinal);
        await UploadAsync(page, "units", "单位.csv");
        var roster = await UploadAsync(page, "cadres", "干部花名册.csv");
        // The preview says which header row it read, where the footer stopped it, and every value it normalised.
        Assert.Contains("新增 50 行", roster, StringComparison.Ordinal);
        Assert.Contains("第 3 行", roster, StringComparison.Ordinal);
        Assert.Contains("合计", roster, StringComparison.Ordinal);
        Assert.Contains("正县级 → 县级领导班子成员", roster, StringComparison.Ordinal);
        Assert.Contains("+86 139 0000 0001 → 13900000001", roster, StringComparison.Ordinal);
        Assert.Contains("1971.03 → 1971", roster, StringComparison.Ordinal);
        await UploadAsync(page, "households", "农户.csv");

        // The policy: the supervision telephone and the First Secretary quota, the difference shown before saving.
        await page.GotoAsync(app.BaseUrl + "/policy/edit");
        Assert.Contains("酒泉市", await page.InputValueAsync("input[name=Title]"), StringComparison.Ordinal);
        await page.FillAsync("input[name=Telephone]", "0937 - 12380");
        await page.FillAsync("input[name=CountyQuota]", "3");
        await page.ClickAsync("form[action*='handler=form'] button[type=submit]");
        await page.WaitForSelectorAsync("form[action*='handler=save']");
        Assert.Contains("0937-12380", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(page, "policy-preview");
        await page.ClickAsync("form[action*='handler=save'] button");
        await page.WaitForSelectorAsync("text=已保存");

        // The plan, as a job followed on its page, then its check.
        await page.GotoAsync(app.BaseUrl + "/plan/620924");
        await page.ClickAsync("form[action*='handler=plan'] button");
        var planned = await JobAsync(page);
        Assert.Contains("检查发现 0 处违规", planned, StringComparison.Ordinal);
        await page.ClickAsync("a >> text=查看结果");
        await page.WaitForURLAsync("**/plan/620924**");
        // Every village covered, no township with a gap.
        Assert.Matches(@"有干部联系的村（社区）：\s*16\s*/\s*16", await page.Locator("main").InnerTextAsync());
        Assert.Equal(0, await page.Locator("tr.gap").CountAsync());
        await ShotAsync(page, "plan");
        await page.GotoAsync(app.BaseUrl + "/plan/check");
        Assert.Contains("没有违规", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // The First Secretary calls open for the villages in need.
        await page.GotoAsync(app.BaseUrl + "/secretaries");
        await page.ClickAsync("form[action*='handler=open'] button");
        var opened = await JobAsync(page);
        Assert.Contains("已开启 1 个选派，名额 3", opened, StringComparison.Ordinal);
        await page.ClickAsync("a >> text=查看结果");
        await page.WaitForSelectorAsync("table.calls");
        Assert.Contains("阿克塞哈萨克族自治县", await page.Locator("table.calls").InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(page, "secretaries");

        // And an account for one of its townships.
        var townshipPassword = await NewAccountAsync(page, "hongliuwan", "红柳湾镇驻村办", "红柳湾镇");
        Assert.True(townshipPassword.Length >= 10);

        // Its public pages publish its own telephone.
        var visitor = await officeContext.NewPageAsync();
        await visitor.GotoAsync(app.BaseUrl + "/public");
        var portal = await visitor.Locator("body").InnerTextAsync();
        Assert.Contains("阿克塞哈萨克族自治县", portal, StringComparison.Ordinal);
        Assert.Contains("0937-12380", portal, StringComparison.Ordinal);
        Assert.DoesNotContain("济宁", portal, StringComparison.Ordinal);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private async Task SignInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync(app.BaseUrl + "/account/login");
        await page.FillAsync("input[name=UserName]", user);
        await page.FillAsync("input[name=Password]", password);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
    }

    /// <summary>Uploads an office's file on the import page, reads the preview, confirms it and follows the import to its end; returns the preview's text.</summary>
    private async Task<string> UploadAsync(IPage page, string kind, string file)
    {
        await page.GotoAsync(app.BaseUrl + "/imports");
        await page.SelectOptionAsync("form[action*='handler=preview'] select[name=Kind]", kind);
        await page.SetInputFilesAsync("form[action*='handler=preview'] input[name=Upload]", Office(file));
        await page.ClickAsync("form[action*='handler=preview'] button[type=submit]");
        await page.WaitForSelectorAsync("text=预览");
        var preview = await page.Locator("main").InnerTextAsync();
        await ShotAsync(page, kind + "-preview");
        Assert.True(await page.Locator("form[action*='handler=confirm']").CountAsync() == 1, preview);
        await page.ClickAsync("form[action*='handler=confirm'] button");
        await JobAsync(page);
        return preview;
    }

    /// <summary>Waits on a job's page (it reloads itself) for its end; the work must have succeeded. Returns the result.</summary>
    private static async Task<string> JobAsync(IPage page)
    {
        await page.WaitForURLAsync("**/jobs/**");
        var end = page.Locator("main .notice.ok, main .notice.error").First;
        await end.WaitForAsync();
        var text = await page.Locator("main").InnerTextAsync();
        Assert.True(await page.Locator("main .notice.ok").CountAsync() == 1, text);
        return text;
    }

    /// <summary>Creates an office account for a place chosen by its name; returns the first password the page shows once.</summary>
    private async Task<string> NewAccountAsync(IPage page, string user, string name, string place)
    {
        await page.GotoAsync(app.BaseUrl + "/admin/accounts/new");
        await page.FillAsync("input[name=UserName]", user);
        await page.FillAsync("input[name=DisplayName]", name);
        await page.SelectOptionAsync("select[name=Role]", "Office");
        await page.ClickAsync("label:has(input[name=Division]) .ts-control");
        await page.Keyboard.TypeAsync(place);
        await page.Locator(".ts-dropdown .option").Filter(new() { HasTextRegex = new Regex("^" + place) }).First.ClickAsync();
        await page.ClickAsync("form[action*='handler=create'] button[type=submit]");
        await page.WaitForSelectorAsync("main .notice.ok code");
        await ShotAsync(page, "account-" + user);
        return (await page.Locator("main .notice.ok code").InnerTextAsync()).Trim();
    }
}
