using Liaison.Domain.Cases;
using Liaison.Domain.Field;
using Microsoft.EntityFrameworkCore;
using I = Liaison.Domain.Reporting.Indicators;

namespace Liaison.Data.Reporting.Formulas;

/// <summary>
/// The case figures at each village for a year, by the month each case, dispute or errand came in
/// (a month's cases with their standing now). A unit's report counts the cases its cadres
/// received, the disputes they mediated and the errands they ran.
/// </summary>
internal static class CaseFormulas
{
    /// <summary>Merged duplicates and withdrawn cases are not counted as collected: the original counts once.</summary>
    public static Family<Case> Cases { get; } = new Family<Case>()
        .Count(I.CasesCollected)
        .Count(I.CasesAdopted, c => c.Status == CaseStatus.Adopted)
        .Count(I.CasesCompleted, c => c.Status == CaseStatus.Resolved || c.Status == CaseStatus.Adopted)
        .Count(I.CasesClosed, c => c.Status == CaseStatus.Resolved || c.Status == CaseStatus.Adopted || c.Status == CaseStatus.ClosedNotFixed)
        .Count(I.CasesOnTime, c => (c.Status == CaseStatus.Resolved || c.Status == CaseStatus.Adopted || c.Status == CaseStatus.ClosedNotFixed) && c.OnTime == true)
        .Count(I.CasesReplied, c => c.RepliedAt != null)
        .Count(I.CasesFollowedUp, c => c.Satisfaction != null)
        .Sum(I.CasesSatisfaction, c => c.Satisfaction ?? 0)
        .Count(I.CasesReopened, c => c.Reopens > 0)
        .Count(I.CasesEscalated, c => c.Escalations > 0);

    public static Family<Dispute> Disputes { get; } = new Family<Dispute>()
        .Count(I.Disputes)
        .Count(I.DisputesMediated, d => d.Outcome == DisputeOutcome.Mediated);

    public static Family<Errand> Errands { get; } = new Family<Errand>()
        .Count(I.Errands)
        .Count(I.ErrandsDone, e => e.Status == ErrandStatus.Done);

    /// <summary>夜谈夜访: sessions, the people who came, the matters solved on the spot (the escalated ones are cases).</summary>
    public static Family<NightSession> Nights { get; } = new Family<NightSession>()
        .Count(I.NightSessions)
        .Sum(I.NightSessionPeople, s => s.People)
        .Sum(I.NightMattersSolved, s => s.Solved);

    public static async Task AddAsync(LiaisonDb db, int year, FormulaScope scope, LeafCells cells, CancellationToken ct)
    {
        var cases = scope.Narrow(db.Cases.AsNoTracking().Where(c => c.Year == year && c.Status != CaseStatus.Merged && c.Status != CaseStatus.Withdrawn),
            db, c => c.VillageCode, c => c.CadreId, c => c.ReceivedOn.Month);
        var disputes = scope.Narrow(db.Disputes.AsNoTracking().Where(d => d.Year == year), db, d => d.VillageCode, d => d.MediatorCadreId, d => d.ReportedOn.Month);
        var errands = scope.Narrow(db.Errands.AsNoTracking().Where(e => e.Year == year), db, e => e.VillageCode, e => e.CadreId, e => e.RequestedOn.Month);
        await Cases.ReadAsync(cases, c => c.VillageCode, c => c.ReceivedOn.Month, cells, ct);
        await Disputes.ReadAsync(disputes, d => d.VillageCode, d => d.ReportedOn.Month, cells, ct);
        await Errands.ReadAsync(errands, e => e.VillageCode, e => e.RequestedOn.Month, cells, ct);
        var nights = scope.Narrow(db.NightSessions.AsNoTracking().Where(s => s.Year == year), db, s => s.VillageCode, s => s.CadreId, s => s.HeldOn.Month);
        await Nights.ReadAsync(nights, s => s.VillageCode, s => s.HeldOn.Month, cells, ct);
    }
}
