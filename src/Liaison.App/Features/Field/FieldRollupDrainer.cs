using Liaison.Data;
using Liaison.Data.Field;

namespace Liaison.App.Features.Field;

/// <summary>
/// Keeps the field figures current: every second (longer after a long round), recounts the villages whose field records changed
/// (the durable queue <c>field_dirty</c>, written in the records' own transactions, so nothing is
/// lost when the server stops; the next start drains what is left).
/// </summary>
public sealed class FieldRollupDrainer(IServiceScopeFactory scopes, Web.Heartbeats beats, ILogger<FieldRollupDrainer> log, TimeProvider clock) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>The longest pause after a long round: how far behind the field figures may fall under load.</summary>
    public static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = Interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(pause, clock, stoppingToken);
                var started = clock.GetTimestamp();
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<LiaisonDb>();
                    // One round a pause: under a steady stream of writes the queue never empties, and the figures need only be seconds behind.
                    await FieldRollups.DrainAsync(db, stoppingToken);
                }
                beats.Beat("field-rollups");
                // A long round (busy villages under a stream of writes) is followed by a pause ten times
                // as long, up to MaxPause: recounting takes at most a tenth of a core from the writes that
                // feed it (a third with pauses twice as long measured about 10 % fewer single visits a
                // second), and the figures stay within seconds.
                pause = TimeSpan.FromTicks(Math.Clamp(10 * clock.GetElapsedTime(started).Ticks, Interval.Ticks, MaxPause.Ticks));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed round is logged and the next one tries again; the queue keeps the work.
            catch (Exception e)
#pragma warning restore CA1031
            {
                log.LogWarning(e, "field rollups: a drain round failed; retrying in {Interval}", Interval);
                pause = Interval;
            }
        }
    }
}
