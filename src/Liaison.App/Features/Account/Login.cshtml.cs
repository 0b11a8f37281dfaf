using System.ComponentModel.DataAnnotations;
using Liaison.App.Auth;
using Liaison.Data;
using Liaison.Data.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Liaison.App.Features.Account;

/// <summary>
/// Sign-in by user name and password; a second step when the account has TOTP on. Opening the form
/// counts only towards the public pages' limit; attempts count towards the sign-in limits (SignInThrottle).
/// </summary>
[EnableRateLimiting(AuthSetup.PublicLimit)]
public sealed class LoginModel(SignInManager<Data.Accounts.Account> signIn, SignInThrottle throttle, LiaisonDb db, TimeProvider clock) : PageModel
{
    [BindProperty, Required, StringLength(100)]
    public string UserName { get; set; } = "";

    [BindProperty, Required, StringLength(200), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            Error = Web.Ui.T("请输入用户名和密码。", "Enter your user name and password.");
            return Page();
        }
        if (!throttle.TryAddress(HttpContext.Connection.RemoteIpAddress?.ToString() ?? "local", out var wait))
        {
            // Said on the form, in the person's language; not checked, not audited (a flood would fill the log).
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = (wait * 60).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Error = Web.Ui.T($"尝试次数过多，请 {wait} 分钟后再试。", $"Too many attempts: try again in {wait} minute{(wait == 1 ? "" : "s")}.");
            return Page();
        }
        if (!throttle.TryAttempt(UserName))
        {
            // Too many attempts on this name from anywhere: not even checked, and answered like a wrong password.
            await AuditSignInAsync("throttled");
            Error = WrongAnswer;
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(UserName, Password, isPersistent: false, lockoutOnFailure: true);
        await AuditSignInAsync(result.Succeeded ? "ok" : result.RequiresTwoFactor ? "second-factor" : result.IsLockedOut ? "locked-out" : "refused");
        if (result.Succeeded)
        {
            return LocalRedirect(Web.LocalUrl.OrRoot(ReturnUrl));
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginTwoFactor", new { ReturnUrl = Web.LocalUrl.OrRoot(ReturnUrl) });
        }
        // One answer for a wrong name, a wrong password, a locked and a disabled account: nothing to learn from it.
        Error = WrongAnswer;
        return Page();
    }

    private static string WrongAnswer => Web.Ui.T("用户名或密码不正确，或尝试次数过多，请稍后再试。", "Wrong user name or password, or too many attempts: try again later.");

    private async Task AuditSignInAsync(string outcome)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        // Typed by somebody not signed in yet: stored sanitised and bounded.
        var actor = Actor.Typed(UserName);
        await AuditLog.AppendAsync(db, clock, actor,
            new AuditRecord("account.sign-in", "account", actor.Name, null, null, new { outcome, ip = HttpContext.Connection.RemoteIpAddress?.ToString() }), default);
        await tx.CommitAsync();
    }
}
