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
            var c = new Case
            {
                Id = caseIds[i],
                TrackingCode = TrackingCode.New(),
                Kind = kind,
                Category = categories[rng.Next(categories.Length)],
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
                DueOn = calendar.AddWorkingDays(day, rules.DeadlinesFor("other").At(CaseLevel.Village)),
            };
            steps.Add(Step(c, received, CaseAction.Receive, CaseStatus.Received, null));
            Settle(c, rng, calendar, rules, last, steps);
            cases.Add(c);
            visitIssues.Add(new VisitIssue { Id = issueIds[i], VisitId = visit.Id, VillageCode = visit.VillageCode, HouseholdId = visit.HouseholdId, Text = issues[i].Text, RaisedOn = day, CaseId = c.Id });
        }
        await DatabaseSql.For(db).UpsertAsync(TableSpec.For<VisitIssue>(db, [nameof(VisitIssue.Id)], nameof(VisitIssue.Id), nameof(VisitIssue.VisitId), nameof(VisitIssue.VillageCode),
            nameof(VisitIssue.HouseholdId), nameof(VisitIssue.Text), nameof(VisitIssue.RaisedOn), nameof(VisitIssue.CaseId)), visitIssues, null, ct);
        await DatabaseSql.For(db).UpsertAsync(TableSpec.For<Case>(db, [nameof(Case.Id)], nameof(Case.Id), nameof(Case.TrackingCode), nameof(Case.Kind), nameof(Case.Category),
            nameof(Case.Channel), nameof(Case.VillageCode), nameof(Case.HouseholdId), nameof(Case.Description), nameof(Case.CadreId), nameof(Case.VisitIssueId),
            nameof(Case.ReceivedAt), nameof(Case.ReceivedOn), nameof(Case.Year), nameof(Case.ReceivedBy), nameof(Case.Status), nameof(Case.Level), nameof(Case.HolderDivision), nameof(Case.DueOn),
            nameof(Case.Escalations), nameof(Case.ClosedAt), nameof(Case.OnTime), nameof(Case.Reply), nameof(Case.RepliedAt), nameof(Case.FollowUpSolved),
            nameof(Case.Satisfaction), nameof(Case.FollowedUpAt), nameof(Case.Bounces), nameof(Case.Reopens), nameof(Case.Version)), cases, null, ct);
        await DatabaseSql.For(db).UpsertAsync(TableSpec.For<CaseStep>(db, [nameof(CaseStep.Id)], nameof(CaseStep.CaseId), nameof(CaseStep.At), nameof(CaseStep.Actor),
            nameof(CaseStep.Action), nameof(CaseStep.From), nameof(CaseStep.To), nameof(CaseStep.Level), nameof(CaseStep.HolderDivision), nameof(CaseStep.Note)), steps, null, ct);

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
    /// Where a generated case stands by the last day: 35.6 % adopted or resolved by the village, 10 %
    /// explained, escalated and resolved by the township (45.6 % adopted and completed in all), 4.4 %
    /// closed not fixed, 1 % withdrawn, 9 % escalated and open, the rest open — and every open case
    /// passed up at each deadline since, as the server's clock does, so that none is overdue below the city.
    /// </summary>
    private static void Settle(Case c, Random rng, WorkCalendar calendar, CaseRules rules, DateOnly last, List<CaseStep> steps)
    {
        var draw = rng.NextDouble();
        var day = ChinaTime.DateOf(c.ReceivedAt);
        var closedDay = DateOnly.FromDayNumber(Math.Min(last.DayNumber, day.DayNumber + rng.Next(0, 12)));
        var closedAt = ChinaTime.StartOfDay(closedDay).AddHours(15).ToUniversalTime();
        if (closedAt < c.ReceivedAt)
        {
            closedAt = c.ReceivedAt.AddHours(1);
        }
        var reply = Replies[rng.Next(Replies.Length)];
        if (draw < 0.50)
        {
            var from = CaseStatus.Received;
            if (draw is >= 0.356 and < 0.456)
            {
                Escalate(c, calendar, rules, day, c.ReceivedAt.AddHours(1), reply, steps);
                from = CaseStatus.Escalated;
            }
            c.Status = draw >= 0.456 ? CaseStatus.ClosedNotFixed : c.Kind == CaseKind.Suggestion && draw < 0.356 ? CaseStatus.Adopted : CaseStatus.Resolved;
            c.ClosedAt = closedAt;
            c.OnTime = ChinaTime.DateOf(closedAt) <= c.DueOn;
            c.Reply = reply;
            c.RepliedAt = closedAt;
            steps.Add(Step(c, closedAt, c.Status switch { CaseStatus.Adopted => CaseAction.Adopt, CaseStatus.Resolved => CaseAction.Resolve, _ => CaseAction.CloseNotFixed }, from, reply));
            if (rng.NextDouble() < 0.6)
            {
                c.FollowUpSolved = c.Status != CaseStatus.ClosedNotFixed;
                c.Satisfaction = c.Status == CaseStatus.ClosedNotFixed ? rng.Next(1, 4) : rng.Next(4, 6);
                c.FollowedUpAt = closedAt.AddHours(2);
                steps.Add(Step(c, c.FollowedUpAt.Value, CaseAction.FollowUp, c.Status, $"solved={c.FollowUpSolved}; satisfaction={c.Satisfaction}"));
            }
        }
        else if (draw < 0.51)
        {
            c.Status = CaseStatus.Withdrawn;
            steps.Add(Step(c, closedAt, CaseAction.Withdraw, CaseStatus.Received, null));
        }
        else
        {
            if (draw < 0.60)
            {
                Escalate(c, calendar, rules, day, c.ReceivedAt.AddHours(1), reply, steps);
            }
            else
            {
                c.Status = draw < 0.8 ? CaseStatus.Accepted : CaseStatus.InProgress;
                steps.Add(Step(c, c.ReceivedAt.AddHours(2), draw < 0.8 ? CaseAction.Accept : CaseAction.Start, CaseStatus.Received, null));
            }
            // Still open: the server's clock would have passed it up at each deadline since, as far as the city.
            // "today" for the clock is the day after the last generated day.
            while (c.DueOn <= last && CaseLifecycle.Above(c.Level) is { } above)
            {
                var due = c.DueOn.AddDays(1);
                var from = c.Status;
                CaseSteps.Escalate(c, above, due, calendar, rules);
                c.Status = CaseStatus.Escalated;
                var at = ChinaTime.StartOfDay(due).AddHours(1).ToUniversalTime();
                var step = Step(c, at, CaseAction.AutoEscalate, from, "超过办理时限自动上报");
                step.Actor = "system";
                steps.Add(step);
            }
        }
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
