using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Liaison.E2E;

/// <summary>
/// Issue 21's journey: a township office drafts a First Secretary's agreement; the First Secretary
/// agrees to it on the phone, makes a public commitment and later records a deed fulfilling it; the
/// village's public page shows both; the county's report counts the deed.
/// </summary>
[Collection("browser")]
public class ResultsJourney(BrowserFixture app)
{
    [Fact]
    public async Task An_agreement_drafted_agreed_on_the_phone_a_commitment_kept_by_a_deed_on_the_public_page_and_in_the_county_figures()
    {
        string cadreCode, village, villageName;
        await using (var db = app.OpenDb())
        {
            var accounts = db.Users.Where(u => u.CadreId != null).Select(u => u.CadreId!.Value);
            var posting = await db.SecretaryPostings.AsNoTracking().Where(p => p.Until == null && !accounts.Contains(p.CadreId)).OrderByDescending(p => p.VillageCode).FirstAsync();
            (cadreCode, village) = (await db.Cadres.Where(c => c.Id == posting.CadreId).Select(c => c.Code).SingleAsync(), posting.VillageCode);
            villageName = await db.Divisions.Where(d => d.Code == village).Select(d => d.Name).SingleAsync();
        }
        var (secretary, township) = ("fs21-" + cadreCode, "town21-" + village[..9]);
        Assert.Equal(0, await Liaison.App.Cli.LiaisonCli.RunAsync(["users", "add", "--name", secretary, "--role", "cadre", "--scope", village, "--cadre", cadreCode,
            "--password", Liaison.Tests.Shared.TestAccounts.Password, "--db", app.DbSetting], TimeProvider.System));
        Assert.Equal(0, await Liaison.App.Cli.LiaisonCli.RunAsync(["users", "add", "--name", township, "--role", "office", "--scope", village[..9],
            "--password", Liaison.Tests.Shared.TestAccounts.Password, "--db", app.DbSetting], TimeProvider.System));
        var today = Liaison.Domain.Shared.ChinaTime.Today(TimeProvider.System);

        // The township office drafts the agreement: the village by its name, one target.
        await using var desk = await app.Browser.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 1280, Height = 900 } });
        desk.SetDefaultTimeout(60_000);
        var office = await desk.NewPageAsync();
        await app.SignInAsync(office, township);
        await office.GotoAsync(app.BaseUrl + "/agreements");
        await PickAsync(office, "#draft-agreement", villageName);
        var row = office.Locator(".target-row[data-row='0']");
        await row.Locator("select[name=area]").SelectOptionAsync("development");
        await row.Locator("input[name=text]").FillAsync("村集体经济收入增加");
        await row.Locator("input[name=measure]").FillAsync("万元");
        await row.Locator("input[name=value]").FillAsync("5");
        await office.ClickAsync("#draft-agreement button[type=submit]");
        await office.WaitForURLAsync(new Regex("/agreements/\\d+$"));
        var agreementUrl = office.Url;
        Assert.Equal("draft", await office.Locator("#agreement").GetAttributeAsync("data-status"));

        // The First Secretary, on the phone: agrees to it, then promises the villagers a bridge.
        await using var phone = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN", IsMobile = true, HasTouch = true });
        phone.SetDefaultTimeout(60_000);
        var fs = await phone.NewPageAsync();
        await app.SignInAsync(fs, secretary);
        await fs.GotoAsync(app.BaseUrl + "/field");
        await fs.TapAsync("#to-agreements");
        await fs.Locator("table.agreements a", new() { HasText = villageName }).TapAsync();
        await fs.TapAsync("#agree button[type=submit]");
        await fs.WaitForSelectorAsync("#agreement[data-status='agreed']");
        await fs.GotoAsync(app.BaseUrl + "/field");
        await fs.TapAsync("#to-commitments");
        await PickAsync(fs, "#make-commitment", villageName);
        await fs.FillAsync("#make-commitment textarea[name=text]", "修建村西生产桥一座");
        await fs.FillAsync("#make-commitment input[name=deadline]", today.AddDays(40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await fs.TapAsync("#make-commitment button[type=submit]");
        await fs.WaitForURLAsync(new Regex("/commitments/\\d+$"));
        var commitmentUrl = fs.Url;
        await fs.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "results-commitment-phone.png") });

        // Later, the deed that keeps it: from the commitment's own link, the kind's quantities only.
        await fs.Locator("a.button", new() { HasText = "记录兑现它的实事" }).TapAsync();
        await fs.WaitForSelectorAsync("#fulfils");
        await fs.WaitForLoadStateAsync(LoadState.Load);
        await fs.SelectOptionAsync("#record-deed select[name=kind]", "bridge");
        // Only the chosen kind's quantities show (site.js hides the others once it has run).
        await fs.Locator("fieldset[data-when='road']").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        Assert.True(await fs.Locator("fieldset[data-when='bridge']").IsVisibleAsync());
        await fs.FillAsync("#record-deed input[name='q.bridge.bridges']", "1");
        await fs.FillAsync("#record-deed textarea[name=evidence]", "村西生产桥建成通行");
        await fs.TapAsync("#record-deed button[type=submit]");
        await fs.WaitForURLAsync(commitmentUrl);
        await fs.WaitForSelectorAsync("#fulfilling li");
        await fs.TapAsync("#keep button[type=submit]");
        await fs.WaitForSelectorAsync("#commitment[data-status='done']");

        // The office signs the agreement the First Secretary agreed to.
        await office.GotoAsync(agreementUrl);
        await office.FillAsync("#sign input[name=townshipSigner]", "王书记");
        await office.ClickAsync("#sign button[type=submit]");
        await office.WaitForSelectorAsync("#agreement[data-status='concluded']");

        // The village's public page, with no sign-in: the commitment kept and the deed.
        await using var anyone = await app.Browser.NewContextAsync(new() { Locale = "zh-CN" });
        var villager = await anyone.NewPageAsync();
        await villager.GotoAsync(app.BaseUrl + "/public/villages/" + village);
        Assert.Contains("修建村西生产桥一座", await villager.Locator("#public-commitments").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("按期兑现", await villager.Locator("#public-commitments").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("修建桥涵", await villager.Locator("#public-deeds").InnerTextAsync(), StringComparison.Ordinal);

        // The county's report counts the bridge once the village is recounted (the drainer runs every second).
        var county = await desk.NewPageAsync();
        await county.Context.ClearCookiesAsync();
        await app.SignInAsync(county, "office");
        var bridges = "0";
        for (var tries = 0; tries < 30 && bridges == "0"; tries++)
        {
            await county.GotoAsync(app.BaseUrl + "/reports/" + village[..6]);
            bridges = Regex.Match(await county.Locator("tr[data-indicator='deeds_bridges'] td.num").TextContentAsync() ?? "", "[\\d,.]+").Value;
            if (bridges == "0")
            {
                await Task.Delay(1000);
            }
        }
        Assert.Equal("1", bridges);
        await county.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "results-county-report.png"), FullPage = true });
    }

    /// <summary>Picks a village in a form's type-ahead by its name.</summary>
    private static async Task PickAsync(IPage page, string form, string name)
    {
        await page.ClickAsync($"{form} label:has(input[name=village]) .ts-control");
        await page.Keyboard.TypeAsync(name);
        await page.Locator(".ts-dropdown .option").Filter(new() { HasTextRegex = new Regex("^" + Regex.Escape(name)) }).First.ClickAsync();
    }
}
