using System.Net;
using Liaison.App.Web;
using Liaison.Tests.Shared;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Liaison.E2E;

/// <summary>The app on real Kestrel (127.0.0.1, a free port) over the small demo (or another database), and Debian's Chromium driven by Playwright.</summary>
public class BrowserFixture : IAsyncLifetime
{
    private TempSqlite _file = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private IPlaywright _playwright = null!;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots go here for a person to look at.</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        _file = await DatabaseAsync();
        await PrepareAsync(_file.Target);
        // The journeys sign in many times a minute from one address; the sign-in limit is SignInLimitTests' business.
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting(WebApp.DbKey, _file.DbSetting).UseSetting("Liaison:RateLimits:SignInPerMinute", "100000")
            .UseSetting("Liaison:RateLimits:SignInPerAccountPerMinute", "100000")
            // Likewise the public pages' limit (300 a minute from one address): all the journeys come from 127.0.0.1.
            .UseSetting("Liaison:RateLimits:PublicPerMinute", "100000")
            // A page that reads a division's records around the scoped query root fails its journey.
            .UseSetting(WebApp.ScopeGuardKey, "fail"));
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>The database the server starts on: the planned small demo with the test accounts.</summary>
    protected virtual async Task<TempSqlite> DatabaseAsync()
    {
        var file = await TempSqlite.WithPlannedSmallDemoAsync();
        await TestAccounts.CreateAsync(file.Target);
        return file;
    }

    /// <summary>More data before the server starts (a fixture of its own, so other journeys keep their quiet demo).</summary>
    protected virtual Task PrepareAsync(Liaison.Data.Database.DatabaseTarget target) => Task.CompletedTask;

    /// <summary>The database behind the app, for a test to find the records a person would know (a staff number).</summary>
    public Liaison.Data.LiaisonDb OpenDb() => _file.Target.CreateContext();

    /// <summary>The app's database as a command's --db takes it.</summary>
    public string DbSetting => _file.DbSetting;

    /// <summary>Signs a page in through the login form, as a person would.</summary>
    public async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync(BaseUrl + "/account/login");
        await page.FillAsync("input[name=UserName]", userName);
        await page.FillAsync("input[name=Password]", TestAccounts.Password);
        await page.ClickAsync("main form button[type=submit]");
        // Offices land on their workbench, a cadre in the field app.
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
    }

    /// <summary>Follows an entry of the side menu, opening the menu first where it is folded behind its button (a phone).</summary>
    public static async Task MenuAsync(IPage page, string entry)
    {
        if (await page.Locator(".navbar-toggler").IsVisibleAsync())
        {
            await page.ClickAsync(".navbar-toggler");
        }
        await page.ClickAsync($"nav.side-nav a >> text={entry}");
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
        await _file.DisposeAsync();
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserGroup : ICollectionFixture<BrowserFixture>;

/// <summary>The same, with a year of field work and cases, as `liaison demo activity` makes it: for the reports.</summary>
public sealed class ActivityBrowserFixture : BrowserFixture
{
    protected override async Task PrepareAsync(Liaison.Data.Database.DatabaseTarget target)
    {
        await using var db = target.CreateContext();
        await Liaison.Data.Demo.DemoActivity.GenerateAsync(db, TimeProvider.System, Liaison.Data.Audit.Actor.System,
            Liaison.Domain.Shared.ChinaTime.Today(TimeProvider.System).Year, 7, null, default);
    }
}

[CollectionDefinition("browser-activity")]
public sealed class ActivityBrowserGroup : ICollectionFixture<ActivityBrowserFixture>;

/// <summary>
/// A new city's installation: an empty database and the one account its installer makes with
/// <c>liaison users add --role admin</c>; everything else comes through the pages.
/// </summary>
public sealed class NewCityBrowserFixture : BrowserFixture
{
    protected override async Task<TempSqlite> DatabaseAsync()
    {
        var file = new TempSqlite();
        var code = await Liaison.App.Cli.LiaisonCli.RunAsync(["users", "add", "--name", "admin", "--role", "admin", "--scope", "*", "--password", TestAccounts.Password, "--db", file.DbSetting], TimeProvider.System);
        Assert.Equal(Liaison.App.Cli.ExitCodes.Ok, code);
        return file;
    }
}

[CollectionDefinition("browser-new-city")]
public sealed class NewCityBrowserGroup : ICollectionFixture<NewCityBrowserFixture>;
