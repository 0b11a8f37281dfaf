using System.Collections.Concurrent;
using System.Security.Claims;
using Liaison.Data;
using Liaison.Data.Database;
using Liaison.Data.Liaisons;
using Microsoft.AspNetCore.Authentication;

namespace Liaison.App.Auth;

/// <summary>
/// Puts on a cadre account's principal the divisions of the work teams its cadre serves in this
/// year (<see cref="LiaisonClaims.TeamDivision"/>), so that its scope reaches the team's villages
/// and cases (<see cref="Domain.Access.Scope.Teams"/>) for cookies and tokens alike. Each cadre's
/// teams are kept for <see cref="Lifetime"/>: a phone syncing visit after visit does not read them
/// every time, and a cadre who joins or leaves a team gains or loses its reach within that time.
/// The server's one instance serves all requests.
/// </summary>
public sealed class TeamReach(DatabaseTarget target, TimeProvider clock) : IClaimsTransformation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(int Cadre, int Year), (List<string> Divisions, DateTimeOffset Expires)> _entries = new();

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        // Called for every authentication of the request; only a cadre's account has teams.
        if (LiaisonClaims.CadreOf(principal) is not { } cadre || principal.HasClaim(c => c.Type == LiaisonClaims.TeamsRead) || principal.Identity is not ClaimsIdentity identity)
        {
            return principal;
        }
        var divisions = await DivisionsAsync(cadre);
        var reached = identity.Clone();
        reached.AddClaim(new Claim(LiaisonClaims.TeamsRead, "1"));
        reached.AddClaims(divisions.Select(d => new Claim(LiaisonClaims.TeamDivision, d)));
        return new ClaimsPrincipal(reached);
    }

    private async Task<List<string>> DivisionsAsync(int cadre)
    {
        var now = clock.GetUtcNow();
        var key = (cadre, Domain.Shared.ChinaTime.DateOf(now).Year);
        if (_entries.TryGetValue(key, out var entry) && entry.Expires > now)
        {
            return entry.Divisions;
        }
        await using var db = new LiaisonDb(target.Options());
        var divisions = await WorkTeamStore.ReachOfAsync(db, cadre, key.Item2, default);
        _entries[key] = (divisions, now + Lifetime);
        return divisions;
    }
}
