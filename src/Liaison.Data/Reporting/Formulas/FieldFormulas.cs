using System.Linq.Expressions;
using Liaison.Data.Field;
using Liaison.Domain.Field;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Reporting;
using Liaison.Domain.Secretaries;
using Microsoft.EntityFrameworkCore;
using I = Liaison.Domain.Reporting.Indicators;

namespace Liaison.Data.Reporting.Formulas;

/// <summary>
/// Field work's figures at each village, by month (<see cref="IndicatorKind"/>): visits, households
/// visited by the month of their first visit, the issues raised, ties whose cadre visited, First
/// Secretary activities, the households First Secretaries visited and their visiting duties met,
/// residence days and minimums. Cases, disputes and errands ride with them
/// (<see cref="CaseFormulas"/>): a write of either marks its village for the same drainer.
/// </summary>
internal static class FieldFormulas
{
    public static Family<VisitTally> Visits { get; } = new Family<VisitTally>().Sum(I.Visits, t => t.Visits);

    public static Family<VisitedRow> Visited { get; } = new Family<VisitedRow>()
        .Count(I.HouseholdsVisited)
        .Count(I.ThreeOldsVisited, h => (h.Categories & HouseholdCategories.ThreeOlds) != 0)
        .Count(I.ThreeKindsVisited, h => (h.Categories & HouseholdCategories.ThreeHouseholds) != 0);

    public static Family<MonthRow> Issues { get; } = new Family<MonthRow>().Count(I.VisitIssues);

    /// <summary>Ties of the year whose cadre visited their village, by the month of the first visit.</summary>
    public static Family<MonthRow> TiesVisiting { get; } = new Family<MonthRow>().Count(I.TiesVisiting);

    /// <summary>结对帮扶: households given a plan, by the month it began; plans achieved, by the month closed.</summary>
    public static Family<HelpPlan> HelpPlans { get; } = new Family<HelpPlan>().Count(I.HelpPlans);

    public static Family<HelpPlan> HelpAchieved { get; } = new Family<HelpPlan>().Count(I.HelpPlansAchieved);

    public static Family<SecretaryActivity> Activities { get; } = new Family<SecretaryActivity>()
        .Sum(I.PartyMembersVisited, a => a.Kind == ActivityKind.PartyMemberVisit ? a.Count : 0)
        .Sum(I.Questionnaires, a => a.Kind == ActivityKind.Questionnaire ? a.Count : 0)
        .Sum(I.Symposiums, a => a.Kind == ActivityKind.Symposium ? a.Count : 0)
        .Sum(I.StudyTrips, a => a.Kind == ActivityKind.StudyTrip ? a.Count : 0)
        .Sum(I.StudyTripPeople, a => a.Kind == ActivityKind.StudyTrip ? a.People : 0)
        .Sum(I.EatLiveWorkDays, a => a.Kind == ActivityKind.EatLiveWork ? a.Count : 0);

    /// <summary>Households a First Secretary of the village visited in the year (reported apart), by the month of the first such visit.</summary>
    public static Family<MonthRow> SecretariesVisited { get; } = new Family<MonthRow>().Count(I.HouseholdsVisitedBySecretaries);

    /// <summary>First Secretaries in post and those who met each visiting duty: no household the duty asks for left unvisited by them.</summary>
    public static Family<DutyRow> Duties { get; } = new Family<DutyRow>()
        .Count(I.SecretariesOnDuty)
        .Count(I.SecretariesVisitedAll, d => d.AllVisited)
        .Count(I.SecretariesVisitedThreeOlds, d => d.ThreeOldsVisited)
        .Count(I.SecretariesVisitedThreeKinds, d => d.ThreeKindsVisited);

    /// <summary>Counted in C# from the stays and the policy (<see cref="Residence"/>), not by a family.</summary>
    public static IEnumerable<Indicator> Residences => [I.ResidenceDays, I.ResidenceRequired, I.ResidenceMet];

    /// <summary>Up to this many villages, the households visited are looked up by key rather than read all.</summary>
    private const int LookUpHouseholdsUpTo = 500;

    public static async Task AddAsync(LiaisonDb db, int year, FormulaScope scope, LeafCells cells, CancellationToken ct)
    {
        var villages = scope.Villages;
        // Visits as tallies (decision 0017): a row per household, cadre and month, kept with every
        // write; counted from the visits themselves when the scope says so (report verify).
        var source = scope.FromVisits ? VisitTallies.OneEach(db) : db.VisitTallies.AsNoTracking();
        var tallies = scope.Narrow(source.Where(t => t.Year == year), db, t => t.VillageCode, t => t.CadreId, t => t.Month);
        await Visits.ReadAsync(tallies, t => t.VillageCode, t => t.Month, cells, ct);

        // Each household visited, in the month of its first visit, with its categories. For a few
        // villages (the drainer's rounds) only those villages' households are read — a round must not
        // read the whole city's; a visit's village is its household's (FieldContext.VillageOf), so none
        // is missed. For many villages, one pass over all households.
        var firsts = tallies.GroupBy(t => new { t.VillageCode, t.HouseholdId })
            .Select(g => new { g.Key.VillageCode, g.Key.HouseholdId, Month = g.Min(t => t.Month) });
        var households = villages is { Count: <= LookUpHouseholdsUpTo }
            ? db.Households.AsNoTracking().Where(h => villages.Contains(h.VillageCode))
            : db.Households.AsNoTracking();
        var visited = from f in firsts
                      join h in households on f.HouseholdId equals h.Id
                      select new VisitedRow { VillageCode = f.VillageCode, Month = f.Month, Categories = h.Categories };
        await Visited.ReadAsync(visited, h => h.VillageCode, h => h.Month, cells, ct);

        // An issue carries its visit's village and China day (RaisedOn), so it is counted on its own:
        // joining every visit of the marked villages would read their whole year again. Only a
        // unit's report needs the visit, for the cadre who raised it.
        var issues = scope.Narrow(db.VisitIssues.AsNoTracking().Where(i => i.RaisedOn.Year == year), db, i => i.VillageCode, cadre: null, i => i.RaisedOn.Month);
        if (scope.UnitId is { } unitOfIssues)
        {
            var ofUnit = db.HouseholdVisits.Where(v => v.Year == year && FormulaScope.CadresOf(db, unitOfIssues).Contains(v.CadreId)).Select(v => v.Id);
            issues = issues.Where(i => ofUnit.Contains(i.VisitId));
        }
        var raised = issues.Select(i => new MonthRow { VillageCode = i.VillageCode, Month = i.RaisedOn.Month });
        await Issues.ReadAsync(raised, i => i.VillageCode, i => i.Month, cells, ct);

        var ties = db.LiaisonTies.AsNoTracking().Where(t => t.Year == year && t.Until == null && t.CadreId != null);
        if (villages is not null)
        {
            ties = ties.Where(t => villages.Contains(t.DivisionCode));
        }
        if (scope.UnitId is { } unit)
        {
            ties = ties.Where(t => FormulaScope.CadresOf(db, unit).Contains(t.CadreId));
        }
        var firstByCadre = tallies.GroupBy(t => new { t.CadreId, t.VillageCode })
            .Select(g => new { g.Key.CadreId, g.Key.VillageCode, Month = g.Min(t => t.Month) });
        var visiting = from t in ties
                       join f in firstByCadre on new { CadreId = t.CadreId!.Value, VillageCode = t.DivisionCode } equals new { f.CadreId, f.VillageCode }
                       select new MonthRow { VillageCode = t.DivisionCode, Month = f.Month };
        await TiesVisiting.ReadAsync(visiting, t => t.VillageCode, t => t.Month, cells, ct);

        var activities = scope.Narrow(db.SecretaryActivities.AsNoTracking().Where(a => a.Year == year), db, a => a.VillageCode, a => a.CadreId, a => a.On.Month);
        await Activities.ReadAsync(activities, a => a.VillageCode, a => a.On.Month, cells, ct);

        var plans = db.HelpPlans.AsNoTracking().Where(p => p.Year == year);
        await HelpPlans.ReadAsync(scope.Narrow(plans, db, p => p.VillageCode, p => p.CadreId, p => p.StartedOn.Month), p => p.VillageCode, p => p.StartedOn.Month, cells, ct);
        var achieved = plans.Where(p => p.Status == HelpPlanStatus.Achieved && p.ClosedOn != null);
        await HelpAchieved.ReadAsync(scope.Narrow(achieved, db, p => p.VillageCode, p => p.CadreId, p => p.ClosedOn!.Value.Month), p => p.VillageCode, p => p.ClosedOn!.Value.Month, cells, ct);

        await SecretariesAsync(db, year, scope, tallies, cells, ct);
        await CaseFormulas.AddAsync(db, year, scope, cells, ct);
        await ResultFormulas.AddAsync(db, year, scope, cells, ct);
        await SupervisionFormulas.AddAsync(db, year, scope, cells, ct);
        await AssessmentFormulas.AddAsync(db, year, scope, cells, ct);
        await ResidenceAsync(db, year, scope, cells, ct);
    }

    /// <summary>
    /// The households First Secretaries visited, and the First Secretaries in post who met each
    /// visiting duty (DOMAIN.md section 2.6; the rule of <see cref="SecretaryDuties"/>): a visit
    /// counts for a posting when its cadre is the posting's and it was made in the posting's village
    /// in its year. The duties stand for the year as a whole, so they read the whole year's visits
    /// whatever the period.
    /// </summary>
    private static async Task SecretariesAsync(LiaisonDb db, int year, FormulaScope scope, IQueryable<VisitTally> tallies, LeafCells cells, CancellationToken ct)
    {
        var ofYear = db.SecretaryPostings.AsNoTracking().Where(p => p.Year == year);
        var visited = tallies.Where(t => ofYear.Any(p => p.VillageCode == t.VillageCode && p.CadreId == t.CadreId))
            .GroupBy(t => new { t.VillageCode, t.HouseholdId })
            .Select(g => new MonthRow { VillageCode = g.Key.VillageCode, Month = g.Min(t => t.Month) });
        await SecretariesVisited.ReadAsync(visited, v => v.VillageCode, v => v.Month, cells, ct);

        var inPost = ofYear.Where(p => p.Until == null);
        if (scope.Villages is { } villages)
        {
            inPost = inPost.Where(p => villages.Contains(p.VillageCode));
        }
        if (scope.UnitId is { } unit)
        {
            inPost = inPost.Where(p => FormulaScope.CadresOf(db, unit).Contains(p.CadreId));
        }
        var visits = (scope.FromVisits ? VisitTallies.OneEach(db) : db.VisitTallies.AsNoTracking()).Where(t => t.Year == year);
        var current = db.Households.AsNoTracking().Where(h => h.Status == HouseholdStatus.Current);
        var posting = Expression.Parameter(typeof(SecretaryPosting), "p");
        MemberBinding Met(string member, IQueryable<Household> asked) =>
            Expression.Bind(typeof(DutyRow).GetProperty(member)!, Rebind.Body(VisitedEvery(asked, visits), posting));
        var row = Expression.Lambda<Func<SecretaryPosting, DutyRow>>(Expression.MemberInit(Expression.New(typeof(DutyRow)),
            Expression.Bind(typeof(DutyRow).GetProperty(nameof(DutyRow.VillageCode))!, Expression.Property(posting, nameof(SecretaryPosting.VillageCode))),
            Met(nameof(DutyRow.AllVisited), current),
            Met(nameof(DutyRow.ThreeOldsVisited), current.Where(h => (h.Categories & HouseholdCategories.ThreeOlds) != 0)),
            Met(nameof(DutyRow.ThreeKindsVisited), current.Where(h => (h.Categories & HouseholdCategories.ThreeHouseholds) != 0))), posting);
        await Duties.ReadAsync(inPost.Select(row), d => d.VillageCode, null, cells, ct);
    }

    /// <summary>Whether the posting's cadre visited, in the year of <paramref name="visits"/>, every household of its village among <paramref name="asked"/>.</summary>
    private static Expression<Func<SecretaryPosting, bool>> VisitedEvery(IQueryable<Household> asked, IQueryable<VisitTally> visits) =>
        p => !asked.Any(h => h.VillageCode == p.VillageCode
            && !visits.Any(t => t.VillageCode == p.VillageCode && t.HouseholdId == h.Id && t.CadreId == p.CadreId));

    /// <summary>Residence days by month (overlapping stays once) and, for the year, the minimums required and met.</summary>
    private static async Task ResidenceAsync(LiaisonDb db, int year, FormulaScope scope, LeafCells cells, CancellationToken ct)
    {
        var cadres = scope.UnitId is { } unit ? (await db.Cadres.AsNoTracking().Where(c => c.UnitId == unit).Select(c => c.Id).ToListAsync(ct)).ToHashSet() : null;
        var stays = await FieldRollups.StaysAsync(db, year, scope.Villages, ct);
        if (cadres is not null)
        {
            stays = stays.Where(s => cadres.Contains(s.Key.CadreId)).ToDictionary();
        }
        foreach (var ((_, village), months) in stays)
        {
            for (var m = 1; m <= 12; m++)
            {
                if (scope.Counts(m))
                {
                    cells.Add(village, I.ResidenceDays, m, months[m - 1]);
                }
            }
        }
        foreach (var g in (await FieldRollups.RequirementsAsync(db, year, scope.Villages, ct)).Where(r => cadres is null || cadres.Contains(r.CadreId)).GroupBy(r => r.VillageCode))
        {
            cells.Add(g.Key, I.ResidenceRequired, 0, g.Count());
            cells.Add(g.Key, I.ResidenceMet, 0, g.Count(r => stays.TryGetValue((r.CadreId, r.VillageCode), out var days) && days.Sum() >= r.MinimumDays));
        }
    }
}
