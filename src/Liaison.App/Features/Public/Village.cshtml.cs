using Liaison.App.Auth;
using Liaison.App.Features.Commitments;
using Liaison.App.Features.Deeds;
using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Data.Policy;
using Liaison.Domain.Divisions;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Public;

/// <summary>
/// A village's public page (村务公开): the year's public commitments of its cadres and First
/// Secretary with where each stands (a commitment not kept with its reason), and the practical deeds
/// done for it. Open to everyone, no sign-in, rate-limited; it reads the whole city on purpose and
/// only what is published: names of the cadres who promised, never a phone or a villager.
/// </summary>
[EnableRateLimiting(AuthSetup.PublicLimit)]
public sealed class VillageModel(LiaisonDb db, TimeProvider clock) : PageModel
{
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Path { get; private set; } = "";
    public int Year { get; private set; }
    public DateOnly Today => ChinaTime.Today(clock);
    public string Telephone { get; private set; } = "";
    public List<CommitmentRow> Commitments { get; private set; } = [];
    public List<DeedRow> Deeds { get; private set; } = [];
    public Domain.Policy.DeedRules Rules { get; private set; } = new();

    /// <summary>The deeds a village's page lists: the year's newest.</summary>
    public const int DeedsShown = 100;

    public async Task<IActionResult> OnGetAsync(string? code, string? village, CancellationToken ct)
    {
        // The portal's chooser sends ?village=: the page's own address is the path.
        if (code is null)
        {
            return string.IsNullOrWhiteSpace(village) ? Redirect("/public") : Redirect($"/public/villages/{Uri.EscapeDataString(village.Trim())}");
        }
        var published = Scoped.Public(db);
        var place = await published.Divisions.Where(d => d.Code == code && d.Level == DivisionLevel.Village && d.WithdrawnOn == null)
            .Select(d => new { d.Code, d.Name }).FirstOrDefaultAsync(ct);
        if (place is null)
        {
            return NotFound();
        }
        (Code, Name, Year) = (place.Code, place.Name, Today.Year);
        Path = await Web.DivisionPaths.OfAsync(published, place.Code, ct);
        var policy = (await PolicyStore.GetAsync(db, Year, ct)).Policy;
        (Telephone, Rules) = (policy.Public.Telephone, policy.Deeds);
        Commitments = await new CommitmentQueries(db, published).OfVillageAsync(place.Code, Year, ct);
        Deeds = await new DeedQueries(db, published).OfVillageAsync(place.Code, Year, DeedsShown, ct);
        return Page();
    }

    /// <summary>A deed's kind in the reader's language.</summary>
    public string KindName(string code) => DeedText.Kind(Rules, code);
}
