using Liaison.Data.Reporting;
using Liaison.Domain.Cases;
using Liaison.Domain.Reporting;

namespace Liaison.Data.Cases;

/// <summary>
/// The case figures at each village for a year, from the raw records. They ride with the field
/// family: a case write marks its village in the same durable queue, and the drainer recounts it.
/// </summary>
internal static class CaseRollups
{
    public static async Task AddLeavesAsync(LiaisonDb db, string year, Func<string, string> villagesIn, Action<string, Indicator, long> add, CancellationToken ct)
    {
        var closed = $"{(int)CaseStatus.Resolved}, {(int)CaseStatus.Adopted}, {(int)CaseStatus.ClosedNotFixed}";
        // Merged duplicates and withdrawn cases are not counted as collected: the original counts once.
        await RollupStore.ReadAsync(db, $"""
            SELECT village_code,
                   count(*),
                   sum(CASE WHEN status = {(int)CaseStatus.Adopted} THEN 1 ELSE 0 END),
                   sum(CASE WHEN status IN ({(int)CaseStatus.Resolved}, {(int)CaseStatus.Adopted}) THEN 1 ELSE 0 END),
                   sum(CASE WHEN status IN ({closed}) THEN 1 ELSE 0 END),
                   sum(CASE WHEN status IN ({closed}) AND on_time THEN 1 ELSE 0 END),
                   sum(CASE WHEN replied_at IS NOT NULL THEN 1 ELSE 0 END),
                   sum(CASE WHEN satisfaction IS NOT NULL THEN 1 ELSE 0 END),
                   coalesce(sum(satisfaction), 0),
                   sum(CASE WHEN reopens > 0 THEN 1 ELSE 0 END),
                   sum(CASE WHEN escalations > 0 THEN 1 ELSE 0 END)
            FROM cases WHERE year = {year} AND status NOT IN ({(int)CaseStatus.Merged}, {(int)CaseStatus.Withdrawn}){villagesIn("village_code")}
            GROUP BY village_code
            """, r =>
        {
            var v = r.GetString(0);
            add(v, Indicators.CasesCollected, r.GetInt64(1));
            add(v, Indicators.CasesAdopted, r.GetInt64(2));
            add(v, Indicators.CasesCompleted, r.GetInt64(3));
            add(v, Indicators.CasesClosed, r.GetInt64(4));
            add(v, Indicators.CasesOnTime, r.GetInt64(5));
            add(v, Indicators.CasesReplied, r.GetInt64(6));
            add(v, Indicators.CasesFollowedUp, r.GetInt64(7));
            add(v, Indicators.CasesSatisfaction, r.GetInt64(8));
            add(v, Indicators.CasesReopened, r.GetInt64(9));
            add(v, Indicators.CasesEscalated, r.GetInt64(10));
        }, ct);
        await RollupStore.ReadAsync(db, $"SELECT village_code, count(*), sum(CASE WHEN outcome = {(int)DisputeOutcome.Mediated} THEN 1 ELSE 0 END) FROM disputes WHERE year = {year}{villagesIn("village_code")} GROUP BY village_code", r =>
        {
            add(r.GetString(0), Indicators.Disputes, r.GetInt64(1));
            add(r.GetString(0), Indicators.DisputesMediated, r.GetInt64(2));
        }, ct);
        await RollupStore.ReadAsync(db, $"SELECT village_code, count(*), sum(CASE WHEN status = {(int)ErrandStatus.Done} THEN 1 ELSE 0 END) FROM errands WHERE year = {year}{villagesIn("village_code")} GROUP BY village_code", r =>
        {
            add(r.GetString(0), Indicators.Errands, r.GetInt64(1));
            add(r.GetString(0), Indicators.ErrandsDone, r.GetInt64(2));
        }, ct);
    }
}
