using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Field;
using Liaison.Data.Policy;
using Liaison.Domain.Cases;
using Liaison.Domain.Divisions;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Cases;

/// <summary>
/// Cases from intake to follow-up. Every change is one transaction with its step, its audit entry
/// and the village's mark for the rollups; every refusal names the field and the reason.
/// </summary>
public static class CaseStore
{
    /// <summary>Why this store reads outside a scope: see <see cref="Unscoped"/>.</summary>
    private const string Reach = "a case store: the actor's reach is decided on the case and the village it names";

    /// <summary>Takes in a new case at its village, held by the village work group with the level's deadline.</summary>
    public static async Task<CaseResult> CreateAsync(LiaisonDb db, TimeProvider clock, CaseActor actor, CaseInput input, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var now = clock.GetUtcNow();
        var (c, problems) = await PrepareAsync(db, now, await RulesAsync(db, now, ct), actor, input, ct);
        if (c is null)
        {
            return new CaseResult(null, problems);
        }
        await WriteNewAsync(db, clock, actor, [c], ct);
        return new CaseResult(c, []);
    }

    /// <summary>Several cases at once (a suggestion box's slips): all or nothing, each refusal named by its line.</summary>
    public static async Task<(int Created, List<(int Line, Problem Problem)> Problems)> CreateBatchAsync(LiaisonDb db, TimeProvider clock, CaseActor actor,
        IReadOnlyList<(int Line, CaseInput Input)> inputs, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var now = clock.GetUtcNow();
        var rules = await RulesAsync(db, now, ct);
        var cases = new List<Case>();
        var problems = new List<(int, Problem)>();
        if (inputs.Count == 0)
        {
            problems.Add((0, new Problem("slips", "没有内容", "nothing to enter")));
        }
        foreach (var (line, input) in inputs)
        {
            var (c, p) = await PrepareAsync(db, now, rules, actor, input, ct);
            problems.AddRange(p.Select(x => (line, x)));
            if (c is not null)
            {
                cases.Add(c);
            }
        }
        if (problems.Count > 0)
        {
            return (0, problems);
        }
        await WriteNewAsync(db, clock, actor, cases, ct);
        return (cases.Count, problems);
    }

    /// <summary>A case checked and made ready to write, or the problems that stop it (the night sessions' escalated matters use it too).</summary>
    internal static async Task<(Case? Case, List<Problem> Problems)> PrepareAsync(LiaisonDb db, DateTimeOffset now, CaseRules rules, CaseActor actor, CaseInput input, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var description = Clean(input.Description);
        if (description is null)
        {
            problems.Add(new("description", "请写明反映的问题或建议", "describe the problem or suggestion"));
        }
        else if (description.Length > CaseInput.MaxDescription)
        {
            problems.Add(new("description", $"不超过 {CaseInput.MaxDescription} 字（现 {description.Length} 字）", $"at most {CaseInput.MaxDescription} characters (this has {description.Length})"));
        }
        var phone = Clean(input.PersonPhone);
        if (phone is not null && (phone.Length > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ')))
        {
            problems.Add(new("personPhone", "电话号码只含数字（最多 20 位）", "a phone number has digits only (at most 20)"));
        }
        var name = Clean(input.PersonName);
        if (name is { Length: > 50 })
        {
            problems.Add(new("personName", "姓名不超过 50 字", "a name has at most 50 characters"));
        }
        if (!Enum.IsDefined(input.Kind) || !Enum.IsDefined(input.Channel))
        {
            problems.Add(new("kind", "类型或来源无效", "unknown kind or channel"));
        }
        var village = input.VillageCode?.Trim();
        var division = village is null ? null : await db.Divisions.AsNoTracking().Where(d => d.Code == village).Select(d => new { d.Code, d.Level }).FirstOrDefaultAsync(ct);
        if (division is null || division.Level != DivisionLevel.Village)
        {
            problems.Add(new("villageCode", $"村代码 {village} 不存在", $"no village {village}"));
        }
        else if (!actor.Covers(village!))
        {
            problems.Add(new("villageCode", $"{village} 不在你的管辖范围内", $"{village} lies outside your jurisdiction"));
        }
        var category = string.IsNullOrWhiteSpace(input.Category) ? "other" : input.Category.Trim();
        if (rules.Categories.All(c => c.Code != category))
        {
            problems.Add(new("category", $"类别“{category}”不在政策的问题类别中（{string.Join("、", rules.Categories.Select(c => c.Code))}）",
                $"category '{category}' is not one of the policy's ({string.Join(", ", rules.Categories.Select(c => c.Code))})"));
        }
        if (input.HouseholdId is { } household && !await db.Households.AnyAsync(h => h.Id == household && h.VillageCode == village, ct))
        {
            problems.Add(new("householdId", $"农户 {household} 不在村 {village}", $"household {household} does not live in {village}"));
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var today = ChinaTime.DateOf(now);
        var c = new Case
        {
            TrackingCode = Domain.Cases.TrackingCode.New(),
            Kind = input.Kind,
            Category = category,
            Channel = input.Channel,
            VillageCode = village!,
            HouseholdId = input.HouseholdId,
            PersonName = name,
            PersonPhone = phone,
            Description = description!,
            CadreId = input.CadreId,
            VisitIssueId = input.VisitIssueId,
            NightSessionId = input.NightSessionId,
            ReceivedAt = now,
            Year = today.Year,
            ReceivedBy = actor.UserName,
            HolderDivision = village!,
            DueOn = CaseSteps.Calendar(rules).AddWorkingDays(today, rules.DeadlinesFor(category).At(CaseLevel.Village)),
        };
        return (c, problems);
    }

    /// <summary>
    /// Takes up the issues raised on household visits (<c>visit_issues</c> not yet linked) as cases
    /// received through the visit, at most <paramref name="max"/> a round, and links each issue to
    /// its case in the same transaction. The unique link makes a second taker's attempt fail rather than duplicate.
    /// </summary>
    public static async Task<int> TakeUpVisitIssuesAsync(LiaisonDb db, TimeProvider clock, int max, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var issues = await (from i in db.VisitIssues.AsNoTracking()
                            where i.CaseId == null
                            join v in db.HouseholdVisits.AsNoTracking() on i.VisitId equals v.Id
                            orderby i.Id
                            select new { i.Id, i.VillageCode, i.HouseholdId, i.Text, v.CadreId, v.VisitedAt, v.ReceivedBy }).Take(max).ToListAsync(ct);
        if (issues.Count == 0)
        {
            return 0;
        }
        var rules = await RulesAsync(db, clock.GetUtcNow(), ct);
        var calendar = CaseSteps.Calendar(rules);
        var cases = issues.Select(i => new Case
        {
            TrackingCode = Domain.Cases.TrackingCode.New(),
            Kind = CaseKind.Problem,
            Category = rules.Categories.Any(c => c.Code == "other") ? "other" : rules.Categories[0].Code,
            Channel = CaseChannel.Visit,
            VillageCode = i.VillageCode,
            HouseholdId = i.HouseholdId,
            Description = i.Text,
            CadreId = i.CadreId,
            VisitIssueId = i.Id,
            ReceivedAt = i.VisitedAt,
            Year = ChinaTime.DateOf(i.VisitedAt).Year,
            ReceivedBy = i.ReceivedBy,
            HolderDivision = i.VillageCode,
            DueOn = calendar.AddWorkingDays(ChinaTime.DateOf(i.VisitedAt), rules.Deadlines.At(CaseLevel.Village)),
        }).ToList();
        await WriteNewAsync(db, clock, CaseActor.System, cases, ct, link: true);
        return cases.Count;
    }

    /// <summary>Writes new cases with their first step, audit entries and village marks: in a transaction of its own, or in the caller's if one is open.</summary>
    internal static async Task WriteNewAsync(LiaisonDb db, TimeProvider clock, CaseActor actor, List<Case> cases, CancellationToken ct, bool link = false)
    {
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.Cases.AddRange(cases);
        await db.SaveChangesAsync(ct);
        db.CaseSteps.AddRange(cases.Select(c => CaseSteps.Received(c, actor.UserName)));
        await db.SaveChangesAsync(ct);
        await AuditLog.AppendManyAsync(db, clock, cases.Select(c => (new Actor(actor.UserName), new AuditRecord("case.create", "case", c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.VillageCode, null,
            (object)new { c.Kind, c.Category, c.Channel, c.CadreId, c.VisitIssueId, c.NightSessionId }))).ToList(), ct);
        if (link)
        {
            var issues = cases.Where(c => c.VisitIssueId is not null).Select(c => c.VisitIssueId).ToList();
            await db.VisitIssues.Where(i => i.CaseId == null && issues.Contains(i.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.CaseId, i => db.Cases.Where(c => c.VisitIssueId == i.Id).Select(c => (long?)c.Id).First()), ct);
        }
        await FieldRollups.MarkAsync(db, cases.Select(c => c.VillageCode), ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();
    }

    /// <summary>Takes one step of the life cycle on a case, if the actor holds it and the life cycle allows it.</summary>
    public static async Task<CaseResult> ActAsync(LiaisonDb db, TimeProvider clock, CaseActor actor, long caseId, CaseStepInput step, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null || !Sees(actor, c))
        {
            // Outside the actor's jurisdiction a case does not exist, so that ids cannot be probed.
            return CaseResult.Refused("id", $"没有编号为 {caseId} 的事项", $"no case {caseId}");
        }
        if (!Holds(actor, c) && step.Action != CaseAction.FollowUp)
        {
            return CaseResult.Refused("action", $"此事项现由{Holder(c).Zh}办理，你不能操作", $"the case is held by the {Holder(c).En}; you cannot act on it");
        }
        return await ApplyAsync(db, clock, actor, c, step, ct);
    }

    /// <summary>The person's follow-up through the tracking page: whether it was solved, how satisfied. "Not solved" reopens the case.</summary>
    public static async Task<CaseResult> PublicFollowUpAsync(LiaisonDb db, TimeProvider clock, string trackingCode, bool solved, int satisfaction, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var code = Domain.Cases.TrackingCode.Normalize(trackingCode);
        var c = code is null ? null : await db.Cases.FirstOrDefaultAsync(x => x.TrackingCode == code, ct);
        if (c is null)
        {
            return CaseResult.Refused("code", "查询码不存在", "no case with this tracking code");
        }
        return await ApplyAsync(db, clock, CaseActor.Public, c, new CaseStepInput(CaseAction.FollowUp, null, Solved: solved, Satisfaction: satisfaction), ct);
    }

    /// <summary>
    /// Passes every open case whose deadline has passed up one level (the city keeps what reaches
    /// it, listed as overdue), at most <paramref name="max"/> a round. Run by the server every 5 minutes
    /// and by <c>liaison cases escalate</c>.
    /// </summary>
    public static async Task<int> EscalateOverdueAsync(LiaisonDb db, TimeProvider clock, CancellationToken ct, int max = int.MaxValue)
    {
        using var outside = Unscoped.Section(Reach);
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var open = CaseLifecycle.OpenStatuses.ToArray();
        // The longest overdue first; a round takes at most max, so that a backlog never holds the server up for long.
        var due = await db.Cases.AsNoTracking().Where(c => open.Contains(c.Status) && c.DueOn < today && c.Level != CaseLevel.City)
            .OrderBy(c => c.DueOn).ThenBy(c => c.Id).Select(c => c.Id).Take(max).ToListAsync(ct);
        var n = 0;
        var rules = due.Count == 0 ? null : await RulesAsync(db, clock.GetUtcNow(), ct);
        foreach (var id in due)
        {
            var c = await db.Cases.FirstAsync(x => x.Id == id, ct);
            var result = await ApplyAsync(db, clock, CaseActor.System, c,
                new CaseStepInput(CaseAction.AutoEscalate, $"超过办理时限（{c.DueOn:yyyy-MM-dd}）自动上报 / past its deadline ({c.DueOn:yyyy-MM-dd})"), ct, rules);
            n += result.Ok ? 1 : 0;
            db.ChangeTracker.Clear();
        }
        return n;
    }

    /// <summary>
    /// Loads what the step names (the unit, the case to merge into) and the year's rules, lets
    /// <see cref="CaseSteps.Apply"/> decide, routes a case that changed level, and writes the case,
    /// its history, the audit entry and the rollups' mark in one transaction.
    /// </summary>
    private static async Task<CaseResult> ApplyAsync(LiaisonDb db, TimeProvider clock, CaseActor actor, Case c, CaseStepInput step, CancellationToken ct, CaseRules? known = null)
    {
        var now = clock.GetUtcNow();
        // A round of escalations reads the rules once, not once a case.
        var rules = known ?? await RulesAsync(db, now, ct);
        StepUnit? unit = null;
        if (step.Action == CaseAction.Assign && step.UnitId is { } unitId
            && await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Id, u.DivisionCode }).FirstOrDefaultAsync(ct) is { } found)
        {
            unit = new StepUnit(found.Id, actor.Covers(found.DivisionCode));
        }
        MergeTarget? target = null;
        if (step.Action == CaseAction.Merge && Domain.Cases.TrackingCode.Normalize(step.MergeIntoCode) is { } code
            && await db.Cases.AsNoTracking().Where(x => x.TrackingCode == code).Select(x => new { x.Id, x.Status, x.VillageCode }).FirstOrDefaultAsync(ct) is { } merge)
        {
            target = new MergeTarget(merge.Id, merge.Status, actor.Covers(merge.VillageCode));
        }
        var from = c.Status;
        var outcome = CaseSteps.Apply(c, step, new StepFacts(now, actor.UserName, rules, unit, target));
        if (outcome.Refusal is { } refusal)
        {
            return new CaseResult(null, [refusal]);
        }
        var steps = outcome.Steps.ToList();
        if (outcome.LevelChanged)
        {
            await RouteAsync(db, c, rules, ct);
            steps[^1].HolderUnitId = c.HolderUnitId;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.CaseSteps.AddRange(steps);
        await db.SaveChangesAsync(ct);
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord("case." + step.Action.ToString().ToLowerInvariant(), "case",
            c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.VillageCode, new { status = from },
            new { status = c.Status, c.Level, c.HolderDivision, c.HolderUnitId, note = CaseSteps.Clean(step.Note) }), ct);
        await FieldRollups.MarkAsync(db, [c.VillageCode], ct);
        await tx.CommitAsync(ct);
        return new CaseResult(c, []);
    }

    /// <summary>A case that reached the county or the city goes to the unit <see cref="CaseSteps.RoutedTo"/> and <see cref="CaseSteps.Choose"/> name; none such, the office keeps it.</summary>
    private static async Task RouteAsync(LiaisonDb db, Case c, CaseRules rules, CancellationToken ct)
    {
        if (CaseSteps.RoutedTo(c, rules) is not { } kind)
        {
            return;
        }
        var open = CaseLifecycle.OpenStatuses.ToArray();
        var division = c.HolderDivision;
        var units = await db.Units.AsNoTracking().Where(u => u.DivisionCode == division && u.Category == kind)
            .Select(u => new { u.Id, u.Code, Open = db.Cases.Count(x => x.HolderUnitId == u.Id && open.Contains(x.Status)) })
            .ToListAsync(ct);
        c.HolderUnitId = CaseSteps.Choose(units.Select(u => (u.Id, u.Code, u.Open)));
    }

    /// <summary>Whether the actor holds the case at its level: the holding division's office (or above), or the unit it is assigned to.</summary>
    public static bool Holds(CaseActor actor, Case c) => actor.Covers(c.HolderDivision) || (actor.UnitId is { } u && c.HolderUnitId == u);

    /// <summary>Whether the actor may see the case at all: its village in scope, or held by the actor. Outside this a case does not exist.</summary>
    public static bool Sees(CaseActor actor, Case c) => actor.Covers(c.VillageCode) || Holds(actor, c);

    public static Term Holder(Case c) => CaseWords.Level(c.Level);

    /// <summary>The case rules of the year a moment falls in.</summary>
    public static async Task<CaseRules> RulesAsync(LiaisonDb db, DateTimeOffset now, CancellationToken ct) =>
        (await PolicyStore.GetAsync(db, ChinaTime.DateOf(now).Year, ct)).Policy.Cases;


    /// <summary>Text as stored (<see cref="CaseSteps.Clean"/>).</summary>
    internal static string? Clean(string? text) => CaseSteps.Clean(text);
}
