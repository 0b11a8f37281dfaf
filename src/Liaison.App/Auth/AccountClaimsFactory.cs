using System.Security.Claims;
using Liaison.Data;
using Liaison.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Liaison.App.Auth;

/// <summary>
/// The principal of an account: id, name, security stamp, role and scope. Built at every request
/// (the security-stamp check, every API token), so it reads nothing it need not: Liaison keeps no
/// per-user claims, and the base factory's query of them would cost every request a round trip.
/// </summary>
public sealed class AccountClaimsFactory(UserManager<Account> users, IOptions<IdentityOptions> options, LiaisonDb db)
    : UserClaimsPrincipalFactory<Account>(users, options)
{
    protected override Task<ClaimsIdentity> GenerateClaimsAsync(Account user) => AccountClaims.IdentityAsync(user, Options.ClaimsIdentity, db, default);
}

/// <summary>The one home of an account's claims, for cookies (through <see cref="AccountClaimsFactory"/>) and API tokens alike.</summary>
public static class AccountClaims
{
    public static async Task<ClaimsIdentity> IdentityAsync(Account user, ClaimsIdentityOptions names, LiaisonDb db, CancellationToken ct, string scheme = "Identity.Application")
    {
        using var outside = Data.Access.Unscoped.Section("signing in: the division of the account's own unit");
        var unitDivision = user.ScopeUnitId is { } unitId
            ? await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.DivisionCode).FirstOrDefaultAsync(ct)
            : null;
        return Identity(user, unitDivision, names, scheme);
    }

    /// <summary>The identity of an account whose unit scope's division (if it has one) is known already.</summary>
    public static ClaimsIdentity Identity(Account user, string? unitDivision, ClaimsIdentityOptions names, string scheme)
    {
        var identity = new ClaimsIdentity(scheme, names.UserNameClaimType, names.RoleClaimType);
        identity.AddClaim(new Claim(names.UserIdClaimType, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(names.UserNameClaimType, user.UserName ?? ""));
        if (user.Email is { } email)
        {
            identity.AddClaim(new Claim(names.EmailClaimType, email));
        }
        if (user.SecurityStamp is { } stamp)
        {
            identity.AddClaim(new Claim(names.SecurityStampClaimType, stamp));
        }
        identity.AddClaim(new Claim(LiaisonClaims.Role, user.Role.ToString()));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(LiaisonClaims.MustChangePassword, "1"));
        }
        if (user.CadreId is { } cadre)
        {
            identity.AddClaim(new Claim(LiaisonClaims.Cadre, cadre.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (user.ScopeUnitId is { } unitId)
        {
            identity.AddClaim(new Claim(LiaisonClaims.ScopeUnit, unitId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            // A unit that no longer exists leaves a scope of nothing (no division claim).
            if (unitDivision is not null)
            {
                identity.AddClaim(new Claim(LiaisonClaims.ScopeDivision, unitDivision));
            }
        }
        else if (user.ScopeDivisionCode is { } code)
        {
            identity.AddClaim(new Claim(LiaisonClaims.ScopeDivision, code));
        }
        return identity;
    }
}

/// <summary>A disabled account cannot sign in, and the security-stamp check throws out its live sessions.</summary>
public sealed class LiaisonSignInManager(
    UserManager<Account> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<Account> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<Account>> logger, Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<Account> confirmation)
    : SignInManager<Account>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(Account user) => !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<Account?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } ? user : null;
    }
}
