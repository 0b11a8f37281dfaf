using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Data.Assessment;
using Liaison.Data.Liaisons;
using Liaison.Domain.Assessment;
using Liaison.Domain.Divisions;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace Liaison.App.Features.Assessment;

/// <summary>
/// A village's masses' evaluation for its office: the QR code to put on the noticeboard and contact
/// cards, each cadre's satisfaction with its count and interval, the ballots refused (stuffing seen),
/// the comments waiting to be screened, and one-time codes for paper forms.
/// </summary>
public sealed class EvaluationModel(LiaisonDb db, Scoped scoped, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public string Village { get; private set; } = "";
    public int Year { get; private set; }
    public string Link { get; private set; } = "";
    public string QrSvg { get; private set; } = "";
    public List<CadreSatisfaction> Cadres { get; private set; } = [];
    public List<RatedCadre> Rated { get; private set; } = [];
    public int Ballots { get; private set; }
    public Dictionary<RefusalReason, int> Refused { get; private set; } = [];
    public List<MassRating> Pending { get; private set; } = [];
    public List<IssuedCode>? Codes { get; private set; }
    public int MinimumRatings { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostScreenAsync(long rating, bool show, CancellationToken ct)
    {
        await EvaluationStore.ScreenAsync(db, clock, Actor, rating, show, ct);
        return Redirect($"/assessment/evaluation?code={Code}#comments");
    }

    /// <summary>Codes for the village's households without a form (or, with a house number, that household's form again): shown this once, to print.</summary>
    public async Task<IActionResult> OnPostCodesAsync(string? houseNo, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        try
        {
            Codes = await EvaluationStore.IssuePaperCodesAsync(db, clock, Actor, Code!, houseNo, ct);
        }
        catch (RefusedException e)
        {
            PaperProblems = e.Problems.Select(p => p.In(Ui.English)).ToList();
        }
        return Page();
    }

    /// <summary>A paper form entered by the office: its one-time code and the ratings written on it (refusals counted like the QR's).</summary>
    public async Task<IActionResult> OnPostPaperAsync(string? paperCode, Dictionary<int, Rating> ratings, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var outcome = await EvaluationStore.CastAsync(db, clock, new BallotInput(Code, BallotChannel.Paper, null, paperCode, ratings, EnteredBy: jurisdiction.UserName), ct);
        if (outcome.Taken)
        {
            return Redirect($"/assessment/evaluation?code={Code}&entered=1#paper");
        }
        PaperProblems = outcome.Refused is { } why
            ? [why == RefusalReason.BadCode ? Ui.T("评议码无效或已使用。", "The code is unknown or used already.") : Ui.T("未能录入。", "Not entered.")]
            : outcome.Problems.Select(p => p.In(Ui.English)).ToList();
        await LoadAsync(ct);
        return Page();
    }

    public List<string> PaperProblems { get; private set; } = [];

    private OfficeActor Actor => new(jurisdiction.UserName ?? "?", jurisdiction.Covers);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var village = await scoped.Names.FirstOrDefaultAsync(d => d.Code == Code && d.Level == DivisionLevel.Village, ct);
        if (village is null)
        {
            return false;
        }
        Village = village.Name;
        Year = ChinaTime.Today(clock).Year;
        Link = $"{Request.Scheme}://{Request.Host}/public/evaluate/{village.Code}";
        using (var generator = new QRCodeGenerator())
        using (var data = generator.CreateQrCode(Link, QRCodeGenerator.ECCLevel.M))
        {
            QrSvg = new SvgQRCode(data).GetGraphic(4);
        }
        var rated = Rated = await EvaluationStore.RatedAsync(db, village.Code, Year, ct);
        var standings = await new AssessmentQueries(scoped).SatisfactionAsync(rated.Select(c => c.Id).ToList(), Year, ct);
        Cadres = rated.Select(c => new CadreSatisfaction(c.Id, c.Name, c.Role, standings[c.Id])).ToList();
        using var outside = Unscoped.Section("a village's ballots and refusals are counted for its office (the village is in scope: read above)");
        Ballots = await db.MassBallots.CountAsync(b => b.Year == Year && b.VillageCode == village.Code, ct);
        Refused = await db.BallotRefusals.Where(r => r.Year == Year && r.VillageCode == village.Code).GroupBy(r => r.Reason)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Pending = await db.MassRatings.AsNoTracking().Where(r => r.Year == Year && r.VillageCode == village.Code && r.Screening == CommentScreening.Pending)
            .OrderBy(r => r.Id).Take(200).ToListAsync(ct);
        MinimumRatings = (await Data.Policy.PolicyStore.GetAsync(db, Year, ct)).Policy.Assessment.Masses.MinimumRatings;
        return true;
    }
}
