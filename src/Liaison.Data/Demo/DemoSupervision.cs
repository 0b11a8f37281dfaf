using System.Globalization;
using Liaison.Data.Supervision;
using Liaison.Domain.Cases;
using Liaison.Domain.Divisions;
using Liaison.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Demo;

/// <summary>What the demo's year of supervision made.</summary>
public sealed record DemoSupervisionCounts(int Inspections, int Calls, int Findings, int Notices, int Orders);

/// <summary>
/// 督查 of a demo year (issue 22), at believable rates and from the demo's truth (<see cref="DemoTruth"/>):
/// every county inspects a few villages each quarter gone, drawn by township with a seed of its own —
/// cadres found present about nine times in ten, far less in the villages the demo made dishonest, whose
/// records books do not match —; draws one call sample of the year's visits at the policy's precision,
/// answered by the households as the demo's truth says, and records a finding for every village the test
/// flags; issues a notice criticising the villages found absent or untrue and one commending villages found
/// well; and orders each grave finding rectified on the cases' calendar, most closed on time, some late,
/// some still open and escalated. Written inside the caller's transaction.
/// </summary>
internal static class DemoSupervision
{
    public static async Task<DemoSupervisionCounts> WriteAsync(LiaisonDb db, Random rng, int year, DateOnly last, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var policy = (await Policy.PolicyStore.GetAsync(db, year, ct)).Policy;
        var rules = policy.Supervision;
        var calendar = CaseSteps.Calendar(policy.Cases);
        var villages = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Village && d.WithdrawnOn == null).OrderBy(d => d.Code).Select(d => d.Code).ToListAsync(ct);
        var counties = villages.GroupBy(v => v[..6]).ToList();
        // Who should be in each village: its First Secretary, else a tied cadre.
        var posted = await db.SecretaryPostings.AsNoTracking().Where(p => p.Year == year && p.Until == null).Select(p => new { p.VillageCode, p.CadreId }).ToListAsync(ct);
        var tied = await db.LiaisonTies.AsNoTracking().Where(t => t.Year == year && t.Until == null && t.CadreId != null && t.DivisionCode.Length == 12)
            .Select(t => new { t.DivisionCode, Cadre = t.CadreId!.Value }).ToListAsync(ct);
        var stationed = tied.GroupBy(t => t.DivisionCode).ToDictionary(g => g.Key, g => g.Min(t => t.Cadre), StringComparer.Ordinal);
        foreach (var p in posted)
        {
            stationed[p.VillageCode] = p.CadreId;
        }
        var units = await db.Cadres.AsNoTracking().Where(c => stationed.Values.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.UnitId, ct);

        var findings = new List<Finding>();
        var inspections = 0;
        var calls = 0;
        Finding Found(FindingSource source, long sourceId, string village, string kind, string text, DateOnly on)
        {
            var k = rules.Find(kind)!;
            int? cadre = stationed.TryGetValue(village, out var c) ? c : null;
            return new Finding
            {
                Source = source,
                SourceId = sourceId,
                DivisionCode = village,
                Kind = kind,
                Severity = k.Severity,
                CadreId = cadre,
                UnitId = cadre is { } id ? units.GetValueOrDefault(id) : null,
                Text = text,
                On = on,
                RecordedBy = actor,
                RecordedAt = now,
            };
        }

        foreach (var county in counties)
        {
            var list = county.ToList();
            // A round a quarter, each quarter gone: a village in sixty, by township.
            for (var quarter = 0; quarter < 4; quarter++)
            {
                var start = new DateOnly(year, (quarter * 3) + 1, 1);
                if (start > last)
                {
                    break;
                }
                var span = Math.Min(last.DayNumber, start.AddMonths(3).AddDays(-1).DayNumber) - start.DayNumber + 1;
                var day = start.AddDays(rng.Next(span));
                var round = new InspectionRound
                {
                    DivisionCode = county.Key,
                    Title = string.Create(CultureInfo.InvariantCulture, $"{year} 年第{"一二三四"[quarter]}季度驻村暗访"),
                    PlannedFor = day,
                    Method = DrawMethod.ByTownship,
                    Seed = rng.Next(1, int.MaxValue),
                    PlannedBy = actor,
                    PlannedAt = now,
                };
                db.InspectionRounds.Add(round);
                await db.SaveChangesAsync(ct);
                var drawn = Sampling.Stratified(list, v => v[..9], Math.Clamp(list.Count / 60, 3, 30), round.Seed);
                var rows = drawn.Select(v =>
                {
                    var dishonest = DemoTruth.Dishonest(v);
                    return new Inspection
                    {
                        RoundId = round.Id,
                        VillageCode = v,
                        InspectedOn = day,
                        Present = rng.NextDouble() < (dishonest ? 0.4 : 0.92),
                        TiesMatch = rng.NextDouble() < 0.95,
                        Noticeboard = rng.NextDouble() < 0.88,
                        ContactCards = rng.NextDouble() < 0.85,
                        SuggestionBox = rng.NextDouble() < 0.9,
                        RecordsBook = rng.NextDouble() < (dishonest ? 0.3 : 0.95),
                        VillagersAsked = 3 + rng.Next(6),
                        RecordedBy = actor,
                        RecordedAt = now,
                    };
                }).ToList();
                db.Inspections.AddRange(rows);
                await db.SaveChangesAsync(ct);
                inspections += rows.Count;
                foreach (var i in rows)
                {
                    if (i.Present == false)
                    {
                        findings.Add(Found(FindingSource.Inspection, i.Id, i.VillageCode, "absent", "工作日到村检查，驻村干部不在村，未请假", day));
                    }
                    if (i.RecordsBook == false)
                    {
                        findings.Add(Found(FindingSource.Inspection, i.Id, i.VillageCode, "visits-untrue", "民情日记与系统走访记录不符，随机询问农户称未见干部上门", day));
                    }
                    if (i.Noticeboard == false)
                    {
                        findings.Add(Found(FindingSource.Inspection, i.Id, i.VillageCode, "noticeboard", "公开承诺未在村务公开栏公示", day));
                    }
                    if (i.ContactCards == false)
                    {
                        findings.Add(Found(FindingSource.Inspection, i.Id, i.VillageCode, "contact-cards", "部分农户未收到干部联系卡", day));
                    }
                }
            }

            // The year's call sample, at the policy's precision, answered from the demo's truth.
            var frame = await db.HouseholdVisits.AsNoTracking().Where(v => v.VillageCode.StartsWith(county.Key) && v.Year == year && v.VisitedOn <= last)
                .Join(db.Cadres.AsNoTracking(), v => v.CadreId, c => c.Id, (v, c) => new { v.Id, v.HouseholdId, v.VillageCode, v.CadreId, c.UnitId, v.VisitedOn, v.IssueCount })
                .OrderBy(v => v.Id).ToListAsync(ct);
            if (frame.Count == 0)
            {
                continue;
            }
            var sample = new CallSample
            {
                DivisionCode = county.Key,
                From = new DateOnly(year, 1, 1),
                To = last,
                Design = SampleDesign.Township,
                Seed = rng.Next(1, int.MaxValue),
                FrameSize = frame.Count,
                Margin = rules.Margin,
                Confidence = rules.Confidence,
                DrawnBy = actor,
                DrawnAt = now,
            };
            var sampleCalls = await CallSampleStore.WriteAsync(db, sample, frame.Select(v => new FrameVisit(v.Id, v.HouseholdId, v.VillageCode, v.CadreId, v.UnitId)).ToList(),
                (int)rules.SampleSize(frame.Count).Drawn, ct);
            var facts = frame.ToDictionary(v => v.Id);
            foreach (var c in sampleCalls)
            {
                var v = facts[c.VisitId];
                var answer = DemoTruth.Answer(c.Id, v.VillageCode, v.HouseholdId, v.CadreId, v.VisitedOn, v.IssueCount);
                (c.Outcome, c.Visited, c.WhenMatches, c.ProblemTakenUp, c.Satisfaction, c.Note, c.CalledBy, c.CalledAt) =
                    (answer.Outcome, answer.Visited, answer.WhenMatches, answer.ProblemTakenUp, answer.Satisfaction, answer.Note, actor, now);
            }
            await db.SaveChangesAsync(ct);
            calls += sampleCalls.Count;
            var result = await SampleResults.ReadAsync(Access.Scoped.Operator(db), sample.Id, rules, ct);
            foreach (var flagged in result?.Villages ?? [])
            {
                findings.Add(Found(FindingSource.Calls, sample.Id, flagged.Key, "visits-untrue",
                    string.Create(CultureInfo.InvariantCulture, $"电话核实接通 {flagged.Test.Reached} 户，{flagged.Test.Unconfirmed} 户称干部未上门走访"), last));
            }
        }
        db.Findings.AddRange(findings);
        await db.SaveChangesAsync(ct);

        // Notices: each county criticises its villages found absent or untrue, and commends a few found well.
        var notices = 0;
        var inspected = await db.Inspections.AsNoTracking().Where(i => i.InspectedOn != null && i.Present == true && i.RecordsBook == true && i.Noticeboard == true)
            .Select(i => i.VillageCode).Distinct().ToListAsync(ct);
        foreach (var county in findings.Where(f => f.Kind is "absent" or "visits-untrue").GroupBy(f => f.DivisionCode[..6]).OrderBy(g => g.Key))
        {
            var grave = county.Take(12).ToList();
            var issuedOn = last.AddDays(-rng.Next(10));
            var criticism = new Notice
            {
                DivisionCode = county.Key,
                Kind = NoticeKind.Criticism,
                Title = string.Create(CultureInfo.InvariantCulture, $"关于{year}年驻村工作督查发现问题的通报"),
                Body = "经暗访检查和电话核实，以下村存在驻村干部不在岗、走访记录与实际不符等问题：" + string.Join("；", grave.Select(f => f.Text).Distinct()),
                Required = string.Create(CultureInfo.InvariantCulture, $"有关单位和干部于 {rules.RectificationDays} 个工作日内整改到位并书面报告。"),
                Status = NoticeStatus.Issued,
                Public = rules.PublishNotices,
                IssuedOn = issuedOn,
                IssuedBy = actor,
                DraftedBy = actor,
                DraftedAt = now,
            };
            db.Notices.Add(criticism);
            await db.SaveChangesAsync(ct);
            db.NoticeVersions.Add(new NoticeVersion { NoticeId = criticism.Id, Version = 1, Title = criticism.Title, Body = criticism.Body, Required = criticism.Required, SavedBy = actor, SavedAt = now });
            db.NoticeFindings.AddRange(grave.Select(f => new NoticeFinding { NoticeId = criticism.Id, FindingId = f.Id }));
            db.NoticeSubjects.AddRange(grave.Select(f => f.DivisionCode).Distinct().Select(v => new NoticeSubject { NoticeId = criticism.Id, VillageCode = v }));
            db.NoticeSubjects.AddRange(grave.Where(f => f.CadreId != null).Select(f => f.CadreId).Distinct().Select(c => new NoticeSubject { NoticeId = criticism.Id, CadreId = c }));
            var good = inspected.Where(v => v.StartsWith(county.Key, StringComparison.Ordinal)).Take(3).ToList();
            if (good.Count > 0)
            {
                var commendation = new Notice
                {
                    DivisionCode = county.Key,
                    Kind = NoticeKind.Commendation,
                    Title = string.Create(CultureInfo.InvariantCulture, $"关于{year}年驻村工作先进典型的通报"),
                    Body = "暗访检查中，以下村驻村干部在岗在位，走访记录真实，公开承诺上墙，群众评价好，予以通报表扬。",
                    Status = NoticeStatus.Issued,
                    Public = rules.PublishNotices,
                    IssuedOn = issuedOn,
                    IssuedBy = actor,
                    DraftedBy = actor,
                    DraftedAt = now,
                };
                db.Notices.Add(commendation);
                await db.SaveChangesAsync(ct);
                db.NoticeVersions.Add(new NoticeVersion { NoticeId = commendation.Id, Version = 1, Title = commendation.Title, Body = commendation.Body, SavedBy = actor, SavedAt = now });
                db.NoticeSubjects.AddRange(good.Select(v => new NoticeSubject { NoticeId = commendation.Id, VillageCode = v }));
                notices++;
            }
            notices++;
        }

        // Orders: each grave finding rectified within the policy's working days; most closed on time.
        var orders = new List<(RectificationOrder Order, List<OrderStep> Steps)>();
        foreach (var f in findings.Where(f => f.Severity >= 2))
        {
            var due = calendar.AddWorkingDays(f.On, rules.RectificationDays);
            var order = new RectificationOrder
            {
                DivisionCode = f.DivisionCode[..6],
                FindingId = f.Id,
                VillageCode = f.DivisionCode,
                CadreId = f.CadreId,
                What = f.Kind == "absent" ? "落实驻村干部在岗和请销假制度，书面说明不在岗原因" : "核查并更正不实走访记录，逐户补走访",
                OrderedOn = f.On,
                Due = due,
                IssuedBy = actor,
                IssuedAt = now,
            };
            var steps = new List<OrderStep>();
            var roll = rng.NextDouble();
            if (due < last && roll < 0.85)
            {
                var reported = roll < 0.72 ? f.On.AddDays(1 + rng.Next(Math.Max(1, due.DayNumber - f.On.DayNumber))) : due.AddDays(1 + rng.Next(10));
                var closed = reported.AddDays(rng.Next(4));
                if (closed <= last)
                {
                    steps.Add(new OrderStep { Kind = OrderStepKind.Report, Text = "已整改，附说明和佐证材料", On = reported, By = actor, At = now });
                    steps.Add(new OrderStep { Kind = OrderStepKind.Accept, Text = "", On = closed, By = actor, At = now });
                    (order.Status, order.ClosedOn) = (OrderStatus.Accepted, closed);
                }
            }
            if (order.Status != OrderStatus.Accepted && due < last)
            {
                order.EscalatedOn = due.AddDays(1);
                steps.Add(new OrderStep { Kind = OrderStepKind.Escalate, Text = "超过整改期限，督办", On = due.AddDays(1), By = "system", At = now });
            }
            orders.Add((order, steps));
        }
        db.RectificationOrders.AddRange(orders.Select(o => o.Order));
        await db.SaveChangesAsync(ct);
        foreach (var (order, steps) in orders)
        {
            steps.ForEach(s => s.OrderId = order.Id);
            db.OrderSteps.AddRange(steps);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return new DemoSupervisionCounts(inspections, calls, findings.Count, notices, orders.Count);
    }
}
