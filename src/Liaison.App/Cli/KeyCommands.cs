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
        show.SetAction(CommandRunner.Action((run, ct) =>
        {
            var keys = PersonalDataKeys.Current;
            if (run.Json)
            {
                CommandRunner.Print(new { file = keys.Path, primary = keys.Primary, keys = keys.KeyIds });
            }
            else
            {
                Console.WriteLine($"{keys.Path}: primary {keys.Primary}; keys {string.Join(", ", keys.KeyIds)}");
            }
            return Task.FromResult(ExitCodes.Ok);
        }));
        var rotate = new Command("rotate", "新增主密钥（旧密钥保留以便解密）/ add a new primary key (old keys stay, to decrypt)");
        rotate.SetAction(CommandRunner.Action((run, ct) =>
        {
            var id = PersonalDataKeys.Rotate(PersonalDataKeys.ConfiguredPath);
            if (run.Json)
            {
                CommandRunner.Print(new { file = PersonalDataKeys.ConfiguredPath, primary = id });
            }
            else
            {
                Console.WriteLine(run.Say($"新的主密钥：{id}。运行 liaison keys reencrypt 用它重新加密已存数据。", $"New primary key: {id}. Run liaison keys reencrypt to re-encrypt stored data with it."));
            }
            return Task.FromResult(ExitCodes.Ok);
        }));
        var reencrypt = new Command("reencrypt", "用主密钥重新加密全部个人信息 / re-encrypt all personal data with the primary key");
        reencrypt.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = run.OpenDb();
            await ImportCommands.EnsureSchemaAsync(run, db, ct);
            var n = await PersonalDataColumns.ReencryptAsync(db, TimeProvider.System, Actor.Cli, ct);
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
        return new Command("keys", "个人信息加密密钥 / personal-data encryption keys") { show, rotate, reencrypt };
    }
}
