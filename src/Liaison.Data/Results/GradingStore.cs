using System.Globalization;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Divisions;
using Liaison.Data.Liaisons;
using Liaison.Data.Policy;
using Liaison.Data.Reporting;
using Liaison.Domain.Divisions;
using Liaison.Domain.People;
using Liaison.Domain.Results;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Results;

/// <summary>A rectification plan as entered: the village, the problems found, the measures, the leader (a staff number), the deadline.</summary>
public sealed record RectificationInput(string? VillageCode, string? Problems, string? Measures, string? LeaderCode, DateOnly? Deadline,
    RectificationKind Kind = RectificationKind.Rectify);

/// <summary>
/// 村党组织分类定级 (issue 21): a township office opens its round for a year, grades each village
/// against the policy's checklist and submits; the county confirms, which writes each grade into the
/// village's profile for the next year (what the next plan ranks by), judges the open rectifications of
/// the graded villages, and recounts the figures. Backward organisations get rectification plans.
/// Every step is audited; a refusal names its field and changes nothing.
/// </summary>
public static class GradingStore
{
    private const string Reach = "the grading store: the actor's reach is decided on the round's township and the plan's village";

    public static async Task<GradingRound> OpenAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, string? township, int year, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var code = township?.Trim() ?? "";
        if (!actor.Covers(code) || !await db.Divisions.AsNoTracking().AnyAsync(d => d.Code == code && d.Level == DivisionLevel.Township && d.WithdrawnOn == null, ct))
        {
            throw new RefusedException([new Problem("township", $"没有乡镇 {code}，或不在你的范围内", $"no township {code} within your reach") { Code = "out-of-reach" }]);
        }
        if (await db.GradingRounds.AnyAsync(r => r.Year == year && r.TownshipCode == code, ct))
        {
            throw new RefusedException([new Problem("township", $"该乡镇 {year} 年的定级已开始", $"the township's {year} grading is open already") { Code = "twice" }]);
        }
        var round = new GradingRound { Year = year, TownshipCode = code, OpenedBy = actor.UserName, OpenedAt = clock.GetUtcNow() };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.GradingRounds.Add(round);
        await db.SaveChangesAsync(ct);
        await AuditAsync(db, clock, actor, "grading.open", round, null, new { round.Year, round.TownshipCode }, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return round;
    }

    /// <summary>
    /// A village's grade in an open round: the criteria met, and the grade (the checklist's suggestion
    /// when none is given; another one needs its reason). Grading a village again replaces its grade.
    /// </summary>
    public static async Task<VillageGrading> GradeAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, long roundId, string? village, PartyOrgGrade? grade,
        IReadOnlyList<string> criteria, string? note, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var round = await RoundAsync(db, actor, roundId, ct);
        var rules = (await PolicyStore.GetAsync(db, round.Year, ct)).Policy.Grading;
        var problems = new List<Problem>();
        if (round.Status != GradingStatus.Open)
        {
            problems.Add(new Problem("status", "定级已报县里，不能再改", "the round is sent up; grades no longer change") { Code = "closed" });
        }
        var code = village?.Trim() ?? "";
        var place = await db.Divisions.AsNoTracking().Where(d => d.Code == code && d.Level == DivisionLevel.Village && d.WithdrawnOn == null && d.ParentCode == round.TownshipCode)
            .Select(d => new { d.PartyOrgGrade }).FirstOrDefaultAsync(ct);
        if (place is null)
        {
            problems.Add(new Problem("villageCode", $"本乡镇没有村 {code}", $"no village {code} in the township") { Code = "unknown" });
        }
        var unknown = criteria.Where(c => rules.Find(c) is null).ToList();
        if (unknown.Count > 0)
        {
            problems.Add(new Problem("criteria", $"没有这些标准：{string.Join("、", unknown)}", $"no such criteria: {string.Join(", ", unknown)}") { Code = "unknown" });
        }
        var met = criteria.Select(c => c.Trim()).Distinct().Where(c => rules.Find(c) is not null).ToList();
        var suggested = rules.Suggest(met.Count);
        var chosen = grade ?? suggested;
        var reason = RefusedException.Text(problems, "note", note, VillageGrading.MaxNote, required: chosen != suggested);
        RefusedException.ThrowIfAny(problems);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = await db.VillageGradings.FirstOrDefaultAsync(g => g.RoundId == roundId && g.VillageCode == code, ct);
        if (row is null)
        {
            row = new VillageGrading { RoundId = roundId, VillageCode = code, Previous = place!.PartyOrgGrade };
            db.VillageGradings.Add(row);
        }
        (row.Grade, row.Criteria, row.Note) = (chosen, string.Join(",", met), reason);
        await db.SaveChangesAsync(ct);
        await AuditAsync(db, clock, actor, "grading.grade", round, null, new { village = code, grade = chosen, suggested, criteria = row.Criteria, note = reason }, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return row;
    }

    /// <summary>Sends the round up for the county's confirmation: every village of the township graded.</summary>
    public static async Task<GradingRound> SubmitAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, long roundId, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var round = await RoundAsync(db, actor, roundId, ct);
        var missing = await db.Divisions.AsNoTracking()
            .Where(d => d.Level == DivisionLevel.Village && d.WithdrawnOn == null && d.ParentCode == round.TownshipCode && !db.VillageGradings.Any(g => g.RoundId == roundId && g.VillageCode == d.Code))
            .OrderBy(d => d.Code).Select(d => d.Name).ToListAsync(ct);
        if (round.Status != GradingStatus.Open || missing.Count > 0)
        {
            throw new RefusedException([round.Status != GradingStatus.Open
                ? new Problem("status", "定级已报县里", "the round is sent up already") { Code = "closed" }
                : new Problem("villages", $"还有 {missing.Count} 个村未定级：{string.Join("、", missing.Take(10))}", $"{missing.Count} villages are not graded yet: {string.Join(", ", missing.Take(10))}") { Code = "incomplete" }]);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        (round.Status, round.SubmittedBy) = (GradingStatus.Submitted, actor.UserName);
        await db.SaveChangesAsync(ct);
        await AuditAsync(db, clock, actor, "grading.submit", round, null, new { round.Status }, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return round;
    }

    /// <summary>
    /// The county confirms a submitted round (an account that holds the township's county): each grade
    /// becomes the village's for the next year, the villages' open rectifications are judged (rectified
    /// when no longer backward), and the figures that read grades are recounted.
    /// </summary>
    /// <summary>Whether a reach confirms a township's round: only an office holding its county does (the rule the to-do list counts by too).</summary>
    public static bool MayConfirm(Func<string, bool> covers, string township) => covers(DivisionCode.ImpliedParent(township) ?? township);

    public static async Task<GradingRound> ConfirmAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, long roundId, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var round = await RoundAsync(db, actor, roundId, ct);
        if (!MayConfirm(actor.Covers, round.TownshipCode))
        {
            throw new RefusedException([new Problem("status", "定级由县里确认", "the county confirms a grading") { Code = "county" }]);
        }
        if (round.Status != GradingStatus.Submitted)
        {
            throw new RefusedException([new Problem("status", round.Status == GradingStatus.Confirmed ? "定级已确认" : "乡镇报送后才能确认",
                round.Status == GradingStatus.Confirmed ? "the round is confirmed already" : "the township sends the round up first") { Code = round.Status == GradingStatus.Confirmed ? "twice" : "open" }]);
        }
        var now = clock.GetUtcNow();
        var grades = await db.VillageGradings.AsNoTracking().Where(g => g.RoundId == roundId).ToListAsync(ct);
        var villages = grades.Select(g => g.VillageCode).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        (round.Status, round.ConfirmedBy, round.ConfirmedOn) = (GradingStatus.Confirmed, actor.UserName, ChinaTime.DateOf(now));
        var open = await ApplyAsync(db, round, grades, actor.UserName, now, ct);
        await db.SaveChangesAsync(ct);
        await VillageProfileStore.SyncCurrentAsync(db, villages, ct);
        await Field.FieldRollups.MarkAsync(db, villages, ct);
        await RollupStore.RefreshAsync(db, RollupFamily.Divisions | RollupFamily.Liaisons | RollupFamily.Secretaries, ct);
        await AuditAsync(db, clock, actor, "grading.confirm", round, null, new
        {
            grades = grades.GroupBy(g => g.Grade).ToDictionary(x => x.Key.ToString(), x => x.Count()),
            rectified = open.Count(r => r.Status == RectificationStatus.Rectified),
            notRectified = open.Count(r => r.Status == RectificationStatus.NotRectified),
        }, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return round;
    }

    /// <summary>
    /// What a confirmation does to the records, in the caller's transaction (saved by the caller): each
    /// grade becomes the village's profile for the next year, begun from its latest profile when it
    /// has none; the villages' open rectifications up to the round's year are judged. Returns those
    /// judged. The caller brings the divisions' current columns and the figures up to date.
    /// </summary>
    internal static async Task<List<Rectification>> ApplyAsync(LiaisonDb db, GradingRound round, IReadOnlyList<VillageGrading> grades, string by, DateTimeOffset now, CancellationToken ct)
    {
        var villages = grades.Select(g => g.VillageCode).ToList();
        var next = round.Year + 1;
        var profiles = await db.VillageProfiles.Where(p => villages.Contains(p.VillageCode) && p.Year <= next).ToListAsync(ct);
        var byVillage = profiles.ToLookup(p => p.VillageCode);
        foreach (var g in grades)
        {
            var profile = byVillage[g.VillageCode].FirstOrDefault(p => p.Year == next);
            if (profile is null)
            {
                var latest = byVillage[g.VillageCode].MaxBy(p => p.Year);
                profile = new VillageProfile
                {
                    VillageCode = g.VillageCode,
                    Year = next,
                    Types = latest?.Types ?? VillageType.None,
                    Latitude = latest?.Latitude,
                    Longitude = latest?.Longitude,
                    Population = latest?.Population,
                    Households = latest?.Households,
                    CollectiveIncome = latest?.CollectiveIncome,
                    SeatDistanceKm = latest?.SeatDistanceKm,
                    UpdatedBy = by,
                };
                db.VillageProfiles.Add(profile);
            }
            (profile.Grade, profile.Source, profile.SourceFile, profile.UpdatedAt, profile.UpdatedBy, profile.Version) =
                (g.Grade, ProfileSource.Grading, null, now, by, Guid.NewGuid());
        }
        var grade = grades.ToDictionary(g => g.VillageCode, g => g.Grade);
        var open = await db.Rectifications.Where(r => villages.Contains(r.VillageCode) && r.Status == RectificationStatus.Open && r.Year <= round.Year).ToListAsync(ct);
        foreach (var r in open)
        {
            (r.Status, r.JudgedByRoundId) = (Rectification.Reached(r.Kind, grade[r.VillageCode]) ? RectificationStatus.Rectified : RectificationStatus.NotRectified, round.Id);
        }
        return open;
    }

    /// <summary>A rectification plan for a village whose organisation is graded backward, or upgrade targets for a general one: one open plan a village.</summary>
    public static async Task<Rectification> PlanAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, RectificationInput input, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var today = ChinaTime.Today(clock);
        var code = input.VillageCode?.Trim() ?? "";
        var problems = new List<Problem>();
        var grade = await db.Divisions.AsNoTracking().Where(d => d.Code == code && d.Level == DivisionLevel.Village && d.WithdrawnOn == null)
            .Select(d => new { d.PartyOrgGrade }).FirstOrDefaultAsync(ct);
        if (grade is null || !actor.Covers(code))
        {
            problems.Add(VillageReach.Refusal(code));
        }
        else if (grade.PartyOrgGrade != Rectification.From(input.Kind))
        {
            problems.Add(input.Kind == RectificationKind.Upgrade
                ? new Problem("villageCode", "该村党组织不是一般，晋位升级目标只为一般村党组织制定", "upgrade targets are for organisations graded general; this one is not") { Code = "not-general" }
                : new Problem("villageCode", "该村党组织不是后进，不需要整顿方案", "the village's organisation is not graded backward") { Code = "not-backward" });
        }
        else if (await db.Rectifications.AnyAsync(r => r.VillageCode == code && r.Status == RectificationStatus.Open, ct))
        {
            problems.Add(new Problem("villageCode", "该村已有整顿方案或晋位升级目标", "the village has an open plan already") { Code = "twice" });
        }
        var found = RefusedException.Text(problems, "problems", input.Problems, Rectification.MaxText, required: true);
        var measures = RefusedException.Text(problems, "measures", input.Measures, Rectification.MaxText, required: true);
        int? leader = null;
        if (!string.IsNullOrWhiteSpace(input.LeaderCode))
        {
            var staff = input.LeaderCode.Trim();
            leader = await db.Cadres.AsNoTracking().Where(c => c.Code == staff && c.Status == CadreStatus.Active).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
            if (leader is null)
            {
                problems.Add(People.CadreRefusals.UnknownActive(staff));
            }
        }
        if (input.Deadline is not { } deadline || deadline < today || deadline > today.AddDays(730))
        {
            problems.Add(new Problem("deadline", "整顿期限须在今天到两年之内", "the deadline lies between today and two years ahead") { Code = "range" });
        }
        RefusedException.ThrowIfAny(problems);
        var plan = new Rectification
        {
            Kind = input.Kind,
            VillageCode = code,
            Year = today.Year,
            Problems = found!,
            Measures = measures!,
            LeaderCadreId = leader,
            Deadline = input.Deadline!.Value,
            RecordedBy = actor.UserName,
            RecordedAt = clock.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Rectifications.Add(plan);
        await db.SaveChangesAsync(ct);
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord("rectification.plan", "rectification", plan.Id.ToString(CultureInfo.InvariantCulture), code, null,
            new { plan.Kind, plan.Problems, plan.Measures, plan.LeaderCadreId, plan.Deadline }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return plan;
    }

    /// <summary>Progress on an open plan, added to its record with the day.</summary>
    public static async Task<Rectification> ProgressAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, long id, string? text, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var plan = await db.Rectifications.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (plan is null || !actor.Covers(plan.VillageCode))
        {
            throw new RefusedException([new Problem("id", $"没有编号为 {id} 的整顿方案，或不在你的范围内", $"no rectification plan {id} within your reach") { Code = "not-found" }]);
        }
        var problems = new List<Problem>();
        var note = RefusedException.Text(problems, "text", text, 200, required: true);
        if (plan.Status != RectificationStatus.Open)
        {
            problems.Add(new Problem("status", "该整顿方案已评定", "the plan is judged already") { Code = "closed" });
        }
        RefusedException.ThrowIfAny(problems);
        var line = $"{ChinaTime.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {note}";
        var progress = plan.Progress is null ? line : plan.Progress + "\n" + line;
        if (progress.Length > 4000)
        {
            throw new RefusedException([new Problem("text", "进展记录已满", "the progress record is full") { Code = "full" }]);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        plan.Progress = progress;
        await db.SaveChangesAsync(ct);
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord("rectification.progress", "rectification", id.ToString(CultureInfo.InvariantCulture), plan.VillageCode, null, new { note }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return plan;
    }

    private static async Task<GradingRound> RoundAsync(LiaisonDb db, OfficeActor actor, long id, CancellationToken ct)
    {
        var round = await db.GradingRounds.FirstOrDefaultAsync(r => r.Id == id, ct);
        return round is null || !actor.Covers(round.TownshipCode)
            ? throw new RefusedException([new Problem("id", $"没有编号为 {id} 的定级，或不在你的范围内", $"no grading round {id} within your reach") { Code = "not-found" }])
            : round;
    }

    private static Task AuditAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, string action, GradingRound round, object? before, object? after, CancellationToken ct) =>
        AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord(action, "grading", round.Id.ToString(CultureInfo.InvariantCulture), round.TownshipCode, before, after), ct);
}
