using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Reporting;
using Liaison.Domain.Reporting;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.App.Features.Reports;

/// <summary>The campaign report as JSON for other systems: <c>GET /api/v1/reports/campaign?division=&amp;from=&amp;to=&amp;lang=</c>.</summary>
public static class ReportApi
{
    public static void Map(RouteGroupBuilder api) => api.MapGet("/reports/campaign", CampaignAsync);

    private static async Task<Results<Ok<ReportDto>, NotFound, ValidationProblem>> CampaignAsync(
        string? division, string? from, string? to, string? lang, LiaisonQueries queries, LiaisonDb db, Data.Access.Scoped scoped, TimeProvider clock, CancellationToken ct)
    {
        // The jurisdiction decides: a division outside it reads as absent, as everywhere.
        var d = await queries.Divisions.FindOrHomeAsync(division, ct);
        if (d is null)
        {
            return TypedResults.NotFound();
        }
        var english = lang is null ? Ui.English : lang.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var (period, problem) = ReportPeriod.Parse(from, to, await CampaignReports.ReportYearAsync(db, clock, ct));
        if (problem is { } p)
        {
            return Refusals.Invalid([new Problem("period", p.Zh, p.En) { Code = "period" }], english);
        }
        var report = await CampaignReport.ForDivisionAsync(scoped, clock, d.Code, period, ct);
        return TypedResults.Ok(CampaignExport.Json(report!, english));
    }
}
