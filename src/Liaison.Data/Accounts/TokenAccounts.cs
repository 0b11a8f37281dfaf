using System.Runtime.CompilerServices;
using Liaison.Data.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Liaison.Data.Accounts;

/// <summary>A token as the checks and the claims need it: its state, its account's, and the division of the account's unit scope.</summary>
public sealed record TokenAccount(string Hash, DateTimeOffset? RevokedAt, DateTimeOffset ExpiresAt, bool IsDisabled, DateTimeOffset? LockoutEnd, string? UnitDivision, Account Account);

/// <summary>Bearer tokens by their SHA-256, with their accounts, for signing API requests in.</summary>
public static class TokenAccounts
{
    // Compiled once for each model (a compiled query serves one; tests use both providers in one
    // process): every API request depends on it. Reads only what the checks and the claims need
    // (not the password hash and the rest of the account), the unit scope's division joined.
    private static readonly ConditionalWeakTable<IModel, Func<LiaisonDb, List<string>, IAsyncEnumerable<TokenAccount>>> Compiled = [];

    private static Func<LiaisonDb, List<string>, IAsyncEnumerable<TokenAccount>> Compile() => EF.CompileAsyncQuery(
        (LiaisonDb db, List<string> hashes) =>
            from t in db.ApiTokens
            join a in db.Users on t.AccountId equals a.Id
            from u in db.Units.Where(u => u.Id == a.ScopeUnitId).DefaultIfEmpty()
            where hashes.Contains(t.TokenHash)
            select new TokenAccount(t.TokenHash, t.RevokedAt, t.ExpiresAt, a.IsDisabled, a.LockoutEnd, u == null ? null : u.DivisionCode, new Account
            {
                Id = a.Id,
                UserName = a.UserName,
                Email = a.Email,
                SecurityStamp = a.SecurityStamp,
                Role = a.Role,
                CadreId = a.CadreId,
                ScopeUnitId = a.ScopeUnitId,
                ScopeDivisionCode = a.ScopeDivisionCode,
            }));

    /// <summary>The tokens with these hashes that exist, by hash; revoked and expired ones included (the caller decides).</summary>
    public static async Task<Dictionary<string, TokenAccount>> FindAsync(LiaisonDb db, IEnumerable<string> hashes, CancellationToken ct)
    {
        using var outside = Unscoped.Section("signing in with a token: the division of the account's own unit");
        var found = new Dictionary<string, TokenAccount>(StringComparer.Ordinal);
        var find = Compiled.GetValue(db.Model, _ => Compile());
        await foreach (var t in find(db, hashes.Distinct(StringComparer.Ordinal).ToList()).WithCancellation(ct))
        {
            found[t.Hash] = t;
        }
        return found;
    }
}
