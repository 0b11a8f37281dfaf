using Liaison.Data.Field;
using Liaison.Data.Liaisons;
using Liaison.Data.Reporting;
using Liaison.Data.Results;
using Liaison.Domain.Divisions;
using Liaison.Domain.Liaisons;
using Liaison.Domain.Results;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;
using R = Liaison.Domain.Reporting.Indicators;

namespace Liaison.Data.Tests;

/// <summary>村党组织分类定级 (issue 21): a township grades, the county confirms; a rectified backward village is general next year and no longer ranked backward.</summary>
public class GradingStoreTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_rectified_backward_village_graded_general_and_confirmed_is_general_next_year_and_no_longer_among_the_backward(string provider)
    {
        var (t, db, _, _, _, _) = await FieldWorkTests.WorldAsync(provider);
        await using var _t = t;
        await using var _db = db;
        var clock = FieldWorkTests.Clock();
        var year = ChinaTime.Today(clock).Year;
        // A township with a backward village and a general one.
        var grades = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Village && d.WithdrawnOn == null)
            .OrderBy(d => d.Code).Select(d => new { d.Code, d.PartyOrgGrade }).ToListAsync();
        var village = grades.First(v => v.PartyOrgGrade == PartyOrgGrade.Backward && grades.Any(g => g.Code[..9] == v.Code[..9] && g.PartyOrgGrade == PartyOrgGrade.General)).Code;
        var township = village[..9];
        var villages = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Village && d.WithdrawnOn == null && d.Code.StartsWith(township))
            .OrderBy(d => d.Code).Select(d => d.Code).ToListAsync();
        var office = new OfficeActor("township-office", code => code.StartsWith(township, StringComparison.Ordinal));
        var county = new OfficeActor("county-office", code => code.StartsWith(township[..6], StringComparison.Ordinal));
        var leader = await db.Cadres.AsNoTracking().Where(c => c.Status == Domain.People.CadreStatus.Active).OrderBy(c => c.Id).Select(c => c.Code).FirstAsync();
        var plan = await GradingStore.PlanAsync(db, clock, office, new RectificationInput(village, "组织生活不规范，班子不团结", "调整支部书记，规范“三会一课”", leader, ChinaTime.Today(clock).AddDays(120)), default);
        await GradingStore.ProgressAsync(db, clock, office, plan.Id, "已调整支部书记", default);
        // Upgrade targets are for a general organisation, not a backward one.
        var general = grades.First(g => g.Code[..9] == township && g.PartyOrgGrade == PartyOrgGrade.General).Code;
        var notGeneral = await Assert.ThrowsAsync<RefusedException>(() => GradingStore.PlanAsync(db, clock, office,
            new RectificationInput(village, "集体经济收入未达先进标准", "发展集体经济", leader, ChinaTime.Today(clock).AddDays(120), RectificationKind.Upgrade), default));
        Assert.Equal("not-general", Assert.Single(notGeneral.Problems).Code);
        var upgrade = await GradingStore.PlanAsync(db, clock, office,
            new RectificationInput(general, "集体经济收入未达先进标准", "村集体经营性收入力争增长两成", leader, ChinaTime.Today(clock).AddDays(150), RectificationKind.Upgrade), default);
        var backwardBefore = (await RollupStore.ForDivisionAsync(db, township, default)).GetValueOrDefault(R.BackwardVillages.Id);

        var round = await GradingStore.OpenAsync(db, clock, office, township, year, default);
        Assert.Equal("twice", Assert.Single((await Assert.ThrowsAsync<RefusedException>(() => GradingStore.OpenAsync(db, clock, office, township, year, default))).Problems).Code);
        // Three criteria met suggests general; another grade than the suggestion needs its reason.
        var noReason = await Assert.ThrowsAsync<RefusedException>(() => GradingStore.GradeAsync(db, clock, office, round.Id, village, PartyOrgGrade.Advanced, ["leadership", "members", "organisation-life"], null, default));
        Assert.Equal("note", Assert.Single(noReason.Problems).Field);
        var graded = await GradingStore.GradeAsync(db, clock, office, round.Id, village, null, ["leadership", "members", "organisation-life"], null, default);
        Assert.Equal((PartyOrgGrade.General, (PartyOrgGrade?)PartyOrgGrade.Backward), (graded.Grade, graded.Previous));
        Assert.Equal("incomplete", Assert.Single((await Assert.ThrowsAsync<RefusedException>(() => GradingStore.SubmitAsync(db, clock, office, round.Id, default))).Problems).Code);
        // The others: as many graded backward (nothing met) as the plan's share of backward villages, the rest advanced (everything met).
        // The general village with upgrade targets last, so that it is graded advanced.
        var others = villages.Where(v => v != village && v != general).Append(general).ToList();
        var share = Domain.Policy.ProgrammePolicy.Jining(year + 1).Backward.CountFor(villages.Count);
        string[] all = ["leadership", "members", "organisation-life", "economy", "services", "stability"];
        for (var i = 0; i < others.Count; i++)
        {
            await GradingStore.GradeAsync(db, clock, office, round.Id, others[i], null, i < share ? [] : all, null, default);
        }
        await GradingStore.SubmitAsync(db, clock, office, round.Id, default);
        // The township cannot confirm its own grading: the county does.
        Assert.Equal("county", Assert.Single((await Assert.ThrowsAsync<RefusedException>(() => GradingStore.ConfirmAsync(db, clock, office, round.Id, default))).Problems).Code);
        await GradingStore.ConfirmAsync(db, clock, county, round.Id, default);

        Assert.Equal(PartyOrgGrade.General, await db.Divisions.AsNoTracking().Where(d => d.Code == village).Select(d => d.PartyOrgGrade).SingleAsync());
        var profile = await db.VillageProfiles.AsNoTracking().SingleAsync(p => p.VillageCode == village && p.Year == year + 1);
        Assert.Equal((PartyOrgGrade.General, ProfileSource.Grading), (profile.Grade!.Value, profile.Source));
        var judged = await db.Rectifications.AsNoTracking().SingleAsync(r => r.Id == plan.Id);
        Assert.Equal((RectificationStatus.Rectified, (long?)round.Id), (judged.Status, judged.JudgedByRoundId));
        Assert.Contains("已调整支部书记", judged.Progress, StringComparison.Ordinal);
        var upgraded = await db.Rectifications.AsNoTracking().SingleAsync(r => r.Id == upgrade.Id);
        Assert.Equal((RectificationKind.Upgrade, RectificationStatus.Rectified), (upgraded.Kind, upgraded.Status));
        Assert.Equal("晋位升级", GradingWords.Status(upgraded.Status, upgraded.Kind).Zh);

        // Next year's ranking: the village's organisation no longer counts as backward.
        var world = await LiaisonStore.LoadWorldAsync(db, Domain.Policy.ProgrammePolicy.Jining(year + 1), withTies: false, default);
        var ranked = VillageRanking.Rank(world.Policy.Backward, world.Places.Values.Where(p => p.Code.StartsWith(township, StringComparison.Ordinal)));
        var mine = ranked.Single(r => r.Village.Code == village);
        Assert.False(mine.Backward);
        Assert.DoesNotContain(mine.Reasons, r => r.Reason.Zh == "党组织后进");

        await FieldRollups.DrainAllAsync(db, default);
        var figures = await RollupStore.ForDivisionAsync(db, township, default);
        Assert.Equal(villages.Count, figures[R.VillagesGraded.Id]);
        Assert.Equal(figures[R.VillagesGraded.Id], figures.GetValueOrDefault(R.GradedAdvanced.Id) + figures.GetValueOrDefault(R.GradedGeneral.Id) + figures.GetValueOrDefault(R.GradedBackward.Id));
        Assert.True(figures[R.BackwardRectified.Id] >= 1);
        Assert.Equal(share, figures[R.BackwardVillages.Id]);
        Assert.True(backwardBefore >= 1);
        Assert.Empty((await RollupVerifier.VerifyAsync(db, default)).Differences);
    }
}
