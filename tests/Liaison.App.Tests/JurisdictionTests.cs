using System.Net;
using System.Net.Http.Headers;
using Liaison.App.Auth;
using Liaison.Data.Audit;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.App.Tests;

/// <summary>Each account sees exactly its jurisdiction; guessing, tokens and disabled accounts get nothing.</summary>
[Collection("app")]
public class JurisdictionTests(AppFixture app)
{
    [Theory]
    [InlineData("admin", "汶上县")]
    [InlineData("office", "汶上县")]
    [InlineData("township-office", "中都街道")]
    [InlineData("unit-admin", "汶上县")]
    [InlineData("cadre", "南门社区居民委员会")]
    [InlineData("inspector", "汶上县")]
    [InlineData("other-inspector", "南旺镇")]
    public async Task Each_account_starts_at_its_own_scope(string user, string home)
    {
        var client = await app.SignedInAsync(user, followRedirects: true);
        var start = await TestAccounts.StartAsync(client);
        Assert.True(TestAccounts.StartsAt(start, home), start);
    }

    [Fact]
    public async Task Search_and_the_api_list_nothing_outside_the_scope()
    {
        var township = await app.SignedInAsync("township-office", followRedirects: true);
        Assert.DoesNotContain("/divisions/370830002", await township.GetStringAsync("/search?q=370830002"), StringComparison.Ordinal);
        Assert.DoesNotContain("370830002", await township.GetStringAsync("/api/v1/divisions?q=3708300"), StringComparison.Ordinal);
        Assert.Contains("370830001001", await township.GetStringAsync("/api/v1/divisions?q=3708300"), StringComparison.Ordinal);
        // The breadcrumb names the county above the scope but does not link it.
        var page = await township.GetStringAsync("/divisions/370830001");
        Assert.Contains("汶上县", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/divisions/370830\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_that_looks_like_sql_or_script_is_only_text()
    {
        var client = await app.SignedInAsync("admin", followRedirects: true);
        var sql = await client.GetAsync("/search?q=" + Uri.EscapeDataString("' OR 1=1; DROP TABLE households; --"));
        Assert.Equal(HttpStatusCode.OK, sql.StatusCode);
        Assert.Contains("没有找到", await sql.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var script = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("<script>alert(1)</script>"));
        Assert.DoesNotContain("<script>alert(1)</script>", script, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", script, StringComparison.Ordinal);
        await using var db = app.Target.CreateContext();
        Assert.True(await db.Households.AnyAsync());
    }

    [Fact]
    public async Task A_token_works_for_the_api_until_it_expires_is_revoked_or_its_account_is_disabled()
    {
        await using var services = AccountAdmin.Services(app.Target, TimeProvider.System);
        await using var scope = services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<AccountAdmin>();
        var name = "token-user-" + Guid.NewGuid().ToString("N")[..6];
        await admin.AddAsync(new NewAccount(name, Domain.Access.Role.Inspector, "370830", null, TestAccounts.Password), Actor.System, default);
        var (token, secret) = await admin.CreateTokenAsync(name, "script", 30, Actor.System, default);
        var (_, second) = await admin.CreateTokenAsync(name, "phone", 30, Actor.System, default);
        var client = app.Anonymous(followRedirects: false);
        async Task<HttpStatusCode> Call(string bearer, string path = "/api/v1/divisions/370830")
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            return (await client.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await Call(secret));
        Assert.Equal(HttpStatusCode.NotFound, await Call(secret, "/api/v1/divisions/3708"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(secret[..^1] + (secret[^1] == 'a' ? 'b' : 'a')));
        await admin.RevokeTokenAsync(token.Id, Actor.System, default);
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(secret));
        Assert.Equal(HttpStatusCode.OK, await Call(second));
        await using (var db = app.Target.CreateContext())
        {
            await db.ApiTokens.Where(t => t.TokenHash == ApiTokenText.Hash(second)).ExecuteUpdateAsync(u => u.SetProperty(t => t.ExpiresAt, DateTimeOffset.UnixEpoch));
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(second));
        var (_, third) = await admin.CreateTokenAsync(name, "again", 30, Actor.System, default);
        Assert.Equal(HttpStatusCode.OK, await Call(third));
        await admin.SetDisabledAsync(name, true, Actor.System, default);
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(third));
    }

    [Fact]
    public async Task Tokens_looked_up_together_each_get_their_own_answer()
    {
        // Concurrent requests share one token query (ApiTokenLookup): each must still get its own
        // account's answer, and a token revoked before the requests arrive is refused in every group.
        await using var services = AccountAdmin.Services(app.Target, TimeProvider.System);
        await using var scope = services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<AccountAdmin>();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await admin.AddAsync(new NewAccount("county-" + suffix, Domain.Access.Role.Inspector, "370830", null, TestAccounts.Password), Actor.System, default);
        await admin.AddAsync(new NewAccount("township-" + suffix, Domain.Access.Role.Inspector, "370830001", null, TestAccounts.Password), Actor.System, default);
        var (_, county) = await admin.CreateTokenAsync("county-" + suffix, "script", 30, Actor.System, default);
        var (_, township) = await admin.CreateTokenAsync("township-" + suffix, "script", 30, Actor.System, default);
        var (revoked, gone) = await admin.CreateTokenAsync("county-" + suffix, "old", 30, Actor.System, default);
        await admin.RevokeTokenAsync(revoked.Id, Actor.System, default);
        var client = app.Anonymous(followRedirects: false);
        async Task<(string Token, HttpStatusCode Status)> Call(string bearer)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/divisions/370830");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            return (bearer, (await client.SendAsync(request)).StatusCode);
        }

        string[] tokens = [county, township, gone];
        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Call(tokens[i % 3])));

        // The county is the county inspector's; the township inspector may not see it; the revoked token is no token.
        Assert.All(answers.Where(a => a.Token == county), a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers.Where(a => a.Token == township), a => Assert.Equal(HttpStatusCode.NotFound, a.Status));
        Assert.All(answers.Where(a => a.Token == gone), a => Assert.Equal(HttpStatusCode.Unauthorized, a.Status));
        Assert.Equal(60, answers.Length);
    }

    [Fact]
    public async Task A_disabled_account_loses_its_live_session_at_the_next_request()
    {
        await using var services = AccountAdmin.Services(app.Target, TimeProvider.System);
        await using var scope = services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<AccountAdmin>();
        var name = "leaver-" + Guid.NewGuid().ToString("N")[..6];
        await admin.AddAsync(new NewAccount(name, Domain.Access.Role.Office, "370830", null, TestAccounts.Password), Actor.System, default);
        var client = await app.SignedInAsync(name);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/divisions/370830")).StatusCode);

        await admin.SetDisabledAsync(name, true, Actor.System, default);

        var after = await client.GetAsync("/divisions/370830");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.False(TestAccounts.IsSignedIn(await TestAccounts.SignInAsync(app.Anonymous(followRedirects: false), name)));
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused()
    {
        var client = app.Anonymous(followRedirects: false);
        var forged = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "admin", ["Password"] = TestAccounts.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var signedIn = await app.SignedInAsync("office");
        var logout = await signedIn.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/divisions/370830")).StatusCode);
    }

    [Fact]
    public async Task A_100_megabyte_request_is_refused_before_it_is_read()
    {
        var client = app.Anonymous(followRedirects: false);
        using var body = new ByteArrayContent(new byte[1]);
        body.Headers.ContentLength = 100L * 1024 * 1024;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = new StreamContent(new RepeatingStream(100L * 1024 * 1024)) };
        request.Content.Headers.ContentLength = 100L * 1024 * 1024;
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    /// <summary>A body of zeros of any length, made as it is read.</summary>
    private sealed class RepeatingStream(long length) : Stream
    {
        private long _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            _position += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
