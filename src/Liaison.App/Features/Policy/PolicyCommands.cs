using System.CommandLine;
using Liaison.App.Cli;
using Liaison.Data.Audit;
using Liaison.Data.Policy;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;

namespace Liaison.App.Features.Policy;

/// <summary><c>liaison policy show [--year Y] [--document]</c> and <c>liaison policy set FILE</c>.</summary>
public static class PolicyCommands
{
    /// <summary>The plan year: given, else this year in China.</summary>
    public static Option<int?> YearOption() => new("--year") { Description = "年度 / year (default: this year)" };

    public static int YearOf(CommandRunner run, Option<int?> year) => run.Value(year) ?? ChinaTime.Today(run.Clock).Year;

    public static Command Build()
    {
        var year = YearOption();
        var document = new Option<bool>("--document") { Description = "只输出政策文件（JSON），可修改后用 policy set 设置 / print the document alone, to edit and set" };
        var show = new Command("show", "显示某年度的政策 / show a year's policy") { year, document };
        show.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var effective = await PolicyStore.GetAsync(db, YearOf(run, year), ct);
            if (run.Value(document))
            {
                Console.WriteLine(PolicyDocument.ToJson(effective.Policy));
            }
            else if (run.Json)
            {
                CommandRunner.Print(new
                {
                    year = effective.Policy.Year,
                    version = effective.Version,
                    isDefault = effective.IsDefault,
                    setAt = effective.SetAt,
                    setBy = effective.SetBy,
                    document = System.Text.Json.JsonSerializer.SerializeToElement(effective.Policy, PolicyDocument.Options),
                });
            }
            else
            {
                Console.WriteLine(effective.IsDefault
                    ? run.Say($"{effective.Policy.Year} 年度政策：{effective.Policy.Title}（未设置，使用默认规则）", $"Policy {effective.Policy.Year}: {effective.Policy.Title} (not set; the default rules)")
                    : run.Say($"{effective.Policy.Year} 年度政策：{effective.Policy.Title}（第 {effective.Version} 版，{ChinaTime.Format(effective.SetAt!.Value)} 由 {effective.SetBy} 设置）",
                              $"Policy {effective.Policy.Year}: {effective.Policy.Title} (version {effective.Version}, set {ChinaTime.Format(effective.SetAt!.Value)} by {effective.SetBy})"));
                foreach (var section in PolicyText.Describe(effective.Policy, run.English))
                {
                    Console.WriteLine();
                    Console.WriteLine(section.Heading);
                    foreach (var line in section.Lines)
                    {
                        Console.WriteLine("  · " + line);
                    }
                }
            }
            return ExitCodes.Ok;
        }));

        var file = new Argument<FileInfo>("FILE") { Description = "政策文件（JSON；未写的项沿用默认值）/ the policy document (JSON; what it leaves out keeps the default)" };
        var set = new Command("set", "校验并设置某年度的政策（新增一个版本）/ validate and set a year's policy (adds a version)") { file };
        set.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            var path = run.Value(file)!;
            if (!path.Exists)
            {
                return run.Fail(run.Say($"找不到文件 {path.FullName}", $"no such file: {path.FullName}"));
            }
            var json = await File.ReadAllTextAsync(path.FullName, ct);
            await using var db = await run.OpenDbAsync(ct);
            try
            {
                var stored = await PolicyStore.SetAsync(db, run.Clock, Actor.Cli, json, ct);
                if (run.Json)
                {
                    CommandRunner.Print(new { year = stored.Policy.Year, version = stored.Version });
                }
                else
                {
                    Console.WriteLine(run.Say($"已设置 {stored.Policy.Year} 年度政策第 {stored.Version} 版。", $"Set policy {stored.Policy.Year}, version {stored.Version}."));
                }
                return ExitCodes.Ok;
            }
            catch (PolicyRefusedException e)
            {
                // The file's name belongs in front of each problem.
                return run.Refused(new PolicyRefusedException(e.PolicyProblems.Select(p => p with { File = path.Name }).ToList()));
            }
        }));
        return new Command("policy", "驻村联系工作政策（按年度）/ the programme's policy, per year") { show, set };
    }
}
