using System.Data;
using Liaison.Data.Access;
using Liaison.Data.Reporting.Formulas;
using Liaison.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Reporting;

/// <summary>A stored figure that differs from the raw records' count.</summary>
public sealed record RollupDifference(string DivisionCode, string IndicatorId, int Month, long Stored, long Counted);

/// <summary>What <see cref="RollupVerifier.VerifyAsync"/> found.</summary>
public sealed record RollupCheck(int Figures, int PendingVillages, IReadOnlyList<RollupDifference> Differences)
{
    /// <summary>Cadres still waiting for the participation drainer; they stand as it last left them.</summary>
    public int PendingCadres { get; init; }
}

/// <summary>
/// <c>liaison report verify</c>: recomputes every indicator for every division (and month) from
/// the raw records — visits from the visits themselves, not from the tallies the rollups read
/// (decision 0017) — and compares it with the rollups, in one snapshot of the database. Villages
/// still waiting in the field queue are not yet counted by design (the drainer takes them within
/// seconds): their stored values stand in for their recount, so their ancestors are still checked
/// exactly, and they are reported as pending. Cadres still waiting for the participation drainer
/// stand likewise as it last left them.
/// </summary>
public static class RollupVerifier
{
    public static async Task<RollupCheck> VerifyAsync(LiaisonDb db, CancellationToken ct)
    {
        using var outside = Unscoped.Section("report verify: every division's figures, recounted");
        await using var tx = await db.Database.BeginTransactionAsync(Database.Sql.DatabaseSql.For(db).Snapshot, ct);
        var pending = (await db.FieldDirty.AsNoTracking().Select(d => d.VillageCode).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var field = RollupStore.IndicatorsOf(RollupFamily.Field).ToHashSet(StringComparer.Ordinal);
        var cadres = (await db.ParticipationDirty.AsNoTracking().Select(d => d.CadreId).ToListAsync(ct)).ToHashSet();
        var leaves = (await IndicatorFormulas.LeavesAsync(db, RollupFamily.All, FormulaScope.Recount with { PendingCadres = cadres }, ct)).Where(l => !(pending.Contains(l.DivisionCode) && field.Contains(l.IndicatorId))).ToList();
        if (pending.Count > 0)
        {
            var codes = pending.ToList();
            var ids = field.ToList();
            leaves.AddRange(await db.Rollups.AsNoTracking().Where(r => codes.Contains(r.DivisionCode) && ids.Contains(r.IndicatorId))
                .Select(r => new RollupValue(r.DivisionCode, r.IndicatorId, r.Value, 0)).ToListAsync(ct));
            leaves.AddRange(await db.RollupMonths.AsNoTracking().Where(r => codes.Contains(r.DivisionCode) && ids.Contains(r.IndicatorId))
                .Select(r => new RollupValue(r.DivisionCode, r.IndicatorId, r.Value, r.Month)).ToListAsync(ct));
        }
        var counted = Rollup.ToAllLevels(leaves).ToDictionary(v => (v.DivisionCode, v.IndicatorId, v.Month), v => v.Value);
        var stored = await db.Rollups.AsNoTracking().ToDictionaryAsync(r => (r.DivisionCode, r.IndicatorId, 0), r => r.Value, ct);
        foreach (var r in await db.RollupMonths.AsNoTracking().ToListAsync(ct))
        {
            stored[(r.DivisionCode, r.IndicatorId, r.Month)] = r.Value;
        }
        var differences = counted.Keys.Union(stored.Keys)
            .Where(k => counted.GetValueOrDefault(k) != stored.GetValueOrDefault(k))
            .Select(k => new RollupDifference(k.DivisionCode, k.IndicatorId, k.Item3, stored.GetValueOrDefault(k), counted.GetValueOrDefault(k)))
            .OrderBy(d => d.DivisionCode, StringComparer.Ordinal).ThenBy(d => d.IndicatorId, StringComparer.Ordinal).ThenBy(d => d.Month)
            .ToList();
        return new RollupCheck(stored.Count, pending.Count, differences) { PendingCadres = cadres.Count };
    }
}
