using System.Threading.RateLimiting;

namespace Liaison.App.Auth;

/// <summary>
/// Sign-in attempts per account name, besides the limit per address: guessing one account's
/// password from many addresses is slowed as well (<c>Liaison:RateLimits:SignInPerAccountPerMinute</c>, default 10).
/// </summary>
public sealed class SignInThrottle(IConfiguration config) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(name =>
        RateLimitPartition.GetFixedWindowLimiter(name, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = config.GetValue("Liaison:RateLimits:SignInPerAccountPerMinute", 10),
            Window = TimeSpan.FromMinutes(1),
        }), StringComparer.OrdinalIgnoreCase);

    /// <summary>True when one more attempt for this name may be checked now.</summary>
    public bool TryAttempt(string userName)
    {
        using var lease = _limiter.AttemptAcquire(userName.Trim());
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
