using Liaison.App.Web;
using Liaison.Domain.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Accounts;

/// <summary>The accounts of the manager's jurisdiction, filtered by name and role, paged.</summary>
public sealed class IndexModel(AccountQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public Role? Role { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public List<AccountLine> Accounts { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Of(1, 0);
    public IReadOnlyList<Role> Roles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Roles = AccountRules.Creatable(queries.Manager!.Role);
        (Accounts, Paging) = await queries.ListAsync(Query, Role, PageNumber, ct);
    }
}
