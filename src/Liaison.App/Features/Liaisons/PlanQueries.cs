using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Data.Liaisons;
using Liaison.Domain.Divisions;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Liaisons;

/// <summary>A tie as pages show it: with its person or unit and its place named.</summary>
public sealed record TieRow(LiaisonTie Tie, string? CadreCode, string? CadreName, CadreRank? Rank, string? UnitCode, string? UnitName, string PlaceName, DivisionLevel PlaceLevel, int PlannedDays);

/// <summary>A First Secretary's posting as pages show it.</summary>
public sealed record SecretaryRow(Domain.Secretaries.SecretaryPosting Posting, string CadreCode, string CadreName, string UnitName, Domain.Secretaries.DispatchLevel Level, string VillageName);

/// <summary>A cadre of a unit's participation list.</summary>
public sealed record ParticipationRow(string Code, string Name, CadreRank Rank, CadreParticipation Part);

/// <summary>A unit of a division's participation list: its active cadres, whether the policy expects them, how many take part.</summary>
public sealed record UnitParticipationRow(Unit Unit, bool Expected, int Active, int TakingPart)
{
    public int NotTakingPart => Expected ? Active - TakingPart : 0;
}

/// <summary>A cadre on the plan pages.</summary>
public sealed record PersonView(Cadre Cadre, Unit Unit);

/// <summary>
/// Reads of the liaison plan for pages, narrowed to a scope: ties are seen where their division
/// is in scope, people where their unit's division or one of their ties is.
/// </summary>
public sealed class PlanQueries(LiaisonDb db, Scoped scoped)
{
    /// <summary>The ties of a year at one division, current first, then the ended ones (its history).</summary>
    public async Task<List<TieRow>> AtAsync(string code, int year, CancellationToken ct) =>
        await RowsAsync(scoped.Ties.Where(t => t.DivisionCode == code && t.Year == year), ct);

    /// <summary>Who was tied to a division on a day (<see cref="TieHistory"/>): the plan as it stood then, ended ties included.</summary>
    public async Task<List<TieRow>> HeldOnAsync(string code, DateOnly day, CancellationToken ct) =>
        await RowsAsync(TieHistory.HeldOn(scoped.Ties.Where(t => t.DivisionCode == code), day), ct);

    /// <summary>The First Secretaries posted to a village on a day.</summary>
    public async Task<List<SecretaryRow>> SecretariesOnAsync(string villageCode, DateOnly day, CancellationToken ct) =>
        await SecretaryRowsAsync(TieHistory.HeldOn(scoped.Postings.Where(p => p.VillageCode == villageCode), day), ct);

    public async Task<PersonView?> PersonAsync(string cadreCode, CancellationToken ct)
    {
        if (scoped.Scope is null)
        {
            return null;
        }
        var found = await (from c in db.Cadres.AsNoTracking()
                           join u in scoped.UnitNames on c.UnitId equals u.Id
                           where c.Code == cadreCode
                           select new { c, u }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }
        var visible = scoped.Covers(found.u.DivisionCode) || await scoped.People.AnyAsync(c => c.Id == found.c.Id, ct);
        return visible ? new PersonView(found.c, found.u) : null;
    }

    /// <summary>
    /// A person's ties of every year, newest first, wherever they are: only for a person this scope
    /// may see (<see cref="PersonAsync"/>), whose whole record of ties is theirs to show.
    /// </summary>
    public async Task<List<TieRow>> OfPersonAsync(PersonView person, CancellationToken ct)
    {
        using var outside = Unscoped.Section("a person in reach: all of their ties, wherever they are");
        return await RowsAsync(db.LiaisonTies.Where(t => t.CadreId == person.Cadre.Id), ct);
    }

    public async Task<TieRow?> TieAsync(long id, CancellationToken ct) =>
        (await RowsAsync(scoped.Ties.Where(t => t.Id == id), ct)).FirstOrDefault();

    /// <summary>First Secretaries posted to a village in scope, every year, current first.</summary>
    public async Task<List<SecretaryRow>> SecretariesAtAsync(string villageCode, CancellationToken ct) =>
        await SecretaryRowsAsync(scoped.Postings.Where(p => p.VillageCode == villageCode), ct);

    /// <summary>One posting whose village is in scope.</summary>
    public async Task<SecretaryRow?> SecretaryPostingAsync(long id, CancellationToken ct) =>
        (await SecretaryRowsAsync(scoped.Postings.Where(p => p.Id == id), ct)).FirstOrDefault();

    /// <summary>The sending unit's support recorded for a posting (the posting's visibility is checked by the caller).</summary>
    public async Task<List<Domain.Secretaries.SecretarySupport>> SupportsAsync(long postingId, CancellationToken ct) =>
        (await db.SecretarySupports.AsNoTracking().Where(s => s.PostingId == postingId).ToListAsync(ct)).OrderBy(s => s.On).ThenBy(s => s.Id).ToList();

    /// <summary>A person's First Secretary postings, wherever they are, for a person this scope may see.</summary>
    public async Task<List<SecretaryRow>> SecretaryPostingsOfAsync(PersonView person, CancellationToken ct)
    {
        using var outside = Unscoped.Section("a person in reach: all of their postings, wherever they are");
        return await SecretaryRowsAsync(db.SecretaryPostings.Where(p => p.CadreId == person.Cadre.Id), ct);
    }

    private async Task<List<SecretaryRow>> SecretaryRowsAsync(IQueryable<Domain.Secretaries.SecretaryPosting> postings, CancellationToken ct) =>
        (await (from p in postings.AsNoTracking()
                join c in db.Cadres.AsNoTracking() on p.CadreId equals c.Id
                join u in scoped.UnitNames on c.UnitId equals u.Id
                join call in db.SecretaryCalls.AsNoTracking() on p.CallId equals call.Id
                join d in scoped.Names on p.VillageCode equals d.Code
                orderby p.Until != null, p.Year descending, p.Id
                select new { p, c.Code, c.Name, Unit = u.Name, call.Level, Village = d.Name }).ToListAsync(ct))
        .Select(x => new SecretaryRow(x.p, x.Code, x.Name, x.Unit, x.Level, x.Village)).ToList();

    public async Task<List<PlannedStay>> StaysAsync(long tieId, CancellationToken ct) =>
        await db.PlannedStays.AsNoTracking().Where(s => s.TieId == tieId).OrderBy(s => s.StartsOn).ToListAsync(ct);

    /// <summary>
    /// A unit's active cadres in a year (<see cref="Participation"/>): how each belongs to the
    /// programme — ties, a posting, the unit's pairing, work teams — and their visits and residence days. Null
    /// for a unit outside the scope; the unit's own cadres are then read wherever they worked.
    /// </summary>
    public async Task<(Unit Unit, Domain.Policy.ParticipationRules Rules, List<ParticipationRow> Rows)?> UnitParticipationAsync(string unitCode, int year, CancellationToken ct)
    {
        var unit = await scoped.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == unitCode, ct);
        if (unit is null)
        {
            return null;
        }
        using var outside = Unscoped.Section("a unit in reach: its own cadres' ties, postings and field work, wherever they are");
        var active = db.Cadres.AsNoTracking().Where(c => c.UnitId == unit.Id && c.Status == CadreStatus.Active);
        var ids = active.Select(c => c.Id);
        var cadres = await active.OrderBy(c => c.Code).Select(c => new { c.Id, c.Code, c.Name, c.Rank }).ToListAsync(ct);
        var ties = (await db.LiaisonTies.AsNoTracking().Where(t => t.Year == year && t.Until == null && t.CadreId != null && ids.Contains(t.CadreId!.Value))
            .Select(t => new { CadreId = t.CadreId!.Value, t.Kind }).ToListAsync(ct)).ToLookup(t => t.CadreId, t => t.Kind);
        var posted = (await db.SecretaryPostings.AsNoTracking().Where(p => p.Year == year && p.Until == null && ids.Contains(p.CadreId)).Select(p => p.CadreId).ToListAsync(ct)).ToHashSet();
        var policy = (await Data.Policy.PolicyStore.GetAsync(db, year, ct)).Policy;
        var expected = Participation.Expected(unit.Level, policy.Participation);
        var pairingMembers = policy.Pairing.MembersTakePart
            && await db.LiaisonTies.AnyAsync(t => t.Year == year && t.Until == null && t.Kind == TieKind.Pairing && t.UnitId == unit.Id, ct);
        var teams = (await (from m in db.WorkTeamMembers.AsNoTracking()
                            join t in db.WorkTeams.AsNoTracking() on m.TeamId equals t.Id
                            where t.Year == year && m.Until == null && ids.Contains(m.CadreId)
                            select new { m.CadreId, t.DivisionCode }).ToListAsync(ct))
            .ToLookup(m => m.CadreId, m => Domain.Divisions.DivisionCode.LevelOfLength(m.DivisionCode.Length) ?? Domain.Divisions.DivisionLevel.Village);
        var visits = await db.VisitTallies.AsNoTracking().Where(t => t.Year == year && ids.Contains(t.CadreId)).GroupBy(t => t.CadreId)
            .Select(g => new { g.Key, N = (int)g.Sum(t => t.Visits) }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var stays = await db.ResidenceStays.AsNoTracking().Where(s => s.Year == year && ids.Contains(s.CadreId)).Select(s => new { s.CadreId, s.Arrived, s.Left }).ToListAsync(ct);
        var days = stays.GroupBy(s => s.CadreId).ToDictionary(g => g.Key, g => Domain.Field.Residence.DaysIn(year, g.Select(s => (s.Arrived, s.Left))));
        var rows = cadres.Select(c => new ParticipationRow(c.Code, c.Name, c.Rank, new CadreParticipation(c.Id,
            Participation.Ways(ties[c.Id], posted.Contains(c.Id), pairingMembers, teams[c.Id]), visits.GetValueOrDefault(c.Id), days.GetValueOrDefault(c.Id), policy.Participation, expected))).ToList();
        return (unit, policy.Participation, rows);
    }

    /// <summary>
    /// 全员参与 across a division: its open units, the higher organs first and then by code (a compliance list, not a ranking), each
    /// with its active cadres and how many take part; the totals count the expected units only.
    /// </summary>
    public async Task<(List<UnitParticipationRow> Rows, int Expected, int TakingPart, Domain.Policy.ParticipationRules Rules)> DivisionParticipationAsync(string? under, int year, bool onlyBehind, CancellationToken ct)
    {
        var units = await scoped.Under(under).Units.AsNoTracking().Where(u => u.Status == UnitStatus.Open).OrderBy(u => u.Level).ThenBy(u => u.Code).ToListAsync(ct);
        var ids = units.Select(u => u.Id).ToList();
        var rules = (await Data.Policy.PolicyStore.GetAsync(db, year, ct)).Policy.Participation;
        var active = await db.Cadres.AsNoTracking().Where(c => c.Status == CadreStatus.Active && ids.Contains(c.UnitId)).GroupBy(c => c.UnitId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var taking = await Data.Field.ParticipationRollups.TakingPartByUnitAsync(db, year, ids, ct);
        var rows = units.Select(u => new UnitParticipationRow(u, Participation.Expected(u.Level, rules), active.GetValueOrDefault(u.Id), taking.GetValueOrDefault(u.Id)))
            .Where(r => r.Active > 0).ToList();
        var expected = rows.Where(r => r.Expected).ToList();
        return (onlyBehind ? rows.Where(r => r.NotTakingPart > 0).ToList() : rows, expected.Sum(r => r.Active), expected.Sum(r => r.TakingPart), rules);
    }

    /// <summary>A unit's active cadres in staff-number order: who may be named as having gone on the unit's stay. The unit is the caller's, read through the scope.</summary>
    public async Task<List<(string Code, string Name)>> UnitMembersAsync(int unitId, CancellationToken ct) =>
        (await db.Cadres.AsNoTracking().Where(c => c.UnitId == unitId && c.Status == CadreStatus.Active).OrderBy(c => c.Code)
            .Select(c => new { c.Code, c.Name }).ToListAsync(ct)).Select(c => (c.Code, c.Name)).ToList();

    /// <summary>
    /// A pairing's planned stays with what its unit's members did (<see cref="PairingStays"/>): their
    /// days in the paired village that year, however each was recorded. The caller read the tie through the scope.
    /// </summary>
    public async Task<IReadOnlyList<PlannedStayStanding>> PairingStandingAsync(LiaisonTie tie, DateOnly today, CancellationToken ct)
    {
        var planned = await StaysAsync(tie.Id, ct);
        var members = db.Cadres.Where(c => c.UnitId == tie.UnitId).Select(c => c.Id);
        var stays = await db.ResidenceStays.AsNoTracking().Where(s => s.VillageCode == tie.DivisionCode && s.Year == tie.Year && members.Contains(s.CadreId))
            .Select(s => new { s.Arrived, s.Left }).ToListAsync(ct);
        return PairingStays.Stand(planned, stays.Select(s => (s.Arrived, s.Left)), today);
    }

    /// <summary>
    /// A township's backward ranking under the year's policy (倒排后进村), most in need first, with
    /// the points behind each place and who takes it.
    /// </summary>
    public async Task<List<(RankedVillage Rank, List<string> TakenBy)>> RankingAsync(string township, int year, CancellationToken ct)
    {
        if (!scoped.Covers(township) || township.Length != 9)
        {
            return [];
        }
        var policy = (await Data.Policy.PolicyStore.GetAsync(db, year, ct)).Policy;
        var places = await scoped.Divisions.Where(d => d.ParentCode == township && d.WithdrawnOn == null)
            .Select(d => new Place(d.Code, d.Name, d.Level, d.VillageKind, d.VillageType, d.PartyOrgGrade, d.Latitude, d.Longitude)).ToListAsync(ct);
        var takers = (await (from t in scoped.Under(township).Ties
                             join c in db.Cadres.AsNoTracking() on t.CadreId equals c.Id
                             where t.Year == year && t.Until == null && t.Kind == TieKind.BackwardVillage
                             select new { t.DivisionCode, c.Name }).ToListAsync(ct))
            .ToLookup(x => x.DivisionCode, x => x.Name);
        return VillageRanking.Rank(policy.Backward, places).Select(r => (r, takers[r.Village.Code].ToList())).ToList();
    }

    /// <summary>
    /// The ties of the year in a division's subtree ended since the plan was last made (a cadre who
    /// retired or moved, a unit merged, a hand edit): what the next re-plan must place again.
    /// </summary>
    public async Task<List<TieRow>> ToReplanAsync(string code, int year, CancellationToken ct)
    {
        if (!scoped.Covers(code))
        {
            return [];
        }
        var key = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        DateTimeOffset since;
        using (Unscoped.Section("the time of the year's last plan run: an entry of no division"))
        {
            var last = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "plan.liaisons" && e.EntityKey == key).OrderByDescending(e => e.Id)
                .Select(e => (DateTimeOffset?)e.At).FirstOrDefaultAsync(ct);
            since = last ?? DateTimeOffset.MinValue;
        }
        // A village merged into one under the division (a newer NBS list) had its ties ended: the village it merged into is to re-plan.
        var merged = await scoped.Divisions.Where(d => d.MergedInto != null && d.MergedInto.StartsWith(code)).Select(d => d.Code).ToListAsync(ct);
        var ended = merged.Count == 0 ? scoped.Under(code).Ties : scoped.Under(code).Ties.Union(scoped.Ties.Where(t => merged.Contains(t.DivisionCode)));
        return await RowsAsync(ended.Where(t => t.Year == year && t.Until != null && t.ChangedAt > since), ct);
    }

    /// <summary>What the village profiles under the division lack for the plan (grades, coordinates).</summary>
    public async Task<ProfileGaps> GapsAsync(string code, CancellationToken ct)
    {
        var villages = await scoped.Under(code).Divisions.Where(d => d.Level == DivisionLevel.Village && d.WithdrawnOn == null)
            .Select(d => new Place(d.Code, d.Name, d.Level, d.VillageKind, d.VillageType, d.PartyOrgGrade, d.Latitude, d.Longitude)).ToListAsync(ct);
        return ProfileGaps.Of(villages);
    }

    /// <summary>The year's violations that involve a place in the division's subtree.</summary>
    public async Task<(CheckResult Check, List<Violation> Here)> ViolationsAsync(string code, int year, CancellationToken ct)
    {
        if (!scoped.Covers(code))
        {
            return (new CheckResult([], new Coverage(0, 0), new Dictionary<TieKind, int>()), []);
        }
        var (check, _, _) = await LiaisonStore.CheckAsync(db, year, ct);
        return (check, check.Violations.Where(v => v.Concerns(code)).ToList());
    }

    private async Task<List<TieRow>> RowsAsync(IQueryable<LiaisonTie> ties, CancellationToken ct)
    {
        var rows = await (from t in ties.AsNoTracking()
                          join d in scoped.Names on t.DivisionCode equals d.Code
                          join c in db.Cadres.AsNoTracking() on t.CadreId equals c.Id into cs
                          from c in cs.DefaultIfEmpty()
                          join u in scoped.UnitNames on t.UnitId ?? c.UnitId equals u.Id into us
                          from u in us.DefaultIfEmpty()
                          orderby t.Until != null, t.Kind, t.Id
                          select new { t, CadreCode = c == null ? null : c.Code, CadreName = c == null ? null : c.Name, Rank = c == null ? (CadreRank?)null : c.Rank, UnitCode = u == null ? null : u.Code, UnitName = u == null ? null : u.Name, d.Name, d.Level })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.t.Id).ToList();
        var days = await db.PlannedStays.AsNoTracking().Where(s => ids.Contains(s.TieId)).GroupBy(s => s.TieId)
            .Select(g => new { g.Key, Days = g.Sum(s => s.Days) }).ToDictionaryAsync(x => x.Key, x => x.Days, ct);
        return rows.Select(r => new TieRow(r.t, r.CadreCode, r.CadreName, r.Rank, r.UnitCode, r.UnitName, r.Name, r.Level, days.GetValueOrDefault(r.t.Id))).ToList();
    }
}
