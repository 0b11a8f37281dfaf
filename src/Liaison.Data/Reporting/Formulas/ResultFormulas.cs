using Liaison.Domain.Divisions;
using Liaison.Domain.Reporting;
using Liaison.Domain.Results;
using Microsoft.EntityFrameworkCore;
using I = Liaison.Domain.Reporting.Indicators;

namespace Liaison.Data.Reporting.Formulas;

/// <summary>A deed's quantity at its village in the month it was done: what the deeds' figures sum.</summary>
public sealed class DeedQuantityRow
{
    public string VillageCode { get; set; } = "";
    public int Month { get; set; }
    public string Kind { get; set; } = "";
    public string Code { get; set; } = "";
    public decimal Value { get; set; }
}

/// <summary>A village's grade in a confirmed round, in the month confirmed, with the grade before.</summary>
public sealed class GradeRow
{
    public string VillageCode { get; set; } = "";
    public int Month { get; set; }
    public PartyOrgGrade Grade { get; set; }
    public PartyOrgGrade? Previous { get; set; }
}

/// <summary>A target of a signed agreement at its village, in the month the agreement was signed.</summary>
public sealed class TargetRow
{
    public string VillageCode { get; set; } = "";
    public int Month { get; set; }
    public bool Met { get; set; }
}

/// <summary>
/// 年度目标责任书, 公开承诺, 实事好事 and 党组织建设 (issue 21) at each village for a year. Agreements and
/// their targets by the month signed, commitments by the month made, each with where it stands now;
/// confirmed gradings by the month confirmed. Deeds by the month done: how many (party-building outputs
/// apart: they are the party section's figures), and the
/// quantities of the default catalogue's kinds (<see cref="Domain.Policy.DeedRules"/>) as the source
/// reports them. A city's own kinds count among the deeds and are summed by kind on the deeds page;
/// the report's figures keep the source's shape (decision 0020). A unit's report counts the deeds of
/// its cadres and its own.
/// </summary>
internal static class ResultFormulas
{
    /// <summary>The default catalogue's service kinds, whose times and people served are summed together.</summary>
    private static readonly string[] Services = ["service-team", "legal-adviser", "saturday", "party-lesson", "green-channel"];

    /// <summary>The default catalogue's party-building outputs: recorded as deeds, counted with the party organisations.</summary>
    private static readonly string[] PartyKinds = ["committee-adjusted", "new-members", "reserve-cadres", "training", "rules", "venue", "model-site"];

    public static Family<Deed> Deeds { get; } = new Family<Deed>()
        .Count(I.Deeds, d => !PartyKinds.Contains(d.Kind));

    /// <summary>The year's confirmed gradings, by the month confirmed: each grade, and the moves up from the grade before.</summary>
    public static Family<GradeRow> Grades { get; } = new Family<GradeRow>()
        .Count(I.VillagesGraded)
        .Count(I.GradedAdvanced, g => g.Grade == PartyOrgGrade.Advanced)
        .Count(I.GradedGeneral, g => g.Grade == PartyOrgGrade.General)
        .Count(I.GradedBackward, g => g.Grade == PartyOrgGrade.Backward)
        .Count(I.BackwardRectified, g => g.Previous == PartyOrgGrade.Backward && g.Grade != PartyOrgGrade.Backward)
        .Count(I.GeneralUpgraded, g => g.Previous == PartyOrgGrade.General && g.Grade == PartyOrgGrade.Advanced);

    public static Family<DeedQuantityRow> Quantities { get; } = new Family<DeedQuantityRow>()
        .Amount(I.DeedFunds, Of("funds", "amount"))
        .Amount(I.DeedRoads, Of("road", "length"))
        .Amount(I.DeedPowerLines, Of("power-line", "length"))
        .Amount(I.DeedWells, Of("well", "wells"))
        .Amount(I.DeedDitches, Of("ditch", "length"))
        .Amount(I.DeedBridges, Of("bridge", "bridges"))
        .Amount(I.DeedEmployment, Of("employment", "people"))
        .Amount(I.DeedHealthChecks, Of("health-check", "people"))
        .Amount(I.DeedTrees, Of("trees", "trees"))
        .Amount(I.DeedWaterPower, Of("water-power", "villages"))
        .Amount(I.DeedFiveTen, Of("five-ten", "problems"))
        .Amount(I.DeedSidelines, Of("sideline-project", "projects"))
        .Amount(I.DeedFarming, Of("farming-project", "projects"))
        .Amount(I.DeedCollectiveIncome, Of("collective-income", "amount"))
        .Amount(I.DeedStudents, Of("student-aid", "students"))
        .Amount(I.DeedStudentAid, Of("student-aid", "amount"))
        .Amount(I.DeedServices, q => Services.Contains(q.Kind) && q.Code == "times" ? q.Value : 0m)
        .Amount(I.DeedServicePeople, q => Services.Contains(q.Kind) && q.Code == "people" ? q.Value : 0m)
        // The party-building outputs, read in the same statement; their figures are the party section's.
        .Amount(I.CommitteeAdjusted, Of("committee-adjusted", "people"))
        .Amount(I.NewPartyMembers, Of("new-members", "people"))
        .Amount(I.ReserveTrained, Of("reserve-cadres", "people"))
        .Amount(I.TrainingSessions, Of("training", "sessions"))
        .Amount(I.TrainingAttendance, Of("training", "people"))
        .Amount(I.RulesEstablished, Of("rules", "rules"))
        .Amount(I.VenuesRenovated, Of("venue", "venues"))
        .Amount(I.ModelSites, Of("model-site", "sites"));

    /// <summary>公开承诺 by the month made, with where each stands now: completion is counted from the items.</summary>
    public static Family<Commitment> Commitments { get; } = new Family<Commitment>()
        .Count(I.Commitments)
        .Count(I.CommitmentsKept, c => c.Status == CommitmentStatus.Done)
        .Count(I.CommitmentsKeptOnTime, c => c.Status == CommitmentStatus.Done && c.ClosedOn <= c.Deadline)
        .Count(I.CommitmentsDropped, c => c.Status == CommitmentStatus.Dropped);

    /// <summary>年度目标责任书 signed, by the month signed.</summary>
    public static Family<Agreement> Agreements { get; } = new Family<Agreement>()
        .Count(I.AgreementsSigned);

    /// <summary>Their targets, by the month their agreement was signed, with where each stands now.</summary>
    public static Family<TargetRow> Targets { get; } = new Family<TargetRow>()
        .Count(I.AgreementTargets)
        .Count(I.AgreementTargetsMet, t => t.Met);

    public static IEnumerable<Indicator> Indicators => [.. Grades.Indicators, .. Agreements.Indicators, .. Targets.Indicators, .. Commitments.Indicators, .. Deeds.Indicators, .. Quantities.Indicators];

    public static async Task AddAsync(LiaisonDb db, int year, FormulaScope scope, LeafCells cells, CancellationToken ct)
    {
        // A unit's report: the deeds of its cadres and its own; the scope narrows by village and month.
        var deeds = scope.Narrow(db.Deeds.AsNoTracking().Where(d => d.Year == year), db, d => d.VillageCode, null, d => d.On.Month);
        if (scope.UnitId is { } unit)
        {
            deeds = deeds.Where(d => d.UnitId == unit || FormulaScope.CadresOf(db, unit).Contains(d.CadreId));
        }
        await Deeds.ReadAsync(deeds, d => d.VillageCode, d => d.On.Month, cells, ct);
        var commitments = scope.Narrow(db.Commitments.AsNoTracking().Where(c => c.Year == year), db, c => c.VillageCode, c => (int?)c.CadreId, c => c.MadeOn.Month);
        await Commitments.ReadAsync(commitments, c => c.VillageCode, c => c.MadeOn.Month, cells, ct);
        var signed = scope.Narrow(db.Agreements.AsNoTracking().Where(a => a.Year == year && a.Status == AgreementStatus.Concluded && a.SignedOn != null),
            db, a => a.VillageCode, a => (int?)a.CadreId, a => a.SignedOn!.Value.Month);
        await Agreements.ReadAsync(signed, a => a.VillageCode, a => a.SignedOn!.Value.Month, cells, ct);
        var targets = from a in signed
                      join t in db.AgreementTargets.AsNoTracking() on a.Id equals t.AgreementId
                      select new TargetRow { VillageCode = a.VillageCode, Month = a.SignedOn!.Value.Month, Met = t.MetOn != null };
        await Targets.ReadAsync(targets, t => t.VillageCode, t => t.Month, cells, ct);
        var quantities = from d in deeds
                         join q in db.DeedQuantities.AsNoTracking() on d.Id equals q.DeedId
                         select new DeedQuantityRow { VillageCode = d.VillageCode, Month = d.On.Month, Kind = d.Kind, Code = q.Code, Value = q.Value };
        await Quantities.ReadAsync(quantities, q => q.VillageCode, q => q.Month, cells, ct);
        if (scope.UnitId is null)
        {
            // A grading is the township's, not a unit's work.
            var grades = from r in db.GradingRounds.AsNoTracking()
                         join g in db.VillageGradings.AsNoTracking() on r.Id equals g.RoundId
                         where r.Year == year && r.Status == GradingStatus.Confirmed && r.ConfirmedOn != null
                         select new GradeRow { VillageCode = g.VillageCode, Month = r.ConfirmedOn!.Value.Month, Grade = g.Grade, Previous = g.Previous };
            await Grades.ReadAsync(scope.Narrow(grades, db, g => g.VillageCode, null, g => g.Month), g => g.VillageCode, g => g.Month, cells, ct);
        }
    }

    /// <summary>A quantity of a kind, zero for every other row.</summary>
    private static System.Linq.Expressions.Expression<Func<DeedQuantityRow, decimal>> Of(string kind, string code) =>
        q => q.Kind == kind && q.Code == code ? q.Value : 0m;
}
