using Liaison.App.Web;
using Liaison.Data.Database;
using Liaison.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Liaison.App.Tests;

/// <summary>The web app over its own SQLite file holding the small demo (seed 1).</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private TempSqlite _file = null!;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public DatabaseTarget Target => _file.Target;

    public async Task InitializeAsync()
    {
        _file = await TempSqlite.WithSmallDemoAsync();
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting(WebApp.DbKey, _file.DbSetting));
    }

    public HttpClient Client(bool followRedirects = true) =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true });

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _file.DisposeAsync();
    }
}

[CollectionDefinition("app")]
public sealed class AppGroup : ICollectionFixture<AppFixture>;
