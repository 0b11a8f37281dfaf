namespace Liaison.Domain.Reporting;

/// <summary>
/// A rate or average the report derives from two or more indicators, defined once so that every
/// page, export and check divides the same way. Empty (null) when the denominator is zero.
/// </summary>
public sealed record Ratio(string Id, string NameZh, string NameEn, Indicator Numerator, IReadOnlyList<Indicator> Denominators, bool Percent = true, bool Interval = false)
{
    public string Name(bool english) => english ? NameEn : NameZh;

    public string Definition(bool english) =>
        Numerator.Name(english) + " ÷ " + string.Join(" + ", Denominators.Select(d => d.Name(english)));

    public double? Of(Func<string, long> figure)
    {
        var whole = Denominators.Sum(d => figure(d.Id));
        return whole == 0 ? null : (double)figure(Numerator.Id) / whole;
    }

    /// <summary>
    /// As people read it with the figures it divides: for a rate from a sample (<see cref="Interval"/>:
    /// the masses' satisfaction), its 95% interval beside it (Wilson's, exact where few).
    /// </summary>
    public string Format(Func<string, long> figure, bool english)
    {
        var value = Of(figure);
        if (!Interval || value is null)
        {
            return Format(value);
        }
        var e = Supervision.Proportions.Interval(figure(Numerator.Id), Denominators.Sum(d => figure(d.Id)));
        return english ? $"{Format(value)} (95% interval {Format(e.Low)}–{Format(e.High)})" : $"{Format(value)}（95% 区间 {Format(e.Low)}–{Format(e.High)}）";
    }

    /// <summary>As people read it: 86.5% for a rate, 4.32 for an average, a dash when empty.</summary>
    public string Format(double? value) => value is not { } v
        ? "—"
        : Percent
            ? (100 * v).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%"
            : v.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The report's derived figures.</summary>
public static class Ratios
{
    public static readonly Ratio Coverage = new("coverage", "驻村全覆盖率", "Village coverage", Indicators.CoveredVillages, [Indicators.Villages, Indicators.Communities]);
    public static readonly Ratio NeedCoverage = new("fs_need_coverage", "第一书记选派到位率", "First Secretaries where needed", Indicators.NeedyVillagesWithSecretary, [Indicators.VillagesNeedingSecretary]);
    public static readonly Ratio VisitRate = new("visit_rate", "农户走访率", "Visit rate", Indicators.HouseholdsVisited, [Indicators.Households]);
    public static readonly Ratio ThreeOldsVisitRate = new("visit_rate_three_olds", "“三老”户走访率", "Three-olds visit rate", Indicators.ThreeOldsVisited, [Indicators.ThreeOldsHouseholds]);
    public static readonly Ratio ThreeKindsVisitRate = new("visit_rate_three_kinds", "“三户”走访率", "Three-kinds visit rate", Indicators.ThreeKindsVisited, [Indicators.ThreeKindsHouseholds]);
    /// <summary>全员参与: cadres taking part ÷ cadres the policy expects to (issue 20).</summary>
    public static readonly Ratio Participation = new("participation", "干部参与率", "Participation", Indicators.CadresTakingPart, [Indicators.CadresExpected]);
    /// <summary>The earlier figure, kept under its own name: ties of the plan whose cadre visited their village.</summary>
    public static readonly Ratio TiesVisitingRate = new("ties_visiting_rate", "联系干部走访率", "Tied cadres visiting", Indicators.TiesVisiting, [Indicators.TiesWithCadre]);
    public static readonly Ratio HelpAchieved = new("help_plans_achieved_rate", "帮扶计划达成率", "Help plans achieved", Indicators.HelpPlansAchieved, [Indicators.HelpPlans]);
    public static readonly Ratio ResidenceCompliance = new("residence_compliance", "驻村天数达标率", "Residence compliance", Indicators.ResidenceMet, [Indicators.ResidenceRequired]);
    public static readonly Ratio SecretariesAllVisited = new("fs_duty_all_households_rate", "第一书记走访全村农户达标率", "Share of First Secretaries who visited every household", Indicators.SecretariesVisitedAll, [Indicators.SecretariesOnDuty]);
    public static readonly Ratio SecretariesThreeOldsVisited = new("fs_duty_three_olds_rate", "第一书记访“三老”达标率", "Share of First Secretaries who visited every three-olds household", Indicators.SecretariesVisitedThreeOlds, [Indicators.SecretariesOnDuty]);
    public static readonly Ratio SecretariesThreeKindsVisited = new("fs_duty_three_kinds_rate", "第一书记走“三户”达标率", "Share of First Secretaries who visited every three-kinds household", Indicators.SecretariesVisitedThreeKinds, [Indicators.SecretariesOnDuty]);
    public static readonly Ratio Completion = new("cases_completion", "采纳办结率", "Adopted and completed", Indicators.CasesCompleted, [Indicators.CasesCollected]);
    public static readonly Ratio OnTime = new("cases_on_time_rate", "按时办结率", "On time", Indicators.CasesOnTime, [Indicators.CasesClosed]);
    public static readonly Ratio Replies = new("cases_reply_rate", "答复率", "Reply rate", Indicators.CasesReplied, [Indicators.CasesCollected]);
    public static readonly Ratio Satisfaction = new("cases_satisfaction", "平均满意度（1–5）", "Average satisfaction (1–5)", Indicators.CasesSatisfaction, [Indicators.CasesFollowedUp], Percent: false);
    public static readonly Ratio Reopens = new("cases_reopen_rate", "重办率", "Reopen rate", Indicators.CasesReopened, [Indicators.CasesClosed]);
    public static readonly Ratio Mediation = new("disputes_mediation_rate", "矛盾纠纷化解率", "Disputes mediated", Indicators.DisputesMediated, [Indicators.Disputes]);
    /// <summary>公开承诺完成率: items kept ÷ items promised, never a typed percentage.</summary>
    public static readonly Ratio CommitmentCompletion = new("commitments_completion", "公开承诺完成率", "Commitments kept", Indicators.CommitmentsKept, [Indicators.Commitments]);
    public static readonly Ratio TargetsMet = new("agreement_targets_met_rate", "目标任务完成率", "Agreement targets met", Indicators.AgreementTargetsMet, [Indicators.AgreementTargets]);
    public static readonly Ratio ErrandsDone = new("errands_done_rate", "代办办结率", "Errands done", Indicators.ErrandsDone, [Indicators.Errands]);

    public static readonly Ratio Presence = new("supervision_presence_rate", "暗访在岗率", "Found present", Indicators.PresentFound, [Indicators.PresenceChecked]);
    /// <summary>核实率: visits confirmed ÷ households reached, pooled over the samples; each sample's weighted estimate and interval are on the supervision page.</summary>
    public static readonly Ratio Confirmation = new("supervision_confirmation_rate", "走访核实率", "Visits confirmed", Indicators.CallsConfirmed, [Indicators.CallsReached]);
    public static readonly Ratio OrdersOnTime = new("supervision_orders_on_time_rate", "整改按期销号率", "Orders closed on time", Indicators.OrdersOnTime, [Indicators.Orders]);
    public static readonly Ratio MassSatisfaction = new("assessment_satisfaction_rate", "群众满意率", "Masses' satisfaction", Indicators.MassSatisfied, [Indicators.MassRatings], Interval: true);
    public static readonly Ratio Excellence = new("assessment_excellent_rate", "优秀比例", "Graded excellent", Indicators.GradedExcellent, [Indicators.Assessed]);
    public static readonly Ratio SecretaryExcellence = new("assessment_fs_excellent_rate", "第一书记优秀比例", "First Secretaries graded excellent", Indicators.SecretariesExcellent, [Indicators.SecretariesAssessed]);

    public static IReadOnlyList<Ratio> All { get; } =
        [Coverage, NeedCoverage, SecretariesAllVisited, SecretariesThreeOldsVisited, SecretariesThreeKindsVisited, VisitRate, ThreeOldsVisitRate, ThreeKindsVisitRate, Participation, TiesVisitingRate, HelpAchieved, ResidenceCompliance,
         Completion, OnTime, Replies, Satisfaction, Reopens, Mediation, ErrandsDone, CommitmentCompletion, TargetsMet, Presence, Confirmation, OrdersOnTime, MassSatisfaction, Excellence, SecretaryExcellence];

    public static Ratio? Find(string id) => All.FirstOrDefault(r => r.Id == id);
}
