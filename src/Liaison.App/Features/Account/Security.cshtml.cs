using Liaison.Data;
using Liaison.Data.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Account;

/// <summary>The account's own security: the authenticator app (TOTP) and signing out everywhere.</summary>
public sealed class SecurityModel(UserManager<Data.Accounts.Account> users, SignInManager<Data.Accounts.Account> signIn, LiaisonDb db, TimeProvider clock) : PageModel
{
    public Data.Accounts.Account Me { get; private set; } = null!;
    public string? AuthenticatorKey { get; private set; }
    public string? Message { get; private set; }

    [BindProperty]
    public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    /// <summary>Makes a new authenticator key. Identity renews the security stamp with it, so this browser is signed in again.</summary>
    public async Task<IActionResult> OnPostSetupTotpAsync()
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }
        await users.ResetAuthenticatorKeyAsync(Me);
        await signIn.RefreshSignInAsync(Me);
        return RedirectToPage();
    }

    /// <summary>Turns TOTP on once the person proves their app shows the right code.</summary>
    public async Task<IActionResult> OnPostEnableTotpAsync()
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }
        var ok = Code is { Length: >= 6 } && await users.VerifyTwoFactorTokenAsync(Me, users.Options.Tokens.AuthenticatorTokenProvider, Code.Replace(" ", "", StringComparison.Ordinal));
        if (!ok)
        {
            Message = Web.Ui.T("验证码不正确，两步验证未开启。", "Wrong code: the second step is not on.");
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(Me, true);
        await signIn.RefreshSignInAsync(Me);
        await AuditAsync("account.totp-on");
        Message = Web.Ui.T("两步验证已开启。", "The second step is on.");
        return Page();
    }

    public async Task<IActionResult> OnPostDisableTotpAsync()
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }
        await users.SetTwoFactorEnabledAsync(Me, false);
        await users.ResetAuthenticatorKeyAsync(Me);
        await signIn.RefreshSignInAsync(Me);
        await AuditAsync("account.totp-off");
        return RedirectToPage();
    }

    /// <summary>A new security stamp ends every session of the account at its next request; its tokens are revoked too.</summary>
    public async Task<IActionResult> OnPostLogoutEverywhereAsync()
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }
        await users.UpdateSecurityStampAsync(Me);
        var now = clock.GetUtcNow();
        await Auth.Sessions.EndAllAsync(db, Me.Id, null, now, default);
        await db.ApiTokens.Where(t => t.AccountId == Me.Id && t.RevokedAt == null).ExecuteUpdateAsync(u => u.SetProperty(t => t.RevokedAt, now));
        await AuditAsync("account.sign-out-everywhere");
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }

    private async Task<bool> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } me)
        {
            return false;
        }
        Me = me;
        // Reading the page changes nothing: a key is made only when asked for (it renews the security stamp).
        AuthenticatorKey = me.TwoFactorEnabled ? null : await users.GetAuthenticatorKeyAsync(me);
        return true;
    }

    private async Task AuditAsync(string action)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        await AuditLog.AppendAsync(db, clock, new Actor(Me.UserName!), new AuditRecord(action, "account", Me.UserName, Me.ScopeDivisionCode, null, null), default);
        await tx.CommitAsync();
    }
}
