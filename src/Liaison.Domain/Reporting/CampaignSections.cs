namespace Liaison.Domain.Reporting;

/// <summary>One part of the campaign report: its figures and the rates drawn from them, in reading order.</summary>
public sealed record CampaignSection(string Id, string NameZh, string NameEn, IReadOnlyList<Indicator> Indicators, IReadOnlyList<Ratio> Ratios)
{
    public string Name(bool english) => english ? NameEn : NameZh;
}

/// <summary>
/// The campaign report's layout (DOMAIN.md section 6): every registered indicator in exactly one
/// section, so the table, the exports and the dashboard read alike.
/// </summary>
public static class CampaignSections
{
    public static IReadOnlyList<CampaignSection> All { get; } =
    [
        new("organisation", "组织和队伍", "Organisation and people",
            [Indicators.Counties, Indicators.Townships, Indicators.Villages, Indicators.Communities, Indicators.BackwardVillages,
             Indicators.Units, Indicators.Cadres, Indicators.CadresExpected, Indicators.PoliceOfficers, Indicators.ReserveCadres], []),
        new("households", "农户", "Households",
            [Indicators.Households, Indicators.Residents, Indicators.ThreeOldsHouseholds, Indicators.ThreeKindsHouseholds, Indicators.PoorHouseholds], []),
        new("ties", "联系机制", "Liaison ties",
            [Indicators.CityLeaderPoints, Indicators.CountyLeaderPoints, Indicators.UnitLeaderPoints, Indicators.Pairings, Indicators.BackwardTaken,
             Indicators.PoliceLiaisons, Indicators.StationedCadres, Indicators.TiesWithCadre, Indicators.CoveredVillages], [Ratios.Coverage]),
        new("secretaries", "第一书记", "First Secretaries",
            [Indicators.SecretariesCity, Indicators.SecretariesCounty, Indicators.SecretariesTownship, Indicators.VillagesWithSecretary,
             Indicators.VillagesNeedingSecretary, Indicators.NeedyVillagesWithSecretary, Indicators.SupportFunds, Indicators.SupportRecords,
             Indicators.PartyMembersVisited, Indicators.Questionnaires, Indicators.Symposiums, Indicators.StudyTrips, Indicators.StudyTripPeople,
             Indicators.EatLiveWorkDays, Indicators.HouseholdsVisitedBySecretaries, Indicators.SecretariesOnDuty, Indicators.SecretariesVisitedAll,
             Indicators.SecretariesVisitedThreeOlds, Indicators.SecretariesVisitedThreeKinds],
            [Ratios.NeedCoverage, Ratios.SecretariesAllVisited, Ratios.SecretariesThreeOldsVisited, Ratios.SecretariesThreeKindsVisited]),
        new("field", "驻村走访", "Residence and visits",
            [Indicators.ResidenceDays, Indicators.ResidenceRequired, Indicators.ResidenceMet, Indicators.Visits, Indicators.HouseholdsVisited,
             Indicators.ThreeOldsVisited, Indicators.ThreeKindsVisited, Indicators.CadresTakingPart, Indicators.TiesVisiting, Indicators.VisitIssues,
             Indicators.HelpPlans, Indicators.HelpPlansAchieved],
            [Ratios.ResidenceCompliance, Ratios.VisitRate, Ratios.ThreeOldsVisitRate, Ratios.ThreeKindsVisitRate, Ratios.Participation, Ratios.TiesVisitingRate, Ratios.HelpAchieved]),
        new("cases", "为民办事", "Cases, disputes and errands",
            [Indicators.CasesCollected, Indicators.CasesAdopted, Indicators.CasesCompleted, Indicators.CasesClosed, Indicators.CasesOnTime,
             Indicators.CasesReplied, Indicators.CasesFollowedUp, Indicators.CasesSatisfaction, Indicators.CasesReopened, Indicators.CasesEscalated,
             Indicators.Disputes, Indicators.DisputesMediated, Indicators.Errands, Indicators.ErrandsDone,
             Indicators.NightSessions, Indicators.NightSessionPeople, Indicators.NightMattersSolved],
            [Ratios.Completion, Ratios.OnTime, Ratios.Replies, Ratios.Satisfaction, Ratios.Reopens, Ratios.Mediation, Ratios.ErrandsDone]),
        new("commitments", "承诺践诺", "Commitments and agreements",
            [Indicators.AgreementsSigned, Indicators.AgreementTargets, Indicators.AgreementTargetsMet,
             Indicators.Commitments, Indicators.CommitmentsKept, Indicators.CommitmentsKeptOnTime, Indicators.CommitmentsDropped],
            [Ratios.TargetsMet, Ratios.CommitmentCompletion]),
        new("deeds", "实事好事", "Practical deeds", Indicators.DeedFigures, []),
        new("party", "党组织建设", "Party organisations", Indicators.PartyFigures, []),
        new("supervision", "督查", "Supervision", Indicators.SupervisionFigures, [Ratios.Presence, Ratios.Confirmation, Ratios.OrdersOnTime]),
        new("assessment", "年度考核", "Year-end assessment", Indicators.AssessmentFigures, [Ratios.MassSatisfaction, Ratios.Excellence, Ratios.SecretaryExcellence]),
    ];
}

/// <summary>A column of the league of child divisions: a figure or a rate.</summary>
public sealed record LeagueColumn(Indicator? Indicator, Ratio? Ratio)
{
    public string Id => Indicator?.Id ?? Ratio!.Id;

    public string Name(bool english) => Indicator?.Name(english) ?? Ratio!.Name(english);

    /// <summary>The cell as people read it: a count with thousands separators, or a rate.</summary>
    public string Text(ReportFigures figures) =>
        Indicator is { } i ? i.Format(figures[i]) : Ratio!.Format(figures[Ratio!]);

    /// <summary>The league's columns, the same on the dashboard and in both exports.</summary>
    public static IReadOnlyList<LeagueColumn> All { get; } =
    [
        new(Indicators.Households, null), new(Indicators.HouseholdsVisited, null), new(null, Ratios.VisitRate),
        new(null, Ratios.Participation), new(null, Ratios.ResidenceCompliance), new(Indicators.CasesCollected, null),
        new(null, Ratios.Completion), new(null, Ratios.OnTime), new(null, Ratios.Mediation),
    ];

    /// <summary>Rates a league may be ordered by, the laggards first.</summary>
    public static IReadOnlyList<Ratio> Orders { get; } = [Ratios.VisitRate, Ratios.Participation, Ratios.ResidenceCompliance, Ratios.Completion, Ratios.OnTime, Ratios.Coverage];

    /// <summary>The indicators a league row needs: its columns and what its rates and orders divide.</summary>
    public static IReadOnlyList<string> Needs { get; } = All.Select(c => c.Ratio).OfType<Ratio>().Concat(Orders)
        .SelectMany(r => r.Denominators.Prepend(r.Numerator)).Concat(All.Select(c => c.Indicator).OfType<Indicator>())
        .Select(i => i.Id).Distinct().ToList();
}
