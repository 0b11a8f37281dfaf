using System.CommandLine;
using Liaison.Data.Audit;
using Liaison.Data.Demo;
using Liaison.Domain.Shared;

namespace Liaison.App.Cli;

/// <summary><c>liaison demo seed [--scale small|city] [--seed N]</c>.</summary>
public static class DemoCommands
{
    public static Command Build()
    {
        var scale = new Option<DemoScale>("--scale") { Description = "small: 一个县 / one county; city: 全市 / the whole city", DefaultValueFactory = _ => DemoScale.Small };
        var seed = new Option<int>("--seed") { Description = "随机种子 / seed; the same seed gives the same city", DefaultValueFactory = _ => 1 };
        var seedCommand = new Command("seed", "在空数据库中生成济宁演示数据 / generate Jining demo data into an empty database") { scale, seed };
        seedCommand.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var result = await run.WithProgressAsync(run.Say(Words.Demo),
                progress => DemoSeeder.SeedAsync(db, run.Clock, run.Value(scale), run.Value(seed), progress, ct));
            if (run.Json)
            {
                CommandRunner.Print(new { divisions = result.Divisions, units = result.Units, cadres = result.Cadres, households = result.Households, seconds = result.Seconds });
            }
            else
            {
                Console.WriteLine(run.Say(
                    $"已生成：行政区划 {result.Divisions}，单位 {result.Units}，干部 {result.Cadres}，农户 {result.Households}（{result.Seconds} 秒）。",
                    $"Seeded {result.Divisions} divisions, {result.Units} units, {result.Cadres} cadres, {result.Households} households in {result.Seconds} s."));
            }
            return ExitCodes.Ok;
        }));
        return new Command("demo", "演示数据 / demo data") { seedCommand, Features.Secretaries.SecretaryCommands.DemoCandidatesCommand(), ActivityCommand(), Features.Supervision.SupervisionCommands.DemoCalls(), AssessmentCommand() };
    }

    /// <summary><c>liaison demo assessment --year Y [--seed N]</c>: a demo year's observation, comments and masses' evaluation.</summary>
    private static Command AssessmentCommand()
    {
        var year = new Option<int>("--year") { Description = "年度，如 2025 / the year", Required = true };
        var seed = new Option<int>("--seed") { Description = "随机种子 / seed", DefaultValueFactory = _ => 1 };
        var command = new Command("assessment", "生成一年的现场观摩评分、工作点评和群众评议 / generate a year's observation scores, work comments and masses' evaluation") { year, seed };
        command.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var r = await run.BusyAsync(run.Say("生成考核录入", "Generating the assessment's entries"), () => DemoAssessment.GenerateAsync(db, run.Clock, Actor.Cli, run.Value(year), run.Value(seed), ct));
            if (run.Json)
            {
                CommandRunner.Print(new { year = r.Year, observations = r.Observations, comments = r.Comments, ballots = r.Ballots, ratings = r.Ratings });
            }
            else
            {
                Console.WriteLine(run.Say($"{r.Year} 年：现场观摩 {r.Observations} 个村，工作点评 {r.Comments} 条，群众评议 {r.Ballots} 户（评价 {r.Ratings} 条）。",
                    $"{r.Year}: {r.Observations} villages observed, {r.Comments} work comments, {r.Ballots} households' ballots ({r.Ratings} ratings)."));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary><c>liaison demo activity [--year Y] [--seed N]</c>: a year of stays, visits and First Secretary activities at the source's rates.</summary>
    private static Command ActivityCommand()
    {
        var year = new Option<int?>("--year") { Description = "年度（默认今年，记到昨天）/ year (default: this year, up to yesterday)" };
        var seed = new Option<int>("--seed") { Description = "随机种子 / seed", DefaultValueFactory = _ => 1 };
        var command = new Command("activity", "生成一年的驻村、入户走访、第一书记工作、群众诉求、矛盾纠纷和民生代办记录 / generate a year of stays, household visits, First Secretary activities, cases, disputes and errands") { year, seed };
        command.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var y = run.Value(year) ?? ChinaTime.Today(run.Clock).Year;
            DemoActivityResult result;
            try
            {
                result = await run.WithProgressAsync(run.Say("走访记录", "field work"),
                    progress => DemoActivity.GenerateAsync(db, run.Clock, Actor.Cli, y, run.Value(seed), progress, ct));
            }
            catch (InvalidOperationException e)
            {
                return run.Fail(e.Message);
            }
            if (run.Json)
            {
                CommandRunner.Print(result);
            }
            else
            {
                Console.WriteLine(run.Say(
                    $"{result.Year} 年：入户走访 {result.Visits} 次（农户 {result.HouseholdsVisited} 户），收集问题 {result.Issues} 个，驻村 {result.Stays} 次，第一书记工作记录 {result.Activities} 条，群众诉求 {result.Cases} 件、矛盾纠纷 {result.Disputes} 件、民生代办 {result.Errands} 件，夜谈夜访 {result.NightSessions} 场（上报 {result.NightCases} 件），公开承诺 {result.Commitments} 项，实事好事 {result.Deeds} 件（{result.Seconds} 秒）。",
                    $"{result.Year}: {result.Visits} visits ({result.HouseholdsVisited} households), {result.Issues} issues, {result.Stays} stays, {result.Activities} First Secretary activities, {result.Cases} cases, {result.Disputes} disputes, {result.Errands} errands, {result.NightSessions} night sessions ({result.NightCases} escalated), {result.Commitments} public commitments, {result.Deeds} practical deeds in {result.Seconds} s."));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
