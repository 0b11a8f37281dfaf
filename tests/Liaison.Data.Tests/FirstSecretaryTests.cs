using Liaison.Data.Audit;
using Liaison.Data.Demo;
using Liaison.Data.Liaisons;
using Liaison.Data.Secretaries;
using Liaison.Domain.Divisions;
using Liaison.Domain.Secretaries;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Tests;

public class FirstSecretaryTests
{
    private const int Year = 2026;
    private static readonly DateOnly Today = new(Year, 3, 1);
    private static readonly Actor Tester = new("tester");

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_yearly_cycle_from_calls_to_postings_places_every_selected_cadre_optimally_within_its_jurisdiction(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        await using var db = t.Open();
        await DemoSeeder.SeedAsync(db, DemoScale.Small, 1, null, default);
        await LiaisonStore.PlanAsync(db, TimeProvider.System, Tester, Year, Today, default);

        var calls = await SecretaryStore.OpenCallsAsync(db, TimeProvider.System, Tester, Year, default);
        Assert.Contains(calls, c => c.Level == DispatchLevel.Township);
        Assert.Contains(calls, c => c.Level == DispatchLevel.County && c.DivisionCode == "370830");
        Assert.Equal(calls.Count, (await SecretaryStore.OpenCallsAsync(db, TimeProvider.System, Tester, Year, default)).Count);
        var registered = await DemoCandidates.RegisterAsync(db, TimeProvider.System, Year, 1, default);
        var (selected, notSelected) = await SecretaryStore.SelectAsync(db, TimeProvider.System, Tester, Year, default);
        Assert.Equal(registered, selected + notSelected);
        Assert.True(selected > 50);
        // Each call took at most its quota, reserve and newly promoted cadres first.
        foreach (var call in calls)
        {
            Assert.True(await db.SecretaryCandidates.CountAsync(c => c.CallId == call.Id && c.Status == CandidateStatus.Selected) <= call.Quota);
        }
        Assert.All(await db.SecretaryCandidates.Where(c => c.Status == CandidateStatus.NotSelected).ToListAsync(), c => Assert.StartsWith("未选中", c.StatusReason, StringComparison.Ordinal));

        var run = await SecretaryStore.MatchAsync(db, TimeProvider.System, Tester, Year, Today, default);

        Assert.Empty(run.Result.Unplaced);
        var postings = await db.SecretaryPostings.Where(p => p.Until == null).ToListAsync();
        Assert.Equal(selected, postings.Count);
        Assert.Equal(postings.Count, postings.Select(p => p.VillageCode).Distinct().Count());
        Assert.Equal(run.Result.TotalCost, postings.Sum(p => (long)p.Cost));
        var callsById = calls.ToDictionary(c => c.Id);
        Assert.All(postings, p => Assert.StartsWith(callsById[p.CallId].DivisionCode, p.VillageCode, StringComparison.Ordinal));
        var figures = await Reporting.RollupStore.ForDivisionAsync(db, "370830", default);
        Assert.Equal(postings.Count, figures.GetValueOrDefault("fs_city") + figures.GetValueOrDefault("fs_county") + figures.GetValueOrDefault("fs_township"));
        Assert.Equal(postings.Count(p => callsById[p.CallId].Level == DispatchLevel.Township), figures.GetValueOrDefault("fs_township"));
        Assert.Equal(postings.Count, figures["villages_with_fs"]);
        // Every posted village needs a First Secretary under the policy.
        var needy = await db.Divisions.Where(d => postings.Select(p => p.VillageCode).Contains(d.Code)).ToListAsync();
        Assert.All(needy, d => Assert.True(d.PartyOrgGrade is PartyOrgGrade.Backward or PartyOrgGrade.General || d.VillageType != VillageType.None));
        var rerun = await SecretaryStore.MatchAsync(db, TimeProvider.System, Tester, Year, Today, default);
        Assert.Equal((selected, 0, 0), (rerun.Kept, rerun.Added, rerun.Ended));
        Assert.Equal(run.Result.TotalCost, rerun.Result.TotalCost);

        var (why, posting) = await SecretaryStore.WhyNotAsync(db, Year, run.Result.Pairs[0].Candidate.CadreCode, run.Result.Pairs[1].Village.Code, default);
        Assert.NotNull(posting);
        Assert.True(why.Forbidden != Forbidden.None || why.Increase >= 0);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_units_list_of_candidates_is_imported_all_or_nothing_with_each_bad_line_named(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        await using var db = t.Open();
        await DemoSeeder.SeedAsync(db, DemoScale.Small, 1, null, default);
        var calls = await SecretaryStore.OpenCallsAsync(db, TimeProvider.System, Tester, Year, default);
        var call = calls.First(c => c.Level == DispatchLevel.Township);
        var cadres = await (from c in db.Cadres
                            join u in db.Units on c.UnitId equals u.Id
                            where u.Level == Domain.People.UnitLevel.Township && u.DivisionCode == call.DivisionCode && c.Rank == Domain.People.CadreRank.Ordinary
                            orderby c.Code
                            select c.Code).Take(2).ToListAsync();
        var other = await (from c in db.Cadres join u in db.Units on c.UnitId equals u.Id where u.DivisionCode != call.DivisionCode select c.Code).FirstAsync();
        using var files = new TestFiles();
        var header = "年度,选派区划代码,干部编号,家乡区划代码,政治素质,创新能力,热爱群众工作,协调能力\n";

        var bad = files.Text("bad.csv", header +
            $"{Year},{call.DivisionCode},{cadres[0]},,90,80,85,75\n" +
            $"{Year},{call.DivisionCode},C999999,,90,80,85,75\n" +
            $"{Year},{call.DivisionCode},{other},,90,80,85,75\n" +
            $"{Year},{call.DivisionCode},{cadres[1]},,101,80,85,75\n" +
            $"{Year + 1},{call.DivisionCode},{cadres[1]},,,,,\n");
        var refused = await Assert.ThrowsAsync<Import.ImportRefusedException>(() => new CandidateImporter().ImportAsync(db, bad, UiLanguage.English, null, default));
        var messages = refused.Problems.Select(p => p.Message(UiLanguage.English)).ToList();
        Assert.Contains(messages, m => m.Contains("line 3", StringComparison.Ordinal) && m.Contains("unknown cadre C999999", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("line 4", StringComparison.Ordinal) && m.Contains("does not serve in a unit of the call", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("line 5", StringComparison.Ordinal) && m.Contains("0–100", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("line 6", StringComparison.Ordinal) && m.Contains($"no {Year + 1} First Secretary call", StringComparison.Ordinal));
        Assert.False(await db.SecretaryCandidates.AnyAsync());

        var good = files.Text("good.csv", header + $"{Year},{call.DivisionCode},{cadres[0]},,90,80,85,75\n{Year},{call.DivisionCode},{cadres[1]},,,,,\n");
        Assert.Equal(2, (await new CandidateImporter().ImportAsync(db, good, UiLanguage.Chinese, null, default)).Rows);
        var rescored = files.Text("rescored.csv", header + $"{Year},{call.DivisionCode},{cadres[1]},,70,70,70,70\n");
        await new CandidateImporter().ImportAsync(db, rescored, UiLanguage.Chinese, null, default);
        var candidates = await db.SecretaryCandidates.OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(2, candidates.Count);
        Assert.Equal(330, candidates[0].Merit);
        Assert.Equal(280, candidates[1].Merit);
    }
}
