using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Audit;
using Liaison.Data.Secretaries;
using Liaison.Domain.Access;
using Liaison.Domain.Divisions;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Secretaries;

/// <summary>
/// The year's First Secretary calls in the jurisdiction, and for a city-wide office or an
/// administrator the cycle's steps: open the calls, select on merit, match (each a job, audited).
/// </summary>
public sealed class IndexModel(LiaisonQueries queries, LiaisonDb db, Data.Access.Scoped scoped, Jurisdiction jurisdiction, TimeProvider clock, Web.Jobs jobs) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public int CycleYear => Year ?? ChinaTime.Today(clock).Year;
    public List<CallRow> Calls { get; private set; } = [];
    public bool CanRunCycle { get; private set; }

    /// <summary>What the profiles of the villages in reach lack for the cycle: grades (which villages need one), coordinates (distances).</summary>
    public IReadOnlyList<Term> Gaps { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostOpenAsync(CancellationToken ct) => StepAsync(new($"开启 {CycleYear} 年度第一书记选派", $"Open the {CycleYear} First Secretary calls"),
        async (db, clock, actor, year, ct) =>
        {
            var calls = await SecretaryStore.OpenCallsAsync(db, clock, actor, year, ct);
            if (calls.Count == 0)
            {
                var why = await SecretaryStore.WhyNoCallsAsync(db, year, ct);
                return new Term("没有开启选派：" + why.Zh, "No calls opened: " + why.En);
            }
            return new Term($"已开启 {calls.Count} 个选派，名额 {calls.Sum(c => c.Quota)}。", $"{calls.Count} calls open, quota {calls.Sum(c => c.Quota)}.");
        }, ct);

    public Task<IActionResult> OnPostSelectAsync(CancellationToken ct) => StepAsync(new($"{CycleYear} 年度第一书记择优选定", $"Select the {CycleYear} First Secretaries on merit"),
        async (db, clock, actor, year, ct) =>
        {
            var (selected, not) = await SecretaryStore.SelectAsync(db, clock, actor, year, ct);
            return new Term($"选中 {selected} 名，未选中 {not} 名。", $"Selected {selected}, not selected {not}.");
        }, ct);

    public Task<IActionResult> OnPostMatchAsync(CancellationToken ct) => StepAsync(new($"{CycleYear} 年度第一书记人岗匹配", $"Match the {CycleYear} First Secretaries to villages"),
        async (db, clock, actor, year, ct) =>
        {
            var run = await SecretaryStore.MatchAsync(db, clock, actor, year, ChinaTime.Today(clock), ct);
            return new Term($"已安排 {run.Result.Pairs.Count} 名，总费用 {run.Result.TotalCost}（最优），未安排 {run.Result.Unplaced.Count} 名。",
                $"{run.Result.Pairs.Count} placed at total cost {run.Result.TotalCost} (optimal), {run.Result.Unplaced.Count} not placed.");
        }, ct);

    /// <summary>
    /// A step of the cycle runs as a job followed on its page (the match of a whole city takes a while);
    /// one step at a time, whoever started it. The stores audit it under the account that started it.
    /// </summary>
    private async Task<IActionResult> StepAsync(Term title, Func<LiaisonDb, TimeProvider, Actor, int, CancellationToken, Task<Term>> step, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!CanRunCycle)
        {
            return Forbid();
        }
        var year = CycleYear;
        var job = jobs.Start("secretaries", jurisdiction.UserName ?? "?", title, $"/secretaries?year={year}", async (services, job, ct) =>
        {
            job.Report(new Data.Import.ImportProgress(Ui.T(title), 0.1, 1));
            return await step(services.GetRequiredService<LiaisonDb>(), services.GetRequiredService<TimeProvider>(), new Actor(job.Owner), year, ct);
        });
        return Redirect($"/jobs/{job.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Calls = await queries.Secretaries.CallsAsync(CycleYear, ct);
        var villages = scoped.Divisions.Where(d => d.Level == DivisionLevel.Village && d.VillageKind != VillageKind.Community);
        var gaps = new Domain.Liaisons.ProfileGaps(await villages.CountAsync(ct), await villages.CountAsync(d => d.PartyOrgGrade == null, ct),
            await villages.CountAsync(d => d.Latitude == null || d.Longitude == null, ct), 0);
        Gaps = new[] { gaps.Grades, gaps.MatchDistance }.OfType<Term>().ToList();
        // The cycle spans the whole database: only who governs all of it runs it (a county's office when the database is one county's).
        CanRunCycle = jurisdiction.May(Ability.EditPlan) && jurisdiction.Role is { } role && jurisdiction.Scope is { } scope
            && await Data.Access.WholeDatabase.GovernedByAsync(db, role, scope, ct);
    }
}
