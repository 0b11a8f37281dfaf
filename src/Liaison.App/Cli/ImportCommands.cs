using System.CommandLine;
using Liaison.Data;
using Liaison.Data.Divisions;
using Liaison.Data.Import;
using Liaison.Data.People;

namespace Liaison.App.Cli;

/// <summary>
/// <c>liaison import divisions|units|cadres|households|teams|candidates FILE [--preview]</c>: all-or-nothing,
/// with a progress bar; <c>--preview</c> (or <c>--dry-run</c>) reads, checks and compares the file
/// and writes nothing; <c>cadres</c> and <c>households</c> take <c>--complete-for SCOPE</c>: the file is
/// the whole roster of that scope, and who it does not list is ended (docs/IMPORTS.md).
/// </summary>
public static class ImportCommands
{
    public static Command Build()
    {
        var import = new Command("import", "导入数据（全部成功或全部不写入）/ import data, all or nothing");

        var file = new Argument<string>("FILE") { Description = "CSV, .csv.gz" };
        var root = new Option<string?>("--root") { Description = "只保留该代码的下级及其上级 / keep this code's subtree and its ancestors, e.g. 3708" };
        var preview = PreviewOption();
        var merges = new Option<string?>("--merges") { Description = "村庄合并表（原代码,并入代码,原名称,依据；CSV 或 xlsx）：新名单中撤销的村并入哪个村 / the village merges file (code,merged_into,name,reason; CSV or xlsx): which village each withdrawn village merged into" };
        var withdraw = new Option<bool>("--withdraw") { Description = "确认撤销新名单中没有、但仍有记录且未写明并入的代码（记录保留为历史）/ confirm withdrawing codes the newer list lacks that records still point at and that merge nowhere (the records stay as history)" };
        var on = new Option<DateOnly?>("--on") { Description = "撤销和合并生效的日期（默认今天）/ the day withdrawals and merges took effect (default: today)" };
        var divisions = new Command("divisions", "导入行政区划代码表 (code,name,level,parent_code,village_kind)；新版名单：更名、新增、撤销、合并 / import the division code list; a newer list: renames, new codes, withdrawals, merges") { file, root, preview, merges, withdraw, on };
        divisions.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            var changes = new DivisionChangeOptions(run.Value(merges), run.Value(withdraw), run.Value(on));
            return run.Value(preview)
                ? await PreviewDivisionsAsync(run, run.Value(file)!, run.Value(root), changes, ct)
                : await ImportDivisionsAsync(run, run.Value(file)!, run.Value(root), changes, ct);
        }));
        import.Subcommands.Add(divisions);

        import.Subcommands.Add(VillageProfiles());
        import.Subcommands.Add(Table("units", "导入机关单位（xlsx 或 CSV）/ import units (xlsx or CSV)", (run, _) => new UnitImporter(run.Clock)));
        import.Subcommands.Add(Table("cadres", "导入干部（xlsx 或 CSV）/ import cadres (xlsx or CSV)", (run, scope) => new CadreImporter(run.Clock) { CompleteFor = scope },
            "此文件是该范围的全部干部名册：unit:单位编码，或市、县、乡镇的行政区划代码；范围内未列出的在岗（或停职）干部登记为离职 / the file is the whole cadre roster of this scope: unit:CODE, or a city's, county's or township's division code; the scope's serving (or suspended) cadres it does not list leave"));
        import.Subcommands.Add(Table("households", "导入农户（xlsx 或 CSV）/ import households (xlsx or CSV)", (run, scope) => new HouseholdImporter(run.Clock) { CompleteFor = scope },
            "此文件是该村或乡镇的全部农户名册；范围内未列出的在册农户登记为迁出 / the file is the whole household roster of this village or township; its current households the file does not list move out"));
        import.Subcommands.Add(Table("teams", "导入工作团队及成员（xlsx 或 CSV）：每行一名成员，未设立的团队随之设立 / import work teams and their members (xlsx or CSV): a row per member; teams not yet set up are set up",
            (run, _, db, path, ct) => new Data.Liaisons.WorkTeamImporter(run.Clock).PreviewAsync(db, path, ct),
            (run, _, db, path, progress, ct) => new Data.Liaisons.WorkTeamImporter(run.Clock).ImportAsync(db, path, progress, ct)));
        import.Subcommands.Add(Table("deeds", "导入实事好事台账（xlsx 或 CSV）：每行一件，村按代码或名称，数量按所写单位（米、万元自动换算）；已登记的不重复 / import the practical deeds ledger (xlsx or CSV): a row per deed, the village by code or name, quantities in the units written (米, 万元 converted); those recorded already are left",
            (run, _, db, path, ct) => new Data.Results.DeedImporter(run.Clock).PreviewAsync(db, path, ct),
            (run, _, db, path, progress, ct) => new Data.Results.DeedImporter(run.Clock).ImportAsync(db, path, progress, ct)));
        import.Subcommands.Add(Table("party-outputs", "导入党建成果（发展党员、培养后备干部、党员培训等；xlsx 或 CSV）/ import party-building outputs (new members, reserve cadres, training …; xlsx or CSV)",
            (run, _, db, path, ct) => new Data.Results.DeedImporter(run.Clock) { PartyOnly = true }.PreviewAsync(db, path, ct),
            (run, _, db, path, progress, ct) => new Data.Results.DeedImporter(run.Clock) { PartyOnly = true }.ImportAsync(db, path, progress, ct)));
        import.Subcommands.Add(Table("candidates", "导入第一书记报名名单及评分（xlsx 或 CSV）/ import First Secretary registrations with panel scores", (run, _) => new Data.Secretaries.CandidateImporter(run.Clock)));
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

    /// <summary>A row-by-row import; <paramref name="complete"/>: the description of its <c>--complete-for SCOPE</c> (null: the kind has none).</summary>
    private static Command Table<T>(string name, string description, Func<CommandRunner, string?, TableImporter<T>> importer, string? complete = null)
        where T : class =>
        Table(name, description, (run, scope, db, path, ct) => importer(run, scope).PreviewAsync(db, path, ct),
            (run, scope, db, path, progress, ct) => importer(run, scope).ImportAsync(db, path, progress, ct), complete);

    /// <summary>An import read as a whole (its preview and its import given), printed as the row-by-row ones are.</summary>
    private static Command Table(string name, string description,
        Func<CommandRunner, string?, LiaisonDb, string, CancellationToken, Task<ImportPreview>> previewAsync,
        Func<CommandRunner, string?, LiaisonDb, string, Action<ImportProgress>, CancellationToken, Task<ImportResult>> importAsync, string? complete = null)
    {
        var file = new Argument<string>("FILE") { Description = ".xlsx, .xls, .csv (UTF-8 / GBK / GB18030 / UTF-16), .csv.gz, Unicode text .txt" };
        var preview = PreviewOption();
        var command = new Command(name, description) { file, preview };
        Option<string?>? completeFor = null;
        if (complete is not null)
        {
            completeFor = new Option<string?>("--complete-for") { Description = complete, HelpName = "SCOPE" };
            command.Options.Add(completeFor);
        }
        string? Scope(CommandRunner run) => completeFor is null || string.IsNullOrWhiteSpace(run.Value(completeFor)) ? null : run.Value(completeFor);
        command.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            if (run.Value(preview))
            {
                return Show(run, await previewAsync(run, Scope(run), db, run.Value(file)!, ct));
            }
            var result = await run.WithProgressAsync(run.Say("导入", "import") + " " + name,
                progress => importAsync(run, Scope(run), db, run.Value(file)!, progress, ct));
            if (run.Json)
            {
                CommandRunner.Print(new
                {
                    rows = result.Rows,
                    seconds = result.Seconds,
                    sheet = result.Report?.Sheet,
                    headerLine = result.Report?.HeaderLine,
                    normalisationCount = result.Report?.NormalisationCount,
                    normalisations = result.Report?.Normalisations,
                    footer = result.Report?.Footer,
                    notes = result.Report?.Notes.Select(n => n.In(run.English)),
                    completeFor = Scope(run),
                    ends = result.Report?.Ends ?? 0,
                    ended = result.Report?.Ended.Select(e => new { key = e.Key, reason = e.Reason.In(run.English) }),
                });
            }
            else
            {
                Console.WriteLine(run.Say($"已导入 {result.Rows} 行（{result.Seconds} 秒）。", $"Imported {result.Rows} rows in {result.Seconds} s."));
                if (result.Report is { } report)
                {
                    foreach (var note in report.Notes)
                    {
                        Console.WriteLine("  " + run.Say(note));
                    }
                    PrintNormalisations(run, report, 5);
                    if (Scope(run) is { } scope)
                    {
                        Console.WriteLine(run.Say($"完整名册（{scope}）中未列出的 {report.Ends} 条记录已结束：", $"{report.Ends} records of the complete roster ({scope}) not in the file were ended:"));
                        PrintEnded(run, report, 20);
                    }
                }
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Option<bool> PreviewOption() =>
        new("--preview", "--dry-run") { Description = "只预览：读取并检查文件，列出新增、修改、规范化和错误，不写入 / preview: read and check the file, list adds, changes, normalisations and problems; write nothing" };

    private static async Task<int> PreviewDivisionsAsync(CommandRunner run, string path, string? root, DivisionChangeOptions changes, CancellationToken ct)
    {
        await using var db = await run.OpenDbAsync(ct);
        return Show(run, await DivisionImporter.PreviewAsync(db, path, root, ct, changes));
    }

    /// <summary>A preview printed: exit code 0 when the file may be imported, 2 when it would be refused.</summary>
    private static int Show(CommandRunner run, ImportPreview p)
    {
        var en = run.English;
        if (run.Json)
        {
            CommandRunner.Print(new
            {
                preview = true,
                file = p.File,
                entity = p.Entity,
                format = p.Format,
                sheet = p.Sheet,
                headerLine = p.HeaderLine,
                twoRowHeader = p.TwoRowHeader,
                header = p.Header,
                rows = p.Rows,
                adds = p.Adds,
                changes = p.Changes,
                unchanged = p.Unchanged,
                added = p.Added,
                ends = p.Ends,
                ended = p.Ended.Select(e => new { key = e.Key, reason = e.Reason.In(en) }),
                changed = p.Changed.Select(c => new
                {
                    line = c.Line,
                    key = c.Key,
                    fields = c.Fields.Select(f => new { column = f.Column.In(en), before = f.Before.In(en), after = f.After.In(en) }),
                }),
                problemCount = p.ProblemCount,
                problems = p.Problems.Select(x => new { line = x.Line, column = x.Column, reason = x.Reason.ToString(), message = x.Message().In(en) }),
                normalisationCount = p.NormalisationCount,
                normalisations = p.Normalisations,
                normalisedByColumn = p.NormalisedByColumn,
                footer = p.Footer,
                skippedRows = p.SkippedRows,
                notes = p.Notes.Select(n => n.In(en)),
                written = false,
            });
            return p.Acceptable ? ExitCodes.Ok : ExitCodes.Refused;
        }
        Console.WriteLine(run.Say($"预览（未写入任何数据）：{p.File}", $"Preview (nothing written): {p.File}"));
        foreach (var note in p.Notes)
        {
            Console.WriteLine("  " + run.Say(note));
        }
        Console.WriteLine(p.Ends > 0
            ? p.Entity == "divisions"
                ? run.Say($"新增 {p.Adds} 行，修改 {p.Changes} 行，不变 {p.Unchanged} 行，结束 {p.Ends} 条记录（新名单中没有的代码）。", $"{p.Adds} rows to add, {p.Changes} to change, {p.Unchanged} unchanged, {p.Ends} records to end (codes the newer list lacks).")
                : run.Say($"新增 {p.Adds} 行，修改 {p.Changes} 行，不变 {p.Unchanged} 行，结束 {p.Ends} 条记录（完整名册中未列出）。", $"{p.Adds} rows to add, {p.Changes} to change, {p.Unchanged} unchanged, {p.Ends} records to end (not in the complete roster).")
            : run.Say($"新增 {p.Adds} 行，修改 {p.Changes} 行，不变 {p.Unchanged} 行。", $"{p.Adds} rows to add, {p.Changes} to change, {p.Unchanged} unchanged."));
        foreach (var c in p.Changed.Take(20))
        {
            var fields = string.Join(run.Say(Domain.Shared.Words.PhraseSeparator), c.Fields.Select(f => $"{f.Column.In(en)} {f.Before.In(en)} → {f.After.In(en)}"));
            Console.WriteLine("  " + run.Say($"第 {c.Line} 行 {c.Key}：{fields}", $"line {c.Line} {c.Key}: {fields}"));
        }
        if (p.Changes > 20)
        {
            Console.WriteLine("  " + run.Say($"……另有 {p.Changes - 20} 行修改", $"… and {p.Changes - 20} more changed rows"));
        }
        PrintEnded(run, p, 20);
        PrintNormalisations(run, p, 10);
        if (p.ProblemCount > 0)
        {
            Console.WriteLine(run.Say($"共 {p.ProblemCount} 个错误，导入将被拒绝：", $"{p.ProblemCount} problems: the import would be refused:"));
            foreach (var m in p.ProblemMessages)
            {
                Console.WriteLine("  " + run.Say(m));
            }
            return ExitCodes.Refused;
        }
        Console.WriteLine(run.Say("没有错误，可以导入（去掉 --preview 再运行）。", "No problems: the file may be imported (run again without --preview)."));
        return ExitCodes.Ok;
    }

    /// <summary>The records a complete roster ends: key and what ending means, the first ones listed.</summary>
    private static void PrintEnded(CommandRunner run, ImportPreview p, int listed)
    {
        foreach (var e in p.Ended.Take(listed))
        {
            Console.WriteLine("  " + run.Say($"结束 {e.Key}：{e.Reason.Zh}", $"end {e.Key}: {e.Reason.En}"));
        }
        if (p.Ends > listed)
        {
            Console.WriteLine("  " + run.Say($"……另有 {p.Ends - listed} 条", $"… and {p.Ends - listed} more"));
        }
    }

    private static void PrintNormalisations(CommandRunner run, ImportPreview p, int examples)
    {
        if (p.NormalisationCount == 0)
        {
            return;
        }
        var shown = Math.Min(examples, p.Normalisations.Count);
        Console.WriteLine(run.Say($"规范化的单元格（共 {p.NormalisationCount} 个，列出前 {shown} 个）：", $"Cells normalised ({p.NormalisationCount}, the first {shown} listed):"));
        foreach (var n in p.Normalisations.Take(examples))
        {
            Console.WriteLine("  " + run.Say(ImportPreview.Describe(n)));
        }
    }

    private static async Task<int> ImportDivisionsAsync(CommandRunner run, string path, string? root, DivisionChangeOptions changes, CancellationToken ct)
    {
        await using var db = await run.OpenDbAsync(ct);
        var result = await run.WithProgressAsync(run.Say("导入行政区划", "import divisions"),
            progress => DivisionImporter.ImportAsync(db, run.Clock, path, root, progress, ct, null, changes));
        if (run.Json)
        {
            CommandRunner.Print(new { rows = result.Rows, byLevel = result.ByLevel, seconds = result.Seconds, withdrawn = result.Withdrawn, merged = result.Merged });
        }
        else
        {
            var levels = string.Join(run.Say("，", ", "), result.ByLevel.Select(kv => $"{kv.Key} {kv.Value}"));
            Console.WriteLine(run.Say($"已导入 {result.Rows} 个行政区划（{levels}），用时 {result.Seconds} 秒。", $"Imported {result.Rows} divisions ({levels}) in {result.Seconds} s."));
            if (result.Withdrawn > 0)
            {
                Console.WriteLine(run.Say($"撤销 {result.Withdrawn} 个代码，其中 {result.Merged} 个村并入其他村；结束的联系见 /plan/check（待重新编制）。",
                    $"Withdrew {result.Withdrawn} codes, {result.Merged} of them villages merged into another; the ties ended are on /plan/check (to re-plan)."));
            }
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
