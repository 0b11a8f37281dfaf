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
        if (int.TryParse(user.FindFirstValue(ScopeUnit), out var unit) && division is not null)
        {
            return Scope.Unit(unit, division);
        }
        return division is not null ? Scope.Division(division) : role == Domain.Access.Role.Admin ? Scope.Everything : null;
    }
}
