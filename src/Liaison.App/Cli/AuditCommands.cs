using System.CommandLine;
using Liaison.Data.Audit;

namespace Liaison.App.Cli;

/// <summary><c>liaison audit verify</c>: recomputes the audit log's hash chain.</summary>
public static class AuditCommands
{
    /// <summary>The chain is broken: an entry was changed, removed or inserted by hand.</summary>
    public const int Broken = 4;

    public static Command Build()
    {
        var verify = new Command("verify", "校验审计日志的哈希链 / verify the audit log's hash chain");
        verify.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = run.OpenDb();
            await ImportCommands.EnsureSchemaAsync(run, db, ct);
            var result = await AuditLog.VerifyAsync(db, ct);
            if (run.Json)
            {
                CommandRunner.Print(new { entries = result.Entries, intact = result.FirstBrokenId is null, firstBrokenId = result.FirstBrokenId, reason = result.Reason, lastHash = result.LastHash });
            }
            else if (result.FirstBrokenId is { } id)
            {
                Console.Error.WriteLine(run.Say($"审计日志已被篡改：第一条不符的记录 id={id}（{result.Reason}）", $"The audit log was tampered with: first broken entry id={id} ({result.Reason})"));
            }
            else
            {
                Console.WriteLine(run.Say($"审计日志完整：{result.Entries} 条，末条哈希 {result.LastHash}", $"The audit log is intact: {result.Entries} entries, last hash {result.LastHash}"));
            }
            return result.FirstBrokenId is null ? ExitCodes.Ok : Broken;
        }));
        return new Command("audit", "审计日志 / audit log") { verify };
    }
}
