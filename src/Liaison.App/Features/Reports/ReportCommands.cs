using System.CommandLine;
using Liaison.App.Cli;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Reporting;
using Liaison.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Liaison.App.Features.Reports;

/// <summary><c>liaison report campaign|verify|refresh</c>.</summary>
public static class ReportCommands
{
    public static Command Build()
    {
        var division = new Option<string?>("--division") { Description = "行政区划代码（默认：全市，或 --as 账户的辖区）/ division code (default: the city, or the --as account's jurisdiction)" };
        var unit = new Option<string?>("--unit") { Description = "单位编码或编号：该单位及其干部的数字 / a unit's code or id: the figures of that unit and its cadres" };
        var from = new Option<string?>("--from") { Description = "开始月份，如 2026-03（默认 1 月）/ first month, e.g. 2026-03 (default January)" };
        var to = new Option<string?>("--to") { Description = "结束月份，如 2026-06（默认 12 月）/ last month, e.g. 2026-06 (default December)" };
        var format = new Option<string>("--format") { Description = "table | json | xlsx | pdf", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "xlsx", "pdf");
        var output = new Option<string?>("--out", "-o") { Description = "输出文件（xlsx、pdf 必填）/ output file (needed for xlsx and pdf)" };
        var asUser = new Option<string?>("--as") { Description = "以该账户的权限范围出报表 / within this account's jurisdiction" };
        var campaign = new Command("campaign", "驻村联系服务工作报表：任一区划或单位、任一时段 / the programme's report for any division or unit and period")
        {
            division, unit, from, to, format, output, asUser,
        };
        campaign.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            // --json, which every command takes, asks for the JSON form of the default table.
            var fmt = run.Json && run.Value(format) == "table" ? "json" : run.Value(format)!;
            var file = run.Value(output);
            if (fmt is "xlsx" or "pdf" && file is null)
            {
                return run.Fail(run.Say($"--format {fmt} 需要 --out 文件", $"--format {fmt} needs --out FILE"));
            }
            await using var db = await run.OpenDbAsync(ct);
            var who = await CliAccount.WhoAsync(db, run.Clock, run.Value(asUser), ct);
            var actor = who.Actor;
            var year = await CampaignReports.ReportYearAsync(db, run.Clock, ct);
            var (period, problem) = ReportPeriod.Parse(run.Value(from), run.Value(to), year);
            if (problem is { } p)
            {
                return run.Fail((run.English ? "--from/--to: " : "--from/--to：") + p.In(run.English));
            }
            CampaignReport? report;
            if (run.Value(unit) is { } unitText)
            {
                var unitId = await FindUnitAsync(who.Scoped, unitText.Trim(), ct);
                // An account scoped to a unit reports on its own unit; a division account on units of its jurisdiction.
                report = unitId is null || (who.Scoped.Scope?.UnitId is { } own && own != unitId)
                    ? null
                    : await CampaignReport.ForUnitAsync(who.Scoped, run.Clock, unitId.Value, period, ct);
                if (report is null)
                {
                    return run.Fail(run.Say($"--unit：没有单位 {unitText}", $"--unit: no unit {unitText}"));
                }
            }
            else
            {
                var code = run.Value(division)?.Trim() ?? await CampaignReports.TopAsync(who.Scoped, ct);
                // Outside the account's jurisdiction reads as absent, as on the web.
                report = code is null ? null : await CampaignReport.ForDivisionAsync(who.Scoped, run.Clock, code, period, ct);
                if (report is null)
                {
                    return run.Fail(run.Say($"--division：行政区划 {code} 不存在", $"--division: unknown division {code}"));
                }
            }
            switch (fmt)
            {
                case "json":
                    CommandRunner.Print(CampaignExport.Json(report!, run.English));
                    return ExitCodes.Ok;
                case "table":
                    Table(report!, run.English);
                    return ExitCodes.Ok;
            }
            var bytes = fmt == "xlsx" ? CampaignExport.Xlsx(report!, run.English) : CampaignExport.Pdf(report!, run.English);
            await File.WriteAllBytesAsync(file!, bytes, ct);
            await CampaignExport.AuditAsync(db, run.Clock, actor, report!, fmt, Path.GetFileName(file!), ct);
            if (run.Json)
            {
                CommandRunner.Print(new { file = Path.GetFullPath(file!), format = fmt, bytes = bytes.Length });
            }
            else
            {
                Console.WriteLine(run.Say($"已写出 {file}", $"Written to {file}"));
            }
            return ExitCodes.Ok;
        }));

        var verify = new Command("verify", "从原始记录重算每个区划的每项指标并与汇总核对；有差异时退出码 4 / recount every indicator of every division from the raw records and compare with the rollups; exit 4 on any difference");
        verify.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var started = System.Diagnostics.Stopwatch.StartNew();
            var check = await run.BusyAsync(run.Say("重算并核对", "Recounting and comparing"), () => RollupVerifier.VerifyAsync(db, ct));
            if (run.Json)
            {
                CommandRunner.Print(new { figures = check.Figures, pendingVillages = check.PendingVillages, pendingCadres = check.PendingCadres, differences = check.Differences, seconds = Math.Round(started.Elapsed.TotalSeconds, 2) });
            }
            else
            {
                foreach (var d in check.Differences.Take(50))
                {
                    var month = d.Month == 0 ? "" : run.Say($" {d.Month} 月", $" month {d.Month}");
                    Console.WriteLine(run.Say($"  {d.DivisionCode} {Name(d.IndicatorId, false)}{month}：汇总 {d.Stored}，记录 {d.Counted}", $"  {d.DivisionCode} {Name(d.IndicatorId, true)}{month}: rollup {d.Stored}, records {d.Counted}"));
                }
                Console.WriteLine(check.Differences.Count == 0
                    ? run.Say($"一致：{check.Figures} 个汇总数与原始记录相符（{check.PendingVillages} 个村、{check.PendingCadres} 名干部待汇总），用时 {started.Elapsed.TotalSeconds:0.0} 秒", $"OK: {check.Figures} stored figures equal the raw records' counts ({check.PendingVillages} villages and {check.PendingCadres} cadres queued), {started.Elapsed.TotalSeconds:0.0} s")
                    : run.Say($"不一致：{check.Differences.Count} 处差异", $"MISMATCH: {check.Differences.Count} differences"));
            }
            return check.Differences.Count == 0 ? ExitCodes.Ok : ExitCodes.Found;
        }));

        var refresh = new Command("refresh", "从原始记录重建全部汇总（升级后或核对不一致时）/ rebuild every rollup from the raw records (after an upgrade, or when verify finds a difference)");
        refresh.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            await run.BusyAsync(run.Say("重建汇总", "Rebuilding the rollups"), async () =>
            {
                await RollupStore.RebuildAuditedAsync(db, run.Clock, Actor.Cli, ct);
                return 0;
            });
            if (run.Json)
            {
                CommandRunner.Print(new { refreshed = true });
            }
            else
            {
                Console.WriteLine(run.Say("汇总已重建", "Rollups rebuilt"));
            }
            return ExitCodes.Ok;
        }));
        return new Command("report", "报表 / reports") { campaign, verify, refresh };
    }

    private static string Name(string indicatorId, bool english) => Indicators.Find(indicatorId)?.Name(english) ?? indicatorId;

    /// <summary>A unit within reach by its code, or by its number when no unit has that code.</summary>
    private static async Task<int?> FindUnitAsync(Scoped scoped, string text, CancellationToken ct) =>
        await scoped.Units.Where(u => u.Code == text).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct)
        ?? (int.TryParse(text, out var id) ? await scoped.Units.Where(u => u.Id == id).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct) : null);

    private static void Table(CampaignReport r, bool english)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 160;
        }
        console.WriteLine(CampaignExport.Title(r, english));
        var table = new Table().AddColumns(english ? "Section" : "类别", english ? "Figure" : "指标", english ? "Value" : "数值", english ? "Unit" : "单位");
        table.Columns[2].RightAligned();
        foreach (var row in CampaignExport.Rows(r, english))
        {
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }
        console.Write(table);
        if (r.Children.Count == 0)
        {
            return;
        }
        console.WriteLine(english ? "Divisions below, lowest visit rate first" : "下级区划（按走访率由低到高）");
        var league = new Table().AddColumn(english ? "Name" : "名称");
        foreach (var c in LeagueColumn.All)
        {
            league.AddColumn(new TableColumn(Markup.Escape(c.Name(english))).RightAligned());
        }
        foreach (var c in r.League(Ratios.VisitRate))
        {
            league.AddRow([Markup.Escape(c.Name), .. LeagueColumn.All.Select(col => col.Text(c.Figures))]);
        }
        console.Write(league);
    }

}
