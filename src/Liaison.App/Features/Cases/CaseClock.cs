using Liaison.Data;
using Liaison.Data.Cases;
using Prometheus;

namespace Liaison.App.Features.Cases;

/// <summary>
/// The cases' clock: every few minutes, passes up each open case whose deadline has passed
/// (<see cref="CaseStore.EscalateOverdueAsync"/>), and takes up the issues raised on visits as
/// cases, escalates the rectification orders past their day, and runs the plausibility checks over the
/// townships with new records (flags are stored once). All are idempotent, so a missed round is caught up by the next.
/// </summary>
public sealed class CaseClock(IServiceScopeFactory scopes, Web.Heartbeats beats, ILogger<CaseClock> log, TimeProvider clock) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    // The newest visit and stay the flags' checks have read; none before the first round, which looks a day back.
    private Data.Supervision.FlagMark? _flagsRead;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                using (Web.Operations.CaseClockRound.NewTimer())
                {
                    var db = scope.ServiceProvider.GetRequiredService<LiaisonDb>();
                    Web.Operations.CaseClockCases.WithLabels("taken-up").Inc(await CaseStore.TakeUpVisitIssuesAsync(db, clock, 2_000, stoppingToken));
                    Web.Operations.CaseClockCases.WithLabels("escalated").Inc(await CaseStore.EscalateOverdueAsync(db, clock, stoppingToken, max: 1_000));
                    // Rectification orders past their day are escalated like cases (限期整改 → 督办).
                    Web.Operations.CaseClockCases.WithLabels("orders-escalated").Inc(await Data.Supervision.OrderStore.EscalateOverdueAsync(db, clock, stoppingToken));
                    // The plausibility checks over the townships with records stored since the round before (a day back at start).
                    var (flags, mark) = await Data.Supervision.FlagStore.RefreshRecentAsync(db, clock, _flagsRead, stoppingToken);
                    Web.Operations.CaseClockCases.WithLabels("flags-found").Inc(flags);
                    _flagsRead = mark;
                }
                beats.Beat("case-clock");
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed round is logged; the next one does the work again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                log.LogWarning(e, "cases: a round of escalation failed; retrying in {Interval}", Interval);
                await Task.Delay(Interval, clock, stoppingToken);
            }
        }
    }
}
