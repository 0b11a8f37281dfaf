using System.Globalization;
using Liaison.Data.Access;
using Liaison.Domain.Assessment;
using Liaison.Domain.Divisions;
using Liaison.Domain.Liaisons;
using Liaison.Domain.Policy;
using Liaison.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using C = Liaison.Domain.Assessment.AssessmentComponents;

namespace Liaison.Data.Assessment;

/// <summary>
/// Who a result belongs to: its key in the run's arithmetic (the cadre's id, the unit's id, or an
/// ordinal for a division), the person (null for a unit or a division), the unit (the person's or the
/// one assessed), and the place the result is read under (the village served, a unit's first paired
/// village, the township or county assessed).
/// </summary>
public sealed record AssessedSubject(int Key, int? CadreId, int? UnitId, string Place)
{
    /// <summary>The same subject in another run of the group (a draft run again keeps its adjustments).</summary>
    public static string Identity(AssessedKind kind, int? cadre, int? unit, string place) => kind switch
    {
        AssessedKind.Person => "c" + cadre?.ToString(CultureInfo.InvariantCulture),
        AssessedKind.Unit => "u" + unit?.ToString(CultureInfo.InvariantCulture),
        _ => "d" + place,
    };
}

/// <summary>
/// The subjects of a group and their parts: people from the records (<see cref="AssessmentInputs"/>);
/// units by their pairing 联建 — concentrated stays against the policy's, their members' help plans
/// achieved, their members' scores in the year's assessment of people, their members' ratings —; and
/// townships' or counties' work by the report's rates for their subtree, the same figures the report
/// shows. Each part says what it rests on and where.
/// </summary>
public static class SubjectInputs
{
    public static async Task<List<(AssessedSubject Who, PersonInput Input)>> ReadAsync(LiaisonDb db, ProgrammePolicy policy, AssessmentScheme scheme, int year, string division,
        DateOnly today, CancellationToken ct) => AssessmentGroups.KindOf(scheme.Group) switch
        {
            AssessedKind.Unit => await UnitsAsync(db, policy, year, division, today, ct),
            AssessedKind.Division => await DivisionsAsync(db, scheme, year, division, ct),
            _ => (await AssessmentInputs.ReadAsync(db, policy, scheme.Group, year, division, today, ct))
                .Select(x => (new AssessedSubject(x.Person.CadreId, x.Person.CadreId, x.Person.UnitId, x.Person.VillageCode), x.Input)).ToList(),
        };

    /// <summary>联建单位: every unit with a pairing tie in the year to a village under the division.</summary>
    private static async Task<List<(AssessedSubject, PersonInput)>> UnitsAsync(LiaisonDb db, ProgrammePolicy policy, int year, string division, DateOnly today, CancellationToken ct)
    {
        using var outside = Unscoped.Section("the assessment of units: their pairings under the division assessed and their members' records");
        var pairings = (await db.LiaisonTies.AsNoTracking().Where(t => t.Year == year && t.Until == null && t.Kind == TieKind.Pairing && t.UnitId != null)
            .Select(t => new { UnitId = t.UnitId!.Value, t.DivisionCode }).ToListAsync(ct))
            .Where(t => DivisionCode.IsInSubtree(t.DivisionCode, division))
            .GroupBy(t => t.UnitId).ToDictionary(g => g.Key, g => g.Select(t => t.DivisionCode).Distinct().Order(StringComparer.Ordinal).ToList());
        if (pairings.Count == 0)
        {
            return [];
        }
        var units = pairings.Keys.ToList();
        var codes = await db.Units.AsNoTracking().Where(u => units.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        var end = new DateOnly(year, 12, 31);
        var asOf = AssessmentInputs.AsOf(year, today);
        var from = new DateOnly(year, 1, 1);
        var stays = (await db.UnitStays.AsNoTracking().Where(s => units.Contains(s.UnitId) && s.Arrived >= from && s.Arrived <= end)
            .Select(s => new { s.UnitId, s.VillageCode }).ToListAsync(ct)).ToLookup(s => s.UnitId);
        // Half-years begun by the day read: one in the first half, two after.
        var halves = asOf.Month >= 7 ? 2 : 1;
        var members = db.Cadres.AsNoTracking().Where(c => units.Contains(c.UnitId));
        var plans = (await (from p in db.HelpPlans.AsNoTracking()
                            join c in members on p.CadreId equals c.Id
                            where p.Year == year && (p.Status != HelpPlanStatus.Open || p.TargetOn <= asOf)
                            select new { c.UnitId, p.Status }).ToListAsync(ct)).ToLookup(p => p.UnitId);
        // The members' scores: each member's newest result in the year's assessments of people.
        var people = AssessmentGroups.All.ToList();
        var scored = (await (from r in db.AssessmentResults.AsNoTracking()
                             join run in db.AssessmentRuns.AsNoTracking() on r.RunId equals run.Id
                             join c in members on r.CadreId equals c.Id
                             where run.Year == year && people.Contains(run.Group)
                             select new { c.UnitId, CadreId = c.Id, run.Group, r.RunId, r.Score }).ToListAsync(ct))
            .GroupBy(x => (x.CadreId, x.Group)).Select(g => g.MaxBy(x => x.RunId)!).ToLookup(x => x.UnitId);
        var ratings = (await (from r in db.MassRatings.AsNoTracking()
                              join c in members on r.CadreId equals c.Id
                              where r.Year == year
                              group r by new { c.UnitId, r.Rating } into g
                              select new { g.Key.UnitId, g.Key.Rating, Count = g.Count() }).ToListAsync(ct)).ToLookup(r => r.UnitId);
        var rules = policy.Assessment;

        return pairings.OrderBy(p => p.Value[0], StringComparer.Ordinal).ThenBy(p => p.Key).Select(p =>
        {
            var link = codes.TryGetValue(p.Key, out var code) ? $"/people/units/{code}" : null;
            var parts = new List<PartInput>();
            var done = stays[p.Key].Count(s => p.Value.Contains(s.VillageCode));
            var asked = policy.Pairing.StaysPerHalfYear * halves * p.Value.Count;
            parts.Add(new(C.PairingStays, asked > 0 ? Math.Min(100, done * 100.0 / asked) : null,
                new($"联建村 {p.Value.Count} 个，集中驻村 {done} 次，应 {asked} 次", $"{p.Value.Count} paired villages, {done} concentrated stays of {asked} asked"), link));
            var due = plans[p.Key].ToList();
            var achieved = due.Count(x => x.Status == HelpPlanStatus.Achieved);
            parts.Add(new(C.HelpPlans, AssessmentInputs.Share(achieved, due.Count),
                new($"到期帮扶计划 {due.Count} 个，达成 {achieved} 个", $"{achieved} of {due.Count} help plans due achieved"), link));
            var scores = scored[p.Key].Select(x => x.Score).ToList();
            parts.Add(new(C.Members, scores.Count > 0 ? scores.Average() : null,
                new($"选派干部考核 {scores.Count} 人次，平均 {(scores.Count > 0 ? scores.Average() : 0):0.#} 分", $"{scores.Count} members' results, mean {(scores.Count > 0 ? scores.Average() : 0):0.#}"), link));
            parts.Add(AssessmentInputs.MassesPart(ratings[p.Key].ToDictionary(r => r.Rating, r => r.Count), rules.Masses.MinimumRatings));
            return (new AssessedSubject(p.Key, null, p.Key, p.Value[0]), new PersonInput(p.Key, parts));
        }).ToList();
    }

    /// <summary>乡镇、县级驻村工作: every township (or county) under the division, scored by the report's rates for its subtree in the year.</summary>
    private static async Task<List<(AssessedSubject, PersonInput)>> DivisionsAsync(LiaisonDb db, AssessmentScheme scheme, int year, string division, CancellationToken ct)
    {
        using var outside = Unscoped.Section("the assessment of townships' or counties' work: the report's figures of each under the division assessed");
        var level = AssessmentGroups.LevelOf(scheme.Group)!.Value;
        var places = (await db.Divisions.AsNoTracking().Where(d => d.Level == level && d.WithdrawnOn == null).Select(d => d.Code).ToListAsync(ct))
            .Where(c => DivisionCode.IsInSubtree(c, division)).Order(StringComparer.Ordinal).ToList();
        if (places.Count == 0)
        {
            return [];
        }
        // The figures as they stand: every village marked for recounting is recounted first.
        await Field.FieldRollups.DrainAllAsync(db, ct);
        var figures = await Reporting.CampaignReports.FiguresAsync(Scoped.Public(db), places, ReportPeriod.WholeYear(year), ct);
        return places.Select((place, i) =>
        {
            var f = figures.GetValueOrDefault(place) ?? ReportFigures.Empty;
            var parts = scheme.Components.Select(c => Ratios.Find(c.Code) is { } ratio ? RatePart(ratio, f, place, year) : new PartInput(c.Code, null, new("", ""))).ToList();
            return (new AssessedSubject(i, null, null, place), new PersonInput(i, parts));
        }).ToList();
    }

    private static PartInput RatePart(Ratio ratio, ReportFigures f, string place, int year)
    {
        var value = f[ratio];
        var whole = ratio.Denominators.Sum(d => f[d.Id]);
        var part = f[ratio.Numerator.Id];
        return new(ratio.Id, value is { } v ? Math.Clamp(v * 100, 0, 100) : null,
            new($"{ratio.NameZh} {ratio.Format(value)}（{part.ToString(CultureInfo.InvariantCulture)} / {whole.ToString(CultureInfo.InvariantCulture)}）",
                $"{ratio.NameEn} {ratio.Format(value)} ({part.ToString(CultureInfo.InvariantCulture)} / {whole.ToString(CultureInfo.InvariantCulture)})"),
            $"/reports/{place}?from={year.ToString(CultureInfo.InvariantCulture)}-01&to={year.ToString(CultureInfo.InvariantCulture)}-12");
    }
}
