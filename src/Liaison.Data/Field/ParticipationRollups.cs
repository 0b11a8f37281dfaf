using Liaison.Data.Access;
using Liaison.Data.Database;
using Liaison.Data.Database.Sql;
using Liaison.Data.Reporting;
using Liaison.Data.Reporting.Formulas;
using Liaison.Domain.People;
using Liaison.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using I = Liaison.Domain.Reporting.Indicators;

namespace Liaison.Data.Field;

/// <summary>
/// The participation family of the rollups (issue 20). A cadre's first visit or day of the year
/// changes their unit division's "cadres taking part", wherever they worked — a figure no village
/// recount can keep, since it sits above the villages. So a field write marks its cadres in
/// <c>participation_dirty</c>, and <see cref="DrainAsync"/> recounts each marked cadre from the
/// records (<see cref="ParticipationFormulas"/>), compares with what it last counted for them
/// (<c>cadre_participation</c>) and adds ±1 where the division or month changed. A full refresh
/// rebuilds that memory from the same recount (<see cref="RebuildAsync"/>).
/// </summary>
public static class ParticipationRollups
{
    private const long DrainLock = 0x4C49_4149_534F_4E03;

    /// <summary>Marks cadres for the drainer, inside the writer's transaction.</summary>
    public static async Task MarkAsync(LiaisonDb db, IEnumerable<int> cadres, CancellationToken ct)
    {
        // Sorted, so that two writers marking the same cadres lock their rows in the same order.
        var ids = cadres.Distinct().Order().ToList();
        if (ids.Count > 0)
        {
            await DatabaseSql.For(db).AccumulateAsync("participation_dirty", ["cadre_id"], "version", ids.Select(id => new object[] { id, 1L }), ct);
        }
    }

    /// <summary>
    /// Marks the cadres of new field records, inside the writer's transaction — but not a cadre
    /// already counted as taking part in the record's month or earlier: more visits or days never undo
    /// a minimum met, nor move its month later, so such a record cannot change what is counted (the
    /// division moves only with the registry, which marks by itself). A cadre recording day after day
    /// thus costs the drainer nothing once counted.
    /// </summary>
    public static async Task MarkRecordsAsync(LiaisonDb db, IEnumerable<(int Cadre, int Month)> records, CancellationToken ct)
    {
        var earliest = records.GroupBy(r => r.Cadre).ToDictionary(g => g.Key, g => g.Min(r => r.Month));
        if (earliest.Count == 0)
        {
            return;
        }
        var ids = earliest.Keys.ToList();
        var counted = await db.CadreParticipation.AsNoTracking().Where(p => ids.Contains(p.CadreId)).Select(p => new { p.CadreId, p.Month }).ToListAsync(ct);
        var settled = counted.Where(p => p.Month <= earliest[p.CadreId]).Select(p => p.CadreId).ToHashSet();
        await MarkAsync(db, ids.Where(id => !settled.Contains(id)), ct);
    }

    /// <summary>
    /// How many active cadres of each of <paramref name="units"/> take part in the year: for the
    /// rollups' year as the drainer last counted them (a cadre still pending stands as counted, as in
    /// the report), for another year recounted from the records.
    /// </summary>
    public static async Task<Dictionary<int, int>> TakingPartByUnitAsync(LiaisonDb db, int year, IReadOnlyCollection<int> units, CancellationToken ct)
    {
        using var outside = Unscoped.Section("units in reach: how many of their own cadres take part");
        var cadres = db.Cadres.AsNoTracking().Where(c => c.Status == CadreStatus.Active && units.Contains(c.UnitId));
        if (await FieldRollups.YearAsync(db, ct) == year)
        {
            return await (from p in db.CadreParticipation.AsNoTracking()
                          join c in cadres on p.CadreId equals c.Id
                          group c by c.UnitId into g
                          select new { Unit = g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Unit, x => x.N, ct);
        }
        var members = await cadres.Select(c => new { c.Id, c.UnitId }).ToDictionaryAsync(c => c.Id, c => c.UnitId, ct);
        var standings = await ParticipationFormulas.StandingsAsync(db, year, FormulaScope.All, members.Keys, ct);
        return standings.Where(s => s.Month is not null).GroupBy(s => members[s.CadreId]).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>Recounts the marked cadres and applies the differences. Returns the cadres recounted.</summary>
    public static async Task<int> DrainAsync(LiaisonDb db, CancellationToken ct)
    {
        using var outside = Unscoped.Section("the rollups: every marked cadre's participation, for the whole city");
        var dirty = await db.ParticipationDirty.AsNoTracking().OrderBy(d => d.CadreId).Take(2_000).ToListAsync(ct);
        if (dirty.Count == 0)
        {
            return 0;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await DatabaseSql.For(db).LockAsync(DrainLock, ct);
        var ids = dirty.Select(d => d.CadreId).ToList();
        var fresh = await FieldRollups.YearAsync(db, ct) is { } year
            ? (await ParticipationFormulas.StandingsAsync(db, year, FormulaScope.All, ids, ct)).Where(s => s.Month is not null).ToDictionary(s => s.CadreId)
            : [];
        var stored = await db.CadreParticipation.Where(p => ids.Contains(p.CadreId)).ToDictionaryAsync(p => p.CadreId, ct);
        var cells = new LeafCells();
        foreach (var id in ids)
        {
            var now = fresh.GetValueOrDefault(id);
            var was = stored.GetValueOrDefault(id);
            if (now?.DivisionCode == was?.DivisionCode && now?.Month == was?.Month)
            {
                continue;
            }
            if (was is not null)
            {
                cells.Add(was.DivisionCode, I.CadresTakingPart, was.Month, -1);
            }
            if (now is null)
            {
                db.CadreParticipation.Remove(was!);
                continue;
            }
            cells.Add(now.DivisionCode, I.CadresTakingPart, now.Month!.Value, 1);
            if (was is null)
            {
                db.CadreParticipation.Add(new CadreParticipationMark { CadreId = id, DivisionCode = now.DivisionCode, Month = now.Month.Value });
            }
            else
            {
                (was.DivisionCode, was.Month) = (now.DivisionCode, now.Month.Value);
            }
        }
        await db.SaveChangesAsync(ct);
        await RollupStore.AddAsync(db, Rollup.ToAllLevels(cells.Leaves), ct);
        // Still the version read: nothing came in since, the cadre is clean. Otherwise it stays for the next round.
        var read = dirty.Select(d => d.CadreId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "@" + d.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
#pragma warning disable CA1305 // translated to SQL, where a number's text has no culture
        await db.ParticipationDirty.Where(d => ids.Contains(d.CadreId) && read.Contains(d.CadreId.ToString() + "@" + d.Version.ToString())).ExecuteDeleteAsync(ct);
#pragma warning restore CA1305
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return dirty.Count;
    }

    /// <summary>
    /// Counts every expected cadre from the records, keeps who took part (and when, where) as the
    /// drainer's memory and empties its queue: the full refresh's share, returned as leaves.
    /// Needs an open transaction.
    /// </summary>
    internal static async Task<List<RollupValue>> RebuildAsync(LiaisonDb db, CancellationToken ct)
    {
        var cells = new LeafCells();
        var taking = new List<CadreParticipationMark>();
        if (await FieldRollups.YearAsync(db, ct) is { } year)
        {
            foreach (var s in await ParticipationFormulas.StandingsAsync(db, year, FormulaScope.All, null, ct))
            {
                if (s.Month is { } month)
                {
                    cells.Add(s.DivisionCode, I.CadresTakingPart, month, 1);
                    taking.Add(new CadreParticipationMark { CadreId = s.CadreId, DivisionCode = s.DivisionCode, Month = month });
                }
            }
        }
        await db.CadreParticipation.ExecuteDeleteAsync(ct);
        await db.ParticipationDirty.ExecuteDeleteAsync(ct);
        var spec = TableSpec.For<CadreParticipationMark>(db, [nameof(CadreParticipationMark.CadreId)],
            nameof(CadreParticipationMark.CadreId), nameof(CadreParticipationMark.DivisionCode), nameof(CadreParticipationMark.Month));
        await DatabaseSql.For(db).UpsertAsync(spec, taking, null, ct);
        return cells.Leaves;
    }

    /// <summary>How the drainer last left some cadres: those it counted as taking part.</summary>
    internal static async Task<List<CadreStanding>> StoredAsync(LiaisonDb db, IReadOnlyCollection<int> cadres, CancellationToken ct) =>
        await db.CadreParticipation.AsNoTracking().Where(p => cadres.Contains(p.CadreId))
            .Select(p => new CadreStanding(p.CadreId, p.DivisionCode, p.Month)).ToListAsync(ct);
}

/// <summary>A cadre whose participation the drainer must recount, with a version every mark bumps (as <see cref="FieldDirty"/>).</summary>
public sealed class ParticipationDirty
{
    public int CadreId { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// The drainer's memory of a cadre counted as taking part in the rollups' year: at which division
/// and in which month, so that a recount knows what to take back.
/// </summary>
public sealed class CadreParticipationMark
{
    public int CadreId { get; set; }
    public required string DivisionCode { get; set; }
    public int Month { get; set; }
}

internal sealed class ParticipationDirtyConfiguration : IEntityTypeConfiguration<ParticipationDirty>
{
    public void Configure(EntityTypeBuilder<ParticipationDirty> b)
    {
        b.ToTable("participation_dirty");
        b.HasKey(d => d.CadreId);
        b.Property(d => d.CadreId).ValueGeneratedNever();
    }
}

internal sealed class CadreParticipationMarkConfiguration : IEntityTypeConfiguration<CadreParticipationMark>
{
    public void Configure(EntityTypeBuilder<CadreParticipationMark> b)
    {
        b.ToTable("cadre_participation");
        b.HasKey(p => p.CadreId);
        b.Property(p => p.CadreId).ValueGeneratedNever();
        b.Property(p => p.DivisionCode).HasMaxLength(12);
    }
}
