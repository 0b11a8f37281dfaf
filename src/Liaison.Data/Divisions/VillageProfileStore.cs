using System.Globalization;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Reporting;
using Liaison.Domain.Divisions;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Divisions;

/// <summary>
/// The one writer of village profiles (村情). A save writes the year's row, keeps the village's
/// current columns on <see cref="Division"/> in step (type and grade of the latest year; coordinates
/// of the latest year that gives them), appends the audit entry and recounts the figures the
/// profile feeds, in one transaction. The import writes rows in bulk and calls
/// <see cref="SyncCurrentAsync"/> in its own transaction; the demo seeder does the same.
/// </summary>
public static class VillageProfileStore
{
    /// <summary>Why this store reads outside a scope: see <see cref="Unscoped"/>.</summary>
    private const string Reach = "village profiles: a village the caller found in reach (the page), or every village (import, demo)";

    /// <summary>
    /// Saves a village's profile for its year from the page, as <paramref name="actor"/>.
    /// <paramref name="expected"/> is the version the form was opened with (null: the year had no
    /// profile then); when another save came first the save is refused with what differs. Returns
    /// the problems (nothing saved) or none.
    /// </summary>
    public static async Task<IReadOnlyList<Problem>> SaveAsync(LiaisonDb db, TimeProvider clock, Actor actor, VillageProfile proposed, Guid? expected, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var village = await db.Divisions.AsNoTracking().FirstOrDefaultAsync(d => d.Code == proposed.VillageCode, ct);
        if (village is null || village.Level != DivisionLevel.Village)
        {
            return [new Problem("village", $"{proposed.VillageCode} 不是村（社区）", $"{proposed.VillageCode} is not a village")];
        }
        proposed.Remarks = string.IsNullOrWhiteSpace(proposed.Remarks) ? null : proposed.Remarks.Trim();
        var problems = VillageProfiles.Problems(proposed);
        if (problems.Count > 0)
        {
            return problems;
        }
        var stored = await db.VillageProfiles.FirstOrDefaultAsync(p => p.VillageCode == proposed.VillageCode && p.Year == proposed.Year, ct);
        if (stored?.Version != expected)
        {
            db.ChangeTracker.Clear();
            return [Conflict(stored, proposed)];
        }
        var before = stored is null ? null : Facts(stored);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (stored is null)
        {
            stored = new VillageProfile { VillageCode = proposed.VillageCode, Year = proposed.Year, UpdatedBy = actor.Name };
            db.VillageProfiles.Add(stored);
        }
        Copy(proposed, stored);
        stored.Source = ProfileSource.Page;
        stored.SourceFile = null;
        stored.UpdatedAt = now;
        stored.UpdatedBy = actor.Name;
        stored.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save between this one's read and its write: refused like one found at the read.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var now2 = await db.VillageProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.VillageCode == proposed.VillageCode && p.Year == proposed.Year, ct);
            return [Conflict(now2, proposed)];
        }
        await SyncCurrentAsync(db, [proposed.VillageCode], ct);
        await RollupStore.RefreshAsync(db, RollupFamily.Divisions | RollupFamily.Liaisons | RollupFamily.Secretaries, ct);
        await AuditLog.AppendAsync(db, clock, actor, new AuditRecord("village-profile.save", "village-profile",
            $"{proposed.VillageCode}/{proposed.Year.ToString(CultureInfo.InvariantCulture)}", proposed.VillageCode, before, Facts(stored)), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return [];
    }

    /// <summary>What the city's village profiles lack (grades, coordinates, types), for the commands that work city-wide.</summary>
    public static async Task<Domain.Liaisons.ProfileGaps> GapsAsync(LiaisonDb db, CancellationToken ct)
    {
        using var outside = Unscoped.Section("what the city's village profiles lack, for the city-wide commands");
        var villages = db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Village && d.VillageKind != VillageKind.Community && d.WithdrawnOn == null);
        return new Domain.Liaisons.ProfileGaps(await villages.CountAsync(ct), await villages.CountAsync(d => d.PartyOrgGrade == null, ct),
            await villages.CountAsync(d => d.Latitude == null || d.Longitude == null, ct), await villages.CountAsync(d => d.VillageType == VillageType.None, ct));
    }

    /// <summary>A village's profiles, newest year first, through the caller's scope.</summary>
    public static Task<List<VillageProfile>> HistoryAsync(Scoped scoped, string villageCode, CancellationToken ct) =>
        scoped.Under(villageCode).VillageProfiles.Where(p => p.VillageCode == villageCode).OrderByDescending(p => p.Year).ToListAsync(ct);

    /// <summary>
    /// Sets the current profile columns of <see cref="Division"/> from the profiles (every village
    /// with one, or those given): type and grade from the latest year, coordinates from the latest
    /// year that has them. Call inside the writer's transaction.
    /// </summary>
    public static async Task SyncCurrentAsync(LiaisonDb db, IReadOnlyCollection<string>? villages, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var query = db.Divisions.Where(d => db.VillageProfiles.Any(p => p.VillageCode == d.Code));
        if (villages is not null)
        {
            query = query.Where(d => villages.Contains(d.Code));
        }
        await query.ExecuteUpdateAsync(s => s
            .SetProperty(d => d.VillageType, d => db.VillageProfiles.Where(p => p.VillageCode == d.Code).OrderByDescending(p => p.Year).Select(p => p.Types).First())
            .SetProperty(d => d.PartyOrgGrade, d => db.VillageProfiles.Where(p => p.VillageCode == d.Code).OrderByDescending(p => p.Year).Select(p => p.Grade).First())
            .SetProperty(d => d.Latitude, d => db.VillageProfiles.Where(p => p.VillageCode == d.Code && p.Latitude != null && p.Longitude != null).OrderByDescending(p => p.Year).Select(p => p.Latitude).FirstOrDefault())
            .SetProperty(d => d.Longitude, d => db.VillageProfiles.Where(p => p.VillageCode == d.Code && p.Latitude != null && p.Longitude != null).OrderByDescending(p => p.Year).Select(p => p.Longitude).FirstOrDefault()), ct);
    }

    private static void Copy(VillageProfile from, VillageProfile to)
    {
        to.Types = from.Types;
        to.Grade = from.Grade;
        to.Latitude = from.Latitude;
        to.Longitude = from.Longitude;
        to.Population = from.Population;
        to.Households = from.Households;
        to.CollectiveIncome = from.CollectiveIncome;
        to.SeatDistanceKm = from.SeatDistanceKm;
        to.Remarks = from.Remarks;
    }

    /// <summary>The facts as the audit log keeps them (keys that <see cref="AuditWords"/> names).</summary>
    private static object Facts(VillageProfile p) => new
    {
        year = p.Year,
        types = string.Join("、", Terms.FlagLabels(Terms.VillageTypes, p.Types, false)),
        grade = VillageProfiles.GradeWord(p.Grade).Zh,
        latitude = p.Latitude,
        longitude = p.Longitude,
        population = p.Population,
        households = p.Households,
        income = p.CollectiveIncome,
        distance = p.SeatDistanceKm,
        remarks = p.Remarks,
    };

    /// <summary>The refusal of a save that another came before: who saved, when, and every fact where the stored profile differs from this one.</summary>
    private static Problem Conflict(VillageProfile? stored, VillageProfile proposed)
    {
        if (stored is null)
        {
            return new Problem("version", "打开后该年度村情已被删除或尚不存在，未保存：请刷新页面后重新填写", "the year's profile changed since the form was opened; nothing was saved: reload the page and enter it again") { Code = "concurrency" };
        }
        var differences = VillageProfiles.Differences(stored, proposed);
        var at = ChinaTime.Format(stored.UpdatedAt);
        var listZh = differences.Count == 0 ? "各项与您填写的相同" : string.Join("；", differences.Select(d => $"{d.Field.Zh}：现为 {d.Stored.Zh}，您填写 {d.Proposed.Zh}"));
        var listEn = differences.Count == 0 ? "every fact is as you entered it" : string.Join("; ", differences.Select(d => $"{d.Field.En}: now {d.Stored.En}, yours {d.Proposed.En}"));
        return new Problem("version",
            $"您打开页面后，{stored.UpdatedBy} 已于 {at} 保存了该村 {stored.Year} 年度村情，未保存您的修改。{listZh}。请刷新页面后再改。",
            $"{stored.UpdatedBy} saved the village's {stored.Year} profile at {at}, after you opened the page; your changes were not saved. {listEn}. Reload the page and edit again.")
        { Code = "concurrency" };
    }
}
