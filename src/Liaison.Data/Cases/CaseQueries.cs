using Liaison.Data.Access;
using Liaison.Domain.Cases;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Cases;

/// <summary>
/// What the case lists filter by, within the reader's <see cref="Scoped"/>: <see cref="UnitHeld"/>
/// lists the cases the reader's unit holds (a unit's admin) rather than those of its villages.
/// </summary>
public sealed record CaseFilter(bool UnitHeld = false, string? Division = null, CaseStatus? Status = null, bool OpenOnly = false, bool OverdueOnly = false,
    string? Category = null, CaseChannel? Channel = null, int Take = 200, int Skip = 0, CaseSort Sort = CaseSort.Due);

/// <summary>
/// The orders a case list offers. <see cref="Due"/>, the default, is the order of work: open cases
/// first, the most overdue at the top, then by deadline; closed cases after them, newest first.
/// </summary>
public enum CaseSort
{
    Due,
    Newest,
    Oldest,
    Village,
}

/// <summary>One line of a case list: no personal data beyond the masked name.</summary>
public sealed record CaseLine(long Id, string TrackingCode, CaseKind Kind, string Category, CaseChannel Channel, string VillageCode, string Village,
    string Description, CaseStatus Status, CaseLevel Level, string HolderDivision, DateOnly DueOn, DateTimeOffset ReceivedAt, bool Overdue);

/// <summary>The case figures of one group (a category, a channel or a month): counts, from which the rates follow.</summary>
public sealed record CaseFigures(string Key, int Collected, int Adopted, int Completed, int Closed, int OnTime, int Replied, int FollowedUp, int SatisfactionPoints, int Reopened, int Escalated)
{
    public double? CompletedRate => Collected == 0 ? null : (double)Completed / Collected;
    public double? OnTimeRate => Closed == 0 ? null : (double)OnTime / Closed;
    public double? ReplyRate => Collected == 0 ? null : (double)Replied / Collected;
    public double? ReopenRate => Closed == 0 ? null : (double)Reopened / Closed;
    public double? Satisfaction => FollowedUp == 0 ? null : (double)SatisfactionPoints / FollowedUp;
}

public enum CaseBreakdown
{
    Category,
    Channel,
    Month,
}

public static class CaseQueries
{
    /// <summary>
    /// The case figures of a subtree (by the cases' villages) received in a period, broken down by
    /// category, channel or month — counted as the rollups count them (merged and withdrawn cases aside).
    /// </summary>
    public static async Task<List<CaseFigures>> BreakdownAsync(Scoped scoped, DateOnly from, DateOnly to, CaseBreakdown by, CancellationToken ct)
    {
        var q = scoped.Cases.Where(c => c.ReceivedOn >= from && c.ReceivedOn <= to && c.Status != CaseStatus.Merged && c.Status != CaseStatus.Withdrawn);
        var rows = await q.Select(c => new { c.Category, c.Channel, c.ReceivedOn, c.Status, c.OnTime, c.RepliedAt, c.Satisfaction, c.Reopens, c.Escalations }).ToListAsync(ct);
        string Key(DateOnly on, string category, CaseChannel channel) => by switch
        {
            CaseBreakdown.Category => category,
            CaseBreakdown.Channel => channel.ToString(),
            _ => on.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        };
        return rows.GroupBy(r => Key(r.ReceivedOn, r.Category, r.Channel)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new CaseFigures(g.Key,
            g.Count(),
            g.Count(r => r.Status == CaseStatus.Adopted),
            g.Count(r => r.Status is CaseStatus.Resolved or CaseStatus.Adopted),
            g.Count(r => CaseLifecycle.IsClosed(r.Status)),
            g.Count(r => CaseLifecycle.IsClosed(r.Status) && r.OnTime == true),
            g.Count(r => r.RepliedAt != null),
            g.Count(r => r.Satisfaction != null),
            g.Sum(r => r.Satisfaction ?? 0),
            g.Count(r => r.Reopens > 0),
            g.Count(r => r.Escalations > 0))).ToList();
    }

    /// <summary>A page of the cases within the reader's scope (by the case's village, or held by the reader's unit), in the filter's order.</summary>
    public static async Task<List<CaseLine>> ListAsync(Scoped scoped, TimeProvider clock, CaseFilter f, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var q = Filtered(scoped, today, f);
        var open = CaseLifecycle.OpenStatuses.ToArray();
        q = f.Sort switch
        {
            CaseSort.Newest => q.OrderByDescending(c => c.Id),
            CaseSort.Oldest => q.OrderBy(c => c.Id),
            CaseSort.Village => q.OrderBy(c => c.VillageCode).ThenByDescending(c => c.Id),
            // Closed cases share one deadline key (today), so among them the newest comes first.
            _ => q.OrderByDescending(c => open.Contains(c.Status)).ThenBy(c => open.Contains(c.Status) ? c.DueOn : today).ThenByDescending(c => c.Id),
        };
        var rows = await (from c in q.Skip(f.Skip).Take(f.Take)
                          join v in scoped.Names on c.VillageCode equals v.Code
                          select new { c.Id, c.TrackingCode, c.Kind, c.Category, c.Channel, c.VillageCode, Village = v.Name, c.Description, c.Status, c.Level, c.HolderDivision, c.DueOn, c.ReceivedAt })
            .ToListAsync(ct);
        return rows.Select(r => new CaseLine(r.Id, r.TrackingCode, r.Kind, r.Category, r.Channel, r.VillageCode, r.Village,
            r.Description.Length > 80 ? r.Description[..80] + "…" : r.Description, r.Status, r.Level, r.HolderDivision, r.DueOn, r.ReceivedAt,
            CaseLifecycle.IsOpen(r.Status) && r.DueOn < today)).ToList();
    }

    /// <summary>How many cases the filter finds (the list's total, whatever page it shows).</summary>
    public static Task<int> CountAsync(Scoped scoped, TimeProvider clock, CaseFilter f, CancellationToken ct) =>
        Filtered(scoped, ChinaTime.Today(clock), f).CountAsync(ct);

    private static IQueryable<Case> Filtered(Scoped scoped, DateOnly today, CaseFilter f)
    {
        var within = f.Division is { Length: > 0 } d ? scoped.Under(d) : scoped;
        var q = f.UnitHeld ? within.UnitCases : within.Cases;
        var open = CaseLifecycle.OpenStatuses.ToArray();
        if (f.Status is { } s)
        {
            q = q.Where(c => c.Status == s);
        }
        if (f.OpenOnly || f.OverdueOnly)
        {
            q = q.Where(c => open.Contains(c.Status));
        }
        if (f.OverdueOnly)
        {
            q = q.Where(c => c.DueOn < today);
        }
        if (f.Category is { Length: > 0 } cat)
        {
            q = q.Where(c => c.Category == cat);
        }
        if (f.Channel is { } ch)
        {
            q = q.Where(c => c.Channel == ch);
        }
        return q;
    }

    public static Task<List<CaseStep>> StepsAsync(LiaisonDb db, long caseId, CancellationToken ct) =>
        db.CaseSteps.AsNoTracking().Where(s => s.CaseId == caseId).OrderBy(s => s.Id).ToListAsync(ct);

    /// <summary>The case of a tracking code, among those <paramref name="scoped"/> reads (the tracking page: <see cref="Scoped.Public"/>).</summary>
    public static async Task<Case?> ByCodeAsync(Scoped scoped, string? code, CancellationToken ct) =>
        TrackingCode.Normalize(code) is { } c ? await scoped.Cases.FirstOrDefaultAsync(x => x.TrackingCode == c, ct) : null;
}
