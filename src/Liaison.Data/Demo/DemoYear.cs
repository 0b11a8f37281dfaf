using Liaison.Data.Audit;
using Liaison.Data.Liaisons;
using Liaison.Data.Secretaries;

namespace Liaison.Data.Demo;

/// <summary>A year of the programme on a freshly seeded demo: the liaison plan, then the First Secretary cycle from calls to postings.</summary>
public static class DemoYear
{
    /// <summary>
    /// The plan and the postings hold from 1 January, as a programme made at the start of the year
    /// would, although they are made <paramref name="today"/>: the demo's field work runs from
    /// January, and a tie that began today beside visits since January would read as an error.
    /// </summary>
    public static async Task<(PlanRun Plan, MatchRun Match)> RunAsync(LiaisonDb db, TimeProvider clock, Actor actor, DateOnly today, CancellationToken ct)
    {
        var start = new DateOnly(today.Year, 1, 1);
        var plan = await LiaisonStore.PlanAsync(db, clock, actor, today.Year, today, start, ct);
        await SecretaryStore.OpenCallsAsync(db, clock, actor, today.Year, ct);
        await DemoCandidates.RegisterAsync(db, clock, today.Year, 1, ct);
        await SecretaryStore.SelectAsync(db, clock, actor, today.Year, ct);
        var match = await SecretaryStore.MatchAsync(db, clock, actor, today.Year, today, start, ct);
        return (plan, match);
    }
}
