using Liaison.Data;
using Liaison.Data.Accounts;
using Liaison.Data.Database;

namespace Liaison.App.Auth;

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

    private readonly GroupCommit<Request> _group;

    public ApiTokenLookup(DatabaseTarget target)
    {
        var options = target.Options();
        _group = new(async (requests, ct) =>
        {
            await using var db = new LiaisonDb(options);
            var found = await TokenAccounts.FindAsync(db, requests.Select(r => r.Hash), ct);
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
