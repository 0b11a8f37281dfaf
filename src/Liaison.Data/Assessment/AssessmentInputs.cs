using System.Globalization;
using Liaison.Data.Access;
using Liaison.Data.Field;
using Liaison.Data.Secretaries;
using Liaison.Domain.Assessment;
using Liaison.Domain.Divisions;
using Liaison.Domain.Liaisons;
using Liaison.Domain.Policy;
using Liaison.Domain.Results;
using Liaison.Domain.Secretaries;
using Liaison.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using C = Liaison.Domain.Assessment.AssessmentComponents;

namespace Liaison.Data.Assessment;

/// <summary>A person assessed: the cadre, the village where the result is read (a First Secretary's; a stationed cadre's first), all the villages served, the unit, and the posting.</summary>
public sealed record AssessedPerson(int CadreId, string VillageCode, IReadOnlyList<string> Villages, int UnitId, long? PostingId);

/// <summary>
/// Reads every component of the assessment from the records of the year, for each person of a
/// group under a division: one query per component for everyone, never one per person. Each part
/// says what it rests on in numbers and where the records are, so that every point can be traced.
/// </summary>
public static class AssessmentInputs
{
    public static async Task<List<(AssessedPerson Person, PersonInput Input)>> ReadAsync(LiaisonDb db, ProgrammePolicy policy, string group, int year, string division, DateOnly today, CancellationToken ct)
    {
        using var outside = Unscoped.Section("the assessment: every record of the year under the division assessed (the store checks the office holds it)");
        var people = await PeopleAsync(db, group, year, division, ct);
        if (people.Count == 0)
        {
            return [];
        }
        var rules = policy.Assessment;
        var cadres = people.Select(p => p.CadreId).ToList();
        var villages = people.SelectMany(p => p.Villages).Distinct().ToList();
        var end = new DateOnly(year, 12, 31);
        var asOf = AsOf(year, today);

        // Every village's days: residence reads the villages served, taking part reads them all (one read for both).
        var days = await FieldRollups.ResidenceDaysAsync(db, year, null, ct);
        var daysByCadre = days.GroupBy(d => d.Key.CadreId).ToDictionary(g => g.Key, g => g.Sum(d => d.Value));
        // The minimums the field work holds each tie to (a First Secretary's, a leader's contact point, a stationed cadre's where set).
        var required = (await FieldRollups.RequirementsAsync(db, year, villages, ct)).ToLookup(r => r.CadreId);
        var keys = people.SelectMany(p => p.Villages.Select(v => (v, year, p.CadreId))).ToList();
        var duties = await SecretaryDutyReads.StandAsync(Scoped.Public(db), keys, ct);

        var visits = await db.HouseholdVisits.AsNoTracking().Where(v => v.Year == year && cadres.Contains(v.CadreId)).GroupBy(v => v.CadreId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var cases = (await db.Cases.AsNoTracking().Where(c => c.Year == year && c.CadreId != null && cadres.Contains(c.CadreId.Value) && c.MergedIntoId == null)
            .Select(c => new { CadreId = c.CadreId!.Value, c.ClosedAt, c.DueOn, c.OnTime }).ToListAsync(ct)).ToLookup(c => c.CadreId);
        var commitments = (await db.Commitments.AsNoTracking().Where(c => c.Year == year && cadres.Contains(c.CadreId))
            .Select(c => new { c.CadreId, c.Status, c.Deadline, c.ClosedOn }).ToListAsync(ct)).ToLookup(c => c.CadreId);
        var from = new DateOnly(year, 1, 1);
        var findings = (await db.Findings.AsNoTracking().Where(f => f.CadreId != null && cadres.Contains(f.CadreId.Value) && f.On >= from && f.On <= end)
            .Select(f => new { CadreId = f.CadreId!.Value, f.Id, f.Kind, f.Severity }).ToListAsync(ct)).ToLookup(f => f.CadreId);
        var unconfirmed = await (from c in db.SampleCalls.AsNoTracking()
                                 join v in db.HouseholdVisits.AsNoTracking() on c.VisitId equals v.Id
                                 where v.Year == year && cadres.Contains(c.CadreId) && c.Outcome == CallOutcome.Reached && c.Visited == false
                                 group c by c.CadreId into g
                                 select new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var observed = (await db.ObservationScores.AsNoTracking().Where(o => o.Year == year && villages.Contains(o.VillageCode))
            .Select(o => new { o.VillageCode, o.Score }).ToListAsync(ct)).ToLookup(o => o.VillageCode, o => o.Score);
        var comments = (await db.WorkComments.AsNoTracking().Where(c => c.Year == year && cadres.Contains(c.CadreId))
            .Select(c => new { c.CadreId, c.Score }).ToListAsync(ct)).ToLookup(c => c.CadreId, c => c.Score);
        var ratings = (await db.MassRatings.AsNoTracking().Where(r => r.Year == year && cadres.Contains(r.CadreId))
            .GroupBy(r => new { r.CadreId, r.Rating }).Select(g => new { g.Key.CadreId, g.Key.Rating, Count = g.Count() }).ToListAsync(ct)).ToLookup(r => r.CadreId);
        var scheme = rules.For(group);
        var vetoes = scheme?.VetoFindings ?? [];

        return people.Select(p =>
        {
            var village = p.VillageCode;
            var parts = new List<PartInput>();
            var held = required[p.CadreId].Where(r => p.Villages.Contains(r.VillageCode)).DistinctBy(r => r.VillageCode).ToList();
            var minimum = held.Sum(r => r.MinimumDays);
            var lived = held.Sum(r => days.GetValueOrDefault((p.CadreId, r.VillageCode)));
            parts.Add(new(C.Residence, minimum > 0 ? Math.Min(100, lived * 100.0 / minimum) : null,
                new($"驻村 {lived} 天，应驻 {minimum} 天", $"{lived} days lived in the village of {minimum} required"), $"/field/residence?code={village}"));

            var standings = p.Villages.Select(v => duties[(v, year, p.CadreId)]).ToList();
            var all = (Visited: standings.Sum(s => s[SecretaryDuty.AllHouseholds].Visited), Total: standings.Sum(s => s[SecretaryDuty.AllHouseholds].Total));
            var key = (Visited: standings.Sum(s => s[SecretaryDuty.ThreeOlds].Visited + s[SecretaryDuty.ThreeKinds].Visited),
                Total: standings.Sum(s => s[SecretaryDuty.ThreeOlds].Total + s[SecretaryDuty.ThreeKinds].Total));
            var dutiesLink = p.PostingId is { } posting ? $"/secretaries/postings/{posting}/duties" : $"/field/progress/{village}";
            parts.Add(new(C.Coverage, Share(all.Visited, all.Total), new($"走访农户 {all.Visited} 户，全村 {all.Total} 户", $"{all.Visited} of {all.Total} households visited"), dutiesLink));
            parts.Add(new(C.KeyHouseholds, Share(key.Visited, key.Total), new($"走访“三老”“三户” {key.Visited} 户，共 {key.Total} 户", $"{key.Visited} of {key.Total} three-olds and three-kinds households visited"), dutiesLink));

            var visited = visits.GetValueOrDefault(p.CadreId);
            var daysLived = daysByCadre.GetValueOrDefault(p.CadreId);
            var part = policy.Participation;
            parts.Add(new(C.Participation, Liaison.Domain.Liaisons.Participation.TakesPart(visited, daysLived, part) ? 100 : 0,
                new($"本年走访 {visited} 次、驻村 {daysLived} 天（要求：{(part.MinimumVisits == 0 && part.MinimumDays == 0 ? "走访一次或驻村一天" : $"走访 {part.MinimumVisits} 次、驻村 {part.MinimumDays} 天")}）",
                    $"{visited} visits and {daysLived} days this year (asked: {(part.MinimumVisits == 0 && part.MinimumDays == 0 ? "one visit or one day" : $"{part.MinimumVisits} visits and {part.MinimumDays} days")})"), $"/field/progress/{village}"));

            var mine = cases[p.CadreId].Where(c => c.ClosedAt != null || c.DueOn <= asOf).ToList();
            var onTime = mine.Count(c => c.OnTime == true);
            parts.Add(new(C.Cases, Share(onTime, mine.Count), new($"到期诉求 {mine.Count} 件，按期办结 {onTime} 件", $"{onTime} of {mine.Count} cases due closed on time"), $"/cases?code={village}"));

            var promised = commitments[p.CadreId].Where(c => c.Status != CommitmentStatus.Open || c.Deadline <= asOf).ToList();
            var kept = promised.Count(c => c.Status == CommitmentStatus.Done && c.ClosedOn <= c.Deadline);
            parts.Add(new(C.Commitments, Share(kept, promised.Count), new($"到期承诺 {promised.Count} 项，按期兑现 {kept} 项", $"{kept} of {promised.Count} commitments due kept on time"), $"/commitments?code={village}"));

            var things = standings.Sum(s => s.PracticalThings);
            parts.Add(new(C.Deeds, things >= SecretaryDuties.PracticalThingsAtLeast ? 100 : 0, new($"办成实事 {things} 件", $"{things} practical things done"), $"/deeds?code={village}"));

            var found = findings[p.CadreId].ToList();
            var severity = found.Sum(f => f.Severity);
            var calls = unconfirmed.GetValueOrDefault(p.CadreId);
            parts.Add(new(C.Supervision, Math.Max(0, 100 - severity * rules.FindingDeduction - calls * rules.UnconfirmedDeduction),
                new($"督查问题 {found.Count} 个（严重程度合计 {severity}），电话核实未证实走访 {calls} 户次", $"{found.Count} findings (severity {severity} in all), {calls} visits not confirmed by the calls"), null));

            var scores = p.Villages.SelectMany(v => observed[v]).ToList();
            parts.Add(new(C.Observation, scores.Count > 0 ? scores.Average() : null,
                new($"现场观摩评分 {scores.Count} 项", $"{scores.Count} observation scores"), null));
            var said = comments[p.CadreId].ToList();
            parts.Add(new(C.Comments, said.Count > 0 ? said.Average() : null, new($"工作点评 {said.Count} 条", $"{said.Count} work comments"), null));

            parts.Add(MassesPart(ratings[p.CadreId].ToDictionary(r => r.Rating, r => r.Count), rules.Masses.MinimumRatings));

            var veto = found.Where(f => vetoes.Contains(f.Kind)).OrderBy(f => f.Id).Select(f => $"{(policy.Supervision.Find(f.Kind)?.Name ?? f.Kind)} #{f.Id.ToString(CultureInfo.InvariantCulture)}").FirstOrDefault();
            return (p, new PersonInput(p.CadreId, parts, veto));
        }).ToList();
    }

    /// <summary>The people of a group assessed for the year under the division: First Secretaries by their posting (the one in post, else the last), the stationed and liaison cadres by their village ties.</summary>
    public static async Task<List<AssessedPerson>> PeopleAsync(LiaisonDb db, string group, int year, string division, CancellationToken ct)
    {
        using var outside = Unscoped.Section("the assessment's people under the division assessed");
        var units = db.Cadres.AsNoTracking();
        if (group == AssessmentGroups.FirstSecretaries)
        {
            var postings = await (from p in db.SecretaryPostings.AsNoTracking()
                                  join c in units on p.CadreId equals c.Id
                                  where p.Year == year
                                  select new { p.Id, p.CadreId, p.VillageCode, p.Until, p.Since, c.UnitId }).ToListAsync(ct);
            return postings.Where(p => DivisionCode.IsInSubtree(p.VillageCode, division))
                .GroupBy(p => p.CadreId)
                .Select(g => g.OrderBy(p => p.Until is null ? 0 : 1).ThenByDescending(p => p.Since).ThenByDescending(p => p.Id).First())
                .OrderBy(p => p.VillageCode, StringComparer.Ordinal).ThenBy(p => p.CadreId)
                .Select(p => new AssessedPerson(p.CadreId, p.VillageCode, [p.VillageCode], p.UnitId, p.Id)).ToList();
        }
        if (group == AssessmentGroups.StationedCadres)
        {
            // 驻村联系干部: every cadre tied to a village in the year (stationed, a leader's contact point, a backward village taken, a police officer's), First Secretaries apart.
            var secretaries = db.SecretaryPostings.Where(p => p.Year == year).Select(p => p.CadreId);
            var ties = await (from t in db.LiaisonTies.AsNoTracking()
                              join c in units on t.CadreId equals c.Id
                              where t.Year == year && t.Until == null && t.DivisionCode.Length == 12 && t.Kind != TieKind.Pairing && !secretaries.Contains(c.Id)
                              select new { CadreId = c.Id, t.DivisionCode, c.UnitId }).ToListAsync(ct);
            return ties.Where(t => DivisionCode.IsInSubtree(t.DivisionCode, division))
                .GroupBy(t => t.CadreId)
                .Select(g => (g.Key, Villages: g.Select(t => t.DivisionCode).Distinct().Order(StringComparer.Ordinal).ToList(), g.First().UnitId))
                .OrderBy(x => x.Villages[0], StringComparer.Ordinal).ThenBy(x => x.Key)
                .Select(x => new AssessedPerson(x.Key, x.Villages[0], x.Villages, x.UnitId, null)).ToList();
        }
        return [];
    }

    /// <summary>The masses' part from ratings counted by kind: the mean rating with the satisfied share and its interval; left out below the policy's fewest.</summary>
    internal static PartInput MassesPart(IReadOnlyDictionary<Rating, int> counted, int minimum)
    {
        var satisfaction = Satisfaction.Of(counted.GetValueOrDefault(Rating.Satisfied), counted.GetValueOrDefault(Rating.Basically), counted.GetValueOrDefault(Rating.Dissatisfied));
        var rate = satisfaction.Rate;
        return new(C.Masses, satisfaction.Ratings >= minimum ? satisfaction.Score : null,
            satisfaction.Ratings == 0 ? new("尚无群众评议", "no ratings yet")
                : new($"评议 {satisfaction.Ratings} 份，满意率 {Percent(rate.Rate)}（95% 区间 {Percent(rate.Low)}–{Percent(rate.High)}）{(satisfaction.Ratings < minimum ? $"，不足 {minimum} 份不计" : "")}",
                      $"{satisfaction.Ratings} ratings, {Percent(rate.Rate)} satisfied (95% interval {Percent(rate.Low)}–{Percent(rate.High)}){(satisfaction.Ratings < minimum ? $"; fewer than {minimum}, not counted" : "")}"), null);
    }

    /// <summary>The day a year's duties are read as of: today while the year runs, its last day after.</summary>
    internal static DateOnly AsOf(int year, DateOnly today) => today < new DateOnly(year, 12, 31) ? today : new DateOnly(year, 12, 31);

    /// <summary>A share as a score of 0–100; null (the part left out) where there is nothing to share.</summary>
    internal static double? Share(int part, int whole) => whole > 0 ? part * 100.0 / whole : null;

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
