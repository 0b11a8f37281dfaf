using Liaison.Data.Database;
using Liaison.Data.Database.Sql;
using Liaison.Domain.Cases;
using Liaison.Domain.Field;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;

namespace Liaison.Data.Demo;

/// <summary>
/// The cases, disputes and errands of a demo year, at the source's rates (DOMAIN.md section 3): every
/// issue raised on a generated visit is a case (74,506 collected; 33,940 — about 45.6 % — adopted and
/// completed), about one dispute per 13 issues with 91 % mediated (5,270), about one errand per four
/// issues with 95 % done (18,000). Written in bulk inside the caller's transaction.
/// </summary>
internal static class DemoCases
{
    public const double DisputesPerIssue = 5_800 / 74_506.0;
    public const double ErrandsPerIssue = 19_000 / 74_506.0;

    private static readonly string[] Replies = ["已协调解决", "已纳入村里计划并实施", "已向群众解释政策", "已联系有关部门办理"];
    private static readonly string[] DisputeTexts = ["邻里因排水沟发生争执", "宅基地边界纠纷", "赡养老人问题家庭矛盾", "土地承包经营权纠纷", "务工工资拖欠"];
    private static readonly string[] ErrandTexts = ["代办高龄补贴申请", "代办身份证换领", "代办新农合缴费", "代办营业执照", "代办低保年审"];

    /// <summary>The issues of the visits as cases, then disputes and errands in the villages visited.</summary>
    public static async Task<(int Cases, int Disputes, int Errands)> WriteAsync(LiaisonDb db, Random rng, CaseRules rules, DateOnly last,
        List<HouseholdVisit> visits, List<(int Visit, string Text)> issues, CancellationToken ct)
    {
        var calendar = CaseSteps.Calendar(rules);
        var categories = rules.Categories.Select(c => c.Code).ToArray();
        var issueIds = await DatabaseSql.For(db).ReserveIdsAsync("visit_issues", issues.Count, ct);
        var caseIds = await DatabaseSql.For(db).ReserveIdsAsync("cases", issues.Count, ct);
        var cases = new List<Case>(issues.Count);
        var steps = new List<CaseStep>(issues.Count * 2);
        var visitIssues = new List<VisitIssue>(issues.Count);
        for (var i = 0; i < issues.Count; i++)
        {
            var visit = visits[issues[i].Visit];
            var received = visit.VisitedAt.ToUniversalTime();
            var day = ChinaTime.DateOf(received);
            var kindDraw = rng.NextDouble();
            var kind = kindDraw < 0.7 ? CaseKind.Problem : kindDraw < 0.9 ? CaseKind.Suggestion : CaseKind.Help;
            var category = categories[rng.Next(categories.Length)];
            var c = new Case
            {
                Id = caseIds[i],
                TrackingCode = TrackingCode.New(),
                Kind = kind,
                Category = category,
                Channel = CaseChannel.Visit,
                VillageCode = visit.VillageCode,
                HouseholdId = visit.HouseholdId,
                Description = issues[i].Text,
                CadreId = visit.CadreId,
                VisitIssueId = issueIds[i],
                ReceivedAt = received,
                Year = day.Year,
                ReceivedBy = visit.ReceivedBy,
                HolderDivision = visit.VillageCode,
                DueOn = calendar.AddWorkingDays(day, rules.DeadlinesFor(category).At(CaseLevel.Village)),
            };
            steps.Add(Step(c, received, CaseAction.Receive, CaseStatus.Received, null));
            Settle(c, rng, calendar, rules, last, steps);
            cases.Add(c);
            visitIssues.Add(new VisitIssue { Id = issueIds[i], VisitId = visit.Id, VillageCode = visit.VillageCode, HouseholdId = visit.HouseholdId, Text = issues[i].Text, RaisedOn = day, CaseId = c.Id });
        }
        await DatabaseSql.For(db).UpsertAsync(TableSpec.For<VisitIssue>(db, [nameof(VisitIssue.Id)], nameof(VisitIssue.Id), nameof(VisitIssue.VisitId), nameof(VisitIssue.VillageCode),
            nameof(VisitIssue.HouseholdId), nameof(VisitIssue.Text), nameof(VisitIssue.RaisedOn), nameof(VisitIssue.CaseId)), visitIssues, null, ct);
        await StoreAsync(db, cases, steps, ct);

        // Disputes and errands in the villages visited, through the year so far.
        var villages = visits.Select(v => (v.VillageCode, v.CadreId)).Distinct().ToArray();
        var first = new DateOnly(last.Year, 1, 1);
        var span = last.DayNumber - first.DayNumber + 1;
        DateOnly Day() => DateOnly.FromDayNumber(first.DayNumber + rng.Next(span));
        var disputes = new List<Dispute>();
        for (var i = 0; i < (int)Math.Round(issues.Count * DisputesPerIssue); i++)
        {
            var (village, cadre) = villages[rng.Next(villages.Length)];
            var on = Day();
            var mediated = rng.NextDouble() < 0.91;
            var closed = mediated || rng.NextDouble() < 0.5;
            var closedOn = DateOnly.FromDayNumber(Math.Min(last.DayNumber, on.DayNumber + rng.Next(1, 20)));
            disputes.Add(new Dispute
            {
                VillageCode = village,
                Kind = (DisputeKind)rng.Next(1, 6),
                Parties = "（演示）当事人甲、当事人乙",
                Summary = DisputeTexts[rng.Next(DisputeTexts.Length)],
                MediatorCadreId = cadre,
                ReportedOn = on,
                Year = on.Year,
                Outcome = mediated ? DisputeOutcome.Mediated : closed ? DisputeOutcome.Referred : DisputeOutcome.Open,
                ReferredTo = !mediated && closed ? "县人民法院" : null,
                AgreementOn = mediated ? closedOn : null,
                ClosedOn = closed ? closedOn : null,
                Steps = $"{on:yyyy-MM-dd} 上门调解",
                EnteredBy = "demo",
            });
        }
        var errands = new List<Errand>();
        for (var i = 0; i < (int)Math.Round(issues.Count * ErrandsPerIssue); i++)
        {
            var (village, cadre) = villages[rng.Next(villages.Length)];
            var on = Day();
            var done = rng.NextDouble() < 0.95;
            errands.Add(new Errand
            {
                VillageCode = village,
                Kind = (ErrandKind)rng.Next(1, 5),
                What = ErrandTexts[rng.Next(ErrandTexts.Length)],
                CadreId = cadre,
                RequestedOn = on,
                Year = on.Year,
                Status = done ? ErrandStatus.Done : ErrandStatus.Open,
                Result = done ? "已办结" : null,
                DoneOn = done ? DateOnly.FromDayNumber(Math.Min(last.DayNumber, on.DayNumber + rng.Next(1, 10))) : null,
                EnteredBy = "demo",
            });
        }
        await DatabaseSql.For(db).UpsertAsync(TableSpec.For<Dispute>(db, [nameof(Dispute.Id)], nameof(Dispute.Reference), nameof(Dispute.VillageCode), nameof(Dispute.Kind), nameof(Dispute.Parties),
            nameof(Dispute.Summary), nameof(Dispute.MediatorCadreId), nameof(Dispute.ReportedOn), nameof(Dispute.Year), nameof(Dispute.Outcome), nameof(Dispute.ReferredTo),
            nameof(Dispute.AgreementOn), nameof(Dispute.ClosedOn), nameof(Dispute.Steps), nameof(Dispute.EnteredBy)), disputes, null, ct);
        await DatabaseSql.For(db).UpsertAsync(TableSpec.For<Errand>(db, [nameof(Errand.Id)], nameof(Errand.VillageCode), nameof(Errand.Kind), nameof(Errand.What),
            nameof(Errand.CadreId), nameof(Errand.RequestedOn), nameof(Errand.Year), nameof(Errand.Status), nameof(Errand.Result), nameof(Errand.DoneOn),
            nameof(Errand.EnteredBy)), errands, null, ct);
        return (cases.Count, disputes.Count, errands.Count);
    }

    /// <summary>
    /// Cases raised elsewhere than on a visit (a night session's escalated matters), each received at
    /// its <see cref="Case.ReceivedAt"/> and settled as the visits' cases are; given their ids here.
    /// </summary>
    public static async Task WriteRaisedAsync(LiaisonDb db, Random rng, CaseRules rules, DateOnly last, List<Case> cases, CancellationToken ct)
    {
        var calendar = CaseSteps.Calendar(rules);
        var ids = await DatabaseSql.For(db).ReserveIdsAsync("cases", cases.Count, ct);
        var steps = new List<CaseStep>(cases.Count * 2);
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            c.Id = ids[i];
            c.DueOn = calendar.AddWorkingDays(c.ReceivedOn, rules.DeadlinesFor(c.Category).At(CaseLevel.Village));
            steps.Add(Step(c, c.ReceivedAt, CaseAction.Receive, CaseStatus.Received, null));
            Settle(c, rng, calendar, rules, last, steps);
        }
        await StoreAsync(db, cases, steps, ct);
    }

    private static async Task StoreAsync(LiaisonDb db, List<Case> cases, List<CaseStep> steps, CancellationToken ct)
    {
        await DatabaseSql.For(db).UpsertAsync(TableSpec.For<Case>(db, [nameof(Case.Id)], nameof(Case.Id), nameof(Case.TrackingCode), nameof(Case.Kind), nameof(Case.Category),
            nameof(Case.Channel), nameof(Case.VillageCode), nameof(Case.HouseholdId), nameof(Case.Description), nameof(Case.CadreId), nameof(Case.VisitIssueId), nameof(Case.NightSessionId),
            nameof(Case.ReceivedAt), nameof(Case.ReceivedOn), nameof(Case.Year), nameof(Case.ReceivedBy), nameof(Case.Status), nameof(Case.Level), nameof(Case.HolderDivision), nameof(Case.DueOn),
            nameof(Case.Escalations), nameof(Case.ClosedAt), nameof(Case.OnTime), nameof(Case.Reply), nameof(Case.RepliedAt), nameof(Case.FollowUpSolved),
            nameof(Case.Satisfaction), nameof(Case.FollowedUpAt), nameof(Case.Bounces), nameof(Case.Reopens), nameof(Case.Version)), cases, null, ct);
        await DatabaseSql.For(db).UpsertAsync(TableSpec.For<CaseStep>(db, [nameof(CaseStep.Id)], nameof(CaseStep.CaseId), nameof(CaseStep.At), nameof(CaseStep.Actor),
            nameof(CaseStep.Action), nameof(CaseStep.From), nameof(CaseStep.To), nameof(CaseStep.Level), nameof(CaseStep.HolderDivision), nameof(CaseStep.Note)), steps, null, ct);
    }

    /// <summary>
    /// Where a generated case stands by the last day. 1 % are withdrawn. The rest are handled as a
    /// working programme handles them: most by the village work group within its deadline, about one
    /// in eight explained and passed to the township at once and settled there in time, one in
    /// twenty-five slow (past the deadline, passed up by the clock, closed late above), and one in
    /// twenty long-running (a road, a well: months), which climb to the city at its deadlines as the
    /// server's clock passes them — the few percent overdue there. A case whose time has not come
    /// by the last day is still open where it stands. Those closed are adopted or completed at the
    /// source's rate (33,940 of 74,506) and closed unfixed, with the reason explained, otherwise.
    /// </summary>
    private static void Settle(Case c, Random rng, WorkCalendar calendar, CaseRules rules, DateOnly last, List<CaseStep> steps)
    {
        var day = ChinaTime.DateOf(c.ReceivedAt);
        var reply = Replies[rng.Next(Replies.Length)];
        if (rng.NextDouble() < 0.01)
        {
            c.Status = CaseStatus.Withdrawn;
            steps.Add(Step(c, CloseTime(c, DateOnly.FromDayNumber(Math.Min(last.DayNumber, day.DayNumber + rng.Next(0, 5)))), CaseAction.Withdraw, CaseStatus.Received, null));
            return;
        }
        var byChoice = rng.NextDouble() < 0.12;
        if (byChoice)
        {
            Escalate(c, calendar, rules, day, c.ReceivedAt.AddHours(1), reply, steps);
        }
        var pace = rng.NextDouble();
        var deadline = rules.DeadlinesFor(c.Category).At(c.Level);
        var closeDay = pace switch
        {
            < 0.05 => day.AddDays(60 + rng.Next(300)),
            < 0.09 => calendar.AddWorkingDays(day, deadline + 1 + rng.Next(2 * deadline)),
            _ => calendar.AddWorkingDays(day, rng.Next(deadline + 1)),
        };
        if (closeDay > last && !byChoice)
        {
            c.Status = rng.NextDouble() < 0.5 ? CaseStatus.Accepted : CaseStatus.InProgress;
            steps.Add(Step(c, c.ReceivedAt.AddHours(2), c.Status == CaseStatus.Accepted ? CaseAction.Accept : CaseAction.Start, CaseStatus.Received, null));
        }
        // Not closed by its deadline: the server's clock passes it up the next day, as far as the city.
        // "today" for the clock is the day after the last generated day.
        while (c.DueOn < closeDay && c.DueOn <= last && CaseLifecycle.Above(c.Level) is { } above)
        {
            var due = c.DueOn.AddDays(1);
            var from = c.Status;
            CaseSteps.Escalate(c, above, due, calendar, rules);
            c.Status = CaseStatus.Escalated;
            var step = Step(c, ChinaTime.StartOfDay(due).AddHours(1).ToUniversalTime(), CaseAction.AutoEscalate, from, "超过办理时限自动上报");
            step.Actor = "system";
            steps.Add(step);
        }
        if (closeDay > last)
        {
            return;
        }
        var closedAt = CloseTime(c, closeDay);
        var before = c.Status;
        var draw = rng.NextDouble();
        c.Status = draw >= 0.48 ? CaseStatus.ClosedNotFixed : c.Kind == CaseKind.Suggestion && c.Escalations == 0 ? CaseStatus.Adopted : CaseStatus.Resolved;
        c.ClosedAt = closedAt;
        c.OnTime = closeDay <= c.DueOn;
        c.Reply = reply;
        c.RepliedAt = closedAt;
        steps.Add(Step(c, closedAt, c.Status switch { CaseStatus.Adopted => CaseAction.Adopt, CaseStatus.Resolved => CaseAction.Resolve, _ => CaseAction.CloseNotFixed }, before, reply));
        if (rng.NextDouble() < 0.6)
        {
            c.FollowUpSolved = c.Status != CaseStatus.ClosedNotFixed;
            c.Satisfaction = c.Status == CaseStatus.ClosedNotFixed ? rng.Next(1, 4) : rng.Next(4, 6);
            c.FollowedUpAt = closedAt.AddHours(2);
            steps.Add(Step(c, c.FollowedUpAt.Value, CaseAction.FollowUp, c.Status, $"solved={c.FollowUpSolved}; satisfaction={c.Satisfaction}"));
        }
    }

    /// <summary>Three in the afternoon of the day, and never before the case's earlier steps (received, passed on within two hours).</summary>
    private static DateTimeOffset CloseTime(Case c, DateOnly day)
    {
        var at = ChinaTime.StartOfDay(day).AddHours(15).ToUniversalTime();
        return at > c.ReceivedAt.AddHours(2) ? at : c.ReceivedAt.AddHours(3);
    }

    private static void Escalate(Case c, WorkCalendar calendar, CaseRules rules, DateOnly day, DateTimeOffset at, string reply, List<CaseStep> steps)
    {
        CaseSteps.Escalate(c, CaseLevel.Township, day, calendar, rules);
        c.Status = CaseStatus.Escalated;
        c.Reply = reply;
        c.RepliedAt = at;
        steps.Add(Step(c, at, CaseAction.Escalate, CaseStatus.Received, "需上级统筹，已向群众解释"));
    }

    private static CaseStep Step(Case c, DateTimeOffset at, CaseAction action, CaseStatus from, string? note) => new()
    {
        CaseId = c.Id,
        At = at,
        Actor = action == CaseAction.FollowUp ? "public" : c.ReceivedBy,
        Action = action,
        From = from,
        To = c.Status,
        Level = c.Level,
        HolderDivision = c.HolderDivision,
        Note = note,
    };
}
