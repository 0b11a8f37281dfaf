using Liaison.Domain.Access;

namespace Liaison.App.Auth;

/// <summary>The signed-in person's role and scope for this request; what every query root narrows by.</summary>
public sealed class Jurisdiction(IHttpContextAccessor http)
{
    private readonly System.Security.Claims.ClaimsPrincipal _user = http.HttpContext?.User ?? new();

    public Role? Role => LiaisonClaims.RoleOf(_user);

    /// <summary>The scope; a request without one (not signed in, or a unit that is gone) covers nothing.</summary>
    public Scope? Scope => LiaisonClaims.ScopeOf(_user);

    public string? UserName => _user.Identity?.Name;

    /// <summary>The cadre a cadre account keeps field records for; null for every other account.</summary>
    public int? CadreId => LiaisonClaims.CadreOf(_user);

    public bool Covers(string divisionCode) => Scope?.Covers(divisionCode) == true;

    public bool May(Ability ability) => Role is { } r && Roles.May(r, ability);
}
