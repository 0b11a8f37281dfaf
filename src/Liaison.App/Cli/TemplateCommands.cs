using System.CommandLine;
using Liaison.Data.Import;
using Liaison.Data.People;
using MiniExcelLibs;

namespace Liaison.App.Cli;

/// <summary><c>liaison template units|cadres|households [--out FILE]</c>: the xlsx users fill in.</summary>
public static class TemplateCommands
{
    public static Command Build()
    {
        var template = new Command("template", "生成导入模板 xlsx / write the xlsx template for an import");
        template.Subcommands.Add(One("units", UnitImporter.Layout, ["3708U001", "济宁市委办公室", "市级", "党政部门", "3708"]));
        template.Subcommands.Add(One("cadres", CadreImporter.Layout, ["C000001", "张伟", "3708U001", "一般干部", "否", "否", "否", "1985", "男", "14000000001"]));
        template.Subcommands.Add(One("candidates", Data.Secretaries.CandidateImporter.Layout, ["2026", "370830", "C000001", "", "90", "85", "88", "80"]));
        template.Subcommands.Add(One("village-profiles", Data.Divisions.VillageProfileImporter.Layout, ["370830102202", "2026", "难村、乱村", "后进", "35.4123", "116.5871", "1850", "520", "120000", "6.5", ""]));
        template.Subcommands.Add(One("households", HouseholdImporter.Layout, ["370830102202", "1号", "李明", "14000000002", "4", "是", "否", "否", "否", "否", "否"]));
        return template;
    }

    private static Command One(string name, IReadOnlyList<ImportColumn> columns, string[] example)
    {
        var output = new Option<string?>("--out", "-o") { Description = "输出文件 / output file (default: NAME-template.xlsx)" };
        var command = new Command(name, $"{name} 导入模板 / import template for {name}") { output };
        command.SetAction(CommandRunner.Action((run, ct) =>
        {
            var path = run.Value(output) ?? $"{name}-template.xlsx";
            Write(path, columns, example, run.Language);
            if (run.Json)
            {
                CommandRunner.Print(new { file = Path.GetFullPath(path), columns = columns.Select(c => c.Header(run.Language)) });
            }
            else
            {
                Console.WriteLine(run.Say($"已写入模板 {path}", $"Template written to {path}"));
            }
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    /// <summary>A header row in the user's language and one example row, every cell text.</summary>
    public static void Write(string path, IReadOnlyList<ImportColumn> columns, string[] example, Liaison.Data.UiLanguage language)
    {
        var row = new Dictionary<string, object>();
        for (var i = 0; i < columns.Count; i++)
        {
            row[columns[i].Header(language)] = i < example.Length ? example[i] : "";
        }
        MiniExcel.SaveAs(path, new[] { row }, sheetName: "data", overwriteFile: true);
    }
}
