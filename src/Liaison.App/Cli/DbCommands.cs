using System.CommandLine;
using Liaison.Data.Database;

namespace Liaison.App.Cli;

/// <summary><c>liaison db migrate</c> and <c>liaison db status</c>.</summary>
public static class DbCommands
{
    public static Command Build()
    {
        var migrate = new Command("migrate", "创建或升级数据库结构 / create or upgrade the database schema");
        migrate.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = run.OpenDb();
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
            await using var db = run.OpenDb();
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
        return new Command("db", "数据库 / database") { migrate, status };
    }
}
