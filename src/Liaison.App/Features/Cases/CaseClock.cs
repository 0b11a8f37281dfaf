using Liaison.Data;
using Liaison.Data.Cases;
using Prometheus;

namespace Liaison.App.Features.Cases;

/// <summary>
/// The cases' clock: every few minutes, passes up each open case whose deadline has passed
/// (<see cref="CaseStore.EscalateOverdueAsync"/>), and takes up the issues raised on visits as
/// cases, and escalates the rectification orders past their day. All are idempotent, so a missed round is caught up by the next.
/// </summary>
public sealed class CaseClock(IServiceScopeFactory scopes, Web.Heartbeats beats, ILogger<CaseClock> log, TimeProvider clock) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

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
