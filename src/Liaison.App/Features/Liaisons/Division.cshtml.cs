using Liaison.App.Web;
using Liaison.Domain.Divisions;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Liaisons;

/// <summary>The plan of one division: who is tied to it, how, since when; its children's coverage; its history.</summary>
public sealed class DivisionModel(LiaisonQueries queries, TimeProvider clock, Data.LiaisonDb db, Auth.Jurisdiction jurisdiction, Web.Jobs jobs) : PageModel
{
    /// <summary>Whether this account may plan the year: planning spans the whole database.</summary>
    public bool MayPlan { get; private set; }

    public Division Division { get; private set; } = null!;
    public List<Division> Ancestors { get; private set; } = [];
    public List<TieRow> Ties { get; private set; } = [];
    public List<Divisions.DivisionFigures> Children { get; private set; } = [];
    public IReadOnlyDictionary<string, long> Figures { get; private set; } = new Dictionary<string, long>();
    public List<(Domain.Liaisons.RankedVillage Rank, List<string> TakenBy)> Ranking { get; private set; } = [];
    public List<SecretaryRow> Secretaries { get; private set; } = [];

    /// <summary>What the villages' profiles lack for the plan, said above it.</summary>
    public Domain.Liaisons.ProfileGaps? Gaps { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary><c>?on=2026-03-01</c>: the plan as it stood that day (who was tied here then), instead of the year's.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? On { get; set; }

    public int PlanYear => On?.Year ?? Year ?? ChinaTime.Today(clock).Year;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var division = await queries.Divisions.FindAsync(code, ct);
        if (division is null)
        {
            return NotFound();
        }
        Division = division;
        MayPlan = await MayPlanAsync(ct);
        Ancestors = await queries.Divisions.AncestorsAsync(division, ct);
        Ties = On is { } day ? await queries.Plan.HeldOnAsync(code, day, ct) : await queries.Plan.AtAsync(code, PlanYear, ct);
        Figures = await queries.Divisions.FiguresAsync(code, ct);
        if (division.Level < DivisionLevel.Village)
        {
            Children = await queries.Divisions.ChildrenAsync(code, ct);
            Gaps = await queries.Plan.GapsAsync(code, ct);
        }
        if (division.Level == DivisionLevel.Village)
        {
            Secretaries = On is { } onDay ? await queries.Plan.SecretariesOnAsync(code, onDay, ct) : await queries.Plan.SecretariesAtAsync(code, ct);
        }
        if (division.Level == DivisionLevel.Township)
        {
            Ranking = await queries.Plan.RankingAsync(code, PlanYear, ct);
        }
        return Page();
    }

    /// <summary>Plans the year in the background (as <c>liaison plan liaisons</c>) and follows it on the job's page.</summary>
    public async Task<IActionResult> OnPostPlanAsync(string code, CancellationToken ct)
    {
        if (!await MayPlanAsync(ct))
        {
            return Forbid();
        }
        var year = PlanYear;
        var job = jobs.Start("plan", jurisdiction.UserName ?? "?", new($"编制 {year} 年度联系计划", $"Plan the {year} liaisons"), $"/plan/{code}?year={year}", async (services, job, ct) =>
        {
            var clock = services.GetRequiredService<TimeProvider>();
            var db = services.GetRequiredService<Data.LiaisonDb>();
            job.Report(new Data.Import.ImportProgress(Ui.T("编制中", "planning"), 0.1, 1));
            var today = ChinaTime.Today(clock);
            var run = await Data.Liaisons.LiaisonStore.PlanAsync(db, clock, new Data.Audit.Actor(job.Owner), year, today, Domain.Liaisons.LiaisonTie.StartsOn(year, today), ct);
            var o = run.Outcome;
            return new Term(
                $"已编制：保留 {o.Kept.Count} 项，新增 {o.Added.Count} 项，结束 {o.Ended.Count} 项，集中驻村 {o.Stays.Count} 次；检查发现 {run.Check.Violations.Count} 处违规。",
                $"Planned: {o.Kept.Count} kept, {o.Added.Count} added, {o.Ended.Count} ended, {o.Stays.Count} stays; the check finds {run.Check.Violations.Count} violations.");
        });
        return Redirect($"/jobs/{job.Id}");
    }

    private async Task<bool> MayPlanAsync(CancellationToken ct) =>
        jurisdiction.May(Domain.Access.Ability.EditPlan) && jurisdiction.Role is { } role && jurisdiction.Scope is { } scope
        && await Data.Access.WholeDatabase.GovernedByAsync(db, role, scope, ct);
}
