using Liaison.App.Auth;
using Liaison.Data.Audit;
using Liaison.Domain.Access;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Accounts;

/// <summary>
/// A new account made by the office for someone of its jurisdiction: the role, the place (a division
/// or, for a unit administrator, a unit; a cadre account names the cadre), a first password shown
/// once and good for one sign-in.
/// </summary>
public sealed class NewModel(AccountAdmin admin, AccountQueries queries, Jurisdiction jurisdiction) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public Role Role { get; set; } = Role.Office;
    [BindProperty] public string? Division { get; set; }
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public string? Cadre { get; set; }

    public IReadOnlyList<Role> Roles { get; private set; } = [];
    public List<string> Errors { get; } = [];
    /// <summary>The first password, shown once after the account was made.</summary>
    public string? Password { get; private set; }

    public void OnGet() => Roles = AccountRules.Creatable(queries.Manager!.Role);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        Roles = AccountRules.Creatable(queries.Manager!.Role);
        var scope = Role switch
        {
            Role.Admin => "*",
            Role.UnitAdmin => "unit:" + (Unit ?? "").Trim(),
            _ => (Division ?? "").Trim(),
        };
        try
        {
            Password = await admin.AddAsync(new NewAccount((UserName ?? "").Trim(), Role, scope, string.IsNullOrWhiteSpace(DisplayName) ? null : DisplayName.Trim(),
                Cadre: Role == Role.Cadre ? Cadre : null, MustChange: true), new Actor(jurisdiction.UserName ?? "?"), ct, queries.Manager);
        }
        catch (RefusedException e)
        {
            Errors.AddRange(e.Problems.Select(p => p.In(Web.Ui.English)));
        }
        return Page();
    }
}
