using Liaison.App.Auth;
using Liaison.App.Features.Divisions;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Field;
using Liaison.Domain.Access;
using Liaison.Domain.Divisions;
using Liaison.Domain.Field;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using R = Liaison.Domain.Reporting.Indicators;

namespace Liaison.App.Features.Field;

/// <summary>
/// 走访进度: a division's field work from the rollups — visit rate, participation, category
/// coverage, residence minimums, First Secretaries' activities — and its children, laggards first.
/// </summary>
public sealed class ProgressModel(LiaisonQueries queries, LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock, CadreScopeCache cache) : PageModel
{
    public string? Message { get; private set; }
    public bool Refused { get; private set; }
    /// <summary>
    /// An office of the village's jurisdiction, or the head of a work team holding the village (on the
    /// account of their own, within its scope), enters records for cadres without a phone.
    /// </summary>
    public bool CanEnter { get; private set; }

    public Division Division { get; private set; } = null!;
    public List<Division> Ancestors { get; private set; } = [];
    public IReadOnlyDictionary<string, long> Figures { get; private set; } = new Dictionary<string, long>();
    public List<DivisionFigures> Children { get; private set; } = [];

    /// <summary>A village's First Secretaries of the figures' year (recalled ones too) with their standing against the visiting duties.</summary>
    public List<(Liaisons.SecretaryRow Row, Domain.Secretaries.DutyStanding Standing)> Secretaries { get; private set; } = [];

    public long this[string indicator] => Figures.GetValueOrDefault(indicator);

    /// <summary>A share as people read it, or a dash when there is nothing to share.</summary>
    public static string Rate(long part, long whole) => whole == 0 ? "—" : (100.0 * part / whole).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";

    public static double VisitRate(DivisionFigures c) => c[R.Households.Id] == 0 ? 1 : (double)c[R.HouseholdsVisited.Id] / c[R.Households.Id];

    /// <summary>
    /// 工作组代录: a stay entered for a cadre tied to this village, by an office of its jurisdiction;
    /// the same checks and exactly-once storage as the phone's, marked as entered by the work group.
    /// </summary>
    public async Task<IActionResult> OnPostStayAsync(string code, string? cadre, DateOnly? arrived, DateOnly? left, CancellationToken ct)
    {
        if (await OnGetAsync(code, ct) is not PageResult)
        {
            return NotFound();
        }
        if (!CanEnter)
        {
            return Forbid();
        }
        var cadreId = await db.Cadres.AsNoTracking().Where(c => c.Code == (cadre ?? "").Trim()).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        if (cadreId is null)
        {
            (Message, Refused) = (Ui.T($"没有编号为 {cadre} 的干部", $"no cadre with staff number {cadre}"), true);
            return Page();
        }
        var author = new FieldAuthor(cadreId.Value, jurisdiction.UserName ?? "?", RecordSource.WorkGroup, jurisdiction.Covers);
        var result = (await FieldStore.SaveStaysAsync(db, clock, author, [new StayInput(Guid.NewGuid(), code, arrived, left ?? arrived)], ct, cache))[0];
        (Message, Refused) = result.Outcome == RecordOutcome.Stored
            ? (Ui.T("已代录驻村。", "Stay recorded."), false)
            : (string.Join("；", result.Problems.Select(p => p.In(Ui.English))), true);
        return Page();
    }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        var division = await queries.Divisions.FindOrHomeAsync(code, ct);
        if (division is null)
        {
            return NotFound();
        }
        if (code is null)
        {
            return Redirect("/field/progress/" + division.Code);
        }
        Division = division;
        CanEnter = division.Level == DivisionLevel.Village && (jurisdiction.May(Ability.EditPlan)
            || jurisdiction.CadreId is { } head && await Data.Liaisons.WorkTeamStore.HeadsTeamOverAsync(db, head, Domain.Shared.ChinaTime.Today(clock).Year, division.Code, ct));
        Ancestors = await queries.Divisions.AncestorsAsync(division, ct);
        Figures = await queries.Divisions.FiguresAsync(division.Code, ct);
        if (division.Level < DivisionLevel.Village)
        {
            Children = (await queries.Divisions.ChildrenAsync(division.Code, ct)).OrderBy(VisitRate).ThenBy(c => c.Division.Code, StringComparer.Ordinal).ToList();
        }
        else if (await FieldRollups.YearAsync(db, ct) is { } year)
        {
            var rows = (await queries.Plan.SecretariesAtAsync(division.Code, ct)).Where(r => r.Posting.Year == year).ToList();
            var duties = await queries.Secretaries.DutiesAsync(rows.Select(r => r.Posting).ToList(), ct);
            Secretaries = rows.Zip(duties, (r, d) => (r, d.Standing)).ToList();
        }
        return Page();
    }
}
