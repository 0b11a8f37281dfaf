using System.Net;
using System.Text.RegularExpressions;
using Liaison.App.Auth;
using Liaison.Data.Audit;
using Liaison.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Liaison.App.Tests;

/// <summary>The optional second factor: set up with an authenticator's code, then asked for at every sign-in.</summary>
[Collection("app")]
public partial class TwoFactorTests(AppFixture app)
{
    [Fact]
    public async Task An_account_with_totp_needs_the_code_after_the_password()
    {
        await using (var services = AccountAdmin.Services(app.Target, TimeProvider.System))
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountAdmin>().AddAsync(new NewAccount("two-step", Domain.Access.Role.Inspector, "370830", null, TestAccounts.Password), Actor.System, default);
        }
        var client = await app.SignedInAsync("two-step", followRedirects: true);
        var page = await client.GetStringAsync("/account/security");
        var setup = await client.PostAsync("/account/security?handler=SetupTotp", Form(page, []));
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        page = await setup.Content.ReadAsStringAsync();
        var key = Key().Match(page).Groups[1].Value.Trim();
        Assert.NotEmpty(key);

        var wrong = await client.PostAsync("/account/security?handler=EnableTotp", Form(page, new() { ["Code"] = "000000" }));
        Assert.Contains("验证码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        var on = await client.PostAsync("/account/security?handler=EnableTotp", Form(page, new() { ["Code"] = code }));
        Assert.Contains("两步验证已开启", await on.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A new browser: the password alone is not enough.
        var other = app.Anonymous(followRedirects: false);
        var first = await TestAccounts.SignInAsync(other, "two-step");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/account/login-2fa", first.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/divisions/370830")).StatusCode);
        var second = await other.GetStringAsync(first.Headers.Location!.OriginalString);
        var done = await other.PostAsync("/account/login-2fa", Form(second, new() { ["Code"] = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp() }));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/divisions/370830")).StatusCode);
    }

    private static FormUrlEncodedContent Form(string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = TestAccounts.FormToken(page);
        return new FormUrlEncodedContent(fields);
    }

    [GeneratedRegex("id=\"totp-key\">([^<]+)<")]
    private static partial Regex Key();
}
