using Liaison.App.Web;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.App.Features.Liaisons;

public sealed record TieDto(long Id, int Year, string Kind, string? CadreCode, string? CadreName, string? Rank, string? UnitCode, string? UnitName,
    string DivisionCode, string DivisionName, DateOnly Since, DateOnly? Until, string Origin, bool Locked, string? Reason, string? EndReason, int PlannedStayDays);

/// <summary>The liaison plan as JSON under /api/v1: a division's ties and a person's ties, narrowed to the caller's jurisdiction.</summary>
public static class PlanApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/plan/divisions/{code}", DivisionAsync);
        api.MapGet("/plan/people/{code}", PersonAsync);
    }

    /// <summary>Ties at the division in the year (default: this year), current and ended.</summary>
    private static async Task<Results<Ok<List<TieDto>>, NotFound>> DivisionAsync(string code, int? year, LiaisonQueries queries, TimeProvider clock, CancellationToken ct)
    {
        if (await queries.Divisions.FindAsync(code, ct) is null)
        {
            return TypedResults.NotFound();
        }
        var rows = await queries.Plan.AtAsync(code, year ?? ChinaTime.Today(clock).Year, ct);
        return TypedResults.Ok(rows.Select(Dto).ToList());
    }

    /// <summary>Every tie of a person, every year.</summary>
    private static async Task<Results<Ok<List<TieDto>>, NotFound>> PersonAsync(string code, LiaisonQueries queries, CancellationToken ct)
    {
        var person = await queries.Plan.PersonAsync(code, ct);
        return person is null ? TypedResults.NotFound() : TypedResults.Ok((await queries.Plan.OfPersonAsync(person, ct)).Select(Dto).ToList());
    }

    private static TieDto Dto(TieRow r) => new(r.Tie.Id, r.Tie.Year, LiaisonCommands.KindKey(r.Tie.Kind), r.CadreCode, r.CadreName,
        r.Rank?.ToString(), r.UnitCode, r.UnitName, r.Tie.DivisionCode, r.PlaceName, r.Tie.Since, r.Tie.Until, r.Tie.Origin.ToString().ToLowerInvariant(), r.Tie.Locked,
        r.Tie.ReasonIn(Ui.English), r.Tie.EndReason, r.PlannedDays);
}
