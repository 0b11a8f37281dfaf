using Liaison.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Liaison.App.Tests;

/// <summary>
/// A test class whose tests change what they read: each test gets its own copy of the small demo
/// (planned, or not) with the test accounts, its own server, and signed-in clients on request.
/// </summary>
public abstract class OwnDemoHost(bool planned) : IAsyncLifetime
{
    protected TempSqlite Demo { get; private set; } = null!;
    protected WebApplicationFactory<Program> Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Demo = planned ? await TempSqlite.WithPlannedSmallDemoAsync() : await TempSqlite.WithSmallDemoAsync();
        await TestAccounts.CreateAsync(Demo.Target);
        Host = AppFixture.Host(Demo, ("Liaison:RateLimits:SignInPerMinute", "100000"), ("Liaison:RateLimits:SignInPerAccountPerMinute", "100000"));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Demo.DisposeAsync();
    }

    protected async Task<HttpClient> SignedInAsync(string user)
    {
        var client = AppFixture.ClientOf(Host);
        Assert.True(TestAccounts.IsSignedIn(await TestAccounts.SignInAsync(client, user)));
        return client;
    }
}
