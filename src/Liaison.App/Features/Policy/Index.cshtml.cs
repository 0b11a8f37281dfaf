using Liaison.Data;
using Liaison.Data.Policy;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Policy;

/// <summary>A year's policy in words, with its versions. The policy is the same for everyone who may read.</summary>
public sealed class IndexModel(LiaisonDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public EffectivePolicy Effective { get; private set; } = null!;
    public List<PolicyVersion> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var year = Year ?? ChinaTime.Today(clock).Year;
        if (year is < 2000 or > 2100)
        {
            return NotFound();
        }
        Effective = await PolicyStore.GetAsync(db, year, ct);
        Versions = await PolicyStore.VersionsAsync(db, year, ct);
        return Page();
    }
}
