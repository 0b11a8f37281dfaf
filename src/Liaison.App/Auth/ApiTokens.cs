using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Liaison.Data;
using Liaison.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
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
    LiaisonDb db, IOptions<IdentityOptions> identity, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "Token";

    // The token and its account in one round trip, compiled once: every API request pays for this
    // lookup, and building and caching the LINQ query anew each time cost more than the query.
    private static readonly Func<LiaisonDb, string, CancellationToken, Task<TokenAccount?>> FindToken = EF.CompileAsyncQuery(
        (LiaisonDb db, string hash, CancellationToken ct) =>
            (from t in db.ApiTokens.AsNoTracking()
             join a in db.Users.AsNoTracking() on t.AccountId equals a.Id
             where t.TokenHash == hash
             select new TokenAccount(t.RevokedAt, t.ExpiresAt, a)).FirstOrDefault());

    private sealed record TokenAccount(DateTimeOffset? RevokedAt, DateTimeOffset ExpiresAt, Account Account);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var token = header["Bearer ".Length..].Trim();
        var hash = ApiTokenText.Hash(token);
        var now = clock.GetUtcNow();
        var found = await FindToken(db, hash, Context.RequestAborted);
        if (found is null || found.RevokedAt is not null || found.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("the token is unknown, revoked or expired");
        }
        var account = found.Account;
        if (account.IsDisabled || (account.LockoutEnd is { } end && end > now))
        {
            return AuthenticateResult.Fail("the account is disabled");
        }
        // Built directly, not through the scoped claims factory: its UserManager is costly to set up for every API request.
        var principal = await AccountClaims.PrincipalAsync(account, identity.Value.ClaimsIdentity, db, Name, Context.RequestAborted);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Name));
    }
}
