using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data.Accounts;
using Liaison.Data.Audit;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Accounts;

/// <summary>
/// One account of the manager's jurisdiction: disable or enable it, reset its password (a temporary
/// one shown once), make and revoke its API tokens (a token shown once). Each action audited by
/// <see cref="AccountAdmin"/>, which checks the jurisdiction again.
/// </summary>
public sealed class ShowModel(AccountAdmin admin, AccountQueries queries, Jurisdiction jurisdiction) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Name { get; set; } = "";

    [BindProperty] public string? TokenName { get; set; }
    [BindProperty] public int TokenDays { get; set; } = 90;
    [BindProperty] public int TokenId { get; set; }

    public AccountLine Line { get; private set; } = null!;
    public List<ApiToken> Tokens { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public string? Message { get; private set; }
    /// <summary>A temporary password or a token's secret, shown once.</summary>
    public string? Secret { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostDisableAsync(CancellationToken ct) =>
        ActAsync(async actor => { await admin.SetDisabledAsync(Name, true, actor, ct, queries.Manager); Message = Ui.T("账户已停用，其会话和令牌立即失效。", "The account is disabled; its sessions and tokens stop at once."); }, ct);

    public Task<IActionResult> OnPostEnableAsync(CancellationToken ct) =>
        ActAsync(async actor => { await admin.SetDisabledAsync(Name, false, actor, ct, queries.Manager); Message = Ui.T("账户已重新启用。", "The account is enabled again."); }, ct);

    public Task<IActionResult> OnPostResetAsync(CancellationToken ct) =>
        ActAsync(async actor =>
        {
            Secret = await admin.SetPasswordAsync(Name, null, actor, ct, queries.Manager);
            Message = Ui.T("密码已重置。临时密码只显示这一次，请当面或电话告知本人；登录后须修改。其会话和令牌已结束。",
                           "The password is reset. The temporary password is shown this once: tell the person directly; they must change it at sign-in. Their sessions and tokens have ended.");
        }, ct);

    public Task<IActionResult> OnPostTokenAsync(CancellationToken ct) =>
        ActAsync(async actor =>
        {
            var (_, secret) = await admin.CreateTokenAsync(Name, string.IsNullOrWhiteSpace(TokenName) ? "web" : TokenName.Trim(), TokenDays, actor, ct, queries.Manager);
            Secret = secret;
            Message = Ui.T("令牌已创建，只显示这一次，请复制保存。", "The token is made and shown this once: copy it now.");
        }, ct);

    public Task<IActionResult> OnPostRevokeAsync(CancellationToken ct) =>
        ActAsync(async actor =>
        {
            if (!Tokens.Any(t => t.Id == TokenId))
            {
                // A token of another account is refused like one that does not exist.
                throw new RefusedException(new Problem("token", $"令牌 {TokenId} 不存在", $"no token {TokenId}") { Code = "unknown-token" });
            }
            await admin.RevokeTokenAsync(TokenId, actor, ct, queries.Manager);
            Message = Ui.T("令牌已吊销。", "The token is revoked.");
        }, ct);

    private async Task<IActionResult> ActAsync(Func<Actor, Task> action, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        try
        {
            await action(new Actor(jurisdiction.UserName ?? "?"));
        }
        catch (RefusedException e)
        {
            Errors.AddRange(e.Problems.Select(p => p.In(Ui.English)));
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await queries.FindAsync(Name, ct) is not { } line)
        {
            return false;
        }
        Line = line;
        Tokens = await queries.TokensAsync(line.Account.Id, ct);
        return true;
    }
}
