using System.Collections.Concurrent;

namespace Liaison.App.Features.Cases;

/// <summary>
/// The public form's flood guard: at most the policy's number of cases an hour from one address
/// (a sliding hour, on the server's clock). Refused submissions store nothing.
/// </summary>
public sealed class IntakeLimiter(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _recent = new();

    /// <summary>Counts one submission from <paramref name="address"/>, or says no when the hour is full.</summary>
    public bool TryTake(string address, int perHour)
    {
        var now = clock.GetUtcNow();
        var times = _recent.GetOrAdd(address, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            while (times.Count > 0 && times.Peek() <= now.AddHours(-1))
            {
                times.Dequeue();
            }
            if (times.Count >= perHour)
            {
                return false;
            }
            times.Enqueue(now);
        }
        if (_recent.Count > 50_000)
        {
            foreach (var (key, q) in _recent)
            {
                lock (q)
                {
                    if (q.Count == 0 || q.Peek() <= now.AddHours(-1))
                    {
                        _recent.TryRemove(key, out _);
                    }
                }
            }
        }
        return true;
    }
}
