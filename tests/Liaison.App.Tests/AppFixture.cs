using Liaison.App.Web;
using Liaison.Data.Database;
using Liaison.Data.Demo;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Liaison.App.Tests;

/// <summary>The web app over its own SQLite file holding the small demo (seed 1).</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public string DbPath { get; } = Path.Combine(Path.GetTempPath(), "liaison-app-" + Guid.NewGuid().ToString("N") + ".db");
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public DatabaseTarget Target => DatabaseTarget.Sqlite(DbPath);

    public async Task InitializeAsync()
    {
        await using (var db = Target.CreateContext())
        {
            await Schema.MigrateAsync(db, default);
            await DemoSeeder.SeedAsync(db, DemoScale.Small, 1, null, default);
        }
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting(WebApp.DbKey, "sqlite:" + DbPath));
    }

    public HttpClient Client(bool followRedirects = true) =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true });

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { DbPath, DbPath + "-wal", DbPath + "-shm" })
        {
            File.Delete(f);
        }
    }
}

[CollectionDefinition("app")]
public sealed class AppGroup : ICollectionFixture<AppFixture>;
