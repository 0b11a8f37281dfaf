using System.Globalization;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Liaisons;
using Liaison.Data.Policy;
using Liaison.Domain.Assessment;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Assessment;

/// <summary>
/// 年度考核 (issue 23): runs the year's assessment of a group under a division from the records
/// (<see cref="AssessmentInputs"/>) and the policy's scheme (<see cref="Scoring"/>), keeps every
/// part of every score, lets the office adjust a draft with a written reason, publishes it, and takes
/// and answers appeals. Every write is audited; a problem refuses the whole change, by field.
/// </summary>
public static class AssessmentStore
{
    private const string Reach = "the assessment store: the office's reach is decided on the division assessed";

    public static async Task<AssessmentRun> RunAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, int year, string? group, string? division, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var policy = (await PolicyStore.GetAsync(db, year, ct)).Policy;
        var problems = new List<Problem>();
        var scheme = policy.Assessment.For(group);
        if (scheme is null)
        {
            problems.Add(new Problem("group", $"{year} 年的政策没有“{group}”的考核方案（可选：{string.Join("、", policy.Assessment.Schemes.Select(s => s.Group))}）",
                $"the {year} policy has no scheme for \"{group}\" (there are: {string.Join(", ", policy.Assessment.Schemes.Select(s => s.Group))})")
            { Code = "unknown" });
        }
        if (year < 2000 || year > today.Year)
        {
            problems.Add(new Problem("year", $"{year} 年还不能考核", $"{year} cannot be assessed yet") { Code = "range" });
        }
        var code = division?.Trim() ?? "";
        if (!actor.Covers(code) || !await db.Divisions.AsNoTracking().AnyAsync(d => d.Code == code && d.WithdrawnOn == null, ct))
        {
            problems.Add(new Problem("division", $"没有区划 {code}，或不在你的管辖范围内", $"no division {code} within your jurisdiction") { Code = "out-of-reach" });
        }
        var previous = problems.Count > 0 ? [] : await db.AssessmentRuns.Where(r => r.Year == year && r.Group == group && r.DivisionCode == code).ToListAsync(ct);
        if (previous.Any(r => r.Status == RunStatus.Published))
        {
            problems.Add(new Problem("group", $"{year} 年{AssessmentGroups.Name(group!).Zh}在 {code} 的考核结果已公布，不能重算", $"the {year} assessment of {AssessmentGroups.Name(group!).En} under {code} is published and cannot be run again") { Code = "published" });
        }
        RefusedException.ThrowIfAny(problems);

        var read = await SubjectInputs.ReadAsync(db, policy, scheme!, year, code, today, ct);
        // A draft run again keeps the office's adjustments, with their reasons.
        var kind = AssessmentGroups.KindOf(scheme!.Group);
        var draftIds = previous.Select(r => r.Id).ToList();
        var kept = (await db.AssessmentResults.AsNoTracking().Where(r => draftIds.Contains(r.RunId) && r.Adjustment != 0)
            .Select(r => new { r.CadreId, r.UnitId, r.VillageCode, r.Adjustment, r.AdjustReason }).ToListAsync(ct))
            .ToDictionary(r => AssessedSubject.Identity(kind, r.CadreId, r.UnitId, r.VillageCode));
        var subjects = read.ToDictionary(x => x.Input.Subject, x => x.Who);
        string Identity(int subject) => AssessedSubject.Identity(kind, subjects[subject].CadreId, subjects[subject].UnitId, subjects[subject].Place);
        var inputs = read.Select(x => kept.TryGetValue(Identity(x.Input.Subject), out var k) ? x.Input with { Adjustment = k.Adjustment } : x.Input).ToList();
        var results = Scoring.Assess(scheme, inputs);
        var ranks = Scoring.Ranks(results);

        var run = new AssessmentRun
        {
            Year = year,
            Group = scheme.Group,
            DivisionCode = code,
            ComputedAt = now,
            ComputedBy = actor.UserName,
            Assessed = results.Count,
            TopAllowed = Scoring.TopAllowed(scheme.TopShare, results.Count),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (draftIds.Count > 0)
        {
            await db.AssessmentRuns.Where(r => draftIds.Contains(r.Id)).ExecuteDeleteAsync(ct);
        }
        db.AssessmentRuns.Add(run);
        await db.SaveChangesAsync(ct);
        var rows = results.Select(r => new AssessmentResult
        {
            RunId = run.Id,
            CadreId = subjects[r.Subject].CadreId,
            VillageCode = subjects[r.Subject].Place,
            UnitId = subjects[r.Subject].UnitId,
            Raw = r.Raw,
            Adjustment = kept.GetValueOrDefault(Identity(r.Subject))?.Adjustment ?? 0,
            AdjustReason = kept.GetValueOrDefault(Identity(r.Subject))?.AdjustReason,
            Score = r.Score,
            Grade = r.Grade,
            Capped = r.Capped,
            Veto = r.Veto,
            Rank = ranks[r.Subject],
        }).ToList();
        db.AssessmentResults.AddRange(rows);
        await db.SaveChangesAsync(ct);
        var ids = results.Zip(rows).ToDictionary(x => x.First.Subject, x => x.Second.Id);
        db.AssessmentParts.AddRange(results.SelectMany(r => r.Parts.Select(p => new AssessmentPart
        {
            ResultId = ids[r.Subject],
            Code = p.Code,
            Weight = p.Weight,
            Score = p.Score,
            Points = p.Points,
            Detail = p.Detail.Zh,
            DetailEn = p.Detail.En,
            Link = p.Link,
        })));
        await db.SaveChangesAsync(ct);
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord("assessment.run", "assessment-run", run.Id.ToString(CultureInfo.InvariantCulture), code, null,
            new { run.Year, run.Group, run.Assessed, run.TopAllowed, Grades = rows.GroupBy(r => r.Grade).ToDictionary(g => g.Key, g => g.Count()), Replaced = draftIds }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return run;
    }

    /// <summary>Adjusts a draft's score by at most the policy's points, with a reason; the run is graded again (the cap depends on everyone).</summary>
    public static async Task AdjustAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, long resultId, double points, string? reason, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var (run, result, policy) = await ResultAsync(db, actor, resultId, ct);
        var problems = new List<Problem>();
        if (run.Status != RunStatus.Draft)
        {
            problems.Add(new Problem("points", "考核结果已公布，只能通过申诉答复调整", "the result is published: only an appeal's answer changes it") { Code = "published" });
        }
        var max = policy.Assessment.MaxAdjustment;
        if (double.IsNaN(points) || Math.Abs(points) > max)
        {
            problems.Add(new Problem("points", $"调整分值须在 −{max} 到 +{max} 之间", $"an adjustment lies between −{max} and +{max}") { Code = "range" });
        }
        var why = RefusedException.Text(problems, "reason", reason, 500, required: points != 0);
        RefusedException.ThrowIfAny(problems);
        var before = new { result.Adjustment, result.AdjustReason, result.Score, result.Grade };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        result.Adjustment = Math.Round(points, 2);
        result.AdjustReason = points == 0 ? null : why;
        await db.SaveChangesAsync(ct);
        await RegradeAsync(db, run, policy, ct);
        var after = await db.AssessmentResults.AsNoTracking().FirstAsync(r => r.Id == resultId, ct);
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord("assessment.adjust", "assessment-result", resultId.ToString(CultureInfo.InvariantCulture), result.VillageCode,
            before, new { after.Adjustment, after.AdjustReason, after.Score, after.Grade }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Publishes a draft: each person assessed reads their own result with its parts and reasons, and may appeal within the policy's days.</summary>
    public static async Task PublishAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, long runId, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var run = await db.AssessmentRuns.FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null || !actor.Covers(run.DivisionCode))
        {
            throw new RefusedException([new Problem("run", "没有这次考核，或不在你的管辖范围内", "no such assessment within your jurisdiction") { Code = "out-of-reach" }]);
        }
        if (run.Status == RunStatus.Published)
        {
            throw new RefusedException([new Problem("run", "已经公布", "published already") { Code = "published" }]);
        }
        run.Status = RunStatus.Published;
        run.PublishedAt = clock.GetUtcNow();
        run.PublishedBy = actor.UserName;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        // Published results count in the report: their villages are figured again.
        await Field.FieldRollups.MarkAsync(db, await PeoplesVillagesAsync(db, run.Id, ct), ct);
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord("assessment.publish", "assessment-run", run.Id.ToString(CultureInfo.InvariantCulture), run.DivisionCode, null,
            new { run.Year, run.Group, run.Assessed }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// 通报表扬: a published run's top grade named in a draft notice of commendation, its text ready to
    /// edit. The notice then goes the notices' way — edited, issued by the county or the city, on the
    /// public pages where the policy publishes notices (<c>supervision.publishNotices</c>).
    /// </summary>
    public static async Task<Domain.Supervision.Notice> CommendAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, long runId, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var run = await db.AssessmentRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null || !actor.Covers(run.DivisionCode))
        {
            throw new RefusedException([new Problem("run", "没有这次考核，或不在你的管辖范围内", "no such assessment within your jurisdiction") { Code = "out-of-reach" }]);
        }
        if (run.Status != RunStatus.Published)
        {
            throw new RefusedException([new Problem("run", "考核结果公布后才能通报表扬", "commend once the results are published") { Code = "draft" }]);
        }
        var kind = AssessmentGroups.KindOf(run.Group);
        if (kind == AssessedKind.Division)
        {
            throw new RefusedException([new Problem("run", "通报点名单位、干部或村：乡镇、县级工作的表扬请在通报页起草", "a notice names units, cadres or villages: draft a township's or county's commendation on the notices' page") { Code = "division" }]);
        }
        var top = (await PolicyStore.GetAsync(db, run.Year, ct)).Policy.Assessment.For(run.Group)?.Bands[0];
        var topResults = db.AssessmentResults.AsNoTracking().Where(r => r.RunId == run.Id && r.Grade == top!.Code).OrderBy(r => r.Rank);
        var codes = kind == AssessedKind.Unit
            ? await topResults.Join(db.Units.AsNoTracking(), r => r.UnitId, u => u.Id, (r, u) => u.Code).ToListAsync(ct)
            : await topResults.Join(db.Cadres.AsNoTracking(), r => r.CadreId, c => c.Id, (r, c) => c.Code).ToListAsync(ct);
        if (top is null || codes.Count == 0)
        {
            throw new RefusedException([new Problem("run", "本次考核没有最高等次", "no one took the top grade in this assessment") { Code = "nobody" }]);
        }
        var group = AssessmentGroups.Name(run.Group).Zh;
        var who = kind == AssessedKind.Unit ? $"{codes.Count}个单位" : $"{codes.Count}名同志";
        var title = $"关于对{run.Year}年度{group}考核“{top.Name}”等次予以通报表扬的通报";
        var body = $"经{run.Year}年度考核，以下{who}被评为“{top.Name}”等次，现予通报表扬。"
            + "希望受到表扬的同志珍惜荣誉、再接再厉；广大驻村干部以他们为榜样，扎实做好驻村联系服务工作。";
        return await Supervision.NoticeStore.DraftAsync(db, clock, actor, new Supervision.NoticeInput(run.DivisionCode, Domain.Supervision.NoticeKind.Commendation, title, body, null, [],
            kind == AssessedKind.Unit ? [] : codes, kind == AssessedKind.Unit ? codes : [], []), ct);
    }

    /// <summary>The person assessed appeals their published result, within the policy's days, once.</summary>
    public static async Task<AssessmentAppeal> AppealAsync(LiaisonDb db, TimeProvider clock, string userName, int cadreId, long resultId, string? text, CancellationToken ct)
    {
        using var outside = Unscoped.Section("an appeal: the person appeals their own result only");
        var now = clock.GetUtcNow();
        var result = await db.AssessmentResults.AsNoTracking().FirstOrDefaultAsync(r => r.Id == resultId && r.CadreId == cadreId, ct);
        var run = result is null ? null : await db.AssessmentRuns.AsNoTracking().FirstAsync(r => r.Id == result.RunId, ct);
        var problems = new List<Problem>();
        if (result is null || run is null || run.Status != RunStatus.Published)
        {
            throw new RefusedException([new Problem("result", "没有你的这项考核结果", "no such result of yours") { Code = "out-of-reach" }]);
        }
        var policy = (await PolicyStore.GetAsync(db, run.Year, ct)).Policy;
        var days = policy.Assessment.AppealDays;
        if (run.PublishedAt is { } published && now > published.AddDays(days))
        {
            problems.Add(new Problem("text", $"申诉须在结果公布后 {days} 天内提出", $"an appeal is filed within {days} days of publication") { Code = "late" });
        }
        if (await db.AssessmentAppeals.AnyAsync(a => a.ResultId == resultId, ct))
        {
            problems.Add(new Problem("text", "已经申诉过", "appealed already") { Code = "duplicate" });
        }
        var body = RefusedException.Text(problems, "text", text, AssessmentAppeal.MaxText, required: true);
        RefusedException.ThrowIfAny(problems);
        var appeal = new AssessmentAppeal { ResultId = resultId, Text = body!, FiledAt = now, FiledBy = userName };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.AssessmentAppeals.Add(appeal);
        await db.SaveChangesAsync(ct);
        await AuditLog.AppendAsync(db, clock, new Actor(userName), new AuditRecord("assessment.appeal", "assessment-appeal", appeal.Id.ToString(CultureInfo.InvariantCulture), result.VillageCode, null,
            new { appeal.ResultId }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return appeal;
    }

    /// <summary>The office answers an appeal; a change of points (within the policy's most, with the earlier adjustment) regrades the run.</summary>
    public static async Task AnswerAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, long appealId, string? answer, double change, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var appeal = await db.AssessmentAppeals.FirstOrDefaultAsync(a => a.Id == appealId, ct)
            ?? throw new RefusedException([new Problem("appeal", "没有这项申诉", "no such appeal") { Code = "out-of-reach" }]);
        var (run, result, policy) = await ResultAsync(db, actor, appeal.ResultId, ct);
        var problems = new List<Problem>();
        if (appeal.AnsweredAt is not null)
        {
            problems.Add(new Problem("answer", "已经答复过", "answered already") { Code = "duplicate" });
        }
        var max = policy.Assessment.MaxAdjustment;
        if (double.IsNaN(change) || Math.Abs(result.Adjustment + change) > max)
        {
            problems.Add(new Problem("change", $"调整后的分值变动须在 −{max} 到 +{max} 之间", $"the adjustment with this change lies between −{max} and +{max}") { Code = "range" });
        }
        var text = RefusedException.Text(problems, "answer", answer, AssessmentAppeal.MaxText, required: true);
        RefusedException.ThrowIfAny(problems);
        var before = new { result.Score, result.Grade };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        appeal.Answer = text;
        appeal.AnsweredAt = clock.GetUtcNow();
        appeal.AnsweredBy = actor.UserName;
        appeal.Change = Math.Round(change, 2);
        if (change != 0)
        {
            result.Adjustment = Math.Round(result.Adjustment + change, 2);
            result.AdjustReason = string.IsNullOrEmpty(result.AdjustReason) ? $"申诉答复 #{appeal.Id}" : $"{result.AdjustReason}；申诉答复 #{appeal.Id}";
        }
        await db.SaveChangesAsync(ct);
        if (change != 0)
        {
            await RegradeAsync(db, run, policy, ct);
            await Field.FieldRollups.MarkAsync(db, await PeoplesVillagesAsync(db, run.Id, ct), ct);
        }
        var after = await db.AssessmentResults.AsNoTracking().FirstAsync(r => r.Id == result.Id, ct);
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord("assessment.answer", "assessment-appeal", appeal.Id.ToString(CultureInfo.InvariantCulture), result.VillageCode,
            before, new { appeal.Change, after.Score, after.Grade }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    // The report counts people's grades at the villages they served: a unit's or a division's result marks nothing.
    private static Task<List<string>> PeoplesVillagesAsync(LiaisonDb db, long run, CancellationToken ct) =>
        db.AssessmentResults.Where(r => r.RunId == run && r.CadreId != null).Select(r => r.VillageCode).Distinct().ToListAsync(ct);

    private static async Task<(AssessmentRun Run, AssessmentResult Result, ProgrammePolicy Policy)> ResultAsync(LiaisonDb db, OfficeActor actor, long resultId, CancellationToken ct)
    {
        var result = await db.AssessmentResults.FirstOrDefaultAsync(r => r.Id == resultId, ct);
        var run = result is null ? null : await db.AssessmentRuns.AsNoTracking().FirstAsync(r => r.Id == result.RunId, ct);
        if (result is null || run is null || !actor.Covers(run.DivisionCode))
        {
            throw new RefusedException([new Problem("result", "没有这项考核结果，或不在你的管辖范围内", "no such result within your jurisdiction") { Code = "out-of-reach" }]);
        }
        return (run, result, (await PolicyStore.GetAsync(db, run.Year, ct)).Policy);
    }

    // Scores from the kept raw score and adjustment, then bands, vetoes and the cap over the whole run.
    private static async Task RegradeAsync(LiaisonDb db, AssessmentRun run, ProgrammePolicy policy, CancellationToken ct)
    {
        var scheme = policy.Assessment.For(run.Group) ?? throw new InvalidOperationException($"no scheme for {run.Group}");
        var rows = await db.AssessmentResults.Where(r => r.RunId == run.Id).ToListAsync(ct);
        // Each row's place in the list is its key in the arithmetic (a unit's or a division's row has no cadre).
        var graded = Scoring.Grade(scheme, rows.Select((r, i) => new PersonResult(i, r.Raw, Math.Round(Math.Clamp(r.Raw + r.Adjustment, 0, 100), 2), "", false, r.Veto, [])).ToList());
        var ranks = Scoring.Ranks(graded);
        foreach (var g in graded)
        {
            var r = rows[g.Subject];
            (r.Score, r.Grade, r.Capped, r.Rank) = (g.Score, g.Grade, g.Capped, ranks[g.Subject]);
        }
        await db.SaveChangesAsync(ct);
    }
}
