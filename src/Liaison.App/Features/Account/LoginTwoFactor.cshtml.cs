using System.ComponentModel.DataAnnotations;
using Liaison.App.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Liaison.App.Features.Account;

/// <summary>The second step of sign-in: the six digits of the authenticator app (TOTP).</summary>
[EnableRateLimiting(AuthSetup.SignInLimit)]
public sealed class LoginTwoFactorModel(SignInManager<Data.Accounts.Account> signIn) : PageModel
{
    [BindProperty, Required, StringLength(8, MinimumLength = 6)]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var result = ModelState.IsValid
            ? await signIn.TwoFactorAuthenticatorSignInAsync(Code.Replace(" ", "", StringComparison.Ordinal), isPersistent: false, rememberClient: false)
            : Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (result.Succeeded)
        {
            return LocalRedirect(Web.LocalUrl.OrRoot(ReturnUrl));
        }
        Error = result.IsLockedOut
            ? Web.Ui.T("尝试次数过多，账户已暂时锁定。", "Too many attempts: the account is locked for a while.")
            : Web.Ui.T("验证码不正确。", "Wrong code.");
        return Page();
    }
}
