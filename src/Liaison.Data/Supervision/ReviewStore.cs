using System.Globalization;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Liaisons;
using Liaison.Domain.Divisions;
using Liaison.Domain.Shared;
using Liaison.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Supervision;

/// <summary>An item of the checklist as the reviewer found it.</summary>
public sealed record CheckInput(string Item, bool? InOrder, string? Remark = null);

/// <summary>A review as entered: the level, the village or township (by code) or the unit (by code), the day, every item of the level's checklist, findings.</summary>
public sealed record ReviewInput(string? Level, string? DivisionCode, string? UnitCode, DateOnly? ReviewedOn, IReadOnlyList<CheckInput> Checks, IReadOnlyList<FindingInput> Findings, string? Note = null);

/// <summary>
/// 查阅资料 (issue 22): records a review of a village's, a township's or a unit's records against the
/// policy's checklist for the level — every item answered, none unknown — with its findings, audited;
/// or refuses it whole by field.
/// </summary>
public static class ReviewStore
{
    public static async Task<DocumentReview> RecordAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, ReviewInput input, CancellationToken ct)
    {
        using var outside = Unscoped.Section("the review store: the actor's reach is decided on the village, township or unit reviewed");
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var problems = new List<Problem>();
        var level = input.Level?.Trim().ToLowerInvariant() ?? "";
        if (!DocumentReview.Levels.Contains(level))
        {
            problems.Add(new Problem("level", "查阅对象为村、乡镇或单位", "a review is of a village, a township or a unit") { Code = "unknown" });
        }
        string? where = null;
        int? unit = null;
        if (level == "unit")
        {
            var code = input.UnitCode?.Trim() ?? "";
            var found = await db.Units.AsNoTracking().Where(u => u.Code == code).Select(u => new { u.Id, u.DivisionCode }).FirstOrDefaultAsync(ct);
            if (found is null || !actor.Covers(found.DivisionCode))
            {
                problems.Add(new Problem("unitCode", $"没有编码为 {code} 的单位，或不在你的范围内", $"no unit {code} within your reach") { Code = "out-of-reach" });
            }
            (where, unit) = (found?.DivisionCode, found?.Id);
        }
        else if (level.Length > 0)
        {
            var code = input.DivisionCode?.Trim() ?? "";
            var wanted = level == "village" ? DivisionLevel.Village : DivisionLevel.Township;
            if (!actor.Covers(code) || !await db.Divisions.AsNoTracking().AnyAsync(d => d.Code == code && d.Level == wanted && d.WithdrawnOn == null, ct))
            {
                problems.Add(SupervisionRefusals.OutOfReach("divisionCode", code));
            }
            where = code;
        }
        if (input.ReviewedOn is not { } on || on > today || on < today.AddDays(-366))
        {
            problems.Add(new Problem("reviewedOn", "查阅日期须在一年内、不晚于今天", "the day lies within the past year, not after today") { Code = "range" });
        }
        var note = RefusedException.Text(problems, "note", input.Note, DocumentReview.MaxNote, required: false);
        var rules = (await Policy.PolicyStore.GetAsync(db, today.Year, ct)).Policy.Supervision;
        var items = rules.Checklist.Where(i => i.Levels.Contains(level)).Select(i => i.Code).ToList();
        var answered = input.Checks.Where(c => c.InOrder is not null).ToDictionary(c => c.Item, StringComparer.Ordinal);
        foreach (var missing in items.Where(i => !answered.ContainsKey(i)))
        {
            problems.Add(new Problem("checks." + missing, $"清单项“{rules.Checklist.First(i => i.Code == missing).Name}”未填写", $"the checklist's \"{missing}\" is not answered") { Code = "required" });
        }
        foreach (var unknown in answered.Keys.Where(k => !items.Contains(k)))
        {
            problems.Add(new Problem("checks." + unknown, $"“{unknown}”不是该层级的查阅清单项", $"\"{unknown}\" is not on this level's checklist") { Code = "unknown" });
        }
        var findings = new List<Finding>();
        for (var i = 0; i < input.Findings.Count && where is not null; i++)
        {
            if (await FindingStore.PrepareAsync(db, rules, actor.UserName, now, input.ReviewedOn ?? today, FindingSource.Review, 0, where, input.Findings[i] with { UnitCode = input.Findings[i].UnitCode ?? input.UnitCode },
                    problems, string.Create(CultureInfo.InvariantCulture, $"findings[{i}]."), ct) is { } f)
            {
                findings.Add(f);
            }
        }
        RefusedException.ThrowIfAny(problems);

        var review = new DocumentReview { Level = level, DivisionCode = where!, UnitId = unit, ReviewedOn = input.ReviewedOn!.Value, Note = note, RecordedBy = actor.UserName, RecordedAt = now };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.DocumentReviews.Add(review);
        await db.SaveChangesAsync(ct);
        db.ReviewChecks.AddRange(items.Select(i => new ReviewCheck { ReviewId = review.Id, Item = i, InOrder = answered[i].InOrder!.Value, Remark = Clip(answered[i].Remark) }));
        findings.ForEach(f => f.SourceId = review.Id);
        db.Findings.AddRange(findings);
        await db.SaveChangesAsync(ct);
        await FindingStore.MarkAsync(db, where, ct);
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord("supervision.review", "document-review", review.Id.ToString(CultureInfo.InvariantCulture), where,
            null, new { review.Level, review.UnitId, review.ReviewedOn, Failed = items.Where(i => answered[i].InOrder == false).ToList(), Findings = findings.Count }), ct);
        foreach (var f in findings)
        {
            await FindingStore.AuditAsync(db, clock, actor.UserName, f, ct);
        }
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return review;
    }

    private static string? Clip(string? remark) => remark?.Trim() is { Length: > 0 } r ? (r.Length <= ReviewCheck.MaxRemark ? r : r[..ReviewCheck.MaxRemark]) : null;
}
