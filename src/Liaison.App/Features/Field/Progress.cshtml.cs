using Liaison.App.Features.Divisions;
using Liaison.App.Web;
using Liaison.Domain.Divisions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using R = Liaison.Domain.Reporting.Indicators;

namespace Liaison.App.Features.Field;

/// <summary>
/// 走访进度: a division's field work from the rollups — visit rate, participation, category
/// coverage, residence minimums, First Secretaries' activities — and its children, laggards first.
/// </summary>
public sealed class ProgressModel(LiaisonQueries queries) : PageModel
{
    public Division Division { get; private set; } = null!;
    public List<Division> Ancestors { get; private set; } = [];
    public IReadOnlyDictionary<string, long> Figures { get; private set; } = new Dictionary<string, long>();
    public List<DivisionFigures> Children { get; private set; } = [];

    public long this[string indicator] => Figures.GetValueOrDefault(indicator);

    /// <summary>A share as people read it, or a dash when there is nothing to share.</summary>
    public static string Rate(long part, long whole) => whole == 0 ? "—" : (100.0 * part / whole).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";

    public static double VisitRate(DivisionFigures c) => c[R.Households.Id] == 0 ? 1 : (double)c[R.HouseholdsVisited.Id] / c[R.Households.Id];

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        var division = code is null ? await queries.Divisions.HomeAsync(ct) : await queries.Divisions.FindAsync(code, ct);
        if (division is null)
        {
            return NotFound();
        }
        if (code is null)
        {
            return Redirect("/field/progress/" + division.Code);
        }
        Division = division;
        Ancestors = await queries.Divisions.AncestorsAsync(division, ct);
        Figures = await queries.Divisions.FiguresAsync(division.Code, ct);
        if (division.Level < DivisionLevel.Village)
        {
            Children = (await queries.Divisions.ChildrenAsync(division.Code, ct)).OrderBy(VisitRate).ThenBy(c => c.Division.Code, StringComparer.Ordinal).ToList();
        }
        return Page();
    }
}
