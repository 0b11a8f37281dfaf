using System.CommandLine;
using Liaison.Data.Audit;

namespace Liaison.App.Cli;

/// <summary><c>liaison audit verify|reseal</c>: checks the sealed audit log; seals a log written before sealing, once.</summary>
public static class AuditCommands
{
    /// <summary>The chain is broken: an entry was changed, removed, inserted or forged, or the end of the log was deleted.</summary>
    public const int Broken = 4;

    public static Command Build()
    {
        var verify = new Command("verify", "校验审计日志的密封链 / verify the audit log's sealed chain");
        verify.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var result = await AuditLog.VerifyAsync(db, ct);
            Report(run, result);
            return result.FirstBrokenId is null ? ExitCodes.Ok : Broken;
        }));
        var reseal = new Command("reseal", "将升级前的审计日志重新密封（一次性，须先校验完整）/ seal a log written before sealing (once, from a verified state)");
        reseal.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var result = await AuditLog.ResealAsync(db, run.Clock, Actor.Cli, ct);
            if (result.FirstBrokenId is not null)
            {
                Report(run, result);
                return Broken;
            }
            if (run.Json)
            {
                CommandRunner.Print(new { resealed = result.Entries, lastHash = result.LastHash });
            }
            else
            {
                Console.WriteLine(run.Say($"已重新密封 {result.Entries} 条审计记录。", $"Resealed {result.Entries} audit entries."));
            }
            return ExitCodes.Ok;
        }));
        return new Command("audit", "审计日志 / audit log") { verify, reseal };
    }

    private static void Report(CommandRunner run, AuditVerification result)
    {
        if (run.Json)
        {
            CommandRunner.Print(new { entries = result.Entries, intact = result.FirstBrokenId is null, firstBrokenId = result.FirstBrokenId, reason = result.Reason, lastHash = result.LastHash, unreadable = result.Unreadable ?? [] });
        }
        else if (result.FirstBrokenId is { } id)
        {
            Console.Error.WriteLine(run.Say($"审计日志已被篡改：第一条不符的记录 id={id}（{result.Reason}）", $"The audit log was tampered with: first bad entry id={id} ({result.Reason})"));
            if (result.Unreadable is { Count: > 0 } rows)
            {
                Console.Error.WriteLine(run.Say("无法读取的记录：", "unreadable rows: ") + string.Join(", ", rows));
            }
        }
        else
        {
            Console.WriteLine(run.Say($"审计日志完整：{result.Entries} 条，末条密封 {result.LastHash}", $"The audit log is intact: {result.Entries} entries, last seal {result.LastHash}"));
        }
    }
}
