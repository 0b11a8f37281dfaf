using Liaison.Data.Access;
using Liaison.Domain.Field;
using Liaison.Domain.People;
using Liaison.Domain.Secretaries;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Field;

/// <summary>A household on the phone; <paramref name="Helped"/>: the cadre is responsible for its open help plan (结对帮扶).</summary>
public sealed record MyHousehold(long Id, string HouseNo, string Head, int Members, IReadOnlyList<string> Categories, bool Visited, int MyVisits, bool Helped = false);

/// <summary>
/// One of the cadre's villages; <paramref name="Paired"/>: the cadre takes part there as a member of
/// the unit's pairing (联建村); <paramref name="Duties"/>: where the cadre is its First Secretary in post,
/// their standing against the visiting duties; <paramref name="Team"/>: the kind of the work team through
/// which the cadre takes part there (county, township, village), if any.
/// </summary>
public sealed record MyVillage(string Code, string Name, string Township, bool FirstSecretary, int Households, int Visited, IReadOnlyList<MyHousehold> HouseholdList, bool Paired = false,
    MyDuties? Duties = null, IReadOnlyList<MyHelpPlan>? HelpPlans = null, string? Team = null);

/// <summary>
/// An open help plan of the village the cadre is responsible for (结对帮扶, 一户一策): the household,
/// what it needs, the measures agreed, the target day, and the cadre's own visits there this year.
/// </summary>
public sealed record MyHelpPlan(long Id, long Household, string HouseNo, string Head, string Needs, string Measures, DateOnly TargetOn, bool Overdue, int MyVisits);

/// <summary>
/// A First Secretary's visiting duties on the phone (<see cref="SecretaryDuties"/>), by key — the page
/// has the words: each duty's households and those of them still unvisited, and the unvisited by
/// category (<c>none</c>: of no category). Ids, so that a visit made offline counts at once.
/// </summary>
/// <remarks>PracticalThings: the deeds the First Secretary recorded there this year (办一两件实事), met at PracticalThingsAtLeast.</remarks>
public sealed record MyDuties(IReadOnlyList<MyDuty> Duties, IReadOnlyList<MyUnvisited> Unvisited, int PracticalThings = 0,
    int PracticalThingsAtLeast = SecretaryDuties.PracticalThingsAtLeast);

public sealed record MyDuty(string Duty, int Total, IReadOnlyList<long> Unvisited);

public sealed record MyUnvisited(string Category, IReadOnlyList<long> Households);

public sealed record MyResidence(string Village, string RoleZh, string RoleEn, int Minimum, int Days, int Behind, int DaysLeft);

/// <summary>What the phone keeps offline for its cadre: the year's villages and households, and where the cadre stands.</summary>
public sealed record MyField(string CadreCode, string CadreName, int Year, DateOnly Today, IReadOnlyList<MyVillage> Villages, IReadOnlyList<MyResidence> Residence, int PlausibleVisitsPerDay);

/// <summary>One of the cadre's own visits; the position is the one the phone recorded, if it could.</summary>
public sealed record MyVisit(long Id, Guid ClientId, long Household, string Village, DateTimeOffset VisitedAt, string? Note, int Issues, string Source, double? Latitude, double? Longitude);

/// <summary>One of the cadre's own stays; the position is the one the phone recorded, if it could.</summary>
public sealed record MyStay(long Id, Guid ClientId, string Village, DateOnly Arrived, DateOnly Left, int Days, string Source, double? Latitude, double? Longitude);

/// <summary>Reads of a cadre's own field work, for the phone app and the API. Household heads' names are masked; no phones.</summary>
public static class FieldQueries
{
    /// <summary>Why this reads outside a scope: see <see cref="Unscoped"/>.</summary>
    private const string Reach = "a cadre's own field work: the villages of their own ties and postings and of their unit's pairing";

    public static async Task<MyField> MineAsync(LiaisonDb db, TimeProvider clock, int cadreId, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var cadre = await db.Cadres.AsNoTracking().FirstAsync(c => c.Id == cadreId, ct);
        var context = await FieldContext.LoadAsync(db, clock, new FieldAuthor(cadreId, "", RecordSource.Phone), null, ct);
        var year = context.Today.Year;
        var codes = context.VillagesIn(year).ToList();
        var places = await db.Divisions.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, ct);
        var townshipCodes = places.Values.Select(p => p.ParentCode).OfType<string>().Distinct().ToList();
        var townships = await db.Divisions.AsNoTracking().Where(d => townshipCodes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        var households = await db.Households.AsNoTracking().Where(h => codes.Contains(h.VillageCode) && h.Status == Domain.People.HouseholdStatus.Current).OrderBy(h => h.VillageCode).ThenBy(h => h.HouseNo).ToListAsync(ct);
        // From the visits' tallies (decision 0017): a row per household and month, not per visit.
        var visited = (await db.VisitTallies.AsNoTracking().Where(t => t.Year == year && codes.Contains(t.VillageCode)).Select(t => t.HouseholdId).Distinct().ToListAsync(ct)).ToHashSet();
        var mine = await db.VisitTallies.AsNoTracking().Where(t => t.Year == year && t.CadreId == cadreId).GroupBy(t => t.HouseholdId)
            .Select(g => new { g.Key, N = (int)g.Sum(t => t.Visits) }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var plans = await db.HelpPlans.AsNoTracking().Where(p => p.CadreId == cadreId && p.Year == year && p.Status == Domain.Liaisons.HelpPlanStatus.Open)
            .OrderBy(p => p.TargetOn).ThenBy(p => p.Id).ToListAsync(ct);
        var helped = plans.Select(p => p.HouseholdId).ToHashSet();
        var inPost = (await db.SecretaryPostings.AsNoTracking().Where(p => p.CadreId == cadreId && p.Year == year && p.Until == null).Select(p => p.VillageCode).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var things = await Results.PracticalThings.CountAsync(db, db.Deeds.AsNoTracking(), inPost, [year], [cadreId], ct);
        var villages = codes.Where(places.ContainsKey).Select(code =>
        {
            var list = households.Where(h => h.VillageCode == code).Select(h => new MyHousehold(h.Id, h.HouseNo, PersonalData.MaskName(h.HeadName), h.MemberCount,
                HouseholdCategories.All.Where(c => h.Categories.HasFlag(c)).Select(c => Terms.HouseholdCategoryTerms[c].Zh).ToList(),
                visited.Contains(h.Id), mine.GetValueOrDefault(h.Id), helped.Contains(h.Id))).ToList();
            var place = places[code];
            var duties = inPost.Contains(code)
                ? DutiesOf(households.Where(h => h.VillageCode == code).Select(h => new DutyHousehold(h.Id, h.Categories)), mine.Keys.ToHashSet())
                    with
                { PracticalThings = things.GetValueOrDefault((code, year, cadreId)) }
                : null;
            var byId = list.ToDictionary(h => h.Id);
            var helping = plans.Where(p => p.VillageCode == code && byId.ContainsKey(p.HouseholdId)).Select(p => new MyHelpPlan(p.Id, p.HouseholdId, byId[p.HouseholdId].HouseNo,
                byId[p.HouseholdId].Head, p.Needs, p.Measures, p.TargetOn, p.TargetOn < context.Today, mine.GetValueOrDefault(p.HouseholdId))).ToList();
            return new MyVillage(code, place.Name, place.ParentCode is { } t ? townships.GetValueOrDefault(t, "") : "", context.IsSecretary(year, code),
                list.Count, list.Count(h => h.Visited), list, context.IsPaired(year, code), duties, helping,
                context.TeamOf(year, code) is { } team ? team.ToString().ToLowerInvariant() : null);
        }).ToList();
        return new MyField(cadre.Code, cadre.Name, year, context.Today, villages, await ResidenceOfAsync(db, cadreId, year, context.Today, ct), context.Rules.PlausibleVisitsPerDay);
    }

    /// <summary>The standing of a First Secretary who visited <paramref name="visited"/> (their own visits of the year), by key.</summary>
    private static MyDuties DutiesOf(IEnumerable<DutyHousehold> households, HashSet<long> visited)
    {
        var standing = SecretaryDuties.Stand(households, visited);
        return new MyDuties(standing.Duties.Select(d => new MyDuty(SecretaryDuties.Key(d.Duty), d.Total, d.Left)).ToList(),
            standing.Unvisited.Select(g => new MyUnvisited(SecretaryDuties.Key(g.Category), g.Households)).ToList());
    }

    /// <summary>The cadre's standing against each residence minimum of the year.</summary>
    public static async Task<List<MyResidence>> ResidenceOfAsync(LiaisonDb db, int cadreId, int year, DateOnly today, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var stays = await db.ResidenceStays.AsNoTracking().Where(s => s.CadreId == cadreId && s.Year == year).Select(s => new { s.VillageCode, s.Arrived, s.Left }).ToListAsync(ct);
        // Only the cadre's own villages: the city's every tie is not read for one phone.
        var villages = (await db.LiaisonTies.AsNoTracking().Where(t => t.CadreId == cadreId && t.Year == year).Select(t => t.DivisionCode).ToListAsync(ct))
            .Concat(await db.SecretaryPostings.AsNoTracking().Where(p => p.CadreId == cadreId && p.Year == year).Select(p => p.VillageCode).ToListAsync(ct))
            .Where(c => c.Length == 12).Distinct().ToList();
        var requirements = (await FieldRollups.RequirementsAsync(db, year, villages, ct)).Where(r => r.CadreId == cadreId);
        return requirements.Select(r =>
        {
            var s = Residence.Stand(r, year, today, stays.Where(x => x.VillageCode == r.VillageCode).Select(x => (x.Arrived, x.Left)));
            return new MyResidence(r.VillageCode, r.Role.Zh, r.Role.En, r.MinimumDays, s.Days, s.Behind, s.DaysLeft);
        }).ToList();
    }

    public static async Task<List<MyVisit>> VisitsOfAsync(LiaisonDb db, int cadreId, int year, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        return (await db.HouseholdVisits.AsNoTracking().Where(v => v.CadreId == cadreId && v.Year == year).OrderByDescending(v => v.Id).Take(1_000).ToListAsync(ct))
            .Select(v => new MyVisit(v.Id, v.ClientId, v.HouseholdId, v.VillageCode, v.VisitedAt, v.Note, v.IssueCount, v.Source.ToString().ToLowerInvariant(), v.Latitude, v.Longitude)).ToList();
    }

    public static async Task<List<MyStay>> StaysOfAsync(LiaisonDb db, int cadreId, int year, CancellationToken ct) =>
        (await db.ResidenceStays.AsNoTracking().Where(s => s.CadreId == cadreId && s.Year == year).OrderByDescending(s => s.Arrived).ToListAsync(ct))
            .Select(s => new MyStay(s.Id, s.ClientId, s.VillageCode, s.Arrived, s.Left, s.Days, s.Source.ToString().ToLowerInvariant(), s.Latitude, s.Longitude)).ToList();

    /// <summary>
    /// The cadre a village's demo or test account records for: its First Secretary in post, or else
    /// the first cadre with a current tie there; null when nobody is tied yet.
    /// </summary>
    public static async Task<string?> CadreOfVillageAsync(LiaisonDb db, string village, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var secretary = await (from p in db.SecretaryPostings.AsNoTracking()
                               join c in db.Cadres.AsNoTracking() on p.CadreId equals c.Id
                               where p.VillageCode == village && p.Until == null
                               orderby p.Year descending
                               select c.Code).FirstOrDefaultAsync(ct);
        return secretary ?? await (from t in db.LiaisonTies.AsNoTracking()
                                   join c in db.Cadres.AsNoTracking() on t.CadreId equals c.Id
                                   where t.DivisionCode == village && t.Until == null
                                   orderby t.Year descending, c.Code
                                   select c.Code).FirstOrDefaultAsync(ct);
    }
}
