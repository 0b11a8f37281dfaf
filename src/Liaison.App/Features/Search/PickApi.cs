using Liaison.Domain.Divisions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.App.Features.Search;

/// <summary>
/// The JSON behind every picker (site.js turns an input with data-picker into a type-ahead): what a
/// person types, answered with what lies in their scope. Read-only, so any signed-in role may ask.
/// </summary>
public static class PickApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/pick/divisions", (string? q, string? level, string? under, Finder finder, CancellationToken ct) =>
            finder.DivisionsAsync(q, level is not null && DivisionCode.TryParseLevel(level, out var l) ? l : null, under, ct));
        // The portal's village chooser: names and codes only (the public pages publish them), no sign-in.
        api.MapGet("/pick/public-villages", (string? q, Data.LiaisonDb db, CancellationToken ct) =>
            new Finder(Data.Access.Scoped.Public(db)).DivisionsAsync(q, DivisionLevel.Village, null, ct))
            .AllowAnonymous().RequireRateLimiting(Auth.AuthSetup.PublicLimit);
        api.MapGet("/pick/people", (string? q, Finder finder, CancellationToken ct) => finder.PeopleAsync(q, ct));
        api.MapGet("/pick/units", (string? q, Finder finder, CancellationToken ct) => finder.UnitsAsync(q, ct));
        api.MapGet("/pick/households", async Task<Results<Ok<List<Found>>, BadRequest>> (string? village, string? q, Finder finder, CancellationToken ct) =>
            village is null ? TypedResults.BadRequest() : TypedResults.Ok(await finder.HouseholdsAsync(village, q, ct)));
    }
}
