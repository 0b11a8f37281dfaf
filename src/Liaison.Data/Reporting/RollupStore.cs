using Liaison.Data.Access;
using Liaison.Data.Database;
using Liaison.Data.Database.Sql;
using Liaison.Data.Reporting.Formulas;
using Liaison.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

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


    /// <summary>Recomputes every indicator for every division. Needs an open transaction.</summary>
    public static Task RefreshAsync(LiaisonDb db, CancellationToken ct) => RefreshAsync(db, RollupFamily.All, ct);

    /// <summary>
    /// Recomputes the indicators of some families only: a tie edited by hand need not recount
    /// 1.8 million households. Needs an open transaction.
    /// </summary>
    public static async Task RefreshAsync(LiaisonDb db, RollupFamily families, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        if (families.HasFlag(RollupFamily.Field))
        {
            // The field records and the plan's year are what participation is counted from, and the
            // year's policy says who is expected (a new plan's year refreshes the field family).
            families |= RollupFamily.Participation | RollupFamily.People;
        }
        var leaves = await LeavesAsync(db, families & ~RollupFamily.Participation, ct);
        if (families.HasFlag(RollupFamily.Participation))
        {
            // Counted once, for the rollups and for the drainer's memory of each cadre.
            leaves.AddRange(await Field.ParticipationRollups.RebuildAsync(db, ct));
        }
        var values = Rollup.ToAllLevels(leaves);
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
        await DatabaseSql.For(db).UpsertAsync(spec,
            values.Where(v => v.Month == 0).Select(v => new DivisionRollup { DivisionCode = v.DivisionCode, IndicatorId = v.IndicatorId, Value = v.Value }), null, ct);
        var months = TableSpec.For<DivisionMonth>(db, [nameof(DivisionMonth.DivisionCode), nameof(DivisionMonth.IndicatorId), nameof(DivisionMonth.Month)],
            nameof(DivisionMonth.DivisionCode), nameof(DivisionMonth.IndicatorId), nameof(DivisionMonth.Month), nameof(DivisionMonth.Value));
        await DatabaseSql.For(db).UpsertAsync(months,
            values.Where(v => v.Month != 0).Select(v => new DivisionMonth { DivisionCode = v.DivisionCode, IndicatorId = v.IndicatorId, Month = v.Month, Value = v.Value }), null, ct);
    }

    /// <summary>
    /// Rebuilds from the raw records everything the rollups are kept from — the visits' tallies
    /// (decision 0017) — and then every rollup: <c>report refresh</c>, the repair when <c>report
    /// verify</c> finds a difference. Needs an open transaction.
    /// </summary>
    public static async Task RebuildAsync(LiaisonDb db, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        await Field.VisitTallies.RebuildAsync(db, ct);
        await RefreshAsync(db, ct);
    }

    /// <summary>
    /// <see cref="RebuildAsync"/> in its own transaction with its audit entry: <c>report refresh</c>
    /// and the report page's button (as a job) run this.
    /// </summary>
    public static async Task RebuildAuditedAsync(LiaisonDb db, TimeProvider clock, Audit.Actor actor, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RebuildAsync(db, ct);
        await Audit.AuditLog.AppendAsync(db, clock, actor, new Audit.AuditRecord("report.refresh", "rollups", "all", null, null, null), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Adds differences to the stored values (rows appear as needed): the drainer's way of keeping
    /// the rollups current without recounting the tree. Needs an open transaction.
    /// </summary>
    public static async Task AddAsync(LiaisonDb db, IEnumerable<RollupValue> deltas, CancellationToken ct)
    {
        var sql = DatabaseSql.For(db);
        var changed = deltas.Where(d => d.Value != 0).ToList();
        await sql.AccumulateAsync("division_rollups", ["division_code", "indicator_id"], "value",
            changed.Where(d => d.Month == 0).Select(d => new object[] { d.DivisionCode, d.IndicatorId, d.Value }), ct);
        await sql.AccumulateAsync("division_months", ["division_code", "indicator_id", "month"], "value",
            changed.Where(d => d.Month != 0).Select(d => new object[] { d.DivisionCode, d.IndicatorId, d.Month, d.Value }), ct);
    }

    /// <summary>The indicators a family computes.</summary>
    public static List<string> IndicatorsOf(RollupFamily families) => IndicatorFormulas.IndicatorsOf(families).Select(i => i.Id).Distinct().ToList();

    public static Task<List<RollupValue>> LeavesAsync(LiaisonDb db, CancellationToken ct) => LeavesAsync(db, RollupFamily.All, ct);

    /// <summary>
    /// Each indicator's values where they are recorded (the lowest division that carries them),
    /// computed from raw records by <see cref="IndicatorFormulas"/>. <see cref="Rollup.ToAllLevels"/> sums them up the tree.
    /// </summary>
    public static Task<List<RollupValue>> LeavesAsync(LiaisonDb db, RollupFamily families, CancellationToken ct) =>
        IndicatorFormulas.LeavesAsync(db, families, FormulaScope.All, ct);

    /// <summary>
    /// A unit's own figures, counted from the records (units are small; no rollup keeps them): its
    /// cadres, the ties it and they hold, the First Secretaries it sent, and its cadres' field work
    /// and cases for the period. Summed over the villages they fall in.
    /// </summary>
    public static async Task<ReportFigures> UnitFiguresAsync(LiaisonDb db, int unitId, ReportPeriod? period, CancellationToken ct)
    {
        var leaves = await IndicatorFormulas.LeavesAsync(db, UnitFamilies,
            new FormulaScope(Period: period, UnitId: unitId), ct);
        return new ReportFigures(leaves.Where(l => l.Month == 0).GroupBy(l => l.IndicatorId).ToDictionary(g => g.Key, g => g.Sum(l => l.Value), StringComparer.Ordinal));
    }

    /// <summary>The families a unit's own figures are counted from (<see cref="UnitFiguresAsync"/>).</summary>
    public const RollupFamily UnitFamilies = RollupFamily.People | RollupFamily.Liaisons | RollupFamily.Secretaries | RollupFamily.Field | RollupFamily.Participation;

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
    /// <summary>
    /// Cadres taking part (issue 20), from the same records as the field family and the plan's year;
    /// refreshed with it, kept current per cadre by <see cref="Field.ParticipationRollups.DrainAsync"/>.
    /// </summary>
    Participation = 64,
    All = Divisions | People | Households | Liaisons | Secretaries | Field | Participation,
}
