using System.Net;
using Liaison.App.Auth;
using Liaison.Data.Audit;
using Liaison.Domain.Access;
using Liaison.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.App.Tests;

/// <summary>Sessions end on the server; passwords are changed by their owner; sign-in answers the same whatever went wrong.</summary>
public sealed class SessionTests : IAsyncLifetime
{
    private TempSqlite _file = null!;
    private WebApplicationFactory<Program> _host = null!;

    public async Task InitializeAsync()
    {
        _file = await TempSqlite.WithSmallDemoAsync();
        await TestAccounts.CreateAsync(_file.Target);
        _host = AppFixture.Host(_file, ("Liaison:RateLimits:SignInPerMinute", "1000"), ("Liaison:RateLimits:SignInPerAccountPerMinute", "6"));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _file.DisposeAsync();
    }

    private async Task<HttpClient> SignedInAsync(string name, string password = TestAccounts.Password)
    {
        var client = AppFixture.ClientOf(_host);
        Assert.True(TestAccounts.IsSignedIn(await TestAccounts.SignInAsync(client, name, password)), $"{name} could not sign in");
        return client;
    }

    private async Task<string> AccountAsync(string name)
    {
        await using var services = AccountAdmin.Services(_file.Target, TimeProvider.System);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountAdmin>().AddAsync(new NewAccount(name, Role.Inspector, TestAccounts.County, null, TestAccounts.Password), Actor.System, default);
        return name;
    }

    private static async Task<(HttpClient Client, string Cookie)> SignInRawAsync(WebApplicationFactory<Program> host, string name, string password = TestAccounts.Password)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var login = await client.GetAsync("/account/login");
        var antiforgery = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var form = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = name,
                ["Password"] = password,
                ["__RequestVerificationToken"] = TestAccounts.FormToken(await login.Content.ReadAsStringAsync()),
            }),
        };
        form.Headers.Add("Cookie", antiforgery);
        var answer = await client.SendAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var auth = answer.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("liaison.auth=", StringComparison.Ordinal)).Split(';')[0];
        return (client, antiforgery + "; " + auth);
    }

    private static async Task<HttpStatusCode> GetAsync(HttpClient client, string cookie, string path = "/")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Signing_out_ends_the_session_so_a_copied_cookie_stops_working()
    {
        var (client, cookie) = await SignInRawAsync(_host, "office");
        var thief = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        Assert.Equal(HttpStatusCode.OK, await GetAsync(thief, cookie));

        using var page = new HttpRequestMessage(HttpMethod.Get, "/account/security");
        page.Headers.Add("Cookie", cookie);
        // The token of the menu's own sign-out form (a form with an explicit action carries one only when asked).
        var html = await (await client.SendAsync(page)).Content.ReadAsStringAsync();
        var signOut = html[html.IndexOf("action=\"/account/logout\"", StringComparison.Ordinal)..];
        var token = TestAccounts.FormToken(signOut[..signOut.IndexOf("</form>", StringComparison.Ordinal)]);
        Assert.NotEmpty(token);
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/account/logout") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }) };
        logout.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SendAsync(logout)).StatusCode);

        // The copy still holds a cookie the browser would have sent for eight hours: the server refuses it now.
        Assert.Equal(HttpStatusCode.Redirect, await GetAsync(thief, cookie));
        await using var db = _file.Target.CreateContext();
        Assert.True(await db.AccountSessions.AnyAsync(s => s.EndedAt != null));
    }

    [Fact]
    public async Task A_session_ends_at_its_absolute_lifetime_however_active()
    {
        var clock = new FixedClock(TimeProvider.System.GetUtcNow());
        await using var host = AppFixture.Host(_file, ("Liaison:Sessions:AbsoluteHours", "1"), ("Liaison:Sessions:IdleMinutes", "600"))
            .WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));
        var (client, cookie) = await SignInRawAsync(host, "office");
        clock.Now += TimeSpan.FromMinutes(50);
        Assert.Equal(HttpStatusCode.OK, await GetAsync(client, cookie));
        clock.Now += TimeSpan.FromMinutes(20);
        Assert.Equal(HttpStatusCode.Redirect, await GetAsync(client, cookie));
    }

    [Fact]
    public async Task Changing_ones_password_needs_the_old_one_and_ends_every_other_session()
    {
        var name = await AccountAsync("pw-change");
        var (client, cookie) = await SignInRawAsync(_host, name);
        var (other, otherCookie) = await SignInRawAsync(_host, name);

        async Task<string> PostAsync(string current, string @new)
        {
            using var page = new HttpRequestMessage(HttpMethod.Get, "/account/password");
            page.Headers.Add("Cookie", cookie);
            var token = TestAccounts.FormToken(await (await client.SendAsync(page)).Content.ReadAsStringAsync());
            using var post = new HttpRequestMessage(HttpMethod.Post, "/account/password")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Current"] = current, ["New"] = @new, ["Confirm"] = @new, ["__RequestVerificationToken"] = token }),
            };
            post.Headers.Add("Cookie", cookie);
            post.Headers.Add("Accept-Language", "zh-CN");
            var answer = await client.SendAsync(post);
            // A refreshed sign-in cookie (same session, new security stamp) replaces the old one.
            if (answer.Headers.TryGetValues("Set-Cookie", out var set) && set.FirstOrDefault(c => c.StartsWith("liaison.auth=", StringComparison.Ordinal)) is { } fresh)
            {
                cookie = string.Join("; ", cookie.Split("; ").Where(c => !c.StartsWith("liaison.auth=", StringComparison.Ordinal)).Append(fresh.Split(';')[0]));
            }
            return await answer.Content.ReadAsStringAsync();
        }

        Assert.Contains("原密码不正确", await PostAsync("not-my-password", "a-brand-new-password"), StringComparison.Ordinal);
        Assert.Contains("密码已修改", await PostAsync(TestAccounts.Password, "a-brand-new-password"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, await GetAsync(client, cookie));
        Assert.Equal(HttpStatusCode.Redirect, await GetAsync(other, otherCookie));
        Assert.False(TestAccounts.IsSignedIn(await TestAccounts.SignInAsync(AppFixture.ClientOf(_host), name)));
        Assert.True(TestAccounts.IsSignedIn(await TestAccounts.SignInAsync(AppFixture.ClientOf(_host), name, "a-brand-new-password")));
        await using var db = _file.Target.CreateContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "account.password-change" && e.Actor == name));
    }

    [Fact]
    public async Task A_reset_password_opens_only_the_password_page_until_it_is_changed()
    {
        var name = await AccountAsync("pw-reset");
        string temporary;
        await using (var services = AccountAdmin.Services(_file.Target, TimeProvider.System))
        await using (var scope = services.CreateAsyncScope())
        {
            temporary = await scope.ServiceProvider.GetRequiredService<AccountAdmin>().SetPasswordAsync(name, null, Actor.Cli, default);
        }
        var client = await SignedInAsync(name, temporary);
        var home = await client.GetAsync("/");
        Assert.Equal("/account/password", home.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/indicators")).StatusCode);

        var page = await client.GetStringAsync("/account/password");
        Assert.Contains("临时密码", page, StringComparison.Ordinal);
        var done = await client.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Current"] = temporary,
            ["New"] = "my-own-new-password",
            ["Confirm"] = "my-own-new-password",
            ["__RequestVerificationToken"] = TestAccounts.FormToken(page),
        }));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Wrong_password_locked_account_and_throttled_name_answer_alike()
    {
        var name = await AccountAsync("locked-out");
        async Task<string> TryAsync(string password)
        {
            var client = AppFixture.ClientOf(_host);
            var answer = await TestAccounts.SignInAsync(client, name, password);
            Assert.False(TestAccounts.IsSignedIn(answer));
            return System.Text.RegularExpressions.Regex.Match(await answer.Content.ReadAsStringAsync(), "role=\"alert\">([^<]+)<").Groups[1].Value;
        }
        var wrong = await TryAsync("wrong-password-1");
        Assert.NotEmpty(wrong);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(wrong, await TryAsync("wrong-password-1"));
        }
        // Locked after five failures: the right password gets the same answer as a wrong one.
        Assert.Equal(wrong, await TryAsync(TestAccounts.Password));
        // And past six attempts a minute on this name, the attempt is not even checked.
        Assert.Equal(wrong, await TryAsync(TestAccounts.Password));
        await using var db = _file.Target.CreateContext();
        Assert.Contains("throttled", string.Join(",", await db.AuditEntries.Where(e => e.Action == "account.sign-in" && e.Actor == name).Select(e => e.After).ToListAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_name_with_hidden_characters_is_audited_clean()
    {
        var client = AppFixture.ClientOf(_host);
        await TestAccounts.SignInAsync(client, "adm\u202Ein\r\nforged", "whatever-password");
        await using var db = _file.Target.CreateContext();
        Assert.Contains(await db.AuditEntries.Where(e => e.Action == "account.sign-in").Select(e => e.Actor).ToListAsync(), a => a == "adminforged");
    }

    [Fact]
    public async Task A_malformed_return_url_goes_home()
    {
        var client = AppFixture.ClientOf(_host);
        var form = await client.GetStringAsync("/account/login");
        var answer = await client.PostAsync("/account/login?ReturnUrl=%2F%0D%0ASet-Cookie%3Ax", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "office",
            ["Password"] = TestAccounts.Password,
            ["__RequestVerificationToken"] = TestAccounts.FormToken(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/", answer.Headers.Location?.OriginalString);
    }
}
