using Liaison.Data.Assessment;
using Liaison.Data.Liaisons;
using Liaison.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Tests;

/// <summary>年度考核 (issue 23): the masses' evaluation's anti-stuffing rules and the assessment run from the records, on both databases.</summary>
public class AssessmentStoreTests
{
    private static readonly Dictionary<int, Rating> None = [];

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task One_voice_a_household_unknown_phones_and_bursts_refused_and_every_refusal_counted(string provider)
    {
        var (t, db, author, village, households, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        // Two households of the village with registered phones.
        var phones = new[] { "13900001111", "13900002222" };
        foreach (var (id, phone) in households.Take(2).Zip(phones))
        {
            var h = await db.Households.FirstAsync(x => x.Id == id);
            h.HeadPhone = phone;
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var rated = await EvaluationStore.RatedAsync(db, village, 2026, default);
        Assert.Contains(rated, c => c.Id == author.CadreId);
        var ratings = new Dictionary<int, Rating> { [author.CadreId] = Rating.Satisfied };

        BallotInput Qr(string phone, string address = "10.0.0.1", Dictionary<int, Rating>? r = null) =>
            new(village, BallotChannel.Qr, phone, null, r ?? ratings, new Dictionary<int, string?> { [author.CadreId] = "好" }, address);

        // Refused by field, nothing counted: no ratings, a cadre who does not serve the village.
        var empty = await EvaluationStore.CastAsync(db, clock, Qr(phones[0], r: None), default);
        Assert.Equal("ratings", Assert.Single(empty.Problems).Field);
        var stranger = await db.Cadres.Where(c => !rated.Select(r => r.Id).Contains(c.Id)).Select(c => c.Id).FirstAsync();
        Assert.NotEmpty((await EvaluationStore.CastAsync(db, clock, Qr(phones[0], r: new() { [stranger] = Rating.Satisfied }), default)).Problems);
        Assert.Equal(0, await db.BallotRefusals.CountAsync());

        // Taken once; the same household again (the phone written another way) refused; a phone of no household refused.
        Assert.True((await EvaluationStore.CastAsync(db, clock, Qr(phones[0]), default)).Taken);
        Assert.Equal(RefusalReason.Again, (await EvaluationStore.CastAsync(db, clock, Qr("139 0000 1111", "10.0.0.2"), default)).Refused);
        Assert.Equal(RefusalReason.UnknownPhone, (await EvaluationStore.CastAsync(db, clock, Qr("13700000000", "10.0.0.3"), default)).Refused);
        Assert.True((await EvaluationStore.CastAsync(db, clock, Qr(phones[1], "10.0.0.4"), default)).Taken);

        // The ballot keeps no phone or household id in clear, and the comment waits for screening.
        var ballot = await db.MassBallots.AsNoTracking().FirstAsync();
        Assert.DoesNotContain(phones[0], ballot.HouseholdKey, StringComparison.Ordinal);
        Assert.DoesNotContain("10.0.0.1", ballot.AddressKey!, StringComparison.Ordinal);
        Assert.All(await db.MassRatings.AsNoTracking().ToListAsync(), r => Assert.Equal(CommentScreening.Pending, r.Screening));

        // A burst from one address: beyond the policy's hourly limit (20), refused whatever the phone.
        for (var i = 0; i < 20; i++)
        {
            await EvaluationStore.CastAsync(db, clock, Qr("1360000" + i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture), "10.9.9.9"), default);
        }
        Assert.Equal(RefusalReason.Burst, (await EvaluationStore.CastAsync(db, clock, Qr(phones[1], "10.9.9.9"), default)).Refused);
        // An hour later the address may rate again (and the household already has: refused as such).
        clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(RefusalReason.Again, (await EvaluationStore.CastAsync(db, clock, Qr(phones[1], "10.9.9.9"), default)).Refused);

        var refusals = await db.BallotRefusals.AsNoTracking().GroupBy(r => r.Reason).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.Equal(2, refusals[RefusalReason.Again]);
        Assert.Equal(21, refusals[RefusalReason.UnknownPhone]);
        Assert.Equal(1, refusals[RefusalReason.Burst]);
        Assert.Equal(2, await db.MassBallots.CountAsync());

        // Paper forms: a one-time code for each household that has neither rated nor a code, used once.
        var office = new OfficeActor("office", code => code.StartsWith(village[..6], StringComparison.Ordinal));
        var current = await db.Households.CountAsync(h => h.VillageCode == village && h.Status == Liaison.Domain.People.HouseholdStatus.Current);
        var codes = await EvaluationStore.IssuePaperCodesAsync(db, clock, office, village, null, default);
        Assert.Equal(current - 2, codes.Select(c => c.Code).Distinct().Count());
        Assert.Empty(await EvaluationStore.IssuePaperCodesAsync(db, clock, office, village, null, default));
        BallotInput Paper(string code) => new(village, BallotChannel.Paper, null, code, ratings, EnteredBy: "township-office");
        Assert.True((await EvaluationStore.CastAsync(db, clock, Paper(codes[0].Code.ToLowerInvariant()), default)).Taken);
        Assert.Equal(RefusalReason.BadCode, (await EvaluationStore.CastAsync(db, clock, Paper(codes[0].Code), default)).Refused);
        Assert.Equal(RefusalReason.BadCode, (await EvaluationStore.CastAsync(db, clock, Paper("NOTACODE22"), default)).Refused);
        // A lost form printed again: the old code void, the new one counts; a household that rated gets none.
        var again = Assert.Single(await EvaluationStore.IssuePaperCodesAsync(db, clock, office, village, codes[1].HouseNo, default));
        Assert.Equal(RefusalReason.BadCode, (await EvaluationStore.CastAsync(db, clock, Paper(codes[1].Code), default)).Refused);
        Assert.Equal("again", Assert.Single((await Assert.ThrowsAsync<Liaison.Domain.Shared.RefusedException>(() =>
            EvaluationStore.IssuePaperCodesAsync(db, clock, office, village, codes[0].HouseNo, default))).Problems).Code);
        Assert.True((await EvaluationStore.CastAsync(db, clock, Paper(again.Code), default)).Taken);

        // Four ballots rate the First Secretary: satisfaction counts them all.
        var counted = await db.MassRatings.CountAsync(r => r.CadreId == author.CadreId && r.Year == 2026);
        Assert.Equal(4, counted);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_household_has_one_voice_whether_it_rates_by_QR_on_paper_or_on_a_supervision_call(string provider)
    {
        var (t, db, author, village, households, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        var ratings = new Dictionary<int, Rating> { [author.CadreId] = Rating.Basically };
        var office = new OfficeActor("office", code => code.StartsWith(village[..6], StringComparison.Ordinal));
        // Every household's paper form printed first; then the first household rates by QR.
        var codes = (await EvaluationStore.IssuePaperCodesAsync(db, clock, office, village, null, default)).ToDictionary(c => c.HouseNo, c => c.Code);
        var first = await db.Households.FirstAsync(h => h.Id == households[0]);
        first.HeadPhone = "13900003333";
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        Assert.True((await EvaluationStore.CastAsync(db, clock, new BallotInput(village, BallotChannel.Qr, first.HeadPhone, null, ratings, Address: "10.1.1.1"), default)).Taken);
        // Its paper form is refused as the household's second voice.
        Assert.Equal(RefusalReason.Again, (await EvaluationStore.CastAsync(db, clock, new BallotInput(village, BallotChannel.Paper, null, codes[first.HouseNo], ratings, EnteredBy: "township-office"), default)).Refused);

        // Telephone: a supervision sample of the visits; the caller reaches the households and takes their ratings.
        await Liaison.Data.Field.FieldStore.SaveVisitsAsync(db, clock, author, households.Take(4).Select((h, i) =>
            new Liaison.Domain.Field.VisitInput(Guid.NewGuid(), h, new DateTimeOffset(2026, 6, 10, 9, i, 0, Liaison.Domain.Shared.ChinaTime.Offset), null)).ToList(), default);
        var sample = await Liaison.Data.Supervision.CallSampleStore.DrawAsync(db, clock, office,
            new Liaison.Data.Supervision.SampleInput(village, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 15), Liaison.Domain.Supervision.SampleDesign.Simple, 4, 7), default);
        var calls = await db.SampleCalls.AsNoTracking().Where(c => c.SampleId == sample.Sample.Id).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(4, calls.Count);
        // A call not yet reached takes no ratings; out of the caller's reach it is not found.
        Assert.Equal("not-reached", Assert.Single((await Assert.ThrowsAsync<Liaison.Domain.Shared.RefusedException>(() =>
            EvaluationStore.CastByCallAsync(db, clock, office, calls[0].Id, ratings, null, default))).Problems).Code);
        var stranger = new OfficeActor("other", code => code.StartsWith("3799", StringComparison.Ordinal));
        await Assert.ThrowsAsync<Liaison.Domain.Shared.RefusedException>(() => EvaluationStore.CastByCallAsync(db, clock, stranger, calls[0].Id, ratings, null, default));
        foreach (var call in calls)
        {
            await Liaison.Data.Supervision.CallSampleStore.RecordAsync(db, clock, office, call.Id, new Liaison.Data.Supervision.CallInput(Liaison.Domain.Supervision.CallOutcome.Reached, true), default);
        }
        var firstCall = calls.Single(c => c.HouseholdId == first.Id);
        Assert.True(await EvaluationStore.HasVotedAsync(db, clock, village, first.Id, default));
        Assert.Equal(RefusalReason.Again, (await EvaluationStore.CastByCallAsync(db, clock, office, firstCall.Id, ratings, null, default)).Refused);
        var other = calls.First(c => c.HouseholdId != first.Id);
        Assert.True((await EvaluationStore.CastByCallAsync(db, clock, office, other.Id, ratings, new Dictionary<int, string?> { [author.CadreId] = "常来" }, default)).Taken);
        Assert.Equal(BallotChannel.Phone, (await db.MassBallots.AsNoTracking().OrderByDescending(b => b.Id).FirstAsync()).Channel);
        // The household called cannot rate again on paper either; the ballot entered is audited, naming no household.
        var otherHouse = await db.Households.Where(h => h.Id == other.HouseholdId).Select(h => h.HouseNo).FirstAsync();
        Assert.Equal(RefusalReason.Again, (await EvaluationStore.CastAsync(db, clock, new BallotInput(village, BallotChannel.Paper, null, codes[otherHouse], ratings, EnteredBy: "township-office"), default)).Refused);
        var entered = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "evaluation.enter").ToListAsync();
        Assert.Single(entered);
        Assert.DoesNotContain(other.HouseholdId.ToString(System.Globalization.CultureInfo.InvariantCulture), entered[0].After ?? "", StringComparison.Ordinal);
        Assert.Equal(2, await db.MassRatings.CountAsync(r => r.CadreId == author.CadreId && r.Rating == Rating.Basically));
    }
}

/// <summary>The assessment run from the records, adjustments, publication and appeals; the year's close and the next year's opening.</summary>
public class AssessmentRunTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_run_scores_from_the_records_vetoes_a_fabrication_regrades_on_adjustment_and_takes_one_appeal_in_time(string provider)
    {
        var (t, db, author, village, households, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        // The First Secretary visits five households of the village.
        await Liaison.Data.Field.FieldStore.SaveVisitsAsync(db, clock, author, households.Take(5).Select((h, i) =>
            new Liaison.Domain.Field.VisitInput(Guid.NewGuid(), h, new DateTimeOffset(2026, 6, 10, 9, i, 0, Liaison.Domain.Shared.ChinaTime.Offset), null)).ToList(), default);
        var county = village[..6];
        var office = new OfficeActor("office", code => code.StartsWith(county, StringComparison.Ordinal));

        // Out of reach, an unknown group: refused by field, nothing written.
        var refused = await Assert.ThrowsAsync<Liaison.Domain.Shared.RefusedException>(() => AssessmentStore.RunAsync(db, clock, office, 2026, "mayors", "3709", default));
        Assert.Equal(["division", "group"], refused.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));

        var run = await AssessmentStore.RunAsync(db, clock, office, 2026, AssessmentGroups.FirstSecretaries, county, default);
        var mine = await db.AssessmentResults.AsNoTracking().SingleAsync(r => r.RunId == run.Id && r.CadreId == author.CadreId);
        var parts = await db.AssessmentParts.AsNoTracking().Where(p => p.ResultId == mine.Id).ToDictionaryAsync(p => p.Code);
        // Coverage is the share of the village's current households visited, read from the records.
        var current = await db.Households.CountAsync(h => h.VillageCode == village && h.Status == Liaison.Domain.People.HouseholdStatus.Current);
        Assert.Equal(Math.Round(5 * 100.0 / current, 2), parts[AssessmentComponents.Coverage].Score);
        Assert.Contains($"走访农户 5 户，全村 {current} 户", parts[AssessmentComponents.Coverage].Detail, StringComparison.Ordinal);
        // Nothing observed, commented or rated: those parts do not count, and the parts add up to the score.
        Assert.Equal(0, parts[AssessmentComponents.Masses].Weight);
        Assert.Equal(mine.Raw, parts.Values.Sum(p => p.Points), 1);
        Assert.Equal(run.Assessed, await db.AssessmentResults.CountAsync(r => r.RunId == run.Id));

        // A fabrication found against the First Secretary vetoes them to the last grade.
        await Liaison.Data.Supervision.ReviewStore.RecordAsync(db, clock, office, new Liaison.Data.Supervision.ReviewInput("village", village, null, new DateOnly(2026, 6, 1),
            [new("residence", true), new("visits", false), new("cases", true), new("agreements", true)],
            [new Liaison.Data.Supervision.FindingInput("fabricated", "走访记录系补录编造", CadreCode: await db.Cadres.Where(c => c.Id == author.CadreId).Select(c => c.Code).SingleAsync())]), default);
        run = await AssessmentStore.RunAsync(db, clock, office, 2026, AssessmentGroups.FirstSecretaries, county, default);
        mine = await db.AssessmentResults.AsNoTracking().SingleAsync(r => r.RunId == run.Id && r.CadreId == author.CadreId);
        Assert.Equal("incompetent", mine.Grade);
        Assert.StartsWith("弄虚作假", mine.Veto, StringComparison.Ordinal);
        Assert.Single(await db.AssessmentRuns.Where(r => r.Year == 2026 && r.Group == AssessmentGroups.FirstSecretaries).ToListAsync());

        // An adjustment needs a reason and stays within the policy's points; it is kept when the draft runs again.
        var other = await db.AssessmentResults.AsNoTracking().Where(r => r.RunId == run.Id && r.Veto == null).OrderBy(r => r.Score).FirstAsync();
        var noReason = await Assert.ThrowsAsync<Liaison.Domain.Shared.RefusedException>(() => AssessmentStore.AdjustAsync(db, clock, office, other.Id, 20, null, default));
        Assert.Equal(["points", "reason"], noReason.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        await AssessmentStore.AdjustAsync(db, clock, office, other.Id, 5, "驻村期间抗洪表现突出", default);
        var adjusted = await db.AssessmentResults.AsNoTracking().SingleAsync(r => r.Id == other.Id);
        Assert.Equal(Math.Min(100, other.Raw + 5), adjusted.Score, 2);
        run = await AssessmentStore.RunAsync(db, clock, office, 2026, AssessmentGroups.FirstSecretaries, county, default);
        Assert.Equal(5, (await db.AssessmentResults.AsNoTracking().SingleAsync(r => r.RunId == run.Id && r.CadreId == other.CadreId)).Adjustment);

        // Published: the report counts the grades at the villages served; the person appeals once, within the days; the answer's change regrades, audited.
        await AssessmentStore.PublishAsync(db, clock, office, run.Id, default);
        await Liaison.Data.Field.FieldRollups.DrainAsync(db, default);
        var figures = await Liaison.Data.Reporting.CampaignReports.FiguresAsync(Liaison.Data.Access.Scoped.Public(db), county, Liaison.Domain.Reporting.ReportPeriod.WholeYear(2026), default);
        Assert.Equal(run.Assessed, figures["assessment_assessed"]);
        Assert.Equal(run.Assessed, figures["assessment_fs_assessed"]);
        Assert.Equal(await db.AssessmentResults.CountAsync(r => r.RunId == run.Id && r.Grade == "excellent"), figures["assessment_fs_excellent"]);
        Assert.Equal(await db.AssessmentResults.CountAsync(r => r.RunId == run.Id && r.Grade == "incompetent"), figures["assessment_incompetent"]);
        Assert.True(figures["assessment_incompetent"] >= 1);
        mine = await db.AssessmentResults.AsNoTracking().SingleAsync(r => r.RunId == run.Id && r.CadreId == author.CadreId);
        await Assert.ThrowsAsync<Liaison.Domain.Shared.RefusedException>(() => AssessmentStore.AdjustAsync(db, clock, office, mine.Id, 1, "x", default));
        var appeal = await AssessmentStore.AppealAsync(db, clock, "cadre-test", author.CadreId, mine.Id, "补录系网络原因，请复核", default);
        await Assert.ThrowsAsync<Liaison.Domain.Shared.RefusedException>(() => AssessmentStore.AppealAsync(db, clock, "cadre-test", author.CadreId, mine.Id, "再次申诉", default));
        await AssessmentStore.AnswerAsync(db, clock, office, appeal.Id, "经复核，问题属实，维持原结果", 0, default);
        Assert.Equal("incompetent", (await db.AssessmentResults.AsNoTracking().SingleAsync(r => r.Id == mine.Id)).Grade);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "assessment.answer"));
        clock.Advance(TimeSpan.FromDays(11));
        var others = await db.AssessmentResults.AsNoTracking().SingleAsync(r => r.RunId == run.Id && r.CadreId == other.CadreId);
        var late = await Assert.ThrowsAsync<Liaison.Domain.Shared.RefusedException>(() => AssessmentStore.AppealAsync(db, clock, "x", other.CadreId!.Value, others.Id, "迟到的申诉", default));
        Assert.Equal("late", late.Problems.Single().Code);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Units_pairing_and_townships_work_are_assessed_where_the_policy_says_from_their_stays_plans_members_and_the_reports_rates(string provider)
    {
        var (t, db, author, village, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        var county = village[..6];
        var office = new OfficeActor("office", code => code.StartsWith(county, StringComparison.Ordinal));
        // The city assesses its units' pairing and its townships' work too.
        var policy = (await Liaison.Data.Policy.PolicyStore.GetAsync(db, 2026, default)).Policy;
        var units = new Liaison.Domain.Policy.AssessmentScheme
        {
            Group = AssessmentGroups.UnitPairing,
            Components = [new() { Code = "pairing-stays", Weight = 40 }, new() { Code = "help-plans", Weight = 20 }, new() { Code = "members", Weight = 20 }, new() { Code = "masses", Weight = 20 }],
        };
        var townships = new Liaison.Domain.Policy.AssessmentScheme
        {
            Group = AssessmentGroups.TownshipWork,
            Components = [new() { Code = "visit_rate", Weight = 50 }, new() { Code = "cases_on_time_rate", Weight = 30 }, new() { Code = "coverage", Weight = 20 }],
        };
        await Liaison.Data.Policy.PolicyStore.SetAsync(db, clock, Liaison.Data.Audit.Actor.System, Liaison.Domain.Policy.PolicyDocument.ToJson(policy with
        {
            Assessment = policy.Assessment with { Schemes = [.. policy.Assessment.Schemes, units, townships] },
        }), default);

        // A pairing of the county with one concentrated stay this half-year; the First Secretaries assessed first (the members' part reads it).
        var pairing = await db.LiaisonTies.AsNoTracking().Where(x => x.Year == 2026 && x.Until == null && x.Kind == Liaison.Domain.Liaisons.TieKind.Pairing && x.DivisionCode.StartsWith(county))
            .OrderBy(x => x.Id).FirstAsync();
        db.UnitStays.Add(new Liaison.Domain.Liaisons.UnitStay
        {
            TieId = pairing.Id,
            UnitId = pairing.UnitId!.Value,
            VillageCode = pairing.DivisionCode,
            Arrived = new DateOnly(2026, 5, 10),
            Left = new DateOnly(2026, 5, 12),
            What = "集中驻村",
            Members = 3,
            RecordedBy = "unit-admin",
            RecordedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        await AssessmentStore.RunAsync(db, clock, office, 2026, AssessmentGroups.FirstSecretaries, county, default);

        var unitRun = await AssessmentStore.RunAsync(db, clock, office, 2026, AssessmentGroups.UnitPairing, county, default);
        var paired = await db.LiaisonTies.AsNoTracking().Where(x => x.Year == 2026 && x.Until == null && x.Kind == Liaison.Domain.Liaisons.TieKind.Pairing && x.DivisionCode.StartsWith(county))
            .Select(x => x.UnitId).Distinct().CountAsync();
        var unitResults = await db.AssessmentResults.AsNoTracking().Where(r => r.RunId == unitRun.Id).ToListAsync();
        Assert.Equal(paired, unitResults.Count);
        Assert.All(unitResults, r => { Assert.Null(r.CadreId); Assert.NotNull(r.UnitId); });
        var stayed = unitResults.Single(r => r.UnitId == pairing.UnitId);
        var parts = await db.AssessmentParts.AsNoTracking().Where(p => p.ResultId == stayed.Id).ToDictionaryAsync(p => p.Code);
        Assert.Equal(["help-plans", "masses", "members", "pairing-stays"], parts.Keys.Order(StringComparer.Ordinal));
        // One stay of the one asked this half-year for each paired village.
        var villages = await db.LiaisonTies.CountAsync(x => x.Year == 2026 && x.Until == null && x.Kind == Liaison.Domain.Liaisons.TieKind.Pairing && x.UnitId == pairing.UnitId && x.DivisionCode.StartsWith(county));
        Assert.Equal(Math.Round(100.0 / villages, 2), parts["pairing-stays"].Score!.Value, 1);
        Assert.StartsWith("/people/units/", parts["pairing-stays"].Link, StringComparison.Ordinal);

        // Townships: one result each, scored by the report's rates for the township, linked to its report.
        var townshipRun = await AssessmentStore.RunAsync(db, clock, office, 2026, AssessmentGroups.TownshipWork, county, default);
        var townshipCodes = await db.Divisions.Where(d => d.ParentCode == county && d.Level == Liaison.Domain.Divisions.DivisionLevel.Township).Select(d => d.Code).OrderBy(c => c).ToListAsync();
        var townshipResults = await db.AssessmentResults.AsNoTracking().Where(r => r.RunId == townshipRun.Id).ToListAsync();
        Assert.Equal(townshipCodes, townshipResults.Select(r => r.VillageCode).Order(StringComparer.Ordinal));
        var first = townshipResults.Single(r => r.VillageCode == townshipCodes[0]);
        var rate = await db.AssessmentParts.AsNoTracking().SingleAsync(p => p.ResultId == first.Id && p.Code == "visit_rate");
        var figures = await Liaison.Data.Reporting.CampaignReports.FiguresAsync(Liaison.Data.Access.Scoped.Public(db), townshipCodes[0], Liaison.Domain.Reporting.ReportPeriod.WholeYear(2026), default);
        Assert.Equal(Math.Round(100 * figures[Liaison.Domain.Reporting.Ratios.VisitRate]!.Value, 2), rate.Score!.Value, 1);
        Assert.StartsWith($"/reports/{townshipCodes[0]}", rate.Link, StringComparison.Ordinal);

        // Published, a township's result is not a person's: the report's count of people assessed does not move; a commendation names units, not townships.
        await AssessmentStore.PublishAsync(db, clock, office, townshipRun.Id, default);
        await AssessmentStore.PublishAsync(db, clock, office, unitRun.Id, default);
        await Liaison.Data.Field.FieldRollups.DrainAllAsync(db, default);
        var after = await Liaison.Data.Reporting.CampaignReports.FiguresAsync(Liaison.Data.Access.Scoped.Public(db), county, Liaison.Domain.Reporting.ReportPeriod.WholeYear(2026), default);
        Assert.Equal(0, after["assessment_assessed"]);
        Assert.Equal("division", (await Assert.ThrowsAsync<Liaison.Domain.Shared.RefusedException>(() => AssessmentStore.CommendAsync(db, clock, office, townshipRun.Id, default))).Problems.Single().Code);
        var topUnits = unitResults.Count(r => r.Grade == "excellent");
        if (topUnits > 0)
        {
            var notice = await AssessmentStore.CommendAsync(db, clock, office, unitRun.Id, default);
            Assert.Equal(topUnits, await db.NoticeSubjects.CountAsync(x => x.NoticeId == notice.Id && x.UnitId != null));
        }
        // The person assessed never appeals a unit's result.
        await Assert.ThrowsAsync<Liaison.Domain.Shared.RefusedException>(() => AssessmentStore.AppealAsync(db, clock, "cadre-test", author.CadreId, stayed.Id, "申诉", default));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_demo_assessment_writes_its_entries_on_either_database_and_never_twice(string provider)
    {
        var (t, db, author, village, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        var made = await Liaison.Data.Demo.DemoAssessment.GenerateAsync(db, clock, new Liaison.Data.Audit.Actor("demo"), 2026, 1, default);
        Assert.True(made.Ballots > 0 && made.Ratings >= made.Ballots && made.Comments > 0);
        Assert.Equal(made.Ballots, await db.MassBallots.CountAsync(b => b.Year == 2026));
        Assert.True(await db.MassBallots.AnyAsync(b => b.VillageCode == village));
        Assert.All(await db.MassBallots.AsNoTracking().Select(b => b.At).ToListAsync(), at => Assert.Equal(12, Liaison.Domain.Shared.ChinaTime.DateOf(at).Month));
        Assert.True(await db.MassRatings.AnyAsync(r => r.CadreId == author.CadreId));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Liaison.Data.Demo.DemoAssessment.GenerateAsync(db, clock, new Liaison.Data.Audit.Actor("demo"), 2026, 1, default));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_year_closes_only_once_assessed_freezes_its_records_and_the_next_opens_from_it(string provider)
    {
        var (t, db, author, village, households, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = new Liaison.Tests.Shared.FixedClock(new DateTimeOffset(2027, 1, 10, 10, 0, 0, Liaison.Domain.Shared.ChinaTime.Offset));
        var city = (await Liaison.Data.Policy.CityStore.GetAsync(db, default))!.Code;
        var office = new OfficeActor("city-office", _ => true);

        // Not before the assessment is published.
        var early = await Assert.ThrowsAsync<Liaison.Domain.Shared.RefusedException>(() => Liaison.Data.Years.YearStore.CloseAsync(db, clock, office, 2026, default));
        Assert.Equal("assessment", early.Problems.Single().Code);
        foreach (var group in AssessmentGroups.All)
        {
            var run = await AssessmentStore.RunAsync(db, clock, office, 2026, group, city, default);
            // A commendation waits for the publication; then it names the top grade in a draft notice.
            Assert.Equal("draft", (await Assert.ThrowsAsync<Liaison.Domain.Shared.RefusedException>(() => AssessmentStore.CommendAsync(db, clock, office, run.Id, default))).Problems.Single().Code);
            await AssessmentStore.PublishAsync(db, clock, office, run.Id, default);
            var top = await db.AssessmentResults.AsNoTracking().Where(r => r.RunId == run.Id && r.Grade == "excellent").Select(r => r.CadreId!.Value).OrderBy(x => x).ToListAsync();
            if (top.Count == 0)
            {
                Assert.Equal("nobody", (await Assert.ThrowsAsync<Liaison.Domain.Shared.RefusedException>(() => AssessmentStore.CommendAsync(db, clock, office, run.Id, default))).Problems.Single().Code);
                continue;
            }
            var notice = await AssessmentStore.CommendAsync(db, clock, office, run.Id, default);
            Assert.Equal(Liaison.Domain.Supervision.NoticeKind.Commendation, notice.Kind);
            Assert.Equal(Liaison.Domain.Supervision.NoticeStatus.Draft, notice.Status);
            Assert.Equal(top, await db.NoticeSubjects.AsNoTracking().Where(x => x.NoticeId == notice.Id).Select(x => x.CadreId!.Value).OrderBy(x => x).ToListAsync());
            // Issued, it counts in the report: those named, at the villages they served.
            await Liaison.Data.Supervision.NoticeStore.IssueAsync(db, clock, office, notice.Id, default);
            await Liaison.Data.Field.FieldRollups.DrainAllAsync(db, default);
            var commended = await db.AssessmentResults.AsNoTracking().Where(r => top.Contains(r.CadreId!.Value) && r.RunId == run.Id).CountAsync();
            Assert.True((await Liaison.Data.Reporting.CampaignReports.FiguresAsync(Liaison.Data.Access.Scoped.Public(db), city, Liaison.Domain.Reporting.ReportPeriod.WholeYear(2026), default))["assessment_commended"] >= commended);
        }
        // Nor the next year opened before this one is closed.
        await Assert.ThrowsAsync<Liaison.Domain.Shared.RefusedException>(() => Liaison.Data.Years.YearStore.OpenAsync(db, clock, office, 2027, default));
        var closed = await Liaison.Data.Years.YearStore.CloseAsync(db, clock, office, 2026, default);
        Assert.NotNull(closed.ReportJson);

        // Frozen: a 2026 visit is neither added nor changed, by any path that saves.
        db.HouseholdVisits.Add(new Liaison.Domain.Field.HouseholdVisit
        {
            ClientId = Guid.NewGuid(),
            CadreId = author.CadreId,
            HouseholdId = households[0],
            VillageCode = village,
            Year = 2026,
            VisitedAt = new DateTimeOffset(2026, 12, 30, 9, 0, 0, Liaison.Domain.Shared.ChinaTime.Offset).ToUniversalTime(),
            ReceivedAt = clock.GetUtcNow(),
            Source = Liaison.Domain.Field.RecordSource.Phone,
            ReceivedBy = "office",
            ContentHash = "x",
        });
        var frozen = await Assert.ThrowsAsync<Liaison.Domain.Shared.RefusedException>(() => db.SaveChangesAsync());
        Assert.Equal("year-closed", frozen.Problems.Single().Code);
        var late = db.ChangeTracker.Entries<Liaison.Domain.Field.HouseholdVisit>().Single().Entity;
        db.ChangeTracker.Clear();

        // An amendment: reopened only with a reason (audited, the archived report kept in the audit), the record saved, closed again and frozen again.
        Assert.Equal("reason", (await Assert.ThrowsAsync<Liaison.Domain.Shared.RefusedException>(() => Liaison.Data.Years.YearStore.ReopenAsync(db, clock, office, 2026, " ", default))).Problems.Single().Field);
        await Liaison.Data.Years.YearStore.ReopenAsync(db, clock, office, 2026, "补录 12 月 30 日因断网未上传的走访", default);
        var reopened = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "year.reopen");
        Assert.Contains("assessment_assessed", reopened.Before!, StringComparison.Ordinal);
        db.HouseholdVisits.Add(late);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        Assert.NotNull((await Liaison.Data.Years.YearStore.CloseAsync(db, clock, office, 2026, default)).ReportJson);
        Assert.Equal("not-closed", (await Assert.ThrowsAsync<Liaison.Domain.Shared.RefusedException>(() => Liaison.Data.Years.YearStore.ReopenAsync(db, clock, office, 2025, "x", default))).Problems.Single().Code);
        var visit = await db.HouseholdVisits.FirstAsync(v => v.ClientId == late.ClientId);
        visit.Note = "改";
        Assert.Equal("year-closed", (await Assert.ThrowsAsync<Liaison.Domain.Shared.RefusedException>(() => db.SaveChangesAsync())).Problems.Single().Code);
        db.ChangeTracker.Clear();

        // Opened from it: ties carried (the backward villages' ranked again), First Secretaries in their term, the plan made again.
        var ties2026 = await db.LiaisonTies.CountAsync(x => x.Year == 2026 && x.Until == null && x.Kind != Liaison.Domain.Liaisons.TieKind.BackwardVillage);
        var opening = await Liaison.Data.Years.YearStore.OpenAsync(db, clock, office, 2027, default);
        Assert.True(opening.PolicyCarried);
        Assert.Equal(ties2026, opening.TiesCarried);
        Assert.True(await db.LiaisonTies.AnyAsync(x => x.Year == 2027 && x.Reason == "延续 2026 年度联系"));
        Assert.True(await db.LiaisonTies.AnyAsync(x => x.Year == 2027 && x.Until == null && x.Kind == Liaison.Domain.Liaisons.TieKind.BackwardVillage));
        var fs2026 = await db.SecretaryPostings.CountAsync(p => p.Year == 2026 && p.Until == null);
        Assert.Equal(fs2026, opening.SecretariesCarried + opening.SecretariesTermEnded + opening.SecretariesRecalled);
        Assert.Equal(opening.SecretariesCarried, await db.SecretaryPostings.CountAsync(p => p.Year == 2027));
        // A 2027 record is taken; opening twice is refused.
        await Assert.ThrowsAsync<Liaison.Domain.Shared.RefusedException>(() => Liaison.Data.Years.YearStore.OpenAsync(db, clock, office, 2027, default));
    }
}
