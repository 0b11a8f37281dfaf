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
    /// 工作组代录: a stay entered for a cadre who takes part in this village, by an office of its
    /// jurisdiction or the head of a team holding it; the same checks and exactly-once storage as the
    /// phone's, marked as entered by the work group (who entered it is the account's name).
    /// </summary>
    public Task<IActionResult> OnPostStayAsync(string code, string? cadre, DateOnly? arrived, DateOnly? left, CancellationToken ct) =>
        EnterAsync(code, cadre, async author => (await FieldStore.SaveStaysAsync(db, clock, author,
            [new StayInput(EntryId($"stay:{author.CadreId}:{code}:{arrived:yyyy-MM-dd}:{left ?? arrived:yyyy-MM-dd}"), code, arrived, left ?? arrived)], ct, cache))[0],
            new("已代录驻村。", "Stay recorded."), ct);

    /// <summary>A visit entered for a cadre: the household by its house number in this village, the day, one issue raised if any.</summary>
    public Task<IActionResult> OnPostVisitAsync(string code, string? cadre, string? house, DateOnly? day, string? issue, CancellationToken ct) =>
        EnterAsync(code, cadre, async author =>
        {
            var number = Data.Import.CellNormaliser.Code(house ?? "");
            // Only once the account may enter records in this village (EnterAsync has checked), and only its id.
            using var entering = Data.Access.Unscoped.Section("a household of the village the work group enters a visit in, by its house number");
            var household = await db.Households.AsNoTracking().Where(h => h.VillageCode == code && h.HouseNo == number && h.Status == Domain.People.HouseholdStatus.Current)
                .Select(h => (long?)h.Id).FirstOrDefaultAsync(ct);
            if (household is null)
            {
                return new RecordResult(0, null, RecordOutcome.Refused, null, [new Domain.Shared.Problem("household", $"本村没有门牌号为 {house} 的在册农户", $"no current household at house number {house} in this village")]);
            }
            var visit = new VisitInput(EntryId($"visit:{author.CadreId}:{household}:{day:yyyy-MM-dd}:{issue}"), household, VisitedAt(day), Issues: string.IsNullOrWhiteSpace(issue) ? null : [issue]);
            return (await FieldStore.SaveVisitsAsync(db, clock, author, [visit], ct, cache))[0];
        }, new("已代录走访。", "Visit recorded."), ct);

    /// <summary>A First Secretary's activity entered for them: kind, day, how many and, for meetings and trips, how many people.</summary>
    public Task<IActionResult> OnPostActivityAsync(string code, string? cadre, ActivityKind? kind, DateOnly? on, int? count, int? people, CancellationToken ct) =>
        EnterAsync(code, cadre, async author => (await FieldStore.SaveActivitiesAsync(db, clock, author,
            [new ActivityInput(EntryId($"activity:{author.CadreId}:{code}:{kind}:{on:yyyy-MM-dd}:{count}:{people}"), code, kind, on, count, people)], ct, cache))[0],
            new("已代录第一书记工作。", "Activity recorded."), ct);

    /// <summary>The entry's id from what it says: the same form sent twice (a reload, a double tap) is stored once.</summary>
    private static Guid EntryId(FormattableString entry) => FieldStore.EntryId("work-group-" + FormattableString.Invariant(entry));

    /// <summary>
    /// A visit entered for a day is put at its noon — or, today before noon, at the start of this hour
    /// (the field checks refuse a visit later than now) — so that the same entry made again says the same.
    /// </summary>
    private DateTimeOffset? VisitedAt(DateOnly? day)
    {
        if (day is not { } d)
        {
            return null;
        }
        var noon = Domain.Shared.ChinaTime.StartOfDay(d).AddHours(12);
        var now = clock.GetUtcNow();
        return noon <= now ? noon : new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, now.Offset);
    }

    /// <summary>The entries' common steps: the page and who may enter, the cadre by staff number, the record saved as the work group's, its answer.</summary>
    private async Task<IActionResult> EnterAsync(string code, string? cadre, Func<FieldAuthor, Task<RecordResult>> save, Domain.Shared.Term stored, CancellationToken ct)
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
        var result = await save(new FieldAuthor(cadreId.Value, jurisdiction.UserName ?? "?", RecordSource.WorkGroup, jurisdiction.Covers));
        (Message, Refused) = result.Outcome switch
        {
            RecordOutcome.Stored => (Ui.T(stored), false),
            RecordOutcome.Duplicate => (Ui.T("这条记录已代录过，未重复保存。", "This entry was made before; it is not stored twice."), false),
            _ => (string.Join("；", result.Problems.Select(p => p.In(Ui.English))), true),
        };
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
