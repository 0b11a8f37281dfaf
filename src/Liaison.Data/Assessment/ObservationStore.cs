using System.Globalization;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Liaisons;
using Liaison.Data.Policy;
using Liaison.Domain.Assessment;
using Liaison.Domain.Divisions;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Assessment;

/// <summary>
/// 现场观摩 and 工作点评 (issue 23): a county's observers score a village item by item on a day (the
/// policy's items, each 0–100; the same day scored again replaces it), and the township committee or
/// the sending unit comments on a cadre's year with a score (one of each a year, replaced when given
/// again). Both audited; both feed the assessment's components.
/// </summary>
public static class ObservationStore
{
    private const string Reach = "observation and comments: the office's reach is decided on the village or the cadre's villages";

    public static async Task RecordObservationAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, string? village, DateOnly? observedOn, IReadOnlyDictionary<string, double?> scores, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var problems = new List<Problem>();
        var code = village?.Trim() ?? "";
        if (!actor.Covers(code) || !await db.Divisions.AsNoTracking().AnyAsync(d => d.Code == code && d.Level == DivisionLevel.Village && d.WithdrawnOn == null, ct))
        {
            problems.Add(new Problem("village", $"没有编码为 {code} 的村，或不在你的管辖范围内", $"no village {code} within your jurisdiction") { Code = "out-of-reach" });
        }
        if (observedOn is not { } on || on > today || on < today.AddDays(-366))
        {
            problems.Add(new Problem("observedOn", "观摩日期须在一年内、不晚于今天", "the day lies within the past year, not after today") { Code = "range" });
        }
        var items = (await PolicyStore.GetAsync(db, (observedOn ?? today).Year, ct)).Policy.Assessment.ObservationItems;
        foreach (var item in items)
        {
            if (scores.GetValueOrDefault(item.Code) is not { } s || double.IsNaN(s) || s < 0 || s > 100)
            {
                problems.Add(new Problem("scores." + item.Code, $"“{item.Name}”须评 0–100 分", $"\"{item.EnglishName}\" is scored 0–100") { Code = "range" });
            }
        }
        foreach (var unknown in scores.Keys.Where(k => items.All(i => i.Code != k)))
        {
            problems.Add(new Problem("scores." + unknown, $"“{unknown}”不是观摩评分项", $"\"{unknown}\" is not an observation item") { Code = "unknown" });
        }
        RefusedException.ThrowIfAny(problems);
        var day = observedOn!.Value;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.ObservationScores.Where(o => o.VillageCode == code && o.ObservedOn == day).ExecuteDeleteAsync(ct);
        db.ObservationScores.AddRange(items.Select(i => new ObservationScore
        {
            Year = day.Year,
            VillageCode = code,
            ObservedOn = day,
            Item = i.Code,
            Score = Math.Round(scores[i.Code]!.Value, 1),
            RecordedBy = actor.UserName,
            RecordedAt = now,
        }));
        await db.SaveChangesAsync(ct);
        await Field.FieldRollups.MarkAsync(db, [code], ct);
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord("assessment.observation", "observation", code + "@" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), code, null,
            new { ObservedOn = day, Scores = items.ToDictionary(i => i.Code, i => scores[i.Code]) }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    public static async Task RecordCommentAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, int year, string? cadreCode, CommentSource source, double? score, string? text, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var now = clock.GetUtcNow();
        var problems = new List<Problem>();
        var code = cadreCode?.Trim() ?? "";
        var cadre = await db.Cadres.AsNoTracking().Where(c => c.Code == code).Select(c => new { c.Id, c.UnitId }).FirstOrDefaultAsync(ct);
        // The cadre served, that year, a village the office holds (a township committee), or belongs to a unit of its jurisdiction (the sending unit).
        var villages = cadre is null ? [] : await db.LiaisonTies.AsNoTracking().Where(t => t.CadreId == cadre.Id && t.Year == year).Select(t => t.DivisionCode)
            .Concat(db.SecretaryPostings.AsNoTracking().Where(p => p.CadreId == cadre.Id && p.Year == year).Select(p => p.VillageCode)).ToListAsync(ct);
        var unitDivision = cadre is null ? null : await db.Units.AsNoTracking().Where(u => u.Id == cadre.UnitId).Select(u => u.DivisionCode).FirstOrDefaultAsync(ct);
        var reach = source == CommentSource.Township ? villages.Any(actor.Covers) : unitDivision is not null && actor.Covers(unitDivision);
        if (cadre is null || !reach)
        {
            problems.Add(new Problem("cadre", $"没有编码为 {code} 的干部，或其{(source == CommentSource.Township ? "所驻村" : "单位")}不在你的管辖范围内",
                $"no cadre {code} whose {(source == CommentSource.Township ? "villages" : "unit")} lie within your jurisdiction")
            { Code = "out-of-reach" });
        }
        if (!Enum.IsDefined(source))
        {
            problems.Add(new Problem("source", "点评来自乡镇党委或派出单位", "a comment comes from the township committee or the sending unit") { Code = "unknown" });
        }
        if (score is not { } s || double.IsNaN(s) || s < 0 || s > 100)
        {
            problems.Add(new Problem("score", "点评评分须为 0–100 分", "a comment's score lies between 0 and 100") { Code = "range" });
        }
        var body = RefusedException.Text(problems, "text", text, WorkComment.MaxText, required: true);
        RefusedException.ThrowIfAny(problems);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.WorkComments.FirstOrDefaultAsync(c => c.Year == year && c.CadreId == cadre!.Id && c.Source == source, ct);
        var before = existing is null ? null : new { existing.Score, existing.Text };
        existing ??= db.WorkComments.Add(new WorkComment { Year = year, CadreId = cadre!.Id, Source = source, Text = "", RecordedBy = actor.UserName }).Entity;
        (existing.Score, existing.Text, existing.RecordedBy, existing.RecordedAt) = (Math.Round(score!.Value, 1), body!, actor.UserName, now);
        await db.SaveChangesAsync(ct);
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord("assessment.comment", "work-comment", existing.Id.ToString(CultureInfo.InvariantCulture), villages.FirstOrDefault(),
            before, new { year, Cadre = code, source, existing.Score }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }
}
