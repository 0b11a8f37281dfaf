using System.Data.Common;
using Liaison.Data.Access;
using Liaison.Data.Database;
using Liaison.Domain.Divisions;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Liaison.Data.Reporting;

/// <summary>
/// Keeps <see cref="DivisionRollup"/> rows equal to what the raw records say. Called inside the
/// transaction of every write that changes a counted record, so that readers never see a
/// half-updated picture.
/// </summary>
public static class RollupStore
{
    /// <summary>Why this reads outside a scope: see <see cref="Unscoped"/>.</summary>
    private const string Reach = "the rollups: every division's figures, for the whole city";

    private const int ThreeOlds = (int)HouseholdCategories.ThreeOlds;
    private const int ThreeKinds = (int)HouseholdCategories.ThreeHouseholds;
    private const int Poor = (int)HouseholdCategory.Poor;

    /// <summary>Recomputes every indicator for every division. Needs an open transaction.</summary>
    public static Task RefreshAsync(LiaisonDb db, CancellationToken ct) => RefreshAsync(db, RollupFamily.All, ct);

    /// <summary>
    /// Recomputes the indicators of some families only: a tie edited by hand need not recount
    /// 1.8 million households. Needs an open transaction.
    /// </summary>
    public static async Task RefreshAsync(LiaisonDb db, RollupFamily families, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var values = Rollup.ToAllLevels(await LeavesAsync(db, families, ct));
        if (families == RollupFamily.All)
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM division_rollups", ct);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM division_months", ct);
        }
        else
        {
            var ids = IndicatorsOf(families);
            await db.Rollups.Where(r => ids.Contains(r.IndicatorId)).ExecuteDeleteAsync(ct);
            await db.RollupMonths.Where(r => ids.Contains(r.IndicatorId)).ExecuteDeleteAsync(ct);
        }
        var spec = TableSpec.For<DivisionRollup>(db, [nameof(DivisionRollup.DivisionCode), nameof(DivisionRollup.IndicatorId)],
            nameof(DivisionRollup.DivisionCode), nameof(DivisionRollup.IndicatorId), nameof(DivisionRollup.Value));
        await BulkWriter.UpsertAsync(db, spec,
            values.Where(v => v.Month == 0).Select(v => new DivisionRollup { DivisionCode = v.DivisionCode, IndicatorId = v.IndicatorId, Value = v.Value }), null, ct);
        var months = TableSpec.For<DivisionMonth>(db, [nameof(DivisionMonth.DivisionCode), nameof(DivisionMonth.IndicatorId), nameof(DivisionMonth.Month)],
            nameof(DivisionMonth.DivisionCode), nameof(DivisionMonth.IndicatorId), nameof(DivisionMonth.Month), nameof(DivisionMonth.Value));
        await BulkWriter.UpsertAsync(db, months,
            values.Where(v => v.Month != 0).Select(v => new DivisionMonth { DivisionCode = v.DivisionCode, IndicatorId = v.IndicatorId, Month = v.Month, Value = v.Value }), null, ct);
    }

    /// <summary>
    /// Adds differences to the stored values (rows appear as needed): the drainer's way of keeping
    /// the rollups current without recounting the tree. Needs an open transaction.
    /// </summary>
    public static async Task AddAsync(LiaisonDb db, IEnumerable<RollupValue> deltas, CancellationToken ct)
    {
        foreach (var chunk in deltas.Where(d => d.Value != 0 && d.Month == 0).Chunk(500))
        {
            var values = string.Join(", ", chunk.Select((_, i) => $"({{{3 * i}}}, {{{(3 * i) + 1}}}, {{{(3 * i) + 2}}})"));
            var sql = $"INSERT INTO division_rollups (division_code, indicator_id, value) VALUES {values} ON CONFLICT (division_code, indicator_id) DO UPDATE SET value = division_rollups.value + excluded.value";
            await db.Database.ExecuteSqlRawAsync(sql, chunk.SelectMany(d => new object[] { d.DivisionCode, d.IndicatorId, d.Value }), ct);
        }
        foreach (var chunk in deltas.Where(d => d.Value != 0 && d.Month != 0).Chunk(400))
        {
            var values = string.Join(", ", chunk.Select((_, i) => $"({{{4 * i}}}, {{{(4 * i) + 1}}}, {{{(4 * i) + 2}}}, {{{(4 * i) + 3}}})"));
            var sql = $"INSERT INTO division_months (division_code, indicator_id, month, value) VALUES {values} ON CONFLICT (division_code, indicator_id, month) DO UPDATE SET value = division_months.value + excluded.value";
            await db.Database.ExecuteSqlRawAsync(sql, chunk.SelectMany(d => new object[] { d.DivisionCode, d.IndicatorId, d.Month, d.Value }), ct);
        }
    }

    /// <summary>The indicators a family computes.</summary>
    public static List<string> IndicatorsOf(RollupFamily families)
    {
        var ids = new List<Indicator>();
        if (families.HasFlag(RollupFamily.Divisions))
        {
            ids.AddRange([Indicators.Counties, Indicators.Townships, Indicators.Villages, Indicators.Communities, Indicators.BackwardVillages]);
        }
        if (families.HasFlag(RollupFamily.People))
        {
            ids.AddRange([Indicators.Units, Indicators.Cadres, Indicators.PoliceOfficers, Indicators.ReserveCadres]);
        }
        if (families.HasFlag(RollupFamily.Households))
        {
            ids.AddRange([Indicators.Households, Indicators.Residents, Indicators.ThreeOldsHouseholds, Indicators.ThreeKindsHouseholds, Indicators.PoorHouseholds]);
        }
        if (families.HasFlag(RollupFamily.Liaisons))
        {
            ids.AddRange(LiaisonIndicators.Values.Distinct());
            ids.AddRange([Indicators.CoveredVillages, Indicators.TiesWithCadre]);
        }
        if (families.HasFlag(RollupFamily.Secretaries))
        {
            ids.AddRange([Indicators.SecretariesCity, Indicators.SecretariesCounty, Indicators.SecretariesTownship, Indicators.VillagesWithSecretary,
                Indicators.VillagesNeedingSecretary, Indicators.NeedyVillagesWithSecretary, Indicators.SupportFunds, Indicators.SupportRecords]);
        }
        if (families.HasFlag(RollupFamily.Field))
        {
            ids.AddRange(Field.FieldRollups.Indicators);
        }
        return ids.Select(i => i.Id).ToList();
    }

    public static Task<List<RollupValue>> LeavesAsync(LiaisonDb db, CancellationToken ct) => LeavesAsync(db, RollupFamily.All, ct);

    /// <summary>
    /// Each indicator's values where they are recorded (the lowest division that carries them),
    /// computed from raw records. <see cref="Rollup.ToAllLevels"/> sums them up the tree.
    /// </summary>
    public static async Task<List<RollupValue>> LeavesAsync(LiaisonDb db, RollupFamily families, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var leaves = new List<RollupValue>();
        if (families.HasFlag(RollupFamily.Divisions))
        {
            await DivisionLeavesAsync(db, leaves, ct);
        }
        if (families.HasFlag(RollupFamily.People))
        {
            await PeopleLeavesAsync(db, leaves, ct);
        }
        if (families.HasFlag(RollupFamily.Households))
        {
            await HouseholdLeavesAsync(db, leaves, ct);
        }
        if (families.HasFlag(RollupFamily.Liaisons))
        {
            await LiaisonLeavesAsync(db, leaves, ct);
        }
        if (families.HasFlag(RollupFamily.Secretaries))
        {
            await SecretaryLeavesAsync(db, leaves, ct);
        }
        if (families.HasFlag(RollupFamily.Field))
        {
            leaves.AddRange(await Field.FieldRollups.LeavesAsync(db, null, ct));
        }
        return leaves;
    }

    private static async Task DivisionLeavesAsync(LiaisonDb db, List<RollupValue> leaves, CancellationToken ct)
    {
        // Divisions are counted at their parent: a village row carries no "villages" figure itself.
        await ReadAsync(db, $"""
            SELECT parent_code, level, village_kind, party_org_grade, count(*) FROM divisions
            WHERE parent_code IS NOT NULL AND level >= {(int)DivisionLevel.County}
            GROUP BY parent_code, level, village_kind, party_org_grade
            """, r =>
        {
            var parent = r.GetString(0);
            var level = (DivisionLevel)r.GetInt32(1);
            var n = r.GetInt64(4);
            var indicator = level switch
            {
                DivisionLevel.County => Indicators.Counties,
                DivisionLevel.Township => Indicators.Townships,
                _ when !r.IsDBNull(2) && r.GetInt32(2) == (int)VillageKind.Community => Indicators.Communities,
                _ => Indicators.Villages,
            };
            leaves.Add(new(parent, indicator.Id, n));
            if (level == DivisionLevel.Village && !r.IsDBNull(3) && r.GetInt32(3) == (int)PartyOrgGrade.Backward)
            {
                leaves.Add(new(parent, Indicators.BackwardVillages.Id, n));
            }
        }, ct);
    }

    private static async Task PeopleLeavesAsync(LiaisonDb db, List<RollupValue> leaves, CancellationToken ct, int? unitId = null)
    {
        if (unitId is null)
        {
            await ReadAsync(db, "SELECT division_code, count(*) FROM units GROUP BY division_code",
                r => leaves.Add(new(r.GetString(0), Indicators.Units.Id, r.GetInt64(1))), ct);
        }
        await ReadAsync(db, $"""
            SELECT u.division_code, count(*),
                   sum(CASE WHEN c.is_police THEN 1 ELSE 0 END), sum(CASE WHEN c.is_reserve THEN 1 ELSE 0 END)
            FROM cadres c JOIN units u ON u.id = c.unit_id{(unitId is { } u ? $" WHERE u.id = {u}" : "")} GROUP BY u.division_code
            """, r =>
        {
            var code = r.GetString(0);
            leaves.Add(new(code, Indicators.Cadres.Id, r.GetInt64(1)));
            leaves.Add(new(code, Indicators.PoliceOfficers.Id, r.GetInt64(2)));
            leaves.Add(new(code, Indicators.ReserveCadres.Id, r.GetInt64(3)));
        }, ct);
    }

    private static async Task HouseholdLeavesAsync(LiaisonDb db, List<RollupValue> leaves, CancellationToken ct)
    {
        await ReadAsync(db, $"""
            SELECT village_code, count(*), sum(member_count),
                   sum(CASE WHEN (categories & {ThreeOlds}) <> 0 THEN 1 ELSE 0 END),
                   sum(CASE WHEN (categories & {ThreeKinds}) <> 0 THEN 1 ELSE 0 END),
                   sum(CASE WHEN (categories & {Poor}) <> 0 THEN 1 ELSE 0 END)
            FROM households GROUP BY village_code
            """, r =>
        {
            var code = r.GetString(0);
            leaves.Add(new(code, Indicators.Households.Id, r.GetInt64(1)));
            leaves.Add(new(code, Indicators.Residents.Id, r.GetInt64(2)));
            leaves.Add(new(code, Indicators.ThreeOldsHouseholds.Id, r.GetInt64(3)));
            leaves.Add(new(code, Indicators.ThreeKindsHouseholds.Id, r.GetInt64(4)));
            leaves.Add(new(code, Indicators.PoorHouseholds.Id, r.GetInt64(5)));
        }, ct);
    }

    /// <summary>The newest year's First Secretaries in post, counted at their villages by the level that sent them.</summary>
    private static async Task SecretaryLeavesAsync(LiaisonDb db, List<RollupValue> leaves, CancellationToken ct, int? unitId = null)
    {
        var ofUnit = CadresOf(unitId, "p.cadre_id");
        var byLevel = new Dictionary<int, Indicator>
        {
            [(int)Domain.Secretaries.DispatchLevel.City] = Indicators.SecretariesCity,
            [(int)Domain.Secretaries.DispatchLevel.County] = Indicators.SecretariesCounty,
            [(int)Domain.Secretaries.DispatchLevel.Township] = Indicators.SecretariesTownship,
        };
        var villages = new HashSet<string>(StringComparer.Ordinal);
        await ReadAsync(db, $"""
            SELECT p.village_code, c.level, count(*)
            FROM secretary_postings p JOIN secretary_calls c ON c.id = p.call_id
            WHERE p.until IS NULL AND p.year = (SELECT max(year) FROM secretary_postings WHERE until IS NULL){ofUnit}
            GROUP BY p.village_code, c.level
            """, r =>
        {
            var code = r.GetString(0);
            leaves.Add(new(code, byLevel[r.GetInt32(1)].Id, r.GetInt64(2)));
            if (villages.Add(code))
            {
                leaves.Add(new(code, Indicators.VillagesWithSecretary.Id, 1));
            }
        }, ct);
        await ReadAsync(db, $"""
            SELECT p.village_code, s.kind, count(*), sum(s.amount)
            FROM secretary_supports s JOIN secretary_postings p ON p.id = s.posting_id
            WHERE p.year = (SELECT max(year) FROM secretary_postings WHERE until IS NULL){ofUnit}
            GROUP BY p.village_code, s.kind
            """, r =>
        {
            var code = r.GetString(0);
            leaves.Add(new(code, Indicators.SupportRecords.Id, r.GetInt64(2)));
            if (r.GetInt32(1) == (int)Domain.Secretaries.SupportKind.Funds)
            {
                // Amounts are kept to the fen; the figure is whole yuan.
                leaves.Add(new(code, Indicators.SupportFunds.Id, (long)Math.Round(Convert.ToDecimal(r.GetValue(3), System.Globalization.CultureInfo.InvariantCulture))));
            }
        }, ct);
        if (unitId is null)
        {
            await NeedLeavesAsync(db, leaves, villages, ct);
        }
    }

    /// <summary>Villages needing a First Secretary under the policy of the newest year with calls, and those of them with one in post.</summary>
    private static async Task NeedLeavesAsync(LiaisonDb db, List<RollupValue> leaves, HashSet<string> withSecretary, CancellationToken ct)
    {
        var year = await db.SecretaryCalls.MaxAsync(c => (int?)c.Year, ct);
        if (year is null)
        {
            return;
        }
        var rules = (await Policy.PolicyStore.GetAsync(db, year.Value, ct)).Policy.FirstSecretaries;
        var villages = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Village)
            .Select(d => new Place(d.Code, d.Name, d.Level, d.VillageKind, d.VillageType, d.PartyOrgGrade, null, null)).ToListAsync(ct);
        foreach (var village in villages.Where(rules.Needs))
        {
            leaves.Add(new(village.Code, Indicators.VillagesNeedingSecretary.Id, 1));
            if (withSecretary.Contains(village.Code))
            {
                leaves.Add(new(village.Code, Indicators.NeedyVillagesWithSecretary.Id, 1));
            }
        }
    }

    /// <summary>Which indicator counts a village-level tie: contact points by the leader's rank, other kinds by kind.</summary>
    private static readonly Dictionary<(TieKind, CadreRank?), Indicator> LiaisonIndicators = new()
    {
        [(TieKind.ContactPoint, CadreRank.CityLeader)] = Indicators.CityLeaderPoints,
        [(TieKind.ContactPoint, CadreRank.CountyLeader)] = Indicators.CountyLeaderPoints,
        [(TieKind.ContactPoint, CadreRank.UnitLeader)] = Indicators.UnitLeaderPoints,
        [(TieKind.Pairing, null)] = Indicators.Pairings,
        [(TieKind.BackwardVillage, null)] = Indicators.BackwardTaken,
        [(TieKind.Police, null)] = Indicators.PoliceLiaisons,
        [(TieKind.Stationed, null)] = Indicators.StationedCadres,
    };

    /// <summary>
    /// The newest year's plan, counted at the villages it ties (a leader's county and township
    /// links are not contact points of their own). Reports for other years read the ties themselves.
    /// </summary>
    private static async Task LiaisonLeavesAsync(LiaisonDb db, List<RollupValue> leaves, CancellationToken ct, int? unitId = null)
    {
        // A unit's ties: those of its cadres and its own (a pairing is the unit's party organisation's).
        var ofUnit = unitId is { } u ? $" AND (t.unit_id = {u} OR t.cadre_id IN {CadresOfUnit(u)})" : "";
        var covered = new HashSet<string>(StringComparer.Ordinal);
        await ReadAsync(db, $"""
            SELECT t.division_code, t.kind, c.rank, count(*), count(t.cadre_id)
            FROM liaison_ties t JOIN divisions d ON d.code = t.division_code LEFT JOIN cadres c ON c.id = t.cadre_id
            WHERE t.until IS NULL AND d.level = {(int)DivisionLevel.Village}
              AND t.year = (SELECT max(year) FROM liaison_ties WHERE until IS NULL){ofUnit}
            GROUP BY t.division_code, t.kind, c.rank
            """, r =>
        {
            var code = r.GetString(0);
            var kind = (TieKind)r.GetInt32(1);
            CadreRank? rank = kind == TieKind.ContactPoint && !r.IsDBNull(2) ? (CadreRank)r.GetInt32(2) : null;
            if (LiaisonIndicators.TryGetValue((kind, rank), out var indicator))
            {
                leaves.Add(new(code, indicator.Id, r.GetInt64(3)));
            }
            leaves.Add(new(code, Indicators.TiesWithCadre.Id, r.GetInt64(4)));
            if (covered.Add(code))
            {
                leaves.Add(new(code, Indicators.CoveredVillages.Id, 1));
            }
        }, ct);
    }

    /// <summary>
    /// A unit's own figures, counted from the records (units are small; no rollup keeps them): its
    /// cadres, the ties it and they hold, the First Secretaries it sent, and its cadres' field work
    /// and cases for the period. Summed over the villages they fall in.
    /// </summary>
    public static async Task<ReportFigures> UnitFiguresAsync(LiaisonDb db, int unitId, ReportPeriod? period, CancellationToken ct)
    {
        var leaves = new List<RollupValue>();
        await PeopleLeavesAsync(db, leaves, ct, unitId);
        await LiaisonLeavesAsync(db, leaves, ct, unitId);
        await SecretaryLeavesAsync(db, leaves, ct, unitId);
        leaves.AddRange(await Field.FieldRollups.LeavesAsync(db, null, ct, period, unitId));
        return new ReportFigures(leaves.Where(l => l.Month == 0).GroupBy(l => l.IndicatorId).ToDictionary(g => g.Key, g => g.Sum(l => l.Value), StringComparer.Ordinal));
    }

    /// <summary>" AND column IN (the unit's cadres)", or nothing without a unit.</summary>
    internal static string CadresOf(int? unitId, string column) =>
        unitId is { } u ? $" AND {column} IN {CadresOfUnit(u)}" : "";

    private static string CadresOfUnit(int unitId) => $"(SELECT id FROM cadres WHERE unit_id = {unitId})";

    internal static async Task ReadAsync(LiaisonDb db, string sql, Action<DbDataReader> row, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            row(reader);
        }
    }

    /// <summary>The stored figures of one division, by indicator id; missing means zero.</summary>
    public static async Task<Dictionary<string, long>> ForDivisionAsync(LiaisonDb db, string code, CancellationToken ct) =>
        await db.Rollups.AsNoTracking().Where(r => r.DivisionCode == code).ToDictionaryAsync(r => r.IndicatorId, r => r.Value, ct);
}

/// <summary>Groups of indicators computed from the same records, refreshed together.</summary>
[Flags]
public enum RollupFamily
{
    Divisions = 1,
    People = 2,
    Households = 4,
    Liaisons = 8,
    Secretaries = 16,
    /// <summary>Stays, visits and First Secretary activities; also kept current by <see cref="Field.FieldRollups.DrainAsync"/>.</summary>
    Field = 32,
    All = Divisions | People | Households | Liaisons | Secretaries | Field,
}
