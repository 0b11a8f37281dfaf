using Liaison.App.Web;
using Liaison.Domain.Divisions;
using Liaison.Domain.Reporting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.App.Features.Divisions;

public sealed record DivisionSummaryDto(string Code, string Name, string Level, string? VillageKind, IReadOnlyDictionary<string, long> Figures);

public sealed record DivisionDto(
    string Code, string Name, string Level, string? ParentCode, string? VillageKind,
    double? Latitude, double? Longitude, IReadOnlyList<string> VillageTypes, string? PartyOrgGrade,
    IReadOnlyDictionary<string, long> Figures, IReadOnlyList<DivisionSummaryDto> Children);

public sealed record IndicatorDto(string Id, string NameZh, string NameEn, string UnitZh, string DefinitionZh, string DefinitionEn);

/// <summary>JSON under /api/v1 for other systems: divisions with their figures, and the indicator registry.</summary>
public static class DivisionApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/divisions/{code}", GetAsync);
        api.MapGet("/divisions", SearchAsync);
        api.MapGet("/indicators", () => TypedResults.Ok(Indicators.All.Select(i => new IndicatorDto(i.Id, i.NameZh, i.NameEn, i.UnitZh, i.DefinitionZh, i.DefinitionEn))));
    }

    private static async Task<Results<Ok<DivisionDto>, NotFound>> GetAsync(string code, LiaisonQueries queries, CancellationToken ct)
    {
        var d = await queries.Divisions.FindAsync(code, ct);
        if (d is null)
        {
            return TypedResults.NotFound();
        }
        var figures = await queries.Divisions.FiguresAsync(code, ct);
        var children = await queries.Divisions.ChildrenAsync(code, ct);
        return TypedResults.Ok(new DivisionDto(
            d.Code, d.Name, DivisionCode.LevelName(d.Level), d.ParentCode, d.VillageKind?.ToString().ToLowerInvariant(),
            d.Latitude, d.Longitude,
            Enum.GetValues<VillageType>().Where(t => t != VillageType.None && d.VillageType.HasFlag(t)).Select(t => t.ToString().ToLowerInvariant()).ToList(),
            d.PartyOrgGrade?.ToString().ToLowerInvariant(),
            figures,
            children.Select(c => Summary(c.Division, c.Figures)).ToList()));
    }

    private static async Task<Ok<List<DivisionSummaryDto>>> SearchAsync(string? q, LiaisonQueries queries, CancellationToken ct)
    {
        var found = await queries.Divisions.SearchAsync(q ?? "", 50, ct);
        return TypedResults.Ok(found.Select(d => Summary(d, new Dictionary<string, long>())).ToList());
    }

    private static DivisionSummaryDto Summary(Division d, IReadOnlyDictionary<string, long> figures) =>
        new(d.Code, d.Name, DivisionCode.LevelName(d.Level), d.VillageKind?.ToString().ToLowerInvariant(), figures);
}
