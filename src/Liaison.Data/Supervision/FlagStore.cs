using System.Globalization;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Liaisons;
using Liaison.Domain.Divisions;
using Liaison.Domain.Field;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Liaison.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Supervision;

/// <summary>
/// 合理性提示 kept and reviewed (issue 22). The checks of <see cref="Plausibility"/> run over a
/// division's visits and stays of the year — by the clock for the townships with new records, or when a
/// supervisor asks — and each flag found is stored once by its key: running them again adds only new
/// ones, and never brings back one dismissed. A supervisor reviews each: confirmed (a finding is made of
/// it), explained (with the cadre's explanation) or dismissed — never a cadre their own; each review audited.
/// </summary>
public static class FlagStore
{
    private const string Reach = "the flag store: the checks read the division their caller names; a review, its flag's village";

    /// <summary>A division's visits are checked at once up to this many; a larger one, township by township.</summary>
    public const int MaxVisits = 200_000;

    /// <summary>Runs the checks over the division's visits and stays of the year and stores the new flags; null when the division holds too many visits.</summary>
    public static async Task<int?> RefreshAsync(LiaisonDb db, TimeProvider clock, string division, int year, FieldRules rules, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var query = db.HouseholdVisits.AsNoTracking().Where(v => v.Year == year && v.VillageCode.StartsWith(division));
        if (await query.CountAsync(ct) > MaxVisits)
        {
            return null;
        }
        var visits = await query.Select(v => new VisitFacts(v.Id, v.CadreId, v.HouseholdId, v.VillageCode, v.VisitedAt, v.Note, v.Latitude, v.Longitude)).ToListAsync(ct);
        var stays = await db.ResidenceStays.AsNoTracking().Where(s => s.Year == year && s.VillageCode.StartsWith(division) && s.Latitude != null && s.Longitude != null)
            .Select(s => new StayFacts(s.Id, s.CadreId, s.VillageCode, s.Latitude!.Value, s.Longitude!.Value)).ToListAsync(ct);
        var places = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Village && d.Code.StartsWith(division) && d.Latitude != null && d.Longitude != null)
            .Select(d => new { d.Code, d.Latitude, d.Longitude }).ToListAsync(ct);
        var flags = Plausibility.Check(visits, places.ToDictionary(p => p.Code, p => (p.Latitude!.Value, p.Longitude!.Value)), rules, stays);
        if (flags.Count == 0)
        {
            return 0;
        }
        var visitVillage = visits.ToDictionary(v => v.Id, v => v.VillageCode);
        var stayVillage = stays.ToDictionary(s => s.Id, s => s.VillageCode);
        var now = clock.GetUtcNow();
        var found = flags.Select(f =>
        {
            var (key, records) = StoredFlag.KeyOf(f);
            return new StoredFlag
            {
                Key = key,
                Records = records,
                Kind = f.Kind,
                Year = year,
                CadreId = f.CadreId,
                VillageCode = f.VisitIds.Count > 0 ? visitVillage[f.VisitIds[0]] : stayVillage[f.StayIds[0]],
                EvidenceZh = Clip(f.EvidenceZh),
                EvidenceEn = Clip(f.EvidenceEn),
                FoundAt = now,
            };
        }).Where(f => f.Key.Length <= 400).DistinctBy(f => f.Key).ToList();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in found.Select(f => f.Key).Chunk(500))
        {
            known.UnionWith(await db.Flags.AsNoTracking().Where(f => chunk.Contains(f.Key)).Select(f => f.Key).ToListAsync(ct));
        }
        var added = found.Where(f => !known.Contains(f.Key)).ToList();
        if (added.Count > 0)
        {
            db.Flags.AddRange(added);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return added.Count;
    }

    /// <summary>
    /// The clock's round: the checks over each township with visits or stays stored after
    /// <paramref name="after"/> (the newest ids of the round before), or, at the first round, received in
    /// the day before. Reading by id keeps the round on the primary keys of the busiest tables instead
    /// of scanning them every few minutes. Returns the flags added and the ids to start from next time.
    /// </summary>
    public static async Task<(int Added, FlagMark Mark)> RefreshRecentAsync(LiaisonDb db, TimeProvider clock, FlagMark? after, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        // The newest ids first: what is stored while this round runs is the next round's.
        var mark = new FlagMark(await db.HouseholdVisits.MaxAsync(v => (long?)v.Id, ct) ?? 0, await db.ResidenceStays.MaxAsync(s => (long?)s.Id, ct) ?? 0);
        var since = clock.GetUtcNow().AddDays(-1);
        var visits = after is { } m ? db.HouseholdVisits.Where(v => v.Id > m.VisitId && v.Id <= mark.VisitId) : db.HouseholdVisits.Where(v => v.ReceivedAt >= since);
        var stays = after is { } n ? db.ResidenceStays.Where(x => x.Id > n.StayId && x.Id <= mark.StayId) : db.ResidenceStays.Where(x => x.ReceivedAt >= since);
        var townships = await visits.AsNoTracking().Select(v => new { Township = v.VillageCode.Substring(0, 9), v.Year })
            .Union(stays.AsNoTracking().Where(x => x.Latitude != null).Select(x => new { Township = x.VillageCode.Substring(0, 9), x.Year }))
            .Distinct().ToListAsync(ct);
        var added = 0;
        foreach (var t in townships)
        {
            var rules = (await Policy.PolicyStore.GetAsync(db, t.Year, ct)).Policy.Field;
            added += await RefreshAsync(db, clock, t.Township, t.Year, rules, ct) ?? 0;
        }
        return (added, mark);
    }

    /// <summary>
    /// A supervisor's review of an open flag: confirmed (with a finding of <paramref name="kind"/>, the
    /// visits' untruth by default), explained (the cadre's explanation needed) or dismissed (the reason
    /// needed). A cadre never reviews their own; a reviewed flag is not reviewed again.
    /// </summary>
    public static async Task<StoredFlag> ReviewAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, int? ownCadre, long id, FlagStatus decision, string? note, string? kind, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var now = clock.GetUtcNow();
        var flag = await db.Flags.FirstOrDefaultAsync(f => f.Id == id, ct);
        if (flag is null || !actor.Covers(flag.VillageCode))
        {
            throw new RefusedException(SupervisionRefusals.NotFound("异常提示", "flag", id));
        }
        var problems = new List<Problem>();
        if (ownCadre == flag.CadreId)
        {
            problems.Add(new Problem("id", "不能核查自己的异常提示", "nobody reviews their own flags") { Code = "own" });
        }
        if (flag.Status != FlagStatus.Open)
        {
            problems.Add(new Problem("status", "该提示已核查", "the flag is reviewed already") { Code = "closed" });
        }
        if (decision == FlagStatus.Open)
        {
            problems.Add(new Problem("decision", "请选择查实、已说明或排除", "choose confirmed, explained or dismissed") { Code = "required" });
        }
        var words = RefusedException.Text(problems, "note", note, StoredFlag.MaxNote, required: decision is FlagStatus.Explained or FlagStatus.Dismissed);
        Finding? finding = null;
        if (decision == FlagStatus.Confirmed)
        {
            var rules = (await Policy.PolicyStore.GetAsync(db, flag.Year, ct)).Policy.Supervision;
            var cadre = await db.Cadres.AsNoTracking().Where(c => c.Id == flag.CadreId).Select(c => c.Code).FirstAsync(ct);
            finding = await FindingStore.PrepareAsync(db, rules, actor.UserName, now, ChinaTime.DateOf(now), FindingSource.Flag, id, flag.VillageCode,
                new FindingInput(kind ?? "visits-untrue", words ?? flag.EvidenceZh, flag.EvidenceZh + "（" + flag.Records + "）", cadre), problems, "", ct);
        }
        RefusedException.ThrowIfAny(problems);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (finding is not null)
        {
            db.Findings.Add(finding);
            await db.SaveChangesAsync(ct);
            await FindingStore.MarkAsync(db, finding.DivisionCode, ct);
            await FindingStore.AuditAsync(db, clock, actor.UserName, finding, ct);
        }
        (flag.Status, flag.Note, flag.FindingId, flag.ReviewedBy, flag.ReviewedAt) = (decision, words, finding?.Id, actor.UserName, now);
        await db.SaveChangesAsync(ct);
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord("flag.review", "flag", id.ToString(CultureInfo.InvariantCulture), flag.VillageCode,
            new { Status = FlagStatus.Open }, new { flag.Status, flag.Note, flag.FindingId }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return flag;
    }

    private static string Clip(string text) => text.Length <= 400 ? text : text[..399] + "…";
}

/// <summary>Where the flags' clock has read up to: the newest visit and stay ids of its last round.</summary>
public sealed record FlagMark(long VisitId, long StayId);
