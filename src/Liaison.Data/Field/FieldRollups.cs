using Liaison.Data.Access;
using Liaison.Data.Database.Sql;
using Liaison.Data.Policy;
using Liaison.Data.Reporting;
using Liaison.Data.Reporting.Formulas;
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
    /// <summary>The field family's indicators; all are counted at villages (<see cref="IndicatorFormulas.FieldIndicators"/>).</summary>
    public static IReadOnlyList<Indicator> Indicators => IndicatorFormulas.FieldIndicators;

    private const long DrainLock = 0x4C49_4149_534F_4E02;

    /// <summary>Marks villages for the drainer, inside the writer's transaction: one statement for all of them.</summary>
    public static async Task MarkAsync(LiaisonDb db, IEnumerable<string> villages, CancellationToken ct)
    {
        var codes = villages.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (codes.Count == 0)
        {
            return;
        }
        // Sorted, so that two writers marking the same villages lock them in the same order; each mark adds one to the village's version.
        await DatabaseSql.For(db).AccumulateAsync("field_dirty", ["village_code"], "version", codes.Select(c => new object[] { c, 1L }), ct);
    }

    /// <summary>The programme year the rollups count: the newest year of the liaison plan.</summary>
    public static async Task<int?> YearAsync(LiaisonDb db, CancellationToken ct)
    {
        using var outside = Unscoped.Section("the newest plan year: a fact of the whole programme");
        return await db.LiaisonTies.Where(t => t.Until == null).MaxAsync(t => (int?)t.Year, ct);
    }

    /// <summary>
    /// One round of the drainer: recounts the marked villages and the marked cadres
    /// (<see cref="ParticipationRollups"/>) and applies the differences. Returns how many were recounted.
    /// </summary>
    public static async Task<int> DrainAsync(LiaisonDb db, CancellationToken ct) =>
        await DrainVillagesAsync(db, ct) + await ParticipationRollups.DrainAsync(db, ct);

    private static async Task<int> DrainVillagesAsync(LiaisonDb db, CancellationToken ct)
    {
        using var outside = Unscoped.Section("the rollups: every marked village's figures, for the whole city");
        var dirty = await db.FieldDirty.AsNoTracking().OrderBy(d => d.VillageCode).Take(2_000).ToListAsync(ct);
        if (dirty.Count == 0)
        {
            return 0;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await DatabaseSql.For(db).LockAsync(DrainLock, ct);
        var villages = dirty.Select(d => d.VillageCode).ToList();
        var ids = Indicators.Select(i => i.Id).ToList();
        var fresh = (await LeavesAsync(db, villages, ct)).ToDictionary(l => (l.DivisionCode, l.IndicatorId, l.Month), l => l.Value);
        var stored = await db.Rollups.AsNoTracking().Where(r => villages.Contains(r.DivisionCode) && ids.Contains(r.IndicatorId))
            .ToDictionaryAsync(r => (r.DivisionCode, r.IndicatorId, 0), r => r.Value, ct);
        foreach (var r in await db.RollupMonths.AsNoTracking().Where(r => villages.Contains(r.DivisionCode) && ids.Contains(r.IndicatorId)).ToListAsync(ct))
        {
            stored[(r.DivisionCode, r.IndicatorId, r.Month)] = r.Value;
        }
        var deltas = new List<RollupValue>();
        foreach (var key in fresh.Keys.Union(stored.Keys))
        {
            var delta = fresh.GetValueOrDefault(key) - stored.GetValueOrDefault(key);
            if (delta != 0)
            {
                deltas.Add(new(key.DivisionCode, key.IndicatorId, delta, key.Item3));
            }
        }
        await RollupStore.AddAsync(db, Rollup.ToAllLevels(deltas), ct);
        // Still the version read: nothing came in since, the village is clean. Otherwise it stays for the next round.
        var read = dirty.Select(d => d.VillageCode + "@" + d.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
#pragma warning disable CA1305 // translated to SQL, where a number's text has no culture
        await db.FieldDirty.Where(d => villages.Contains(d.VillageCode) && read.Contains(d.VillageCode + "@" + d.Version.ToString())).ExecuteDeleteAsync(ct);
#pragma warning restore CA1305
        await tx.CommitAsync(ct);
        return dirty.Count;
    }

    /// <summary>Drains until nothing is marked (for commands and tests that want the figures now, and what keeps them: an assessment, a year's archive).</summary>
    public static async Task DrainAllAsync(LiaisonDb db, CancellationToken ct)
    {
        while (await DrainAsync(db, ct) > 0)
        {
        }
    }

    /// <summary>
    /// The field family's values at each village (all villages, or <paramref name="villages"/>) from
    /// the raw records: for the newest plan year, or for <paramref name="period"/> (see <see cref="IndicatorFormulas"/>).
    /// </summary>
    public static Task<List<RollupValue>> LeavesAsync(LiaisonDb db, IReadOnlyCollection<string>? villages, CancellationToken ct, ReportPeriod? period = null) =>
        IndicatorFormulas.LeavesAsync(db, RollupFamily.Field, new FormulaScope(villages, period), ct);

    /// <summary>Residence days of each cadre in each village in a year, overlapping stays counted once.</summary>
    public static async Task<Dictionary<(int CadreId, string Village), int>> ResidenceDaysAsync(LiaisonDb db, int year, IReadOnlyCollection<string>? villages, CancellationToken ct) =>
        (await StaysAsync(db, year, villages, ct)).ToDictionary(kv => kv.Key, kv => kv.Value.Sum());

    /// <summary>The same days by month (element 0 is January).</summary>
    internal static async Task<Dictionary<(int CadreId, string Village), int[]>> StaysAsync(LiaisonDb db, int year, IReadOnlyCollection<string>? villages, CancellationToken ct)
    {
        var query = db.ResidenceStays.AsNoTracking().Where(s => s.Year == year);
        if (villages is not null)
        {
            query = query.Where(s => villages.Contains(s.VillageCode));
        }
        var stays = await query.Select(s => new { s.CadreId, s.VillageCode, s.Arrived, s.Left }).ToListAsync(ct);
        return stays.GroupBy(s => (s.CadreId, s.VillageCode))
            .ToDictionary(g => g.Key, g => Residence.DaysByMonth(year, g.Select(s => (s.Arrived, s.Left))));
    }

    /// <summary>
    /// Every current tie of the year that carries a residence minimum under the policy: city and
    /// county leaders' village contact points, stationed cadres when the policy sets a minimum, and
    /// First Secretaries in post.
    /// </summary>
    public static async Task<List<ResidenceRequirement>> RequirementsAsync(LiaisonDb db, int year, IReadOnlyCollection<string>? villages, CancellationToken ct)
    {
        // The villages are the caller's: read through Scoped by a page, every village for the rollups.
        using var outside = Unscoped.Section("residence minimums of the villages the caller names");
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
                .Select(p => new ResidenceRequirement(p.CadreId, p.VillageCode, Words.FirstSecretary, policy.Field.FirstSecretaryResidenceDays)));
        }
        return requirements;
    }
}
