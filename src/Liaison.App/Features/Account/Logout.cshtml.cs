using Liaison.App.Auth;
using Liaison.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Account;

/// <summary>
/// Signs out this browser (POST only, with the anti-forgery token, so that no link can sign anybody
/// out) and ends its session on the server, so that a copy of the cookie stops working too.
/// </summary>
public sealed class LogoutModel(SignInManager<Data.Accounts.Account> signIn, LiaisonDb db, TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Account/Security");

    public async Task<IActionResult> OnPostAsync()
    {
        await Sessions.EndAsync(db, User, clock.GetUtcNow(), HttpContext.RequestAborted);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
