using System.CommandLine;
using Liaison.Data.Demo;

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
            await using var db = run.OpenDb();
            await ImportCommands.EnsureSchemaAsync(run, db, ct);
            var result = await run.WithProgressAsync(run.Say("演示数据", "demo"),
                progress => DemoSeeder.SeedAsync(db, run.Value(scale), run.Value(seed), progress, ct));
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
        return new Command("demo", "演示数据 / demo data") { seedCommand, Features.Secretaries.SecretaryCommands.DemoCandidatesCommand() };
    }
}
