using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Audit;
using Liaison.Data.Policy;
using Liaison.Data.Reporting;
using Liaison.Domain.Cases;
using Liaison.Domain.Divisions;
using Liaison.Domain.Reporting;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Reports;

/// <summary>A village below the visit-rate target, for the compliance list.</summary>
public sealed record LaggingVillage(string Code, string Name, long Households, long Visited)
{
    public double Rate => Households == 0 ? 1 : (double)Visited / Households;
}

/// <summary>
/// 工作报表: the dashboard of a division of the signed-in user's jurisdiction — headline rates,
/// the year month by month, the league of the divisions below (laggards first, each a link down
/// to the village), compliance lists, every figure with its definition — and its xlsx and PDF.
/// </summary>
public sealed class IndexModel(LiaisonQueries queries, LiaisonDb db, Data.Access.Scoped scoped, Jurisdiction jurisdiction, TimeProvider clock, Web.Jobs jobs) : PageModel
{
    /// <summary>At most this many lagging villages are listed; the count says how many there are.</summary>
    public const int LaggingShown = 30;

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? By { get; set; }

    public CampaignReport Report { get; private set; } = null!;
    public List<Division> Ancestors { get; private set; } = [];
    public Ratio Order { get; private set; } = Ratios.VisitRate;
    public string? PeriodProblem { get; private set; }
    public double VisitTarget { get; private set; }
    public List<LaggingVillage> Lagging { get; private set; } = [];
    public int LaggingCount { get; private set; }
    public int OverdueCases { get; private set; }
    public bool MaySupervise => jurisdiction.May(Domain.Access.Ability.Supervise);
    /// <summary>Whether the rollups may be rebuilt from here: the whole database's work, for who governs all of it.</summary>
    public bool MayRebuild { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, string? format, CancellationToken ct)
    {
        var division = await queries.Divisions.FindOrHomeAsync(code, ct);
        if (division is null)
        {
            return NotFound();
        }
        if (code is null)
        {
            return Redirect("/reports/" + division.Code + Request.QueryString);
        }
        var year = await CampaignReports.ReportYearAsync(db, clock, ct);
        var (period, problem) = ReportPeriod.Parse(From, To, year);
        if (problem is { } p)
        {
            PeriodProblem = p.In(Ui.English);
            period = ReportPeriod.WholeYear(year);
        }
        Order = LeagueColumn.Orders.FirstOrDefault(r => r.Id == By) ?? Ratios.VisitRate;
        Report = (await CampaignReport.ForDivisionAsync(scoped, clock, division.Code, period, ct))!;
        if (format is "xlsx" or "pdf")
        {
            var bytes = format == "xlsx" ? CampaignExport.Xlsx(Report, Ui.English) : CampaignExport.Pdf(Report, Ui.English);
            var name = CampaignExport.FileName(Report, format);
            await CampaignExport.AuditAsync(db, clock, new Actor(jurisdiction.UserName ?? "?"), Report, format, name, ct);
            return File(bytes, format == "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "application/pdf", name);
        }
        Ancestors = await queries.Divisions.AncestorsAsync(division, ct);
        VisitTarget = (await PolicyStore.GetAsync(db, year, ct)).Policy.Reporting.VisitRateTarget;
        await ComplianceAsync(division, ct);
        MayRebuild = await MayRebuildAsync(ct);
        return Page();
    }

    /// <summary>Villages under the visit-rate target (the year's figures) and the open cases past their deadline.</summary>
    private async Task ComplianceAsync(Division division, CancellationToken ct)
    {
        var under = scoped.Under(division.Code);
        var ids = new[] { Indicators.Households.Id, Indicators.HouseholdsVisited.Id };
        var rows = await (from r in under.Rollups
                          join d in under.Divisions on r.DivisionCode equals d.Code
                          where d.Level == DivisionLevel.Village && ids.Contains(r.IndicatorId)
                          select new { d.Code, d.Name, r.IndicatorId, r.Value }).ToListAsync(ct);
        var villages = rows.GroupBy(r => (r.Code, r.Name))
            .Select(g => new LaggingVillage(g.Key.Code, g.Key.Name,
                g.Where(r => r.IndicatorId == Indicators.Households.Id).Sum(r => r.Value),
                g.Where(r => r.IndicatorId == Indicators.HouseholdsVisited.Id).Sum(r => r.Value)))
            .Where(v => v.Households > 0 && v.Rate < VisitTarget)
            .OrderBy(v => v.Rate).ThenBy(v => v.Code, StringComparer.Ordinal).ToList();
        LaggingCount = villages.Count;
        Lagging = villages.Take(LaggingShown).ToList();
        var today = ChinaTime.Today(clock);
        var open = CaseLifecycle.OpenStatuses;
        OverdueCases = await under.Cases.CountAsync(c => open.Contains(c.Status) && c.DueOn < today, ct);
    }

    /// <summary>The query string of this page with one value changed (links keep the period and order).</summary>
    public string With(string? from = null, string? to = null, string? by = null, string? format = null)
    {
        var q = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                q.Add(key + "=" + Uri.EscapeDataString(value));
            }
        }
        Add("from", from ?? From);
        Add("to", to ?? To);
        Add("by", by ?? By);
        Add("format", format);
        return q.Count == 0 ? "" : "?" + string.Join("&", q);
    }

    /// <summary>
    /// Rebuilds every rollup from the raw records (what <c>report refresh</c> does) as a job followed
    /// on its page: after an upgrade, or when <c>report verify</c> finds a difference.
    /// </summary>
    public async Task<IActionResult> OnPostRebuildAsync(string? code, CancellationToken ct)
    {
        if (!await MayRebuildAsync(ct))
        {
            return Forbid();
        }
        var job = jobs.Start("report-rebuild", jurisdiction.UserName ?? "?", new("从原始记录重建报表汇总", "Rebuild the report's rollups from the raw records"), "/reports/" + code, async (services, job, ct) =>
        {
            job.Report(new Data.Import.ImportProgress(Ui.T("重建中", "rebuilding"), 0.1, 1));
            await RollupStore.RebuildAuditedAsync(services.GetRequiredService<LiaisonDb>(), services.GetRequiredService<TimeProvider>(), new Actor(job.Owner), ct);
            return new Term("汇总已从原始记录重建。", "The rollups were rebuilt from the raw records.");
        });
        return Redirect($"/jobs/{job.Id}");
    }

    private async Task<bool> MayRebuildAsync(CancellationToken ct) =>
        jurisdiction.Role is { } role && jurisdiction.Scope is { } scope && await Data.Access.WholeDatabase.GovernedByAsync(db, role, scope, ct);
}
