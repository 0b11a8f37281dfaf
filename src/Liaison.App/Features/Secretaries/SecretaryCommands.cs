using System.CommandLine;
using Liaison.App.Cli;
using Liaison.App.Features.Policy;
using Liaison.Data.Audit;
using Liaison.Data.Demo;
using Liaison.Data.Secretaries;
using Liaison.Domain.Secretaries;
using Liaison.Domain.Shared;

namespace Liaison.App.Features.Secretaries;

/// <summary>
/// The First Secretary cycle on the command line: <c>secretaries calls|select|why-not</c>,
/// <c>plan first-secretaries</c> and <c>demo candidates</c>.
/// </summary>
public static class SecretaryCommands
{
    public static Command Build()
    {
        var command = new Command("secretaries", "第一书记选派 / First Secretaries");
        command.Subcommands.Add(Calls());
        command.Subcommands.Add(Select());
        command.Subcommands.Add(WhyNot());
        return command;
    }

    private static Command Calls()
    {
        var year = PolicyCommands.YearOption();
        var calls = new Command("calls", "按政策开启本年度各级选派（已开启则列出）/ open the year's calls from the policy (or list them)") { year };
        calls.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var y = PolicyCommands.YearOf(run, year);
            var list = await SecretaryStore.OpenCallsAsync(db, run.Clock, Actor.Cli, y, ct);
            // No call at all is never silent: say why (no village in need, the profiles missing, no quotas).
            Term? why = list.Count == 0 ? await SecretaryStore.WhyNoCallsAsync(db, y, ct) : null;
            if (run.Json)
            {
                CommandRunner.Print(new
                {
                    calls = list.Select(c => new { id = c.Id, level = c.Level.ToString().ToLowerInvariant(), division = c.DivisionCode, quota = c.Quota }),
                    quota = list.Sum(c => c.Quota),
                    reason = why?.In(run.English),
                });
            }
            else if (why is not null)
            {
                Console.WriteLine(run.Say($"{y} 年度没有开启选派：", $"No calls opened for {y}: ") + run.Say(why.Value));
            }
            else
            {
                foreach (var level in list.GroupBy(c => c.Level))
                {
                    var term = Domain.Shared.Terms.DispatchLevels[level.Key];
                    Console.WriteLine(run.Say($"{term.Zh}：{level.Count()} 个选派，名额 {level.Sum(c => c.Quota)}", $"{term.En} calls: {level.Count()}, quota {level.Sum(c => c.Quota)}"));
                }
            }
            return ExitCodes.Ok;
        }));
        return calls;
    }

    private static Command Select()
    {
        var year = PolicyCommands.YearOption();
        var select = new Command("select", "按名额择优选定人选（后备干部、新提拔干部优先）/ fill each call's quota on merit") { year };
        select.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var (selected, not) = await SecretaryStore.SelectAsync(db, run.Clock, Actor.Cli, PolicyCommands.YearOf(run, year), ct);
            if (run.Json)
            {
                CommandRunner.Print(new { selected, notSelected = not });
            }
            else
            {
                Console.WriteLine(run.Say($"选中 {selected} 名，未选中 {not} 名。", $"Selected {selected}, not selected {not}."));
            }
            return ExitCodes.Ok;
        }));
        return select;
    }

    private static Command WhyNot()
    {
        var year = PolicyCommands.YearOption();
        var cadre = new Argument<string>("CADRE") { Description = "干部编号 / staff number" };
        var village = new Argument<string>("VILLAGE") { Description = "村代码 / village code" };
        var whyNot = new Command("why-not", "为什么不派到这个村？/ why not this village?") { cadre, village, year };
        whyNot.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var (answer, posting) = await SecretaryStore.WhyNotAsync(db, PolicyCommands.YearOf(run, year), run.Value(cadre)!, run.Value(village)!, ct);
            if (run.Json)
            {
                CommandRunner.Print(new { forbidden = answer.Forbidden == Forbidden.None ? null : answer.Forbidden.ToString(), terms = answer.Terms, totalIfForced = answer.TotalIfForced, increase = answer.Increase, posting = posting is null ? null : new { village = posting.Village.Code, terms = posting.Terms } });
                return ExitCodes.Ok;
            }
            if (answer.Forbidden != Forbidden.None)
            {
                Console.WriteLine(answer.Forbidden == Forbidden.Jurisdiction
                    ? run.Say("不允许：该村不在选派单位的辖区内。", "Not allowed: the village lies outside the sending level's jurisdiction.")
                    : run.Say(Words.HomeTownshipAvoided));
                return ExitCodes.Ok;
            }
            var t = answer.Terms!;
            Console.WriteLine(run.Say($"派到该村的费用：类别 {t.Category} + 需要 {t.Need} + 距离 {t.Distance} + 分散 {t.Spread} = {t.Total}", $"Cost of this village: category {t.Category} + need {t.Need} + distance {t.Distance} + spread {t.Spread} = {t.Total}"));
            if (posting is not null)
            {
                var p = posting.Terms;
                Console.WriteLine(run.Say($"现方案 {posting.Village.Name}：{p.Category} + {p.Need} + {p.Distance} + {p.Spread} = {p.Total}", $"Current posting {posting.Village.Name}: {p.Category} + {p.Need} + {p.Distance} + {p.Spread} = {p.Total}"));
            }
            Console.WriteLine(answer.Increase is { } d
                ? run.Say($"改派该村，全市总费用最少增加 {d}（最优方案之外的最好安排）。", $"Sending the cadre there raises the least possible total by {d}.")
                : run.Say(Words.OthersCannotBePlaced));
            return ExitCodes.Ok;
        }));
        return whyNot;
    }

    /// <summary><c>plan first-secretaries [--year] [--export-costs FILE] [--since DATE]</c>.</summary>
    public static Command Plan()
    {
        var year = PolicyCommands.YearOption();
        var export = new Option<string?>("--export-costs") { Description = "把全部可行配对写成 CSV（cadre_id,village_code,cost），可用其他求解器验证最优 / every allowed pair as CSV, to check optimality with another solver" };
        var since = Liaisons.LiaisonCommands.SinceOption();
        var plan = new Command("first-secretaries", "第一书记人岗最优匹配 / the optimal match of First Secretaries to villages") { year, export, since };
        plan.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var y = PolicyCommands.YearOf(run, year);
            var r = await run.WithProgressAsync(run.Say("第一书记匹配", "First Secretary match"), async progress =>
            {
                progress(new Data.Import.ImportProgress("plan", 0, 1));
                return await SecretaryStore.MatchAsync(db, run.Clock, Actor.Cli, y, ChinaTime.Today(run.Clock), Liaisons.LiaisonCommands.StartsOn(run, since, y), ct);
            });
            long? exported = run.Value(export) is { } path ? await SecretaryStore.ExportCostsAsync(r.Result, path, ct) : null;
            // The distance term is 0 for villages without coordinates: said, not hidden in the totals.
            var distanceGap = (await Data.Divisions.VillageProfileStore.GapsAsync(db, ct)).MatchDistance;
            if (run.Json)
            {
                CommandRunner.Print(new
                {
                    year = y,
                    assigned = r.Result.Pairs.Count,
                    totalCost = r.Result.TotalCost,
                    unassigned = r.Result.Unplaced.Select(u => new { cadre = u.Candidate.CadreCode, name = u.Candidate.Name, call = u.Candidate.DispatchDivision, reason = run.English ? u.ReasonEn : u.ReasonZh }),
                    kept = r.Kept,
                    added = r.Added,
                    ended = r.Ended,
                    exportedPairs = exported,
                    profileGaps = distanceGap is { } g ? new[] { g.In(run.English) } : [],
                    seconds = Math.Round(r.Seconds, 3),
                });
            }
            else
            {
                Console.WriteLine(run.Say($"{y} 年度第一书记匹配：安排 {r.Result.Pairs.Count} 名，总费用 {r.Result.TotalCost}（最优），未安排 {r.Result.Unplaced.Count} 名；新增 {r.Added}，保留 {r.Kept}，结束 {r.Ended}（{r.Seconds:0.0} 秒）。",
                    $"First Secretaries {y}: {r.Result.Pairs.Count} placed at total cost {r.Result.TotalCost} (optimal), {r.Result.Unplaced.Count} not placed; {r.Added} new, {r.Kept} kept, {r.Ended} ended ({r.Seconds:0.0} s)."));
                if (distanceGap is { } gap)
                {
                    Console.WriteLine(run.Say(Words.Note) + run.Say(gap));
                }
                foreach (var u in r.Result.Unplaced.Take(20))
                {
                    Console.WriteLine($"  {u.Candidate.Name}({u.Candidate.CadreCode}): {(run.English ? u.ReasonEn : u.ReasonZh)}");
                }
                if (exported is { } n)
                {
                    Console.WriteLine(run.Say($"已导出 {n} 个可行配对到 {run.Value(export)}", $"Exported {n} allowed pairs to {run.Value(export)}"));
                }
            }
            return ExitCodes.Ok;
        }));
        return plan;
    }

    /// <summary><c>demo candidates [--year] [--seed]</c>: the demo's registrations with panel scores.</summary>
    public static Command DemoCandidatesCommand()
    {
        var year = PolicyCommands.YearOption();
        var seed = new Option<int>("--seed") { Description = "随机种子 / seed", DefaultValueFactory = _ => 1 };
        var command = new Command("candidates", "为本年度各级选派生成演示报名和评分 / register demo candidates with scores in the year's calls") { year, seed };
        command.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var n = await DemoCandidates.RegisterAsync(db, run.Clock, PolicyCommands.YearOf(run, year), run.Value(seed), ct);
            if (run.Json)
            {
                CommandRunner.Print(new { candidates = n });
            }
            else
            {
                Console.WriteLine(run.Say($"已登记 {n} 名演示人选。", $"Registered {n} demo candidates."));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
