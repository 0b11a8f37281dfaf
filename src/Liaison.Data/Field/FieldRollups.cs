using System.Globalization;
using Liaison.Data.Policy;
using Liaison.Data.Reporting;
using Liaison.Domain.Divisions;
using Liaison.Domain.Field;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Reporting;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Field;

/// <summary>
/// The field family of the rollups. Field records arrive by the thousand a second, so a write does
/// not recount: it marks its villages in <c>field_dirty</c> (in its own transaction), and
/// <see cref="DrainAsync"/> — run every second by the server — recounts those villages from the raw
/// records and adds the differences to the village and every ancestor. A full refresh computes the
/// same leaves for every village; one function computes them for both.
/// </summary>
public static class FieldRollups
{
    /// <summary>The field family's indicators; all are counted at villages.</summary>
    public static IReadOnlyList<Indicator> Indicators { get; } =
    [
        Domain.Reporting.Indicators.Visits, Domain.Reporting.Indicators.HouseholdsVisited, Domain.Reporting.Indicators.ThreeOldsVisited,
        Domain.Reporting.Indicators.ThreeKindsVisited, Domain.Reporting.Indicators.VisitIssues, Domain.Reporting.Indicators.TiesVisiting,
        Domain.Reporting.Indicators.ResidenceDays, Domain.Reporting.Indicators.ResidenceRequired, Domain.Reporting.Indicators.ResidenceMet,
        Domain.Reporting.Indicators.PartyMembersVisited, Domain.Reporting.Indicators.Questionnaires, Domain.Reporting.Indicators.Symposiums,
        Domain.Reporting.Indicators.StudyTrips, Domain.Reporting.Indicators.StudyTripPeople, Domain.Reporting.Indicators.EatLiveWorkDays,
        .. Domain.Reporting.Indicators.CaseFigures,
    ];

    private const long DrainLock = 0x4C49_4149_534F_4E02;

    /// <summary>Marks villages for the drainer, inside the writer's transaction: one statement for all of them.</summary>
    public static async Task MarkAsync(LiaisonDb db, IEnumerable<string> villages, CancellationToken ct)
    {
        var codes = villages.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (codes.Count == 0)
        {
            return;
        }
        // Sorted, so that two writers marking the same villages lock them in the same order.
        var values = string.Join(", ", codes.Select((_, i) => $"({{{i}}}, 1)"));
        // Only numbered placeholders go into the text; the codes travel as parameters.
        var sql = $"INSERT INTO field_dirty (village_code, version) VALUES {values} ON CONFLICT (village_code) DO UPDATE SET version = field_dirty.version + 1";
        await db.Database.ExecuteSqlRawAsync(sql, codes.Cast<object>(), ct);
    }

    /// <summary>The programme year the rollups count: the newest year of the liaison plan.</summary>
    public static async Task<int?> YearAsync(LiaisonDb db, CancellationToken ct) =>
        await db.LiaisonTies.Where(t => t.Until == null).MaxAsync(t => (int?)t.Year, ct);

    /// <summary>Recounts the marked villages and applies the differences. Returns the villages recounted.</summary>
    public static async Task<int> DrainAsync(LiaisonDb db, CancellationToken ct)
    {
        var dirty = await db.FieldDirty.AsNoTracking().OrderBy(d => d.VillageCode).Take(2_000).ToListAsync(ct);
        if (dirty.Count == 0)
        {
            return 0;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({DrainLock})", ct);
        }
        var villages = dirty.Select(d => d.VillageCode).ToList();
        var ids = Indicators.Select(i => i.Id).ToList();
        var fresh = (await LeavesAsync(db, villages, ct)).ToDictionary(l => (l.DivisionCode, l.IndicatorId), l => l.Value);
        var stored = await db.Rollups.AsNoTracking().Where(r => villages.Contains(r.DivisionCode) && ids.Contains(r.IndicatorId))
            .ToDictionaryAsync(r => (r.DivisionCode, r.IndicatorId), r => r.Value, ct);
        var deltas = new Dictionary<(string Code, string Indicator), long>();
        foreach (var key in fresh.Keys.Union(stored.Keys))
        {
            var delta = fresh.GetValueOrDefault(key) - stored.GetValueOrDefault(key);
            if (delta == 0)
            {
                continue;
            }
            foreach (var code in DivisionCode.Ancestors(key.DivisionCode).Prepend(key.DivisionCode))
            {
                deltas[(code, key.IndicatorId)] = deltas.GetValueOrDefault((code, key.IndicatorId)) + delta;
            }
        }
        foreach (var chunk in deltas.Where(d => d.Value != 0).Chunk(500))
        {
            var values = string.Join(", ", chunk.Select((_, i) => $"({{{3 * i}}}, {{{(3 * i) + 1}}}, {{{(3 * i) + 2}}})"));
            var sql = $"INSERT INTO division_rollups (division_code, indicator_id, value) VALUES {values} ON CONFLICT (division_code, indicator_id) DO UPDATE SET value = division_rollups.value + excluded.value";
            await db.Database.ExecuteSqlRawAsync(sql, chunk.SelectMany(d => new object[] { d.Key.Code, d.Key.Indicator, d.Value }), ct);
        }
        foreach (var chunk in dirty.Chunk(400))
        {
            // Still the version read: nothing came in since, the village is clean. Otherwise it stays for the next round.
            var pairs = string.Join(" OR ", chunk.Select((_, i) => $"(village_code = {{{2 * i}}} AND version = {{{(2 * i) + 1}}})"));
            var sql = $"DELETE FROM field_dirty WHERE {pairs}";
            await db.Database.ExecuteSqlRawAsync(sql, chunk.SelectMany(d => new object[] { d.VillageCode, d.Version }), ct);
        }
        await tx.CommitAsync(ct);
        return dirty.Count;
    }

    /// <summary>Drains until nothing is marked (for commands and tests that want the figures now).</summary>
    public static async Task DrainAllAsync(LiaisonDb db, CancellationToken ct)
    {
        while (await DrainAsync(db, ct) > 0)
        {
        }
    }

    /// <summary>
    /// The field family's values at each village (all villages, or <paramref name="villages"/>),
    /// for the newest plan year, from the raw records.
    /// </summary>
    public static async Task<List<RollupValue>> LeavesAsync(LiaisonDb db, IReadOnlyCollection<string>? villages, CancellationToken ct)
    {
        var leaves = new List<RollupValue>();
        if (await YearAsync(db, ct) is not { } year)
        {
            return leaves;
        }
        var y = year.ToString(CultureInfo.InvariantCulture);
        string In(string column) => villages is null ? "" : $" AND {column} IN ({string.Join(",", villages.Select(Quote))})";
        void Add(string code, Indicator indicator, long value)
        {
            if (value != 0)
            {
                leaves.Add(new(code, indicator.Id, value));
            }
        }
        if (villages is { Count: 0 })
        {
            return leaves;
        }
        await RollupStore.ReadAsync(db, $"SELECT village_code, count(*), count(DISTINCT household_id) FROM household_visits WHERE year = {y}{In("village_code")} GROUP BY village_code", r =>
        {
            Add(r.GetString(0), Domain.Reporting.Indicators.Visits, r.GetInt64(1));
            Add(r.GetString(0), Domain.Reporting.Indicators.HouseholdsVisited, r.GetInt64(2));
        }, ct);
        await RollupStore.ReadAsync(db, $"""
            SELECT v.village_code,
                   sum(CASE WHEN (h.categories & {(int)HouseholdCategories.ThreeOlds}) <> 0 THEN 1 ELSE 0 END),
                   sum(CASE WHEN (h.categories & {(int)HouseholdCategories.ThreeHouseholds}) <> 0 THEN 1 ELSE 0 END)
            FROM (SELECT DISTINCT village_code, household_id FROM household_visits WHERE year = {y}{In("village_code")}) v
            JOIN households h ON h.id = v.household_id
            GROUP BY v.village_code
            """, r =>
        {
            Add(r.GetString(0), Domain.Reporting.Indicators.ThreeOldsVisited, r.GetInt64(1));
            Add(r.GetString(0), Domain.Reporting.Indicators.ThreeKindsVisited, r.GetInt64(2));
        }, ct);
        await RollupStore.ReadAsync(db, $"SELECT v.village_code, count(*) FROM visit_issues i JOIN household_visits v ON v.id = i.visit_id WHERE v.year = {y}{In("v.village_code")} GROUP BY v.village_code",
            r => Add(r.GetString(0), Domain.Reporting.Indicators.VisitIssues, r.GetInt64(1)), ct);
        await RollupStore.ReadAsync(db, $"""
            SELECT t.division_code, count(*) FROM liaison_ties t
            WHERE t.year = {y} AND t.until IS NULL AND t.cadre_id IS NOT NULL{In("t.division_code")}
              AND EXISTS (SELECT 1 FROM household_visits v WHERE v.cadre_id = t.cadre_id AND v.year = {y} AND v.village_code = t.division_code)
            GROUP BY t.division_code
            """, r => Add(r.GetString(0), Domain.Reporting.Indicators.TiesVisiting, r.GetInt64(1)), ct);
        var activity = new Dictionary<ActivityKind, Indicator>
        {
            [ActivityKind.PartyMemberVisit] = Domain.Reporting.Indicators.PartyMembersVisited,
            [ActivityKind.Questionnaire] = Domain.Reporting.Indicators.Questionnaires,
            [ActivityKind.Symposium] = Domain.Reporting.Indicators.Symposiums,
            [ActivityKind.StudyTrip] = Domain.Reporting.Indicators.StudyTrips,
            [ActivityKind.EatLiveWork] = Domain.Reporting.Indicators.EatLiveWorkDays,
        };
        await RollupStore.ReadAsync(db, $"SELECT village_code, kind, sum(count), sum(people) FROM secretary_activities WHERE year = {y}{In("village_code")} GROUP BY village_code, kind", r =>
        {
            var kind = (ActivityKind)r.GetInt32(1);
            Add(r.GetString(0), activity[kind], r.GetInt64(2));
            if (kind == ActivityKind.StudyTrip)
            {
                Add(r.GetString(0), Domain.Reporting.Indicators.StudyTripPeople, r.GetInt64(3));
            }
        }, ct);

        await Cases.CaseRollups.AddLeavesAsync(db, y, In, Add, ct);

        var days = await ResidenceDaysAsync(db, year, villages, ct);
        foreach (var g in days.GroupBy(d => d.Key.Village))
        {
            Add(g.Key, Domain.Reporting.Indicators.ResidenceDays, g.Sum(d => d.Value));
        }
        foreach (var g in (await RequirementsAsync(db, year, villages, ct)).GroupBy(r => r.VillageCode))
        {
            Add(g.Key, Domain.Reporting.Indicators.ResidenceRequired, g.Count());
            Add(g.Key, Domain.Reporting.Indicators.ResidenceMet, g.Count(r => days.GetValueOrDefault((r.CadreId, r.VillageCode)) >= r.MinimumDays));
        }
        return leaves;
    }

    /// <summary>Residence days of each cadre in each village in a year, overlapping stays counted once.</summary>
    public static async Task<Dictionary<(int CadreId, string Village), int>> ResidenceDaysAsync(LiaisonDb db, int year, IReadOnlyCollection<string>? villages, CancellationToken ct)
    {
        var query = db.ResidenceStays.AsNoTracking().Where(s => s.Year == year);
        if (villages is not null)
        {
            query = query.Where(s => villages.Contains(s.VillageCode));
        }
        var stays = await query.Select(s => new { s.CadreId, s.VillageCode, s.Arrived, s.Left }).ToListAsync(ct);
        return stays.GroupBy(s => (s.CadreId, s.VillageCode))
            .ToDictionary(g => g.Key, g => Residence.DaysIn(year, g.Select(s => (s.Arrived, s.Left))));
    }

    /// <summary>
    /// Every current tie of the year that carries a residence minimum under the policy: city and
    /// county leaders' village contact points, stationed cadres when the policy sets a minimum, and
    /// First Secretaries in post.
    /// </summary>
    public static async Task<List<ResidenceRequirement>> RequirementsAsync(LiaisonDb db, int year, IReadOnlyCollection<string>? villages, CancellationToken ct)
    {
        var policy = (await PolicyStore.GetAsync(db, year, ct)).Policy;
        var minimum = new Dictionary<(TieKind, CadreRank?), (int Days, Term Role)>
        {
            [(TieKind.ContactPoint, CadreRank.CityLeader)] = (policy.ContactPoints.CityLeader.MinResidenceDays, Terms.Ranks[CadreRank.CityLeader]),
            [(TieKind.ContactPoint, CadreRank.CountyLeader)] = (policy.ContactPoints.CountyLeader.MinResidenceDays, Terms.Ranks[CadreRank.CountyLeader]),
            [(TieKind.ContactPoint, CadreRank.UnitLeader)] = (policy.ContactPoints.UnitLeader.MinResidenceDays, Terms.Ranks[CadreRank.UnitLeader]),
            [(TieKind.Stationed, null)] = (policy.Field.StationedResidenceDays, new Term("驻村干部", "stationed cadre")),
        };
        var ties = from t in db.LiaisonTies.AsNoTracking()
                   join c in db.Cadres.AsNoTracking() on t.CadreId equals c.Id
                   where t.Year == year && t.Until == null && t.DivisionCode.Length == 12 && (t.Kind == TieKind.ContactPoint || t.Kind == TieKind.Stationed)
                   select new { CadreId = c.Id, t.DivisionCode, t.Kind, c.Rank };
        if (villages is not null)
        {
            ties = ties.Where(t => villages.Contains(t.DivisionCode));
        }
        var requirements = new List<ResidenceRequirement>();
        foreach (var t in await ties.ToListAsync(ct))
        {
            if (minimum.TryGetValue((t.Kind, t.Kind == TieKind.ContactPoint ? t.Rank : null), out var m) && m.Days > 0)
            {
                requirements.Add(new ResidenceRequirement(t.CadreId, t.DivisionCode, m.Role, m.Days));
            }
        }
        if (policy.Field.FirstSecretaryResidenceDays > 0)
        {
            var postings = db.SecretaryPostings.AsNoTracking().Where(p => p.Year == year && p.Until == null);
            if (villages is not null)
            {
                postings = postings.Where(p => villages.Contains(p.VillageCode));
            }
            requirements.AddRange((await postings.Select(p => new { p.CadreId, p.VillageCode }).ToListAsync(ct))
                .Select(p => new ResidenceRequirement(p.CadreId, p.VillageCode, new Term("第一书记", "First Secretary"), policy.Field.FirstSecretaryResidenceDays)));
        }
        return requirements;
    }

    private static string Quote(string code) => code.All(char.IsAsciiDigit) ? "'" + code + "'" : throw new ArgumentException($"'{code}' is not a division code");
}
