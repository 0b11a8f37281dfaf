using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Account;

/// <summary>Signs out this browser (POST only, with the anti-forgery token, so that no link can sign anybody out).</summary>
public sealed class LogoutModel(SignInManager<Data.Accounts.Account> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Account/Security");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
