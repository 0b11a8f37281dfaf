using Liaison.Data.Audit;
using Liaison.Data.Demo;
using Liaison.Data.Liaisons;
using Liaison.Data.Policy;
using Liaison.Data.Secretaries;
using Liaison.Domain.Divisions;
using Liaison.Domain.Secretaries;
using Liaison.Domain.Shared;
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
        await DemoSeeder.SeedAsync(db, TimeProvider.System, DemoScale.Small, 1, null, default);
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
    public async Task Ineligible_candidates_are_excluded_with_the_rule_a_recalled_secretary_is_replaced_by_hand_and_the_indicators_follow(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        await using var db = t.Open();
        await DemoSeeder.SeedAsync(db, TimeProvider.System, DemoScale.Small, 1, null, default);
        await LiaisonStore.PlanAsync(db, TimeProvider.System, Tester, Year, Today, default);
        await PolicyStore.SetAsync(db, TimeProvider.System, Tester, $$"""{ "year": {{Year}}, "firstSecretaries": { "eligibility": { "maxAge": 45 } } }""", default);
        var calls = await SecretaryStore.OpenCallsAsync(db, TimeProvider.System, Tester, Year, default);
        await DemoCandidates.RegisterAsync(db, TimeProvider.System, Year, 1, default);
        await SecretaryStore.SelectAsync(db, TimeProvider.System, Tester, Year, default);

        // Everyone older than 45 in the year is out, with the rule named; nobody selected is older.
        var outcomes = await (from k in db.SecretaryCandidates join c in db.Cadres on k.CadreId equals c.Id select new { k.Status, k.StatusReason, c.BirthYear }).ToListAsync();
        var old = outcomes.Where(o => Year - o.BirthYear > 45).ToList();
        Assert.NotEmpty(old);
        Assert.All(old, o => Assert.Equal(CandidateStatus.NotSelected, o.Status));
        Assert.All(old, o => Assert.Contains($"年龄不符（{Year - o.BirthYear} 岁，上限 45 岁）", o.StatusReason, StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.Status == CandidateStatus.Selected);

        await SecretaryStore.MatchAsync(db, TimeProvider.System, Tester, Year, Today, default);
        var postings = await db.SecretaryPostings.Where(p => p.Until == null).OrderBy(p => p.Id).ToListAsync();
        var freed = postings[0];
        Assert.Null(await Recall(freed.Id, null));
        var codeOf = await db.Cadres.ToDictionaryAsync(c => c.Id, c => c.Code);
        // Another posting of the same call whose village the freed cadre may take.
        SecretaryPosting? target = null;
        foreach (var p in postings.Skip(1).Where(p => p.CallId == freed.CallId))
        {
            var (why, _) = await SecretaryStore.WhyNotAsync(db, Year, codeOf[freed.CadreId], p.VillageCode, default);
            if (why.Forbidden == Forbidden.None)
            {
                target = p;
                break;
            }
        }
        Assert.NotNull(target);
        var notSelected = await db.SecretaryCandidates.Where(k => k.Status == CandidateStatus.NotSelected).Select(k => k.CadreId).FirstAsync();
        Assert.Contains("不是本年度已选中", (await Recall(target.Id, codeOf[notSelected]))?.Zh, StringComparison.Ordinal);
        Assert.Equal(("cadre", true), (await Recall(target.Id, codeOf[postings[^1].CadreId])) is { } busy ? (busy.Field, busy.Zh.Contains("已在其他村任第一书记", StringComparison.Ordinal)) : default);
        Assert.Contains("not a selected", (await SecretaryStore.ChangePostingAsync(db, TimeProvider.System, Tester, target.Id, new PostingChange("x", Replacement: "nobody"), Today, _ => true, default))?.En, StringComparison.Ordinal);
        Assert.Contains("管辖范围", (await SecretaryStore.ChangePostingAsync(db, TimeProvider.System, Tester, target.Id, new PostingChange("x", Replacement: codeOf[freed.CadreId]), Today, _ => false, default))?.Zh, StringComparison.Ordinal);

        Assert.Null(await Recall(target.Id, codeOf[freed.CadreId]));

        var now = await db.SecretaryPostings.Where(p => p.VillageCode == target.VillageCode && p.Until == null).SingleAsync();
        Assert.Equal((freed.CadreId, true, "身体原因"), (now.CadreId, now.Manual, now.Reason));
        Assert.StartsWith("召回并替换", (await db.SecretaryPostings.SingleAsync(p => p.Id == target.Id)).EndReason, StringComparison.Ordinal);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "secretaries.replace"));
        // The match keeps the hand-made replacement.
        await SecretaryStore.MatchAsync(db, TimeProvider.System, Tester, Year, Today, default);
        Assert.True(await db.SecretaryPostings.AnyAsync(p => p.Id == now.Id && p.Until == null));

        Assert.Null(await SecretaryStore.AddSupportAsync(db, TimeProvider.System, Tester, now.Id, SupportKind.Funds, 12_345.60m, "道路硬化", Today, default));
        Assert.Null(await SecretaryStore.AddSupportAsync(db, TimeProvider.System, Tester, now.Id, SupportKind.Projects, 1, "大棚项目", Today, default));

        var policy = (await PolicyStore.GetAsync(db, Year, default)).Policy.FirstSecretaries;
        var villages = await db.Divisions.Where(d => d.Level == DivisionLevel.Village).ToListAsync();
        var needing = villages.Where(d => d.PartyOrgGrade is { } g && policy.NeedGrades.Contains(g) || policy.NeedTypes.Any(x => d.VillageType.HasFlag(x))).Select(d => d.Code).ToHashSet();
        var inPost = await db.SecretaryPostings.Where(p => p.Until == null).Select(p => p.VillageCode).ToListAsync();
        var figures = await Reporting.RollupStore.ForDivisionAsync(db, "370830", default);
        Assert.Equal(needing.Count, figures["villages_need_fs"]);
        Assert.Equal(inPost.Count(needing.Contains), figures["villages_need_fs_covered"]);
        Assert.Equal(12_346, figures["fs_support_funds"]);
        Assert.Equal(2, figures["fs_support_items"]);

        Task<Problem?> Recall(long id, string? replacement) =>
            SecretaryStore.ChangePostingAsync(db, TimeProvider.System, Tester, id, new PostingChange("身体原因", Replacement: replacement), Today, _ => true, default);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_units_list_of_candidates_is_imported_all_or_nothing_with_each_bad_line_named(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        await using var db = t.Open();
        await DemoSeeder.SeedAsync(db, TimeProvider.System, DemoScale.Small, 1, null, default);
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
        var refused = await Assert.ThrowsAsync<Import.ImportRefusedException>(() => new CandidateImporter(TimeProvider.System).ImportAsync(db, bad, null, default));
        var messages = refused.Problems.Select(p => p.En).ToList();
        Assert.Contains(messages, m => m.Contains("line 3", StringComparison.Ordinal) && m.Contains("unknown cadre C999999", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("line 4", StringComparison.Ordinal) && m.Contains("does not serve in a unit of the call", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("line 5", StringComparison.Ordinal) && m.Contains("0–100", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("line 6", StringComparison.Ordinal) && m.Contains($"no {Year + 1} First Secretary call", StringComparison.Ordinal));
        Assert.False(await db.SecretaryCandidates.AnyAsync());

        var good = files.Text("good.csv", header + $"{Year},{call.DivisionCode},{cadres[0]},,90,80,85,75\n{Year},{call.DivisionCode},{cadres[1]},,,,,\n");
        Assert.Equal(2, (await new CandidateImporter(TimeProvider.System).ImportAsync(db, good, null, default)).Rows);
        var rescored = files.Text("rescored.csv", header + $"{Year},{call.DivisionCode},{cadres[1]},,70,70,70,70\n");
        await new CandidateImporter(TimeProvider.System).ImportAsync(db, rescored, null, default);
        var candidates = await db.SecretaryCandidates.OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(2, candidates.Count);
        Assert.Equal(330, candidates[0].Merit);
        Assert.Equal(280, candidates[1].Merit);
    }
}
