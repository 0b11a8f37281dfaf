using Liaison.Data;
using Liaison.Data.Field;

namespace Liaison.App.Features.Field;

/// <summary>
/// Keeps the field figures current: every second, recounts the villages whose field records changed
/// (the durable queue <c>field_dirty</c>, written in the records' own transactions, so nothing is
/// lost when the server stops; the next start drains what is left).
/// </summary>
public sealed class FieldRollupDrainer(IServiceScopeFactory scopes, ILogger<FieldRollupDrainer> log, TimeProvider clock) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<LiaisonDb>();
                // One round a tick: under a steady stream of writes the queue never empties, and the figures need only be seconds behind.
                await FieldRollups.DrainAsync(db, stoppingToken);
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
            }
        }
    }
}
