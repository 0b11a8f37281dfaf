using System.Collections.Concurrent;
using Liaison.Data.Access;
using Liaison.Data.Policy;
using Liaison.Domain.Divisions;
using Liaison.Domain.Field;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Field;

/// <summary>
/// What checking one cadre's field records needs from the database: the villages the cadre is tied
/// to, serves as First Secretary or takes part in through the unit's pairing or a work team in each year
/// (or where a household they are responsible for helping lives), their households, and this year's field rules.
/// </summary>
public sealed class CadreScope
{
    private readonly Dictionary<int, HashSet<string>> _villages;
    private readonly Dictionary<int, HashSet<string>> _secretaryVillages;
    private readonly Dictionary<int, HashSet<string>> _pairedVillages;
    private readonly Dictionary<int, Dictionary<string, DivisionLevel>> _teamVillages;
    private readonly Dictionary<long, string> _households;

    private CadreScope(Dictionary<int, HashSet<string>> villages, Dictionary<int, HashSet<string>> secretaryVillages, Dictionary<int, HashSet<string>> pairedVillages,
        Dictionary<int, Dictionary<string, DivisionLevel>> teamVillages, Dictionary<long, string> households, FieldRules rules)
    {
        _villages = villages;
        _secretaryVillages = secretaryVillages;
        _pairedVillages = pairedVillages;
        _teamVillages = teamVillages;
        _households = households;
        Rules = rules;
    }

    public FieldRules Rules { get; }

    public IReadOnlyCollection<int> Years => _villages.Keys;

    public bool Serves(int year, string village) => _villages.TryGetValue(year, out var v) && v.Contains(village);

    public bool IsSecretary(int year, string village) => _secretaryVillages.TryGetValue(year, out var v) && v.Contains(village);

    /// <summary>Whether the village is one the cadre's unit is paired with (the cadre takes part as a member of the pairing).</summary>
    public bool IsPaired(int year, string village) => _pairedVillages.TryGetValue(year, out var v) && v.Contains(village);

    /// <summary>The level of the work team through which the cadre takes part in the village (the nearest team, a village's group before a township's team); null for none.</summary>
    public DivisionLevel? TeamOf(int year, string village) => _teamVillages.TryGetValue(year, out var v) && v.TryGetValue(village, out var level) ? level : null;

    public IReadOnlyList<string> VillagesIn(int year) => _villages.TryGetValue(year, out var v) ? v.Order(StringComparer.Ordinal).ToList() : [];

    /// <summary>The village of a household in one of the cadre's villages; null for any other household.</summary>
    public string? VillageOf(long household) => _households.GetValueOrDefault(household);

    public static async Task<CadreScope> LoadAsync(LiaisonDb db, int cadreId, int year, CancellationToken ct)
    {
        using var outside = Unscoped.Section("a cadre's own villages: their ties, postings and unit's pairings");
        var ties = await db.LiaisonTies.AsNoTracking().Where(t => t.CadreId == cadreId && t.DivisionCode.Length == 12)
            .Select(t => new { t.Year, t.DivisionCode }).ToListAsync(ct);
        var postings = await db.SecretaryPostings.AsNoTracking().Where(p => p.CadreId == cadreId)
            .Select(p => new { p.Year, p.VillageCode }).ToListAsync(ct);
        var paired = await PairedVillagesAsync(db, cadreId, ct);
        var teams = await TeamVillagesAsync(db, cadreId, ct);
        // 结对帮扶: the responsible cadre follows an open plan up with visits, wherever its household lives.
        var helped = (await db.HelpPlans.AsNoTracking().Where(p => p.CadreId == cadreId && p.Status == HelpPlanStatus.Open)
            .Select(p => new { p.Year, p.VillageCode }).ToListAsync(ct)).Select(p => (p.Year, Village: p.VillageCode));
        var villages = ties.Select(t => (t.Year, Village: t.DivisionCode)).Concat(postings.Select(p => (p.Year, Village: p.VillageCode))).Concat(paired)
            .Concat(teams.Select(t => (t.Year, t.Village))).Concat(helped)
            .GroupBy(x => x.Year).ToDictionary(g => g.Key, g => g.Select(x => x.Village).ToHashSet(StringComparer.Ordinal));
        var secretary = postings.GroupBy(p => p.Year).ToDictionary(g => g.Key, g => g.Select(p => p.VillageCode).ToHashSet(StringComparer.Ordinal));
        var pairedVillages = paired.GroupBy(p => p.Year).ToDictionary(g => g.Key, g => g.Select(p => p.Village).ToHashSet(StringComparer.Ordinal));
        var teamVillages = teams.GroupBy(t => t.Year).ToDictionary(g => g.Key,
            g => g.GroupBy(t => t.Village, StringComparer.Ordinal).ToDictionary(v => v.Key, v => v.Max(t => t.Level), StringComparer.Ordinal));
        var codes = villages.Values.SelectMany(v => v).Distinct().ToList();
        var households = await db.Households.AsNoTracking().Where(h => codes.Contains(h.VillageCode)).Select(h => new { h.Id, h.VillageCode }).ToDictionaryAsync(h => h.Id, h => h.VillageCode, ct);
        var rules = (await PolicyStore.GetAsync(db, year, ct)).Policy.Field;
        return new CadreScope(villages, secretary, pairedVillages, teamVillages, households, rules);
    }

    /// <summary>
    /// The villages of the work teams the cadre belongs to (工作团, 工作队, 工作组): every village of the
    /// county, township or village the team is stationed in, in the team's year.
    /// </summary>
    private static async Task<List<(int Year, string Village, DivisionLevel Level)>> TeamVillagesAsync(LiaisonDb db, int cadreId, CancellationToken ct)
    {
        var teams = await (from m in db.WorkTeamMembers.AsNoTracking()
                           join t in db.WorkTeams.AsNoTracking() on m.TeamId equals t.Id
                           where m.CadreId == cadreId
                           select new { t.Year, t.DivisionCode }).Distinct().ToListAsync(ct);
        var found = new List<(int, string, DivisionLevel)>();
        foreach (var team in teams)
        {
            var code = team.DivisionCode;
            var level = DivisionCode.LevelOfLength(code.Length) ?? DivisionLevel.Village;
            found.AddRange((await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Village && d.WithdrawnOn == null && d.Code.StartsWith(code))
                .Select(d => d.Code).ToListAsync(ct)).Select(v => (team.Year, v, level)));
        }
        return found;
    }

    /// <summary>
    /// The villages the cadre's unit is paired with (联建村), in the years whose policy lets every
    /// member take part (<see cref="PairingRules.MembersTakePart"/>): the cadre records stays and
    /// visits there as in a village of their own tie.
    /// </summary>
    private static async Task<List<(int Year, string Village)>> PairedVillagesAsync(LiaisonDb db, int cadreId, CancellationToken ct)
    {
        var pairings = await (from c in db.Cadres.AsNoTracking()
                              join t in db.LiaisonTies.AsNoTracking() on c.UnitId equals t.UnitId
                              where c.Id == cadreId && c.Status == CadreStatus.Active && t.Kind == TieKind.Pairing && t.DivisionCode.Length == 12
                              select new { t.Year, t.DivisionCode }).ToListAsync(ct);
        var found = new List<(int, string)>();
        foreach (var year in pairings.Select(p => p.Year).Distinct())
        {
            if ((await PolicyStore.GetAsync(db, year, ct)).Policy.Pairing.MembersTakePart)
            {
                found.AddRange(pairings.Where(p => p.Year == year).Select(p => (p.Year, p.DivisionCode)));
            }
        }
        return found;
    }
}

/// <summary>
/// Keeps each cadre's <see cref="CadreScope"/> for <see cref="Lifetime"/>, so that a phone syncing
/// record after record does not read the same ties and households every time. A new tie, household
/// or policy reaches the checks within that time; the server's one instance is shared by all requests.
/// </summary>
public sealed class CadreScopeCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<(int Cadre, int Year), (CadreScope Scope, DateTimeOffset Expires)> _entries = new();

    public async Task<CadreScope> GetAsync(LiaisonDb db, int cadreId, int year, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue((cadreId, year), out var entry) && entry.Expires > now)
        {
            return entry.Scope;
        }
        var scope = await CadreScope.LoadAsync(db, cadreId, year, ct);
        _entries[(cadreId, year)] = (scope, now + Lifetime);
        if (_entries.Count > 100_000)
        {
            foreach (var stale in _entries.Where(e => e.Value.Expires <= now).Select(e => e.Key).ToList())
            {
                _entries.TryRemove(stale, out _);
            }
        }
        return scope;
    }
}

/// <summary>One request's view: the author, the time, and the author's cadre scope (narrowed to an office's jurisdiction when it records on a cadre's behalf).</summary>
public sealed class FieldContext : IFieldFacts
{
    private readonly CadreScope _scope;

    private FieldContext(FieldAuthor author, CadreScope scope, DateTimeOffset now)
    {
        Author = author;
        _scope = scope;
        Now = now;
    }

    public FieldAuthor Author { get; }
    public FieldRules Rules => _scope.Rules;
    public DateTimeOffset Now { get; }
    public DateOnly Today => ChinaTime.DateOf(Now);

    /// <summary>The latest moment a record may carry: now, plus the phone clock's allowed lead.</summary>
    public DateTimeOffset Latest => Now.AddMinutes(Rules.ClockSkewMinutes);

    public IReadOnlyCollection<int> Years => _scope.Years;

    public bool Serves(int year, string village) => _scope.Serves(year, village) && (Author.Within?.Invoke(village) ?? true);

    public bool IsSecretary(int year, string village) => Serves(year, village) && _scope.IsSecretary(year, village);

    public bool IsPaired(int year, string village) => Serves(year, village) && _scope.IsPaired(year, village);

    public DivisionLevel? TeamOf(int year, string village) => Serves(year, village) ? _scope.TeamOf(year, village) : null;

    public IReadOnlyList<string> VillagesIn(int year) => _scope.VillagesIn(year).Where(v => Author.Within?.Invoke(v) ?? true).ToList();

    public string? VillageOf(long household) => _scope.VillageOf(household);

    public static async Task<FieldContext> LoadAsync(LiaisonDb db, TimeProvider clock, FieldAuthor author, CadreScopeCache? cache, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var year = ChinaTime.DateOf(now).Year;
        var scope = cache is null ? await CadreScope.LoadAsync(db, author.CadreId, year, ct) : await cache.GetAsync(db, author.CadreId, year, ct);
        return new FieldContext(author, scope, now);
    }
}
