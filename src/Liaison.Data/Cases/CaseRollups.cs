using Liaison.Data.Reporting;
using Liaison.Domain.Cases;
using Liaison.Domain.Reporting;

namespace Liaison.Data.Cases;

/// <summary>
/// The case figures at each village for a year, from the raw records, by the month each case,
/// dispute or errand came in (a month's cases with their standing now). They ride with the field
/// family: a case write marks its village in the same durable queue, and the drainer recounts it.
/// </summary>
internal static class CaseRollups
{
    /// <summary>
    /// Adds the case family's leaves. <paramref name="byCadres"/> limits a cadre column to a unit's
    /// cadres (cases received, disputes mediated, errands run by them); <paramref name="within"/>
    /// wraps a row source whose rows carry their month as <c>m</c>, keeping the period's months.
    /// </summary>
    public static async Task AddLeavesAsync(LiaisonDb db, string year, Func<string, string> villagesIn, Func<string, string> byCadres, Func<string, string> within,
        Action<string, Indicator, int, long> add, CancellationToken ct)
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
                   sum(CASE WHEN escalations > 0 THEN 1 ELSE 0 END),
                   m
            FROM {within($"(SELECT village_code, status, on_time, replied_at, satisfaction, reopens, escalations, {SqlMonth.OfDate(db, "received_on")} AS m FROM cases WHERE year = {year} AND status NOT IN ({(int)CaseStatus.Merged}, {(int)CaseStatus.Withdrawn}){villagesIn("village_code")}{byCadres("cadre_id")})")} x
            GROUP BY village_code, m
            """, r =>
        {
            var v = r.GetString(0);
            var m = r.GetInt32(11);
            add(v, Indicators.CasesCollected, m, r.GetInt64(1));
            add(v, Indicators.CasesAdopted, m, r.GetInt64(2));
            add(v, Indicators.CasesCompleted, m, r.GetInt64(3));
            add(v, Indicators.CasesClosed, m, r.GetInt64(4));
            add(v, Indicators.CasesOnTime, m, r.GetInt64(5));
            add(v, Indicators.CasesReplied, m, r.GetInt64(6));
            add(v, Indicators.CasesFollowedUp, m, r.GetInt64(7));
            add(v, Indicators.CasesSatisfaction, m, r.GetInt64(8));
            add(v, Indicators.CasesReopened, m, r.GetInt64(9));
            add(v, Indicators.CasesEscalated, m, r.GetInt64(10));
        }, ct);
        var disputes = within($"(SELECT village_code, outcome, {SqlMonth.OfDate(db, "reported_on")} AS m FROM disputes WHERE year = {year}{villagesIn("village_code")}{byCadres("mediator_cadre_id")})");
        await RollupStore.ReadAsync(db, $"SELECT village_code, m, count(*), sum(CASE WHEN outcome = {(int)DisputeOutcome.Mediated} THEN 1 ELSE 0 END) FROM {disputes} d GROUP BY village_code, m", r =>
        {
            add(r.GetString(0), Indicators.Disputes, r.GetInt32(1), r.GetInt64(2));
            add(r.GetString(0), Indicators.DisputesMediated, r.GetInt32(1), r.GetInt64(3));
        }, ct);
        var errands = within($"(SELECT village_code, status, {SqlMonth.OfDate(db, "requested_on")} AS m FROM errands WHERE year = {year}{villagesIn("village_code")}{byCadres("cadre_id")})");
        await RollupStore.ReadAsync(db, $"SELECT village_code, m, count(*), sum(CASE WHEN status = {(int)ErrandStatus.Done} THEN 1 ELSE 0 END) FROM {errands} e GROUP BY village_code, m", r =>
        {
            add(r.GetString(0), Indicators.Errands, r.GetInt32(1), r.GetInt64(2));
            add(r.GetString(0), Indicators.ErrandsDone, r.GetInt32(1), r.GetInt64(3));
        }, ct);
    }
}
