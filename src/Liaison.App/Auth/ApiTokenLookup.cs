using Liaison.Data;
using Liaison.Data.Accounts;
using Liaison.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Auth;

/// <summary>A token as the checks and the claims need it: its state, its account's, and the division of the account's unit scope.</summary>
public sealed record TokenAccount(string Hash, DateTimeOffset? RevokedAt, DateTimeOffset ExpiresAt, bool IsDisabled, DateTimeOffset? LockoutEnd, string? UnitDivision, Account Account);

/// <summary>
/// Looks up the bearer tokens of concurrent API requests together: one query answers every request
/// that arrived while the previous query ran (<see cref="GroupCommit{TItem}"/>, used for reading).
/// Each answer is still read after its request arrived, so a token revoked or an account disabled
/// a moment before, by this server or any other process, is refused just as with a query of its
/// own; what is saved is a round trip and a query for every request under load. The server's one
/// instance serves all requests.
/// </summary>
public sealed class ApiTokenLookup : IAsyncDisposable
{
    /// <summary>Tokens looked up in one query at most.</summary>
    private const int MaxGroup = 256;

    // Compiled once; reads only what the checks and the claims need, the unit's division included.
    private static readonly Func<LiaisonDb, List<string>, IAsyncEnumerable<TokenAccount>> Find = EF.CompileAsyncQuery(
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

    private readonly GroupCommit<Request> _group;

    public ApiTokenLookup(DatabaseTarget target)
    {
        var options = target.Options();
        _group = new(async (requests, ct) =>
        {
            await using var db = new LiaisonDb(options);
            var found = new Dictionary<string, TokenAccount>(StringComparer.Ordinal);
            await foreach (var t in Find(db, requests.Select(r => r.Hash).Distinct().ToList()).WithCancellation(ct))
            {
                found[t.Hash] = t;
            }
            foreach (var r in requests)
            {
                r.Found = found.GetValueOrDefault(r.Hash);
            }
        }, _ => 1, MaxGroup);
    }

    /// <summary>The token with this SHA-256, or null when no such token exists.</summary>
    public async Task<TokenAccount?> FindAsync(string hash)
    {
        var request = new Request(hash);
        await _group.SubmitAsync(request);
        return request.Found;
    }

    public ValueTask DisposeAsync() => _group.DisposeAsync();

    private sealed class Request(string hash)
    {
        public string Hash { get; } = hash;
        public TokenAccount? Found { get; set; }
    }
}
