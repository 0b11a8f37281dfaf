using System.CommandLine;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Cli;

/// <summary>
/// <c>liaison export units|cadres|households|ties --out FILE [--division CODE] [--as USER] [--unmasked]</c>:
/// xlsx or CSV. <c>--as</c> applies an account's jurisdiction (its scope, and whether it may see
/// personal data) exactly as the web app would; without it the operator of the server exports.
/// Every export is audited; an unmasked one names itself so.
/// </summary>
public static class ExportCommands
{
    public static Command Build()
    {
        var export = new Command("export", "导出为 xlsx 或 CSV（个人信息默认遮蔽）/ export to xlsx or CSV (personal data masked unless asked and allowed)");
        export.Subcommands.Add(One("units", PeopleExports.UnitsAsync));
        export.Subcommands.Add(One("cadres", PeopleExports.CadresAsync));
        export.Subcommands.Add(One("households", PeopleExports.HouseholdsAsync));
        var year = Features.Policy.PolicyCommands.YearOption();
        var ties = One("ties", (reach, r, ct) => Data.Liaisons.TieExport.WriteAsync(reach, r, r.Year!.Value, ct), year);
        export.Subcommands.Add(ties);
        return export;
    }

    private static Command One(string name, Func<Scoped, ExportRequest, CancellationToken, Task<long>> write, Option<int?>? year = null)
    {
        var output = new Option<string>("--out", "-o") { Description = "输出文件 .xlsx 或 .csv / output file", Required = true };
        var division = new Option<string?>("--division") { Description = "只导出该行政区划（含下级）/ only this division's subtree" };
        var asUser = new Option<string?>("--as") { Description = "以该账户的权限范围导出 / export within this account's jurisdiction" };
        var unmasked = new Option<bool>("--unmasked") { Description = "导出完整个人信息（需有权限，记入审计）/ personal data in full (if allowed; audited)" };
        var command = new Command(name, $"导出 {name} / export {name}") { output, division, asUser, unmasked };
        if (year is not null)
        {
            command.Options.Add(year);
        }
        command.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            var path = run.Value(output)!;
            var code = run.Value(division);
            await using var db = await run.OpenDbAsync(ct);
            var (actor, scoped, mayReveal) = await CliAccount.WhoAsync(db, run.Clock, run.Value(asUser), ct);
            var scopeRoot = scoped.Scope?.DivisionCode;
            // Outside the account's jurisdiction a division reads as absent, as on the web.
            if (code is not null && !await scoped.Divisions.AnyAsync(d => d.Code == code, ct))
            {
                // Outside the account's jurisdiction reads as absent, as on the web.
                return run.Fail(run.Say($"行政区划 {code} 不存在", $"unknown division {code}"));
            }
            if (run.Value(unmasked) && !mayReveal)
            {
                // A refused attempt at personal data is itself worth recording.
                await using (var refused = await db.Database.BeginTransactionAsync(ct))
                {
                    await AuditLog.AppendAsync(db, run.Clock, actor,
                        new AuditRecord("export.unmasked-refused", name, Path.GetFileName(path), code ?? scopeRoot, null, new { file = Path.GetFileName(path) }), ct);
                    await refused.CommitAsync(ct);
                }
                Console.Error.WriteLine(run.Say($"{actor.Name} 无权导出完整个人信息（已记入审计）", $"{actor.Name} may not export personal data unmasked (recorded in the audit log)"));
                return ExitCodes.Refused;
            }
            var request = new ExportRequest(path, run.Language, run.Value(unmasked)) { Year = year is null ? null : Features.Policy.PolicyCommands.YearOf(run, year) };
            var rows = await write(scoped.Under(code), request, ct);
            if (run.Value(unmasked) && !OperatingSystem.IsWindows())
            {
                // Names and phones in clear: readable by the operator who asked for them only.
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                await AuditLog.AppendAsync(db, run.Clock, actor,
                    new AuditRecord(run.Value(unmasked) ? "export.unmasked" : "export", name, Path.GetFileName(path), code ?? scopeRoot, null, new { file = Path.GetFileName(path), rows, unmasked = run.Value(unmasked) }), ct);
                await tx.CommitAsync(ct);
            }
            if (run.Json)
            {
                CommandRunner.Print(new { file = Path.GetFullPath(path), rows, unmasked = run.Value(unmasked) });
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
