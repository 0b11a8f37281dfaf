using System.CommandLine;
using Liaison.Data.Audit;
using Liaison.Data.Privacy;

namespace Liaison.App.Cli;

/// <summary><c>liaison keys show|rotate|reencrypt</c>: the keys that encrypt personal data at rest.</summary>
public static class KeyCommands
{
    public static Command Build()
    {
        var show = new Command("show", "显示密钥文件位置和主密钥 / where the key file is and which key is primary");
        show.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var keys = PersonalDataKeys.Current;
            if (run.Json)
            {
                CommandRunner.Print(new { file = keys.Path, primary = keys.Primary, keys = keys.KeyIds });
            }
            else
            {
                Console.WriteLine($"{keys.Path}: primary {keys.Primary}; keys {string.Join(", ", keys.KeyIds)}");
            }
            return ExitCodes.Ok;
        }));
        var check = new Command("check", "检查密钥文件与数据库是否相符、每个加密值能否解密 / check the key file against the database and every encrypted value");
        check.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            // Opening checks the recorded keys and a sample of each column (exit 3 when they fail); the report reads every value.
            await using var db = await run.OpenDbAsync(ct);
            var report = await KeyGuard.ReportAsync(db, ct);
            var sound = report.Clear == 0 && report.Undecryptable == 0 && report.Recorded.All(k => k.InFile && k.Matches);
            if (run.Json)
            {
                CommandRunner.Print(new { ok = sound, file = report.KeyFile, primary = report.Primary, recorded = report.Recorded, values = report.Values, unbound = report.Unbound, clear = report.Clear, undecryptable = report.Undecryptable });
            }
            else
            {
                Console.WriteLine(run.Say($"密钥文件：{report.KeyFile}（主密钥 {report.Primary}）", $"key file: {report.KeyFile} (primary {report.Primary})"));
                foreach (var k in report.Recorded)
                {
                    Console.WriteLine($"  {k.KeyId,-14} {k.Purpose,-14} {k.Fingerprint}  " + (k.Matches ? run.Say("相符", "matches") : k.InFile ? run.Say("不同的密钥！", "a different key!") : run.Say("文件中缺少！", "missing from the file!")));
                }
                Console.WriteLine(run.Say(
                    $"加密值 {report.Values} 个：无法解密 {report.Undecryptable}，明文 {report.Clear}，未绑定到行的旧格式 {report.Unbound}",
                    $"{report.Values} encrypted values: {report.Undecryptable} do not decrypt, {report.Clear} clear text, {report.Unbound} in an older format not bound to their row"));
                if (report.Unbound > 0 || report.Clear > 0)
                {
                    Console.WriteLine(run.Say("运行 liaison keys reencrypt 以主密钥重新加密并绑定到各自的列。", "Run liaison keys reencrypt to re-encrypt them with the primary key, bound to their columns."));
                }
            }
            return sound ? ExitCodes.Ok : ExitCodes.Found;
        }));
        var rotate = new Command("rotate", "新增主密钥（旧密钥保留以便解密）/ add a new primary key (old keys stay, to decrypt)");
        rotate.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            // Only a key file that is right for this database is rotated; the new key is recorded in it at once.
            await using var db = await run.OpenDbAsync(ct);
            var id = PersonalDataKeys.Rotate(PersonalDataKeys.ConfiguredPath);
            await KeyGuard.EnsureAsync(db, run.Clock, Actor.Cli, ct);
            if (run.Json)
            {
                CommandRunner.Print(new { file = PersonalDataKeys.ConfiguredPath, primary = id });
            }
            else
            {
                Console.WriteLine(run.Say($"新的主密钥：{id}。运行 liaison keys reencrypt 用它重新加密已存数据。", $"New primary key: {id}. Run liaison keys reencrypt to re-encrypt stored data with it."));
            }
            return ExitCodes.Ok;
        }));
        var reencrypt = new Command("reencrypt", "用主密钥重新加密全部个人信息 / re-encrypt all personal data with the primary key");
        reencrypt.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var n = await PersonalDataColumns.ReencryptAsync(db, run.Clock, Actor.Cli, ct);
            if (run.Json)
            {
                CommandRunner.Print(new { reencrypted = n, primary = PersonalDataKeys.Current.Primary });
            }
            else
            {
                Console.WriteLine(run.Say($"已重新加密 {n} 个值。", $"Re-encrypted {n} values."));
            }
            return ExitCodes.Ok;
        }));
        return new Command("keys", "个人信息加密密钥与审计密钥 / personal-data encryption keys and the audit key") { show, check, rotate, reencrypt };
    }
}
