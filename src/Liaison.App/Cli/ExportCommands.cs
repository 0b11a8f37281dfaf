using System.CommandLine;
using Liaison.Data;
using Liaison.Data.People;

namespace Liaison.App.Cli;

/// <summary><c>liaison export units|cadres|households --out FILE [--division CODE]</c>: xlsx or CSV, personal data masked.</summary>
public static class ExportCommands
{
    public static Command Build()
    {
        var export = new Command("export", "导出为 xlsx 或 CSV（个人信息已遮蔽）/ export to xlsx or CSV (personal data masked)");
        export.Subcommands.Add(One("units", PeopleExports.UnitsAsync));
        export.Subcommands.Add(One("cadres", PeopleExports.CadresAsync));
        export.Subcommands.Add(One("households", PeopleExports.HouseholdsAsync));
        return export;
    }

    private static Command One(string name, Func<LiaisonDb, string, string?, UiLanguage, CancellationToken, Task<long>> write)
    {
        var output = new Option<string>("--out", "-o") { Description = "输出文件 .xlsx 或 .csv / output file", Required = true };
        var division = new Option<string?>("--division") { Description = "只导出该行政区划（含下级）/ only this division's subtree" };
        var command = new Command(name, $"导出 {name} / export {name}") { output, division };
        command.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            var path = run.Value(output)!;
            var code = run.Value(division);
            await using var db = run.OpenDb();
            await ImportCommands.EnsureSchemaAsync(run, db, ct);
            if (code is not null && !await PeopleExports.DivisionExistsAsync(db, code, ct))
            {
                return run.Fail(run.Say($"行政区划 {code} 不存在", $"unknown division {code}"));
            }
            var rows = await write(db, path, code, run.Language, ct);
            if (run.Json)
            {
                CommandRunner.Print(new { file = Path.GetFullPath(path), rows });
            }
            else
            {
                Console.WriteLine(run.Say($"已导出 {rows} 行到 {path}", $"Exported {rows} rows to {path}"));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
