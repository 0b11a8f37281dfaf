using Liaison.Domain.Cases;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Cases;

/// <summary>What the case lists filter by. <see cref="Scope"/> is the reader's subtree root (null: everything).</summary>
public sealed record CaseFilter(string? Scope, int? UnitId = null, string? Division = null, CaseStatus? Status = null, bool OpenOnly = false, bool OverdueOnly = false,
    string? Category = null, CaseChannel? Channel = null, bool HeldOnly = false, int Take = 200);

/// <summary>One line of a case list: no personal data beyond the masked name.</summary>
public sealed record CaseLine(long Id, string TrackingCode, CaseKind Kind, string Category, CaseChannel Channel, string VillageCode, string Village,
    string Description, CaseStatus Status, CaseLevel Level, string HolderDivision, DateOnly DueOn, DateTimeOffset ReceivedAt, bool Overdue);

public static class CaseQueries
{
    /// <summary>Cases within the reader's scope (by the case's village, or held by the reader's unit), newest and overdue first.</summary>
    public static async Task<List<CaseLine>> ListAsync(LiaisonDb db, TimeProvider clock, CaseFilter f, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var q = db.Cases.AsNoTracking();
        if (f.UnitId is { } unit)
        {
            q = q.Where(c => c.HolderUnitId == unit);
        }
        else if (f.Scope is { } scope)
        {
            q = q.Where(c => c.VillageCode.StartsWith(scope));
        }
        if (f.Division is { Length: > 0 } d)
        {
            q = f.HeldOnly ? q.Where(c => c.HolderDivision == d) : q.Where(c => c.VillageCode.StartsWith(d));
        }
        var open = new[] { CaseStatus.Received, CaseStatus.Accepted, CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Escalated };
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
        var rows = await (from c in q
                          join v in db.Divisions.AsNoTracking() on c.VillageCode equals v.Code
                          orderby c.DueOn, c.Id descending
                          select new { c.Id, c.TrackingCode, c.Kind, c.Category, c.Channel, c.VillageCode, Village = v.Name, c.Description, c.Status, c.Level, c.HolderDivision, c.DueOn, c.ReceivedAt })
            .Take(f.Take).ToListAsync(ct);
        return rows.Select(r => new CaseLine(r.Id, r.TrackingCode, r.Kind, r.Category, r.Channel, r.VillageCode, r.Village,
            r.Description.Length > 80 ? r.Description[..80] + "…" : r.Description, r.Status, r.Level, r.HolderDivision, r.DueOn, r.ReceivedAt,
            CaseLifecycle.IsOpen(r.Status) && r.DueOn < today)).ToList();
    }

    public static Task<List<CaseStep>> StepsAsync(LiaisonDb db, long caseId, CancellationToken ct) =>
        db.CaseSteps.AsNoTracking().Where(s => s.CaseId == caseId).OrderBy(s => s.Id).ToListAsync(ct);

    public static async Task<Case?> ByCodeAsync(LiaisonDb db, string? code, CancellationToken ct) =>
        TrackingCode.Normalize(code) is { } c ? await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.TrackingCode == c, ct) : null;
}
