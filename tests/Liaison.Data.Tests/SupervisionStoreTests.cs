using Liaison.Data.Field;
using Liaison.Data.Liaisons;
using Liaison.Data.Supervision;
using Liaison.Domain.Cases;
using Liaison.Domain.Field;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Liaison.Domain.Supervision;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using R = Liaison.Domain.Reporting.Indicators;

namespace Liaison.Data.Tests;

/// <summary>督查 (issue 22): call samples drawn and answered, rounds planned and recorded, findings, notices and rectification orders, on both databases.</summary>
public class SupervisionStoreTests
{
    /// <summary>Visits of a First Secretary's households, one a day from 1 May: the sample's frame.</summary>
    private static async Task<List<long>> VisitsAsync(LiaisonDb db, FixedClock clock, FieldAuthor author, List<long> households, int count)
    {
        var inputs = Enumerable.Range(0, count).Select(i => new VisitInput(Guid.NewGuid(), households[i % households.Count],
            new DateTimeOffset(2026, 5, 1 + (i % 30), 9, 0, 0, ChinaTime.Offset).AddMinutes(i), null)).ToList();
        await FieldStore.SaveVisitsAsync(db, clock, author, inputs, default);
        return await db.HouseholdVisits.AsNoTracking().OrderBy(v => v.Id).Select(v => v.Id).ToListAsync();
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_call_sample_is_drawn_again_the_same_from_its_seed_and_its_answers_give_the_rate_with_the_unreached_apart(string provider)
    {
        var (t, db, author, village, households, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        await VisitsAsync(db, clock, author, households, 40);
        var county = village[..6];
        var inspector = new OfficeActor("inspector", code => code.StartsWith(county, StringComparison.Ordinal));
        var may = new DateOnly(2026, 5, 1);

        // Outside the reach, a period ending tomorrow, a size of none: refused by field, nothing drawn.
        var refused = await Assert.ThrowsAsync<RefusedException>(() => CallSampleStore.DrawAsync(db, clock, inspector,
            new SampleInput("3709", may, new DateOnly(2026, 6, 16), SampleDesign.Simple, Size: 0), default));
        Assert.Equal(["divisionCode", "size", "to"], refused.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        var empty = await Assert.ThrowsAsync<RefusedException>(() => CallSampleStore.DrawAsync(db, clock, inspector,
            new SampleInput(county, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), SampleDesign.Simple), default));
        Assert.Equal("empty", Assert.Single(empty.Problems).Code);
        Assert.Equal(0, await db.CallSamples.CountAsync());

        // Sized by the policy: the reached households ±3 points need of a frame of 40 is nearly all of it.
        var whole = await CallSampleStore.DrawAsync(db, clock, inspector, new SampleInput(county, may, may.AddDays(40), SampleDesign.Township), default);
        Assert.Equal(40, whole.Sample.FrameSize);
        Assert.Equal(new SupervisionRules().SampleSize(40), (whole.Needed, (long)whole.Drawn));
        // The same seed draws the same visits; the strata keep their sizes.
        var a = await CallSampleStore.DrawAsync(db, clock, inspector, new SampleInput(county, may, may.AddDays(40), SampleDesign.Simple, Size: 20, Seed: 42), default);
        var b = await CallSampleStore.DrawAsync(db, clock, inspector, new SampleInput(county, may, may.AddDays(40), SampleDesign.Simple, Size: 20, Seed: 42), default);
        var c = await CallSampleStore.DrawAsync(db, clock, inspector, new SampleInput(county, may, may.AddDays(40), SampleDesign.Simple, Size: 20, Seed: 43), default);
        List<long> Drawn(long sample) => db.SampleCalls.AsNoTracking().Where(x => x.SampleId == sample).OrderBy(x => x.VisitId).Select(x => x.VisitId).ToList();
        Assert.Equal(20, Drawn(a.Sample.Id).Count);
        Assert.Equal(Drawn(a.Sample.Id), Drawn(b.Sample.Id));
        Assert.NotEqual(Drawn(a.Sample.Id), Drawn(c.Sample.Id));
        var stratum = await db.SampleStrata.AsNoTracking().SingleAsync(s => s.SampleId == a.Sample.Id);
        Assert.Equal((40L, 20), (stratum.Population, stratum.Drawn));

        // By unit: the visiting cadre's unit is the stratum; by flags, the villages with flags not yet reviewed and the rest.
        var byUnit = await CallSampleStore.DrawAsync(db, clock, inspector, new SampleInput(county, may, may.AddDays(40), SampleDesign.Unit, Size: 10, Seed: 1), default);
        var unitOf = await db.Cadres.AsNoTracking().Where(x => x.Id == author.CadreId).Select(x => x.UnitId).SingleAsync();
        Assert.Equal(["U" + unitOf], await db.SampleCalls.AsNoTracking().Where(x => x.SampleId == byUnit.Sample.Id).Select(x => x.Stratum).Distinct().ToListAsync());
        var byFlags = await CallSampleStore.DrawAsync(db, clock, inspector, new SampleInput(county, may, may.AddDays(40), SampleDesign.Flags, Size: 10, Seed: 1), default);
        Assert.Equal(["other"], await db.SampleStrata.AsNoTracking().Where(x => x.SampleId == byFlags.Sample.Id).Select(x => x.Key).ToListAsync());

        // Answers: 15 confirm, 3 say no cadre came, 2 are not reached.
        var calls = await db.SampleCalls.AsNoTracking().Where(x => x.SampleId == a.Sample.Id).OrderBy(x => x.Id).Select(x => x.Id).ToListAsync();
        var noAnswer = await Assert.ThrowsAsync<RefusedException>(() => CallSampleStore.RecordAsync(db, clock, inspector, calls[0], new CallInput(CallOutcome.Reached, Satisfaction: 6), default));
        Assert.Equal(["satisfaction", "visited"], noAnswer.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        var stranger = new OfficeActor("other-inspector", code => code.StartsWith("3709", StringComparison.Ordinal));
        Assert.Equal("not-found", Assert.Single((await Assert.ThrowsAsync<RefusedException>(() =>
            CallSampleStore.RecordAsync(db, clock, stranger, calls[0], new CallInput(CallOutcome.Unreached), default))).Problems).Code);
        for (var i = 0; i < 20; i++)
        {
            var answer = i < 15 ? new CallInput(CallOutcome.Reached, true, true, null, 5) : i < 18 ? new CallInput(CallOutcome.Reached, false, true, true, 1) : new CallInput(CallOutcome.Unreached, true, true);
            await CallSampleStore.RecordAsync(db, clock, inspector, calls[i], answer, default);
        }
        // An unreached household answered nothing: what the form sent beside is not kept.
        var unreached = await db.SampleCalls.AsNoTracking().SingleAsync(x => x.Id == calls[19]);
        Assert.Equal((CallOutcome.Unreached, (bool?)null, (bool?)null), (unreached.Outcome, unreached.Visited, unreached.WhenMatches));
        // A "no" has no month to match.
        Assert.Null((await db.SampleCalls.AsNoTracking().SingleAsync(x => x.Id == calls[16])).WhenMatches);

        var rules = new SupervisionRules();
        var result = await SampleResults.ReadAsync(Access.Scoped.Operator(db), a.Sample.Id, rules, default);
        var e = result!.Estimate!;
        var wilson = Proportions.Interval(15, 18, 0.95);
        Assert.Equal((20L, 20L, 18L, 15L, 2L), (e.Sampled, e.Called, e.Reached, e.Confirmed, e.Unreached));
        Assert.Equal((wilson.Rate, wilson.Low, wilson.High, wilson.Method), (e.Rate, e.Low, e.High, e.Method));
        Assert.Equal(40 * wilson.Rate, e.Genuine, 9);
        Assert.Equal((5.0 * 15 + 3) / 18, result.Satisfaction.Mean, 9);
        // The sample is read only where the scope holds its division.
        Assert.Null(await SampleResults.ReadAsync(new Access.Scoped(db, Domain.Access.Scope.Division(village[..9])), a.Sample.Id, rules, default));

        var phone = await CallSampleStore.RevealAsync(db, clock, inspector, calls[0], default);
        Assert.Equal(await db.Households.AsNoTracking().Where(h => h.Id == db.SampleCalls.Single(x => x.Id == calls[0]).HouseholdId).Select(h => h.HeadPhone).SingleAsync(), phone);
        Assert.Equal(1, await db.AuditEntries.CountAsync(x => x.Action == "personal-data.reveal" && x.Actor == "inspector"));
        Assert.Equal(20, await db.AuditEntries.CountAsync(x => x.Action == "supervision.call"));
        Assert.Equal(6, await db.AuditEntries.CountAsync(x => x.Action == "supervision.sample" && x.DivisionCode == county));

        // The report counts the calls at the visits' village, in their month: 20 calls, 18 reached, 15 confirmed.
        await FieldRollups.DrainAllAsync(db, default);
        var figures = await Reporting.RollupStore.ForDivisionAsync(db, village, default);
        Assert.Equal((20L, 18L, 15L), (figures[R.CallsMade.Id], figures[R.CallsReached.Id], figures[R.CallsConfirmed.Id]));
        Assert.Equal(15.0 / 18, Domain.Reporting.Ratios.Confirmation.Of(id => figures.GetValueOrDefault(id))!.Value, 6);
        Assert.Empty((await Reporting.RollupVerifier.VerifyAsync(db, default)).Differences);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_round_is_drawn_and_recorded_once_and_its_finding_leads_to_a_notice_and_an_order_reported_sent_back_and_accepted(string provider)
    {
        var (t, db, author, village, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        var today = ChinaTime.Today(clock);
        var (county, township) = (village[..6], village[..9]);
        var countyOffice = new OfficeActor("office", code => code.StartsWith(county, StringComparison.Ordinal));
        var townshipOffice = new OfficeActor("township-office", code => code.StartsWith(township, StringComparison.Ordinal));
        var cadre = await db.Cadres.AsNoTracking().SingleAsync(x => x.Id == author.CadreId);
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == cadre.UnitId);

        // A day past, a village named outside the division: refused.
        var past = await Assert.ThrowsAsync<RefusedException>(() => InspectionStore.PlanAsync(db, clock, countyOffice,
            new RoundInput(township, "暗访", today.AddDays(-1), 0, DrawMethod.Named, Villages: ["370831001001"]), default));
        Assert.Equal(["plannedFor", "villages"], past.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        var (round, drawn) = await InspectionStore.PlanAsync(db, clock, countyOffice, new RoundInput(township, "第二季度暗访", today.AddDays(3), 3, DrawMethod.Random, Seed: 5), default);
        var (_, again) = await InspectionStore.PlanAsync(db, clock, countyOffice, new RoundInput(township, "同一种子", today.AddDays(3), 3, DrawMethod.Random, Seed: 5), default);
        Assert.Equal(3, drawn.Count);
        Assert.All(drawn, v => Assert.StartsWith(township, v, StringComparison.Ordinal));
        Assert.Equal(drawn, again);
        var (named, _) = await InspectionStore.PlanAsync(db, clock, countyOffice, new RoundInput(township, "点名", today, 0, DrawMethod.Named, Villages: [village]), default);
        var inspection = await db.Inspections.AsNoTracking().SingleAsync(i => i.RoundId == named.Id);

        var client = Guid.NewGuid();
        var badKind = await Assert.ThrowsAsync<RefusedException>(() => InspectionStore.RecordAsync(db, clock, countyOffice, inspection.Id,
            new InspectionInput(today, false, true, null, null, null, null, 4, null, [new FindingInput("asleep", "不在岗")]), default));
        Assert.Equal("findings[0].kind", Assert.Single(badKind.Problems).Field);
        var input = new InspectionInput(today, false, true, false, true, null, true, 5, "村委会大门紧锁",
            [new FindingInput("absent", "驻村第一书记工作日不在村", "村干部证实本周未见", cadre.Code), new FindingInput("noticeboard", "公开承诺未上墙")], client);
        await InspectionStore.RecordAsync(db, clock, countyOffice, inspection.Id, input, default);
        // The phone sends it again: stored once.
        await InspectionStore.RecordAsync(db, clock, countyOffice, inspection.Id, input, default);
        var closed = await Assert.ThrowsAsync<RefusedException>(() => InspectionStore.RecordAsync(db, clock, countyOffice, inspection.Id, input with { ClientId = Guid.NewGuid() }, default));
        Assert.Equal("closed", Assert.Single(closed.Problems).Code);
        var findings = await db.Findings.AsNoTracking().OrderBy(f => f.Id).ToListAsync();
        Assert.Equal(2, findings.Count);
        Assert.Equal((village, 2, (int?)cadre.Id, (int?)cadre.UnitId), (findings[0].DivisionCode, findings[0].Severity, findings[0].CadreId, findings[0].UnitId));

        // A township's office issues no notice; a criticism for a finding the policy keeps from criticism is not issued.
        var notice = new NoticeInput(county, NoticeKind.Criticism, "关于驻村干部不在岗的通报", "暗访发现……", "三日内书面说明", [findings[0].Id], [cadre.Code], [], [village]);
        Assert.Equal("level", (await Assert.ThrowsAsync<RefusedException>(() => NoticeStore.DraftAsync(db, clock, townshipOffice, notice with { DivisionCode = township }, default))).Problems[0].Code);
        var minor = await NoticeStore.DraftAsync(db, clock, countyOffice, notice with { FindingIds = [findings[1].Id] }, default);
        Assert.Equal("not-criticism", Assert.Single((await Assert.ThrowsAsync<RefusedException>(() => NoticeStore.IssueAsync(db, clock, countyOffice, minor.Id, default))).Problems).Code);
        var draft = await NoticeStore.DraftAsync(db, clock, countyOffice, notice, default);
        await NoticeStore.EditAsync(db, clock, countyOffice, draft.Id, notice with { Title = "关于某镇驻村干部不在岗问题的通报" }, default);
        var issued = await NoticeStore.IssueAsync(db, clock, countyOffice, draft.Id, default);
        Assert.Equal((NoticeStatus.Issued, 2, false, today), (issued.Status, issued.Version, issued.Public, issued.IssuedOn));
        Assert.Equal(["关于驻村干部不在岗的通报", "关于某镇驻村干部不在岗问题的通报"],
            await db.NoticeVersions.AsNoTracking().Where(v => v.NoticeId == draft.Id).OrderBy(v => v.Version).Select(v => v.Title).ToListAsync());
        Assert.Equal("issued", Assert.Single((await Assert.ThrowsAsync<RefusedException>(() => NoticeStore.EditAsync(db, clock, countyOffice, draft.Id, notice, default))).Problems).Code);

        // The order: 15 working days on the cases' calendar, reported by the unit, sent back, reported again, accepted.
        var order = await OrderStore.OrderAsync(db, clock, countyOffice, new OrderInput(county, "落实驻村在岗制度", NoticeId: draft.Id, UnitCode: unit.Code), default);
        var calendar = CaseSteps.Calendar(new ProgrammePolicy().Cases);
        Assert.Equal(calendar.AddWorkingDays(today, 15), order.Due);
        var unitParty = new OrderParty("unit-admin", code => code.StartsWith(unit.DivisionCode, StringComparison.Ordinal), unit.Id, null);
        var otherUnit = new OrderParty("other", _ => true, unit.Id + 1, null);
        Assert.Equal("not-found", (await Assert.ThrowsAsync<RefusedException>(() => OrderStore.ReportAsync(db, clock, otherUnit, order.Id, "已整改", default))).Problems[0].Code);
        await OrderStore.ReportAsync(db, clock, unitParty, order.Id, "已建立在岗签到和请销假制度", default);
        Assert.Equal("not-found", (await Assert.ThrowsAsync<RefusedException>(() => OrderStore.AcceptAsync(db, clock, townshipOffice, order.Id, null, default))).Problems[0].Code);
        await OrderStore.SendBackAsync(db, clock, countyOffice, order.Id, "未附制度文件", default);
        await OrderStore.ReportAsync(db, clock, unitParty, order.Id, "附：在岗制度文件", default);
        var accepted = await OrderStore.AcceptAsync(db, clock, countyOffice, order.Id, null, default);
        Assert.Equal((OrderStatus.Accepted, true), (accepted.Status, accepted.OnTime));
        Assert.Equal([OrderStepKind.Report, OrderStepKind.SendBack, OrderStepKind.Report, OrderStepKind.Accept],
            await db.OrderSteps.AsNoTracking().Where(s => s.OrderId == order.Id).OrderBy(s => s.Id).Select(s => s.Kind).ToListAsync());

        // An order past its day is escalated once.
        var late = await OrderStore.OrderAsync(db, clock, countyOffice, new OrderInput(county, "公开承诺上墙", FindingId: findings[1].Id, Days: 1), default);
        Assert.Equal(village, late.VillageCode);
        clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(1, await OrderStore.EscalateOverdueAsync(db, clock, default));
        Assert.Equal(0, await OrderStore.EscalateOverdueAsync(db, clock, default));
        Assert.NotNull((await db.RectificationOrders.AsNoTracking().SingleAsync(o => o.Id == late.Id)).EscalatedOn);
        // The township's office answers for its village's order.
        var townshipParty = new OrderParty("township-office", townshipOffice.Covers, null, null, Office: true);
        Assert.True(OrderStore.Answers(late, townshipParty));
        Assert.False(OrderStore.Answers(late, unitParty));
        Assert.False(OrderStore.Answers(late, new OrderParty("inspector", townshipOffice.Covers, null, null)));

        // The report's supervision figures at the village: one inspection (absent), two findings, one order for the village, open.
        await FieldRollups.DrainAllAsync(db, default);
        var figures = await Reporting.RollupStore.ForDivisionAsync(db, village, default);
        long F(Domain.Reporting.Indicator i) => figures.GetValueOrDefault(i.Id);
        Assert.Equal((1L, 1L, 0L, 2L, 1L, 0L), (F(R.Inspections), F(R.PresenceChecked), F(R.PresentFound), F(R.Findings), F(R.Orders), F(R.OrdersClosed)));
        Assert.Empty((await Reporting.RollupVerifier.VerifyAsync(db, default)).Differences);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Flags_are_stored_once_reviewed_once_never_by_their_own_cadre_and_a_dismissed_one_never_comes_back(string provider)
    {
        var (t, db, author, village, households, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        // Three visits with one note word for word: two copies flagged.
        var note = "了解家庭种植和务工收入情况，宣讲惠民政策，征求对村里工作的意见";
        await FieldStore.SaveVisitsAsync(db, clock, author, households.Take(3).Select((h, i) =>
            new VisitInput(Guid.NewGuid(), h, new DateTimeOffset(2026, 6, 10 + i, 9, 0, 0, ChinaTime.Offset), note)).ToList(), default);
        var township = village[..9];
        var rules = new FieldRules();
        // The clock's first round looks a day back; the next reads only what was stored after it.
        var (found, mark) = await FlagStore.RefreshRecentAsync(db, clock, null, default);
        Assert.Equal(2, found);
        Assert.Equal((0, mark), await FlagStore.RefreshRecentAsync(db, clock, mark, default));
        Assert.Equal(0, await FlagStore.RefreshAsync(db, clock, township, 2026, rules, default));
        var flags = await db.Flags.AsNoTracking().OrderBy(f => f.Id).ToListAsync();
        Assert.All(flags, f => Assert.Equal((FlagKind.CopiedNote, FlagStatus.Open, author.CadreId, village), (f.Kind, f.Status, f.CadreId, f.VillageCode)));

        var office = new OfficeActor("township-office", code => code.StartsWith(township, StringComparison.Ordinal));
        // A round drawn by risk takes the flagged village first, the rest at random.
        var (_, risky) = await InspectionStore.PlanAsync(db, clock, office, new RoundInput(township, "按风险暗访", ChinaTime.Today(clock), 3, DrawMethod.ByRisk, Seed: 9), default);
        Assert.Equal(3, risky.Distinct().Count());
        Assert.Equal(village, risky[0]);
        // The cadre flagged does not review their own; an explanation needs its words.
        Assert.Equal("own", (await Assert.ThrowsAsync<RefusedException>(() => FlagStore.ReviewAsync(db, clock, office, author.CadreId, flags[0].Id, FlagStatus.Dismissed, "误报", null, default))).Problems[0].Code);
        Assert.Equal("note", Assert.Single((await Assert.ThrowsAsync<RefusedException>(() => FlagStore.ReviewAsync(db, clock, office, null, flags[0].Id, FlagStatus.Explained, " ", null, default))).Problems).Field);
        await FlagStore.ReviewAsync(db, clock, office, null, flags[0].Id, FlagStatus.Dismissed, "同一批入户宣讲，记录相同属实", null, default);
        var confirmed = await FlagStore.ReviewAsync(db, clock, office, null, flags[1].Id, FlagStatus.Confirmed, null, null, default);
        Assert.Equal("closed", Assert.Single((await Assert.ThrowsAsync<RefusedException>(() => FlagStore.ReviewAsync(db, clock, office, null, flags[1].Id, FlagStatus.Dismissed, "再看", null, default))).Problems).Code);
        var finding = await db.Findings.AsNoTracking().SingleAsync(f => f.Id == confirmed.FindingId);
        Assert.Equal((FindingSource.Flag, flags[1].Id, "visits-untrue", (int?)author.CadreId), (finding.Source, finding.SourceId, finding.Kind, finding.CadreId));

        // The checks run again: nothing comes back, the dismissed one stays dismissed.
        Assert.Equal(0, await FlagStore.RefreshAsync(db, clock, village[..6], 2026, rules, default));
        Assert.Equal([FlagStatus.Dismissed, FlagStatus.Confirmed], await db.Flags.AsNoTracking().OrderBy(f => f.Id).Select(f => f.Status).ToListAsync());
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "flag.review"));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_review_answers_every_item_of_its_levels_checklist_and_records_its_findings(string provider)
    {
        var (t, db, author, village, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        var today = ChinaTime.Today(clock);
        var inspector = new OfficeActor("inspector", code => code.StartsWith(village[..6], StringComparison.Ordinal));
        // A village's checklist: residence, visits, cases, agreements. One left out, one of a unit's: refused by item.
        var partial = new ReviewInput("village", village, null, today, [new("residence", true), new("visits", false, "缺 5 月记录"), new("cases", true), new("pairing", true)], []);
        var refused = await Assert.ThrowsAsync<RefusedException>(() => ReviewStore.RecordAsync(db, clock, inspector, partial, default));
        Assert.Equal(["checks.agreements", "checks.pairing"], refused.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        var cadre = await db.Cadres.AsNoTracking().Where(c => c.Id == author.CadreId).Select(c => c.Code).SingleAsync();
        var review = await ReviewStore.RecordAsync(db, clock, inspector, partial with
        {
            Checks = [new("residence", true), new("visits", false, "缺 5 月记录"), new("cases", true), new("agreements", true)],
            Findings = [new FindingInput("records", "入户走访记录缺 5 月份", CadreCode: cadre)],
        }, default);
        Assert.Equal([false, true, true, true], await db.ReviewChecks.AsNoTracking().Where(c => c.ReviewId == review.Id).OrderBy(c => c.InOrder).Select(c => c.InOrder).ToListAsync());
        var finding = await db.Findings.AsNoTracking().SingleAsync(f => f.Source == FindingSource.Review);
        Assert.Equal((review.Id, village, 1), (finding.SourceId, finding.DivisionCode, finding.Severity));

        // A unit's review is read under the unit's division; one outside the reach is refused.
        var unit = await db.Units.AsNoTracking().Where(u => u.DivisionCode.StartsWith(village.Substring(0, 6))).OrderBy(u => u.Id).FirstAsync();
        var unitReview = await ReviewStore.RecordAsync(db, clock, inspector, new ReviewInput("unit", null, unit.Code, today, [new("minutes", true), new("pairing", false)], []), default);
        Assert.Equal((unit.DivisionCode, (int?)unit.Id), (unitReview.DivisionCode, unitReview.UnitId));
        var stranger = new OfficeActor("other", code => code.StartsWith("3709", StringComparison.Ordinal));
        Assert.Equal("unitCode", Assert.Single((await Assert.ThrowsAsync<RefusedException>(() =>
            ReviewStore.RecordAsync(db, clock, stranger, new ReviewInput("unit", null, unit.Code, today, [new("minutes", true), new("pairing", true)], []), default))).Problems).Field);
    }
}
