using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Domain.Divisions;
using Liaison.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Notices;

/// <summary>A notice with whom it names, in words.</summary>
public sealed record NoticeRow(Notice Notice, IReadOnlyList<string> Named);

/// <summary>
/// Who reads which notice (issue 22). The issuing office and those above read every notice of its
/// division, drafts too. An issued (or withdrawn) notice is published inside the programme: anyone
/// whose scope lies under its division reads it, and anyone it names (the cadre, the unit's
/// administrator, an office of the village). Only the issuers and those named read the findings behind it.
/// </summary>
public sealed class NoticeQueries(LiaisonDb db, Scoped scoped, Jurisdiction jurisdiction)
{
    private const string Why = "notices published inside the programme: read under their division and by those they name";

    /// <summary>Whether the reader holds the notice's division as an office or supervisor (its issuer or above); a unit's administrator whose unit sits at the county does not.</summary>
    public bool Issues(Notice n) => (jurisdiction.May(Domain.Access.Ability.IssueNotices) || jurisdiction.May(Domain.Access.Ability.Supervise)) && jurisdiction.Covers(n.DivisionCode);

    /// <summary>Whether the notice names the reader: their own cadre record, their unit, or a village they hold.</summary>
    public async Task<bool> NamesAsync(long noticeId, CancellationToken ct)
    {
        var unit = jurisdiction.Scope?.UnitId;
        var cadre = jurisdiction.CadreId;
        var subjects = await db.NoticeSubjects.AsNoTracking().Where(s => s.NoticeId == noticeId).ToListAsync(ct);
        return subjects.Any(s => (cadre is not null && s.CadreId == cadre) || (unit is not null && s.UnitId == unit)
            || (unit is null && cadre is null && s.VillageCode is { } v && jurisdiction.Covers(v)));
    }

    public async Task<bool> MayReadAsync(Notice n, CancellationToken ct) =>
        Issues(n) || (n.Status != NoticeStatus.Draft && (Under(n) || await NamesAsync(n.Id, ct)));

    /// <summary>The notices the reader reads under a division (theirs by default), newest first.</summary>
    /// <summary>
    /// Every notice the reader reads about <paramref name="code"/>, newest first. Whole, not capped
    /// (notices are few: a county issues tens a year); the page names one page of it.
    /// </summary>
    public async Task<(List<NoticeRow> Rows, Paging Paging)> ListAsync(string? code, int? page, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Why);
        var roots = jurisdiction.Scope?.Roots ?? [];
        // Issued ones of the divisions above or at the reader's roots, and every one the reader issues.
        var ancestors = roots.SelectMany(r => DivisionCode.Ancestors(r).Append(r)).Distinct().ToList();
        var unit = jurisdiction.Scope?.UnitId;
        var cadre = jurisdiction.CadreId;
        var named = db.NoticeSubjects.Where(s => (cadre != null && s.CadreId == cadre) || (unit != null && s.UnitId == unit)).Select(s => s.NoticeId);
        var above = await db.Notices.AsNoTracking()
            .Where(n => ancestors.Contains(n.DivisionCode) || (n.Status != NoticeStatus.Draft && named.Contains(n.Id))).ToListAsync(ct);
        var within = await scoped.Notices.ToListAsync(ct);
        var candidates = above.Concat(within).DistinctBy(n => n.Id)
            .OrderByDescending(n => n.IssuedOn ?? DateOnly.MaxValue).ThenByDescending(n => n.Id).ToList();
        var visible = new List<Notice>();
        foreach (var n in candidates.Where(n => code is null || DivisionCode.IsInSubtree(n.DivisionCode, code) || DivisionCode.IsInSubtree(code, n.DivisionCode)))
        {
            if (await MayReadAsync(n, ct))
            {
                visible.Add(n);
            }
        }
        var paging = Paging.Of(page, visible.Count, 50);
        return (await NameAsync(visible.Skip(paging.Skip).Take(paging.Size).ToList(), ct), paging);
    }

    public async Task<NoticeRow?> OneAsync(long id, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Why);
        var n = await db.Notices.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return n is not null && await MayReadAsync(n, ct) ? (await NameAsync([n], ct))[0] : null;
    }

    /// <summary>The findings a notice rests on, for its issuers and those it names only.</summary>
    public async Task<List<Finding>> FindingsAsync(Notice n, CancellationToken ct)
    {
        if (!Issues(n) && !await NamesAsync(n.Id, ct))
        {
            return [];
        }
        using var outside = Unscoped.Section(Why);
        var ids = db.NoticeFindings.Where(f => f.NoticeId == n.Id).Select(f => f.FindingId);
        return await db.Findings.AsNoTracking().Where(f => ids.Contains(f.Id)).OrderBy(f => f.Id).ToListAsync(ct);
    }

    public Task<List<NoticeVersion>> VersionsAsync(long id, CancellationToken ct) =>
        db.NoticeVersions.AsNoTracking().Where(v => v.NoticeId == id).OrderByDescending(v => v.Version).ToListAsync(ct);

    /// <summary>The issued public notices of the whole programme: what the public page lists.</summary>
    public static async Task<(List<NoticeRow> Rows, Paging Paging)> PublicAsync(LiaisonDb db, Scoped publicReader, int? page, CancellationToken ct)
    {
        using var outside = Unscoped.Section("the public page: notices the policy publishes");
        var (notices, paging) = await Paging.PageAsync(db.Notices.AsNoTracking().Where(n => n.Public && n.Status == NoticeStatus.Issued)
            .OrderByDescending(n => n.IssuedOn).ThenByDescending(n => n.Id), page, 20, "page", ct);
        return (await NamesOfAsync(db, publicReader, notices, ct), paging);
    }

    private bool Under(Notice n) => (jurisdiction.Scope?.Roots ?? []).Any(r => DivisionCode.IsInSubtree(r, n.DivisionCode));

    private Task<List<NoticeRow>> NameAsync(List<Notice> notices, CancellationToken ct) => NamesOfAsync(db, scoped, notices, ct);

    private static async Task<List<NoticeRow>> NamesOfAsync(LiaisonDb db, Scoped names, List<Notice> notices, CancellationToken ct)
    {
        var ids = notices.Select(n => n.Id).ToList();
        var subjects = await db.NoticeSubjects.AsNoTracking().Where(s => ids.Contains(s.NoticeId)).ToListAsync(ct);
        var cadreIds = subjects.Where(s => s.CadreId != null).Select(s => s.CadreId!.Value).Distinct().ToList();
        var cadres = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var unitIds = subjects.Where(s => s.UnitId != null).Select(s => s.UnitId!.Value).Distinct().ToList();
        var units = await names.UnitNames.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var villages = subjects.Where(s => s.VillageCode != null).Select(s => s.VillageCode!).Distinct().ToList();
        var places = await names.Names.Where(d => villages.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        return notices.Select(n => new NoticeRow(n, subjects.Where(s => s.NoticeId == n.Id)
            .Select(s => s.CadreId is { } c ? cadres.GetValueOrDefault(c, "") : s.UnitId is { } u ? units.GetValueOrDefault(u, "") : places.GetValueOrDefault(s.VillageCode!, s.VillageCode!))
            .ToList())).ToList();
    }
}
