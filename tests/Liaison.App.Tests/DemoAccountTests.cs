using Liaison.App.Auth;
using Liaison.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.App.Tests;

public class DemoAccountTests
{
    [Fact]
    public async Task Each_demo_account_signs_in_with_its_printed_password_and_starts_at_its_scope()
    {
        await using var file = await TempSqlite.WithSmallDemoAsync();
        List<(string Name, Domain.Access.Role Role, string Scope, string Password)> accounts;
        await using (var services = AccountAdmin.Services(file.Target, TimeProvider.System))
        await using (var scope = services.CreateAsyncScope())
        await using (var db = file.Target.CreateContext())
        {
            accounts = await DemoAccounts.CreateAsync(db, scope.ServiceProvider.GetRequiredService<AccountAdmin>(), default);
        }
        Assert.Equal(Enum.GetValues<Domain.Access.Role>().Length, accounts.Select(a => a.Role).Distinct().Count());
        // A case of the cadre's village can be passed up to its township, county and city: each has an office.
        var village = accounts.Single(a => a.Role == Domain.Access.Role.Cadre).Scope;
        for (var level = Domain.Cases.CaseLifecycle.Above(Domain.Cases.CaseLevel.Village); level is { } at; level = Domain.Cases.CaseLifecycle.Above(at))
        {
            var holder = Domain.Cases.CaseLifecycle.DivisionAt(village, at);
            Assert.Contains(accounts, a => a.Role == Domain.Access.Role.Office && a.Scope == holder);
        }
        await using var factory = AppFixture.Host(file, ("Liaison:RateLimits:SignInPerMinute", "1000"), ("Liaison:RateLimits:SignInPerAccountPerMinute", "1000"));
        var homes = new Dictionary<string, string>
        {
            ["admin"] = "汶上县",
            ["city-office"] = "济宁市",
            ["county-office"] = "汶上县",
            ["township-office"] = "中都街道",
            ["unit-admin"] = "汶上县",
            ["cadre"] = "南门社区居民委员会",
            ["inspector"] = "汶上县",
        };
        foreach (var (name, _, _, password) in accounts)
        {
            var client = AppFixture.ClientOf(factory);
            Assert.True(TestAccounts.IsSignedIn(await TestAccounts.SignInAsync(client, name, password)), name);
            var start = await TestAccounts.StartAsync(client);
            Assert.True(TestAccounts.StartsAt(start, homes[name]), $"{name}: {start}");
        }
    }
}
