using System.Security.Claims;
using Liaison.Domain.Access;

namespace Liaison.App.Auth;

/// <summary>The claims Liaison puts on a signed-in principal, and how to read them back.</summary>
public static class LiaisonClaims
{
    public const string Role = "liaison:role";
    /// <summary>The root division code of the scope; absent for everything.</summary>
    public const string ScopeDivision = "liaison:scope-division";
    public const string ScopeUnit = "liaison:scope-unit";
    /// <summary>The cadre a cadre account keeps field records for.</summary>
    public const string Cadre = "liaison:cadre";
    /// <summary>A division of a work team the account's cadre serves in (one claim each; <see cref="TeamReach"/>).</summary>
    public const string TeamDivision = "liaison:team-division";
    /// <summary>Set once the team divisions are on the principal, so that they are looked up once a request.</summary>
    public const string TeamsRead = "liaison:teams-read";
    /// <summary>Signed in with a temporary password: only the password page is open until it is changed.</summary>
    public const string MustChangePassword = "liaison:must-change-password";

    public static int? CadreOf(ClaimsPrincipal user) =>
        RoleOf(user) == Domain.Access.Role.Cadre && int.TryParse(user.FindFirstValue(Cadre), out var id) ? id : null;

    public static Role? RoleOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Enum.TryParse<Role>(user.FindFirstValue(Role), out var r) ? r : null;

    /// <summary>The principal's scope; an authenticated principal without one sees nothing.</summary>
    public static Scope? ScopeOf(ClaimsPrincipal user)
    {
        if (RoleOf(user) is not { } role)
        {
            return null;
        }
        var division = user.FindFirstValue(ScopeDivision);
        var scope = int.TryParse(user.FindFirstValue(ScopeUnit), out var unit) && division is not null ? Scope.Unit(unit, division)
            : division is not null ? Scope.Division(division)
            : role == Domain.Access.Role.Admin ? Scope.Everything : null;
        var teams = user.FindAll(TeamDivision).Select(c => c.Value).ToList();
        return scope is not null && teams.Count > 0 ? scope.WithTeams(teams) : scope;
    }
}
