using System.Net;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

/// <summary>1,000 failed sign-ins in a minute: the address is slowed to a stop, the account locked, and every try recorded.</summary>
public class SignInLimitTests
{
    [Fact]
    public async Task A_thousand_failed_sign_ins_in_a_minute_are_throttled_and_lock_the_account()
    {
        await using var file = await TempSqlite.WithSmallDemoAsync();
        await TestAccounts.CreateAsync(file.Target);
        await using var factory = AppFixture.Host(file);
        var client = AppFixture.ClientOf(factory);
        var form = await client.GetStringAsync("/account/login");
        var token = TestAccounts.FormToken(form);
        var statuses = new List<HttpStatusCode>();
        var refusal = "";
        for (var i = 0; i < 1000; i++)
        {
            var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "office",
                ["Password"] = "wrong-password-" + i,
                ["__RequestVerificationToken"] = token,
            }));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && refusal.Length == 0)
            {
                refusal = await response.Content.ReadAsStringAsync();
            }
        }

        // The first ten are answered (the form again), the rest refused: 10 attempts a minute from one address;
        // opening the form did not count. The refusal is the form, saying in Chinese how long to wait.
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(990, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Contains("尝试次数过多，请 1 分钟后再试", refusal, StringComparison.Ordinal);
        Assert.Contains("name=\"UserName\"", refusal, StringComparison.Ordinal);
        await using var db = file.Target.CreateContext();
        var office = await db.Users.SingleAsync(u => u.UserName == "office");
        Assert.NotNull(office.LockoutEnd);
        Assert.True(office.LockoutEnd > TimeProvider.System.GetUtcNow().AddMinutes(10));
        Assert.Equal(10, await db.AuditEntries.CountAsync(e => e.Action == "account.sign-in" && e.EntityKey == "office"));
    }
}
