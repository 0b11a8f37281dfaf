using System.CommandLine;
using Liaison.Data;
using Liaison.Data.Divisions;
using Liaison.Data.Import;
using Liaison.Data.People;

namespace Liaison.App.Cli;

/// <summary><c>liaison import divisions|units|cadres|households FILE</c>: all-or-nothing, with a progress bar.</summary>
public static class ImportCommands
{
    public static Command Build()
    {
        var import = new Command("import", "导入数据（全部成功或全部不写入）/ import data, all or nothing");

        var file = new Argument<string>("FILE") { Description = "CSV, .csv.gz" };
        var root = new Option<string?>("--root") { Description = "只保留该代码的下级及其上级 / keep this code's subtree and its ancestors, e.g. 3708" };
        var divisions = new Command("divisions", "导入行政区划代码表 (code,name,level,parent_code,village_kind) / import the division code list") { file, root };
        divisions.SetAction(CommandRunner.Action(async (run, ct) => await ImportDivisionsAsync(run, run.Value(file)!, run.Value(root), ct)));
        import.Subcommands.Add(divisions);

        import.Subcommands.Add(VillageProfiles());
        import.Subcommands.Add(Table("units", "导入机关单位（xlsx 或 CSV）/ import units (xlsx or CSV)", run => new UnitImporter(run.Clock)));
        import.Subcommands.Add(Table("cadres", "导入干部（xlsx 或 CSV）/ import cadres (xlsx or CSV)", run => new CadreImporter(run.Clock)));
        import.Subcommands.Add(Table("households", "导入农户（xlsx 或 CSV）/ import households (xlsx or CSV)", run => new HouseholdImporter(run.Clock)));
        import.Subcommands.Add(Table("candidates", "导入第一书记报名名单及评分（xlsx 或 CSV）/ import First Secretary registrations with panel scores", run => new Data.Secretaries.CandidateImporter(run.Clock)));
        return import;
    }

    /// <summary><c>import village-profiles FILE [--year Y]</c>: the villages' profiles (村情) by year; the year from the file's 年度 column, else <c>--year</c>.</summary>
    private static Command VillageProfiles()
    {
        var file = new Argument<string>("FILE") { Description = ".xlsx, .csv (UTF-8 / GBK / GB18030), .csv.gz" };
        var year = new Option<int?>("--year") { Description = "文件没有“年度”列（或为空）时的年度 / the year of rows whose 年度 column is missing or empty" };
        var command = new Command("village-profiles", "导入村情：村类型、党组织等级、坐标、人口等（xlsx 或 CSV）/ import village profiles: types, party-organisation grade, coordinates, population, ...") { file, year };
        command.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var path = run.Value(file)!;
            var importer = new VillageProfileImporter(run.Clock, Path.GetFileName(path), Data.Audit.Actor.Cli, run.Value(year));
            var result = await run.WithProgressAsync(run.Say("导入村情", "import village profiles"), progress => importer.ImportAsync(db, path, progress, ct));
            if (run.Json)
            {
                CommandRunner.Print(new { rows = result.Rows, seconds = result.Seconds });
            }
            else
            {
                Console.WriteLine(run.Say($"已导入 {result.Rows} 个村的村情（{result.Seconds} 秒），各村当前村情已随之更新。", $"Imported {result.Rows} village profiles in {result.Seconds} s; the villages' current profiles follow."));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Table<T>(string name, string description, Func<CommandRunner, TableImporter<T>> importer)
        where T : class
    {
        var file = new Argument<string>("FILE") { Description = ".xlsx, .csv (UTF-8 / GBK / GB18030), .csv.gz" };
        var command = new Command(name, description) { file };
        command.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var result = await run.WithProgressAsync(run.Say("导入", "import") + " " + name,
                progress => importer(run).ImportAsync(db, run.Value(file)!, progress, ct));
            if (run.Json)
            {
                CommandRunner.Print(new { rows = result.Rows, seconds = result.Seconds });
            }
            else
            {
                Console.WriteLine(run.Say($"已导入 {result.Rows} 行（{result.Seconds} 秒）。", $"Imported {result.Rows} rows in {result.Seconds} s."));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<int> ImportDivisionsAsync(CommandRunner run, string path, string? root, CancellationToken ct)
    {
        await using var db = await run.OpenDbAsync(ct);
        var result = await run.WithProgressAsync(run.Say("导入行政区划", "import divisions"),
            progress => DivisionImporter.ImportAsync(db, run.Clock, path, root, progress, ct));
        if (run.Json)
        {
            CommandRunner.Print(new { rows = result.Rows, byLevel = result.ByLevel, seconds = result.Seconds });
        }
        else
        {
            var levels = string.Join(run.Say("，", ", "), result.ByLevel.Select(kv => $"{kv.Key} {kv.Value}"));
            Console.WriteLine(run.Say($"已导入 {result.Rows} 个行政区划（{levels}），用时 {result.Seconds} 秒。", $"Imported {result.Rows} divisions ({levels}) in {result.Seconds} s."));
        }
        return ExitCodes.Ok;
    }

    /// <summary>Imports need the schema; on the default SQLite file it is created on the spot.</summary>
    internal static async Task EnsureSchemaAsync(CommandRunner run, LiaisonDb db, CancellationToken ct)
    {
        var pending = await Liaison.Data.Database.Schema.PendingAsync(db, ct);
        if (pending.Count == 0)
        {
            return;
        }
        if (run.Target.IsDefault || run.Target.Provider == Liaison.Data.Database.DatabaseProvider.Sqlite)
        {
            await Liaison.Data.Database.Schema.MigrateAsync(db, ct);
            return;
        }
        throw new InvalidOperationException(run.Say(
            $"数据库 {run.Target.Describe()} 的结构不是最新的，请先运行 liaison db migrate",
            $"the schema of {run.Target.Describe()} is not up to date: run liaison db migrate first"));
    }
}
