using System.Globalization;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Liaisons;
using Liaison.Domain.Divisions;
using Liaison.Domain.Shared;
using Liaison.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Supervision;

/// <summary>A notice as drafted: the issuing division, kind, text, the findings it rests on and whom it names (staff numbers, unit codes, village codes).</summary>
public sealed record NoticeInput(string? DivisionCode, NoticeKind Kind, string? Title, string? Body, string? Required,
    IReadOnlyList<long> FindingIds, IReadOnlyList<string> CadreCodes, IReadOnlyList<string> UnitCodes, IReadOnlyList<string> VillageCodes);

/// <summary>
/// 通报 (issue 22): drafts, edits (each save a version), issues and withdraws notices of criticism and
/// commendation. An office issues at the county or city level only; a criticism rests on findings
/// whose kinds the policy lets lead to public criticism, signed off by an office at the level the
/// policy names for each; issued notices are public where the policy says. Every change is audited.
/// </summary>
public static class NoticeStore
{
    private const string Reach = "the notice store: the actor's reach is decided on the notice's division";

    public static async Task<Notice> DraftAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, NoticeInput input, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var now = clock.GetUtcNow();
        var division = input.DivisionCode?.Trim() ?? "";
        var problems = new List<Problem>();
        if (!actor.Covers(division) || !await db.Divisions.AsNoTracking().AnyAsync(d => d.Code == division && d.Level <= DivisionLevel.County, ct))
        {
            problems.Add(new Problem("divisionCode", $"通报由县级或市级印发；{division} 不是你范围内的县或市", $"notices are issued by a county or the city; {division} is no county or city within your reach") { Code = "level" });
        }
        var (notice, subjects) = await CheckAsync(db, division, input, problems, ct);
        RefusedException.ThrowIfAny(problems);
        notice.DraftedBy = actor.UserName;
        notice.DraftedAt = now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Notices.Add(notice);
        await db.SaveChangesAsync(ct);
        await SaveLinksAsync(db, notice, input.FindingIds, subjects, ct);
        db.NoticeVersions.Add(Version(notice, actor.UserName, now));
        await db.SaveChangesAsync(ct);
        await AuditAsync(db, clock, actor, "notice.draft", notice, null, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return notice;
    }

    /// <summary>A draft's new text and links: a new version, the one before kept.</summary>
    public static async Task<Notice> EditAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, long id, NoticeInput input, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var now = clock.GetUtcNow();
        var notice = await FindAsync(db, actor, id, ct);
        var problems = new List<Problem>();
        if (notice.Status != NoticeStatus.Draft)
        {
            problems.Add(Frozen());
        }
        var (changed, subjects) = await CheckAsync(db, notice.DivisionCode, input with { Kind = notice.Kind }, problems, ct);
        RefusedException.ThrowIfAny(problems);
        var before = new { notice.Title, notice.Version };
        (notice.Title, notice.Body, notice.Required) = (changed.Title, changed.Body, changed.Required);
        notice.Version++;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.NoticeSubjects.Where(s => s.NoticeId == id).ExecuteDeleteAsync(ct);
        await db.NoticeFindings.Where(f => f.NoticeId == id).ExecuteDeleteAsync(ct);
        await SaveLinksAsync(db, notice, input.FindingIds, subjects, ct);
        db.NoticeVersions.Add(Version(notice, actor.UserName, now));
        await db.SaveChangesAsync(ct);
        await AuditAsync(db, clock, actor, "notice.edit", notice, before, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return notice;
    }

    /// <summary>
    /// Issues a draft: a criticism needs findings, every one of a kind that may lead to public
    /// criticism, and the issuing office at the level each kind's sign-off asks (a city sign-off: the
    /// city's office). Published on the public pages where the policy says.
    /// </summary>
    public static async Task<Notice> IssueAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, long id, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var now = clock.GetUtcNow();
        var notice = await FindAsync(db, actor, id, ct);
        var problems = new List<Problem>();
        if (notice.Status != NoticeStatus.Draft)
        {
            problems.Add(Frozen());
        }
        var rules = (await Policy.PolicyStore.GetAsync(db, ChinaTime.DateOf(now).Year, ct)).Policy.Supervision;
        if (notice.Kind == NoticeKind.Criticism)
        {
            var kinds = await (from l in db.NoticeFindings.AsNoTracking()
                               join f in db.Findings.AsNoTracking() on l.FindingId equals f.Id
                               where l.NoticeId == id
                               select f.Kind).Distinct().ToListAsync(ct);
            if (kinds.Count == 0)
            {
                problems.Add(new Problem("findings", "通报批评须依据已查实的问题", "a criticism rests on findings") { Code = "required" });
            }
            foreach (var code in kinds)
            {
                var kind = rules.Find(code);
                if (kind is null || !kind.Criticism)
                {
                    problems.Add(new Problem("findings", $"政策不允许因“{kind?.Name ?? code}”通报批评", $"the policy does not let \"{kind?.EnglishName ?? code}\" lead to public criticism") { Code = "not-criticism" });
                }
                else if (kind.SignOff == "city" && notice.DivisionCode.Length > DivisionCode.LengthOf(DivisionLevel.City))
                {
                    problems.Add(new Problem("divisionCode", $"因“{kind.Name}”通报批评须由市级审签印发", $"a criticism for \"{kind.EnglishName}\" is signed off by the city") { Code = "sign-off" });
                }
            }
        }
        RefusedException.ThrowIfAny(problems);
        (notice.Status, notice.IssuedOn, notice.IssuedBy, notice.Public) = (NoticeStatus.Issued, ChinaTime.DateOf(now), actor.UserName, rules.PublishNotices);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await MarkCommendedAsync(db, notice, ct);
        await AuditAsync(db, clock, actor, "notice.issue", notice, new { Status = NoticeStatus.Draft }, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return notice;
    }

    /// <summary>Withdraws an issued notice with the reason, which stays readable with it; it leaves the public pages.</summary>
    public static async Task<Notice> WithdrawAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, long id, string? reason, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var notice = await FindAsync(db, actor, id, ct);
        var problems = new List<Problem>();
        if (notice.Status != NoticeStatus.Issued)
        {
            problems.Add(new Problem("status", "只能撤回已印发的通报", "only an issued notice is withdrawn") { Code = "status" });
        }
        var why = RefusedException.Text(problems, "reason", reason, Notice.MaxTitle * 5, required: true);
        RefusedException.ThrowIfAny(problems);
        (notice.Status, notice.WithdrawnReason, notice.Public) = (NoticeStatus.Withdrawn, why, false);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await MarkCommendedAsync(db, notice, ct);
        await AuditAsync(db, clock, actor, "notice.withdraw", notice, new { Status = NoticeStatus.Issued }, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return notice;
    }

    // The report counts the people assessed whom an issued commendation names, at the villages they served: those villages are figured again.
    private static async Task MarkCommendedAsync(LiaisonDb db, Notice notice, CancellationToken ct)
    {
        if (notice.Kind != NoticeKind.Commendation)
        {
            return;
        }
        var named = db.NoticeSubjects.Where(s => s.NoticeId == notice.Id && s.CadreId != null).Select(s => s.CadreId);
        await Field.FieldRollups.MarkAsync(db, await db.AssessmentResults.Where(r => named.Contains(r.CadreId)).Select(r => r.VillageCode).Distinct().ToListAsync(ct), ct);
    }

    private static Problem Frozen() => new("status", "通报已印发，不能再修改", "the notice is issued; its text no longer changes") { Code = "issued" };

    private static async Task<Notice> FindAsync(LiaisonDb db, OfficeActor actor, long id, CancellationToken ct) =>
        await db.Notices.FirstOrDefaultAsync(n => n.Id == id, ct) is { } n && actor.Covers(n.DivisionCode) ? n
            : throw new RefusedException(SupervisionRefusals.NotFound("通报", "notice", id));

    private static async Task<(Notice Notice, List<NoticeSubject> Subjects)> CheckAsync(LiaisonDb db, string division, NoticeInput input, List<Problem> problems, CancellationToken ct)
    {
        var title = RefusedException.Text(problems, "title", input.Title, Notice.MaxTitle, required: true);
        var body = RefusedException.Text(problems, "body", input.Body, Notice.MaxBody, required: true);
        var required = RefusedException.Text(problems, "required", input.Required, Notice.MaxBody, required: false);
        var findings = input.FindingIds.Distinct().ToList();
        var found = await db.Findings.AsNoTracking().Where(f => findings.Contains(f.Id)).Select(f => new { f.Id, f.DivisionCode }).ToListAsync(ct);
        foreach (var missing in findings.Where(f => !found.Any(x => x.Id == f && DivisionCode.IsInSubtree(x.DivisionCode, division))))
        {
            problems.Add(new Problem("findings", $"没有编号为 {missing} 的问题，或不在本级范围内", $"no finding {missing} under the issuing division") { Code = "not-found" });
        }
        var subjects = new List<NoticeSubject>();
        foreach (var code in input.CadreCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal))
        {
            var id = await db.Cadres.AsNoTracking().Where(c => c.Code == code).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
            if (id is null)
            {
                problems.Add(new Problem("cadres", $"没有工号为 {code} 的干部", $"no cadre with staff number {code}") { Code = "unknown" });
            }
            subjects.Add(new NoticeSubject { CadreId = id });
        }
        foreach (var code in input.UnitCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal))
        {
            var id = await db.Units.AsNoTracking().Where(u => u.Code == code).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
            if (id is null)
            {
                problems.Add(new Problem("units", $"没有编码为 {code} 的单位", $"no unit with code {code}") { Code = "unknown" });
            }
            subjects.Add(new NoticeSubject { UnitId = id });
        }
        foreach (var code in input.VillageCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal))
        {
            if (!DivisionCode.IsInSubtree(code, division) || !await db.Divisions.AnyAsync(d => d.Code == code && d.Level == DivisionLevel.Village, ct))
            {
                problems.Add(new Problem("villages", $"本级范围内没有村 {code}", $"no village {code} under the issuing division") { Code = "unknown" });
            }
            subjects.Add(new NoticeSubject { VillageCode = code });
        }
        if (subjects.Count == 0)
        {
            problems.Add(new Problem("subjects", "通报须点名至少一个单位、干部或村", "a notice names at least one unit, cadre or village") { Code = "required" });
        }
        var notice = new Notice { DivisionCode = division, Kind = input.Kind, Title = title ?? "", Body = body ?? "", Required = required, DraftedBy = "" };
        return (notice, subjects);
    }

    private static async Task SaveLinksAsync(LiaisonDb db, Notice notice, IReadOnlyList<long> findings, List<NoticeSubject> subjects, CancellationToken ct)
    {
        db.NoticeFindings.AddRange(findings.Distinct().Select(f => new NoticeFinding { NoticeId = notice.Id, FindingId = f }));
        foreach (var s in subjects)
        {
            s.NoticeId = notice.Id;
        }
        db.NoticeSubjects.AddRange(subjects);
        await db.SaveChangesAsync(ct);
    }

    private static NoticeVersion Version(Notice n, string by, DateTimeOffset at) =>
        new() { NoticeId = n.Id, Version = n.Version, Title = n.Title, Body = n.Body, Required = n.Required, SavedBy = by, SavedAt = at };

    private static Task AuditAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, string action, Notice n, object? before, CancellationToken ct) =>
        AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord(action, "notice", n.Id.ToString(CultureInfo.InvariantCulture), n.DivisionCode, before,
            new { n.Kind, n.Title, n.Status, n.Version, n.Public }), ct);
}
