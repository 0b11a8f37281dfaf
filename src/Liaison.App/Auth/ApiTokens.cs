using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Liaison.App.Auth;

/// <summary>Making and checking bearer tokens: <c>lsn_</c> and 40 random characters; only the SHA-256 is kept.</summary>
public static class ApiTokenText
{
    public const string Prefix = "lsn_";

    public static string New() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(30));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary><c>Authorization: Bearer lsn_…</c> for scripts and the phone app: valid while not expired, not revoked and the account not disabled.</summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokenLookup tokens, IOptions<IdentityOptions> identity, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "Token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var token = header["Bearer ".Length..].Trim();
        var found = await tokens.FindAsync(ApiTokenText.Hash(token));
        var now = clock.GetUtcNow();
        if (found is null || found.RevokedAt is not null || found.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("the token is unknown, revoked or expired");
        }
        if (found.IsDisabled || (found.LockoutEnd is { } end && end > now))
        {
            return AuthenticateResult.Fail("the account is disabled");
        }
        // Built directly, not through the scoped claims factory: its UserManager is costly to set up for every API request.
        var principal = new ClaimsPrincipal(AccountClaims.Identity(found.Account, found.UnitDivision, identity.Value.ClaimsIdentity, Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Name));
    }
}
