using Liaison.App.Auth;
using Liaison.Data;
using Liaison.Data.Policy;
using Liaison.Data.Reporting;
using Liaison.Domain.Divisions;
using Liaison.Domain.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Public;

/// <summary>
/// 工作公开: the programme's figures the policy marks public (<c>reporting.publicIndicators</c>),
/// for the city, a county or a township, without sign-in. Counts only, read from the rollups;
/// never a village's, a person's or a case's details.
/// </summary>
[EnableRateLimiting(AuthSetup.PublicLimit)]
public sealed class FiguresModel(LiaisonDb db, TimeProvider clock) : PageModel
{
    public Division Division { get; private set; } = null!;
    public List<Division> Ancestors { get; private set; } = [];
    public List<Division> Children { get; private set; } = [];
    public IReadOnlyList<Indicator> Shown { get; private set; } = [];
    public ReportFigures Figures { get; private set; } = ReportFigures.Empty;
    public int Year { get; private set; }
    public string Telephone { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        var published = Data.Access.Scoped.Public(db);
        code ??= await CampaignReports.TopAsync(published, ct);
        var division = code is null ? null : await published.Divisions.FirstOrDefaultAsync(d => d.Code == code, ct);
        // Villages are not disclosed one by one here: the page stops at townships.
        if (division is null || division.Level > DivisionLevel.Township)
        {
            return NotFound();
        }
        Division = division;
        Year = await CampaignReports.ReportYearAsync(db, clock, ct);
        var policy = (await PolicyStore.GetAsync(db, Year, ct)).Policy;
        Telephone = policy.Public.Telephone;
        Shown = policy.Reporting.PublicIndicators.Select(Indicators.Find).OfType<Indicator>().ToList();
        Figures = await CampaignReports.FiguresAsync(published, division.Code, null, ct);
        var ancestors = DivisionCode.Ancestors(division.Code).ToList();
        Ancestors = await published.Divisions.Where(d => ancestors.Contains(d.Code) && d.Level >= DivisionLevel.City).OrderBy(d => d.Level).ToListAsync(ct);
        Children = division.Level < DivisionLevel.Township
            ? await published.Divisions.Where(d => d.ParentCode == division.Code).OrderBy(d => d.Code).ToListAsync(ct)
            : [];
        return Page();
    }
}
