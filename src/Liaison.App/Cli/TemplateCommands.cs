using System.CommandLine;
using Liaison.Data.Import;
using MiniExcelLibs;

namespace Liaison.App.Cli;

/// <summary>
/// <c>liaison template units|cadres|households|candidates [--out FILE]</c>: the xlsx users fill in,
/// with the columns' current headers (docs/IMPORTS.md lists the other headers taken for each).
/// </summary>
public static class TemplateCommands
{
    public static Command Build()
    {
        var template = new Command("template", "生成导入模板 xlsx（示例行取自本库的行政区划）/ write the xlsx template for an import (the example row from this database's divisions)");
        foreach (var kind in Features.Imports.ImportKinds.All)
        {
            template.Subcommands.Add(One(kind));
        }
        return template;
    }

    private static Command One(Features.Imports.ImportKind kind)
    {
        var name = kind.Key;
        var output = new Option<string?>("--out", "-o") { Description = "输出文件 / output file (default: NAME-template.xlsx)" };
        var command = new Command(name, $"{kind.Name.Zh}导入模板 / import template for {kind.Name.En.ToLowerInvariant()}") { output };
        command.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            var path = run.Value(output) ?? $"{name}-template.xlsx";
            Write(path, kind.Columns, kind.Example(await ExampleAsync(run, ct)), run.Language);
            if (run.Json)
            {
                CommandRunner.Print(new { file = Path.GetFullPath(path), columns = kind.Columns.Select(c => c.Header(run.Language)) });
            }
            else
            {
                Console.WriteLine(run.Say($"已写入模板 {path}", $"Template written to {path}"));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The database's own codes for the example row; zeros when it cannot be opened or holds no divisions yet.</summary>
    private static async Task<Features.Imports.TemplateExample> ExampleAsync(CommandRunner run, CancellationToken ct)
    {
        var year = Domain.Shared.ChinaTime.Today(run.Clock).Year;
        try
        {
            await using var db = await run.OpenDbAsync(ct);
            return await Features.Imports.TemplateExample.OfAsync(db, year, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new("0000", "000000", "000000000", "000000000000", year);
        }
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
