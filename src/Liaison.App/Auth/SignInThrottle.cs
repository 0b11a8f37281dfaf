using System.Threading.RateLimiting;

namespace Liaison.App.Auth;

/// <summary>
/// Sign-in attempts per address (<c>Liaison:RateLimits:SignInPerMinute</c>, default 10) and per
/// account name (<c>Liaison:RateLimits:SignInPerAccountPerMinute</c>, default 10): guessing one
/// account's password from many addresses is slowed as well. Only attempts count — opening the
/// sign-in page does not — and the form itself says how long to wait.
/// </summary>
public sealed class SignInThrottle(IConfiguration config) : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> _names = Limiter(config.GetValue("Liaison:RateLimits:SignInPerAccountPerMinute", 10));
    private readonly PartitionedRateLimiter<string> _addresses = Limiter(config.GetValue("Liaison:RateLimits:SignInPerMinute", 10));

    /// <summary>True when one more attempt for this name may be checked now.</summary>
    public bool TryAttempt(string userName)
    {
        using var lease = _names.AttemptAcquire(userName.Trim());
        return lease.IsAcquired;
    }

    /// <summary>True when this address may try once more now; otherwise, the whole minutes to wait (at least one).</summary>
    public bool TryAddress(string address, out int waitMinutes)
    {
        using var lease = _addresses.AttemptAcquire(address);
        waitMinutes = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalMinutes)) : 1;
        return lease.IsAcquired;
    }

    private static PartitionedRateLimiter<string> Limiter(int perMinute) => PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = Window }), StringComparer.OrdinalIgnoreCase);

    public void Dispose()
    {
        _names.Dispose();
        _addresses.Dispose();
    }
}
