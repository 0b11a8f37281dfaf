using Liaison.App.Web;
using Liaison.Data.Database;
using Liaison.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.App.Tests;

/// <summary>The web app over its own SQLite file holding the small demo (seed 1).</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private TempSqlite _file = null!;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public DatabaseTarget Target => _file.Target;

    private readonly Dictionary<string, HttpClient> _signedIn = [];

    public async Task InitializeAsync()
    {
        _file = await TempSqlite.WithPlannedSmallDemoAsync();
        await TestAccounts.CreateAsync(_file.Target);
        Factory = Host(_file, ("Liaison:RateLimits:SignInPerMinute", "100000"), ("Liaison:RateLimits:SignInPerAccountPerMinute", "100000"));
    }

    /// <summary>The web app as production runs it, over a SQLite file of the caller's, with extra settings.</summary>
    public static WebApplicationFactory<Program> Host(TempSqlite file, params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production").UseSetting(WebApp.DbKey, file.DbSetting);
            // Every read of a division's records must come through the scoped query root: one that does not fails its request.
            b.UseSetting(WebApp.ScopeGuardKey, "fail");
            // The test server's requests come from nowhere; Kestrel's from an address. As on this machine: loopback.
            b.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, FromLoopback>());
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });

    /// <summary>A client of such a host that keeps cookies and does not follow redirects.</summary>
    public static HttpClient ClientOf(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client that is not signed in.</summary>
    public HttpClient Anonymous(bool followRedirects = true) =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true });

    /// <summary>A fresh client signed in as one of <see cref="TestAccounts.All"/>; redirects are not followed.</summary>
    public async Task<HttpClient> SignedInAsync(string userName, bool followRedirects = false)
    {
        var client = Anonymous(followRedirects);
        var response = await TestAccounts.SignInAsync(client, userName);
        var signedIn = followRedirects
            // Offices land on the workbench, a cadre in the field app.
            ? response.StatusCode == System.Net.HttpStatusCode.OK && response.RequestMessage?.RequestUri?.AbsolutePath is "/" or "/field"
            : TestAccounts.IsSignedIn(response);
        Assert.True(signedIn, $"{userName} could not sign in: {response.StatusCode}");
        return client;
    }

    /// <summary>The county office's client, signed in once and shared by the tests that only read.</summary>
    public async Task<HttpClient> Client()
    {
        if (!_signedIn.TryGetValue("office", out var client))
        {
            _signedIn["office"] = client = await SignedInAsync("office", followRedirects: true);
        }
        return client;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _file.DisposeAsync();
    }
}

/// <summary>
/// A test class's own web app over its own planned small demo with the test accounts, for tests
/// that change what others read (records, sessions, settings): started once per class.
/// </summary>
public abstract class OwnHost : IAsyncLifetime
{
    /// <summary>The class's own database: the planned small demo and the test accounts.</summary>
    protected TempSqlite Demo { get; private set; } = null!;
    protected WebApplicationFactory<Program> Web { get; set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Demo = await TempSqlite.WithPlannedSmallDemoAsync();
        await TestAccounts.CreateAsync(Demo.Target);
        Web = AppFixture.Host(Demo);
    }

    public async Task DisposeAsync()
    {
        await Web.DisposeAsync();
        await Demo.DisposeAsync();
    }

    /// <summary>A client signed in as one of the test accounts, ready for API writes with its cookie (the anti-forgery header, as the phone app sends it).</summary>
    protected async Task<HttpClient> SignedInAsync(string name)
    {
        var client = AppFixture.ClientOf(Web);
        Assert.True(TestAccounts.IsSignedIn(await TestAccounts.SignInAsync(client, name)), $"{name} could not sign in");
        await TestAccounts.UseApiTokenAsync(client);
        return client;
    }
}

/// <summary>Gives every test request the loopback address a browser on the server's machine would have.</summary>
internal sealed class FromLoopback : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, after) =>
        {
            context.Connection.RemoteIpAddress ??= System.Net.IPAddress.Loopback;
            await after();
        });
        next(app);
    };
}

[CollectionDefinition("app")]
public sealed class AppGroup : ICollectionFixture<AppFixture>;
