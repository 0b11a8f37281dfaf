using System.ComponentModel.DataAnnotations;
using Liaison.App.Auth;
using Liaison.Data;
using Liaison.Data.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Account;

/// <summary>
/// Changing one's own password: the old one is required; every other session of the account ends
/// (this browser stays signed in). After a reset, the temporary password leads here and nowhere else.
/// </summary>
public sealed class PasswordModel(UserManager<Data.Accounts.Account> users, SignInManager<Data.Accounts.Account> signIn, LiaisonDb db, TimeProvider clock) : PageModel
{
    [BindProperty, Required, StringLength(200), DataType(DataType.Password)]
    public string Current { get; set; } = "";

    [BindProperty, Required, StringLength(200), DataType(DataType.Password)]
    public string New { get; set; } = "";

    [BindProperty, Required, StringLength(200), DataType(DataType.Password)]
    public string Confirm { get; set; } = "";

    public bool MustChange { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public bool Changed { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } me)
        {
            return Challenge();
        }
        MustChange = me.MustChangePassword;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } me)
        {
            return Challenge();
        }
        MustChange = me.MustChangePassword;
        if (!ModelState.IsValid)
        {
            Errors = [Web.Ui.T("请填写全部三项。", "Fill in all three fields.")];
            return Page();
        }
        if (New != Confirm)
        {
            Errors = [Web.Ui.T("两次输入的新密码不一致。", "The new password and its confirmation differ.")];
            return Page();
        }
        if (New == Current)
        {
            Errors = [Web.Ui.T("新密码不能与原密码相同。", "The new password must differ from the old one.")];
            return Page();
        }
        var result = await users.ChangePasswordAsync(me, Current, New);
        if (!result.Succeeded)
        {
            Errors = result.Errors.Select(e => e.Code == "PasswordMismatch"
                ? Web.Ui.T("原密码不正确。", "The current password is wrong.")
                : e.Code == nameof(IdentityErrorDescriber.PasswordTooShort) ? Web.Ui.T($"新密码至少 {users.Options.Password.RequiredLength} 个字符。", $"The new password needs at least {users.Options.Password.RequiredLength} characters.")
                : e.Description).ToList();
            return Page();
        }
        var now = clock.GetUtcNow();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            me.MustChangePassword = false;
            await users.UpdateAsync(me);
            var ended = await Sessions.EndAllAsync(db, me.Id, User.FindFirst(Sessions.Claim)?.Value, now, default);
            await AuditLog.AppendAsync(db, clock, new Actor(me.UserName!), new AuditRecord("account.password-change", "account", me.UserName, me.ScopeDivisionCode, null, new { otherSessionsEnded = ended }), default);
            await tx.CommitAsync();
        }
        // The password change renewed the security stamp: this browser gets a cookie with the new one, same session.
        await signIn.RefreshSignInAsync(me);
        Changed = true;
        MustChange = false;
        return Page();
    }
}
