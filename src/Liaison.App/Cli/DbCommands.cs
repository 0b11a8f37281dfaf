using System.CommandLine;
using Liaison.Data.Database;

namespace Liaison.App.Cli;

/// <summary><c>liaison db migrate|status|backup|restore</c>.</summary>
public static class DbCommands
{
    public static Command Build()
    {
        var migrate = new Command("migrate", "创建或升级数据库结构 / create or upgrade the database schema");
        migrate.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = run.OpenRawDb();
            var applied = await Schema.MigrateAsync(db, ct);
            if (run.Json)
            {
                CommandRunner.Print(new { database = run.Target.Describe(), applied });
            }
            else
            {
                Console.WriteLine(applied.Count == 0
                    ? run.Say($"{run.Target.Describe()}：已是最新。", $"{run.Target.Describe()}: up to date.")
                    : run.Say($"{run.Target.Describe()}：已应用 {applied.Count} 个迁移：", $"{run.Target.Describe()}: applied {applied.Count} migration(s):") + " " + string.Join(", ", applied));
            }
            return ExitCodes.Ok;
        }));
        var status = new Command("status", "显示待应用的迁移 / show pending migrations");
        status.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = run.OpenRawDb();
            var pending = await Schema.PendingAsync(db, ct);
            if (run.Json)
            {
                CommandRunner.Print(new { database = run.Target.Describe(), pending });
            }
            else
            {
                Console.WriteLine(run.Target.Describe() + ": " + (pending.Count == 0 ? run.Say("已是最新", "up to date") : run.Say("待应用：", "pending: ") + string.Join(", ", pending)));
            }
            return ExitCodes.Ok;
        }));
        return new Command("db", "数据库 / database") { migrate, status, BackupCommand(), RestoreCommand() };
    }

    private static readonly Option<string> Out = new("--out") { Description = "备份文件 / the backup file", Required = true };

    /// <summary><c>liaison db backup --out FILE</c>: a consistent copy of the running database and its manifest.</summary>
    private static Command BackupCommand()
    {
        var command = new Command("backup", "联机备份数据库（含清单，不含密钥）/ take a consistent online backup with a manifest (keys are never inside)") { Out };
        command.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            // The keys are checked first: a backup of data nobody can read would be worth nothing.
            await using (await run.OpenDbAsync(ct))
            {
            }
            var file = run.Value(Out)!;
            var m = await run.BusyAsync(run.Say("备份", "backing up"), () => Backup.BackupAsync(run.Target, file, run.Clock, ct));
            var keyFile = Data.Privacy.PersonalDataKeys.ConfiguredPath;
            if (run.Json)
            {
                CommandRunner.Print(new { file = Path.GetFullPath(file), manifest = BackupManifest.PathOf(Path.GetFullPath(file)), rows = m.Rows.Values.Sum(), schema = m.SchemaVersion, keyIds = m.KeyIds, auditHead = m.AuditHeadEntry, keyFile });
            }
            else
            {
                Console.WriteLine(run.Say($"已备份到 {Path.GetFullPath(file)}（{m.Rows.Values.Sum()} 行，结构 {m.SchemaVersion}，审计链末条 {m.AuditHeadEntry}）。", $"Backed up to {Path.GetFullPath(file)} ({m.Rows.Values.Sum()} rows, schema {m.SchemaVersion}, audit head {m.AuditHeadEntry})."));
                Console.WriteLine(run.Say(
                    $"密钥不在备份中：请把密钥文件 {keyFile}（密钥 {string.Join(", ", m.KeyIds)}）另行妥善保存，与备份分开存放。",
                    $"The keys are not in the backup: keep the key file {keyFile} (keys {string.Join(", ", m.KeyIds)}) safe, and apart from the backups."));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static readonly Argument<string> File = new("FILE") { Description = "备份文件 / the backup file" };

    /// <summary><c>liaison db restore FILE</c>: into an empty database only, then every check of the manifest.</summary>
    private static Command RestoreCommand()
    {
        var command = new Command("restore", "将备份恢复到空数据库并核对清单、审计链和汇总 / restore a backup into an empty database, then check its manifest, audit chain and rollups") { File };
        command.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            var check = await run.BusyAsync(run.Say("恢复并核对", "restoring and checking"), () => Backup.RestoreAsync(run.Target, run.Value(File)!, run.Clock, ct));
            // The restored data must read with the key file at hand (exit 3 otherwise).
            await using (await run.OpenDbAsync(ct))
            {
            }
            if (run.Json)
            {
                CommandRunner.Print(new { ok = check.Ok, database = run.Target.Describe(), rowDifferences = check.RowDifferences, audit = new { intact = check.Audit.FirstBrokenId is null, entries = check.Audit.Entries, firstBrokenId = check.Audit.FirstBrokenId, reason = check.Audit.Reason }, rollupDifferences = check.Rollups.Differences.Count });
            }
            else
            {
                foreach (var d in check.RowDifferences)
                {
                    Console.Error.WriteLine("  " + d);
                }
                Console.WriteLine(run.Say($"已恢复到 {run.Target.Describe()}。", $"Restored into {run.Target.Describe()}."));
                Console.WriteLine(run.Say($"  行数与清单{(check.RowDifferences.Count == 0 ? "一致" : "不一致")}", $"  row counts {(check.RowDifferences.Count == 0 ? "match" : "DIFFER from")} the manifest"));
                Console.WriteLine(check.Audit.FirstBrokenId is null
                    ? run.Say($"  审计链完整（{check.Audit.Entries} 条）", $"  audit chain intact ({check.Audit.Entries} entries)")
                    : run.Say($"  审计链不完整：id={check.Audit.FirstBrokenId}（{check.Audit.Reason}）", $"  audit chain broken at id={check.Audit.FirstBrokenId} ({check.Audit.Reason})"));
                Console.WriteLine(check.Rollups.Differences.Count == 0
                    ? run.Say($"  汇总与原始记录一致（{check.Rollups.Figures} 个数）", $"  rollups equal the records ({check.Rollups.Figures} figures)")
                    : run.Say($"  汇总有 {check.Rollups.Differences.Count} 处差异", $"  {check.Rollups.Differences.Count} rollup differences"));
            }
            return check.Ok ? ExitCodes.Ok : ExitCodes.Found;
        }));
        return command;
    }
}
