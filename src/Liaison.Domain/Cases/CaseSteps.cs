using Liaison.Domain.Policy;
using Liaison.Domain.Shared;

namespace Liaison.Domain.Cases;

/// <summary>A step on a case: the action, the handler's note (the reply to the person when closing or escalating), and what the action needs.</summary>
public sealed record CaseStepInput(CaseAction Action, string? Note = null, int? UnitId = null, string? MergeIntoCode = null, bool? Solved = null, int? Satisfaction = null);

/// <summary>A unit a step names, as the store found it: its id, and whether it lies within the actor's reach.</summary>
public sealed record StepUnit(int Id, bool InReach);

/// <summary>The case a merge names, as the store found it by its tracking code.</summary>
public sealed record MergeTarget(long Id, CaseStatus Status, bool InReach);

/// <summary>What a step is decided on besides the case: when, by whom, the year's rules, and what the store looked up for it.</summary>
public sealed record StepFacts(DateTimeOffset Now, string Actor, CaseRules Rules, StepUnit? Unit = null, MergeTarget? Target = null)
{
    public DateOnly Today => ChinaTime.DateOf(Now);

    public WorkCalendar Calendar => CaseSteps.Calendar(Rules);
}

/// <summary>A step decided: refused with a problem, or taken, with the history it leaves (the actor's step and any the system took after it).</summary>
public sealed record StepOutcome(Problem? Refusal, IReadOnlyList<CaseStep> Steps, bool LevelChanged)
{
    public static StepOutcome Refused(string field, string zh, string en) => new(new Problem(field, zh, en), [], false);
}

/// <summary>
/// The rules of a step on a case (DOMAIN.md section 5): which actions the state allows, what each
/// needs (a unit, a reply to the person, a satisfaction), deadlines by level in working days,
/// bounces past the policy's limit sending the case up, reopening. The store loads what a step
/// names, calls <see cref="Apply"/>, routes a case that changed level and writes the outcome.
/// </summary>
public static class CaseSteps
{
    public const int MaxNote = 1_000;

    /// <summary>Applies <paramref name="step"/> to <paramref name="c"/> (changed in place when taken).</summary>
    public static StepOutcome Apply(Case c, CaseStepInput step, StepFacts facts)
    {
        if (CaseLifecycle.Next(c.Status, step.Action, c.Kind) is not { } to)
        {
            var (zh, en) = CaseLifecycle.Refusal(c.Status, step.Action, c.Kind);
            return StepOutcome.Refused("action", zh, en);
        }
        var note = Clean(step.Note);
        if (note is { Length: > MaxNote })
        {
            return StepOutcome.Refused("note", $"说明不超过 {MaxNote} 字", $"a note has at most {MaxNote} characters");
        }
        var (now, today, rules) = (facts.Now, facts.Today, facts.Rules);
        var from = c.Status;
        var levelBefore = c.Level;
        var bouncedOut = false;
        switch (step.Action)
        {
            case CaseAction.Assign:
                if (step.UnitId is null)
                {
                    return StepOutcome.Refused("unitId", "请选择承办单位", "choose the unit that takes the case");
                }
                if (facts.Unit is not { InReach: true } unit)
                {
                    return StepOutcome.Refused("unitId", "承办单位不在你的管辖范围内", "the unit lies outside your jurisdiction");
                }
                // Passed on again at the same level: a bounce. Past the policy's limit the case goes up.
                if (c.HolderUnitId is not null && c.HolderUnitId != unit.Id)
                {
                    c.Bounces++;
                    bouncedOut = c.Bounces > rules.MaxBounces && c.Level != CaseLevel.City;
                }
                c.HolderUnitId = unit.Id;
                break;
            case CaseAction.Escalate or CaseAction.AutoEscalate:
                if (CaseLifecycle.Above(c.Level) is not { } above)
                {
                    return StepOutcome.Refused("action", "已在市级办理，不能再上报", "the case is at the city already; there is no level above");
                }
                if (step.Action == CaseAction.Escalate && note is null)
                {
                    return StepOutcome.Refused("note", "上报前须向群众解释：请写明解释内容", "explain to the person before escalating: write the explanation");
                }
                Escalate(c, above, today, facts.Calendar, rules);
                c.Reply = note;
                c.RepliedAt = note is null ? c.RepliedAt : now;
                break;
            case CaseAction.Resolve or CaseAction.Adopt or CaseAction.CloseNotFixed:
                if (note is null)
                {
                    return StepOutcome.Refused("note", "办结须答复群众：请写明答复内容", "closing needs a reply to the person: write it");
                }
                c.ClosedAt = now;
                c.OnTime = today <= c.DueOn;
                c.Reply = note;
                c.RepliedAt = now;
                break;
            case CaseAction.Reopen:
                Reopen(c, today, facts.Calendar, rules);
                break;
            case CaseAction.Merge:
                if (facts.Target is not { } target || target.Id == c.Id || target.Status == CaseStatus.Merged || !target.InReach)
                {
                    return StepOutcome.Refused("mergeInto", "请填写同一管辖范围内另一件未合并事项的查询码", "give the tracking code of another, unmerged case in your jurisdiction");
                }
                c.MergedIntoId = target.Id;
                break;
            case CaseAction.FollowUp:
                if (step.Satisfaction is not (>= 1 and <= 5) || step.Solved is null)
                {
                    return StepOutcome.Refused("satisfaction", "请回答是否解决，并给出 1–5 的满意度", "say whether it was solved and give a satisfaction of 1 to 5");
                }
                c.FollowUpSolved = step.Solved;
                c.Satisfaction = step.Satisfaction;
                c.FollowedUpAt = now;
                // "Closed but not fixed" in the person's own words: the case opens again where it was closed.
                if (step.Solved == false && c.Status is CaseStatus.Resolved or CaseStatus.Adopted)
                {
                    Reopen(c, today, facts.Calendar, rules);
                    to = CaseStatus.Accepted;
                }
                break;
        }
        c.Status = to;
        c.Version++;
        // The step as taken, before the system's own step (a bounce past the limit) moves the case on.
        var steps = new List<CaseStep> { Step(c, now, facts.Actor, step.Action, from, note, step.Action == CaseAction.FollowUp ? $"solved={step.Solved}; satisfaction={step.Satisfaction}" : null) };
        if (bouncedOut)
        {
            var was = c.Status;
            Escalate(c, CaseLifecycle.Above(c.Level)!.Value, today, facts.Calendar, rules);
            c.Status = CaseStatus.Escalated;
            steps.Add(Step(c, now, "system", CaseAction.AutoEscalate, was, $"交办超过 {rules.MaxBounces} 次，自动上报 / passed on more than {rules.MaxBounces} times"));
        }
        return new StepOutcome(null, steps, c.Level != levelBefore);
    }

    /// <summary>The working days of the year's case rules: weekends and holidays off, worked weekend days on.</summary>
    public static WorkCalendar Calendar(CaseRules rules) => new(rules.Holidays, rules.WorkedWeekendDays);

    /// <summary>The first step of every case's history: received, at the village, by whoever entered it.</summary>
    public static CaseStep Received(Case c, string actor) => Step(c, c.ReceivedAt, actor, CaseAction.Receive, CaseStatus.Received, null);

    /// <summary>Passes a case to the level above: its division there, no unit, bounces counted afresh, the new level's deadline from <paramref name="today"/>.</summary>
    public static void Escalate(Case c, CaseLevel above, DateOnly today, WorkCalendar calendar, CaseRules rules)
    {
        c.Level = above;
        c.HolderDivision = CaseLifecycle.DivisionAt(c.VillageCode, above);
        c.HolderUnitId = null;
        c.Bounces = 0;
        c.Escalations++;
        c.DueOn = calendar.AddWorkingDays(today, rules.DeadlinesFor(c.Category).At(above));
    }

    /// <summary>
    /// The kind of unit a case goes to when it reaches the county or the city: the one its category
    /// names (policy <c>cases.categories[].units</c>); null, the office keeps it.
    /// </summary>
    public static People.UnitCategory? RoutedTo(Case c, CaseRules rules) =>
        c.Level is CaseLevel.County or CaseLevel.City ? rules.Categories.FirstOrDefault(x => x.Code == c.Category)?.Units : null;

    /// <summary>Of the units of that kind in the holding division, the one holding the fewest open cases (ties by code).</summary>
    public static int? Choose(IEnumerable<(int Id, string Code, int Open)> units) =>
        units.OrderBy(u => u.Open).ThenBy(u => u.Code, StringComparer.Ordinal).Select(u => (int?)u.Id).FirstOrDefault();

    /// <summary>Text as stored: trimmed, control characters other than line breaks removed; empty is null.</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var kept = new string(text.Where(ch => !char.IsControl(ch) || ch is '\n').ToArray()).Trim();
        return kept.Length == 0 ? null : kept;
    }

    private static void Reopen(Case c, DateOnly today, WorkCalendar calendar, CaseRules rules)
    {
        c.Reopens++;
        c.ClosedAt = null;
        c.OnTime = null;
        c.DueOn = calendar.AddWorkingDays(today, rules.DeadlinesFor(c.Category).At(c.Level));
    }

    private static CaseStep Step(Case c, DateTimeOffset now, string actor, CaseAction action, CaseStatus from, string? note, string? extra = null) => new()
    {
        CaseId = c.Id,
        At = now,
        Actor = actor,
        Action = action,
        From = from,
        To = c.Status,
        Level = c.Level,
        HolderDivision = c.HolderDivision,
        HolderUnitId = c.HolderUnitId,
        Note = extra is null ? note : note is null ? extra : $"{note} ({extra})",
    };
}
