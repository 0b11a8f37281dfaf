using Liaison.Domain.Assessment;
using Microsoft.EntityFrameworkCore;
using I = Liaison.Domain.Reporting.Indicators;

namespace Liaison.Data.Reporting.Formulas;

/// <summary>A published result at the village its person served, counted in December of its year.</summary>
public sealed class GradedRow
{
    public string VillageCode { get; set; } = "";
    public string Grade { get; set; } = "";
    public string Group { get; set; } = "";
    /// <summary>Named in an issued notice of commendation of the year.</summary>
    public bool Commended { get; set; }
}

/// <summary>An observation day at a village.</summary>
public sealed class ObservedRow
{
    public string VillageCode { get; set; } = "";
    public int Month { get; set; }
}

/// <summary>
/// 年度考核 (issue 23) at each village for a year: the masses' ratings (in December: the evaluation closes the year), the
/// county's observation days by their month, and the year's published results (the newest published
/// run of each group of people) at the village served, in December — First Secretaries apart too, and
/// those named in an issued commendation since the year began. The grades are the policy's default bands'
/// codes; a city with bands of its own reads them on the assessment pages.
/// </summary>
internal static class AssessmentFormulas
{
    public static Family<MassRating> Ratings { get; } = new Family<MassRating>()
        .Count(I.MassRatings)
        .Count(I.MassSatisfied, r => r.Rating != Rating.Dissatisfied);

    public static Family<ObservedRow> Observations { get; } = new Family<ObservedRow>()
        .Count(I.Observed);

    public static Family<GradedRow> Grades { get; } = new Family<GradedRow>()
        .Count(I.Assessed)
        .Count(I.GradedExcellent, g => g.Grade == "excellent")
        .Count(I.GradedCompetent, g => g.Grade == "competent")
        .Count(I.GradedBasic, g => g.Grade == "basic")
        .Count(I.GradedIncompetent, g => g.Grade == "incompetent")
        .Count(I.SecretariesAssessed, g => g.Group == AssessmentGroups.FirstSecretaries)
        .Count(I.SecretariesExcellent, g => g.Group == AssessmentGroups.FirstSecretaries && g.Grade == "excellent")
        .Count(I.Commended, g => g.Commended);

    public static IEnumerable<Domain.Reporting.Indicator> Indicators => [.. Ratings.Indicators, .. Observations.Indicators, .. Grades.Indicators];

    public static async Task AddAsync(LiaisonDb db, int year, FormulaScope scope, LeafCells cells, CancellationToken ct)
    {
        if (scope.UnitId is not null)
        {
            return;
        }
        // The masses' evaluation is the year's close: its ratings count in December, as the grades do.
        var ratings = db.MassRatings.AsNoTracking().Where(r => r.Year == year);
        await Ratings.ReadAsync(scope.Narrow(ratings, db, r => r.VillageCode, null, _ => 12), r => r.VillageCode, _ => 12, cells, ct);
        var observed = db.ObservationScores.AsNoTracking().Where(o => o.Year == year).Select(o => new { o.VillageCode, o.ObservedOn }).Distinct()
            .Select(o => new ObservedRow { VillageCode = o.VillageCode, Month = o.ObservedOn.Month });
        await Observations.ReadAsync(scope.Narrow(observed, db, o => o.VillageCode, null, o => o.Month), o => o.VillageCode, o => o.Month, cells, ct);
        var runs = db.AssessmentRuns.AsNoTracking().Where(r => r.Year == year && r.Status == RunStatus.Published);
        var newest = runs.Where(r => !runs.Any(o => o.Group == r.Group && o.DivisionCode == r.DivisionCode && o.Id > r.Id)).Select(r => r.Id);
        var since = new DateOnly(year, 1, 1);
        var commended = from n in db.Notices.AsNoTracking()
                        join s in db.NoticeSubjects.AsNoTracking() on n.Id equals s.NoticeId
                        where n.Kind == Domain.Supervision.NoticeKind.Commendation && n.Status == Domain.Supervision.NoticeStatus.Issued && n.IssuedOn >= since
                        select s.CadreId;
        var graded = from r in db.AssessmentResults.AsNoTracking()
                     join run in db.AssessmentRuns.AsNoTracking() on r.RunId equals run.Id
                     where newest.Contains(r.RunId) && r.CadreId != null
                     select new GradedRow { VillageCode = r.VillageCode, Grade = r.Grade, Group = run.Group, Commended = commended.Contains(r.CadreId) };
        await Grades.ReadAsync(scope.Narrow(graded, db, g => g.VillageCode, null, _ => 12), g => g.VillageCode, _ => 12, cells, ct);
    }
}
