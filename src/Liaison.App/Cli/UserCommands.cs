using System.CommandLine;
using Liaison.App.Auth;
using Liaison.Data.Audit;
using Liaison.Domain.Access;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Cli;

/// <summary><c>liaison users add|list|disable|enable</c> and <c>liaison tokens create|list|revoke</c>.</summary>
public static class UserCommands
{
    public static Command Users()
    {
        var name = new Option<string>("--name") { Description = "用户名 / user name", Required = true };
        var role = new Option<string>("--role") { Description = "角色 / role: admin, office, unit-admin, cadre, inspector", Required = true };
        var scope = new Option<string>("--scope") { Description = "范围 / scope: * (admin), a division code (e.g. 370830), or unit:ID / unit:CODE", Required = true };
        var display = new Option<string?>("--display-name") { Description = "显示名称 / display name" };
        var password = new Option<string?>("--password") { Description = "密码（省略则随机生成并显示一次）/ password (default: a random one, shown once)" };
        var cadre = new Option<string?>("--cadre") { Description = "干部编号：干部账户记录谁的驻村和走访 / staff number: whose stays and visits a cadre account records" };
        var add = new Command("add", "新建账户 / add an account") { name, role, scope, display, password, cadre };
        add.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            if (!Roles.TryParse(run.Value(role)!, out var r))
            {
                return run.Fail(run.Say($"角色“{run.Value(role)}”无效：admin、office、unit-admin、cadre、inspector", $"unknown role '{run.Value(role)}': admin, office, unit-admin, cadre, inspector"));
            }
            await using var services = await ServicesAsync(run, ct);
            await using var scope_ = services.CreateAsyncScope();
            var secret = await scope_.ServiceProvider.GetRequiredService<AccountAdmin>()
                .AddAsync(new NewAccount(run.Value(name)!, r, run.Value(scope)!, run.Value(display), run.Value(password), run.Value(cadre)), Actor.Cli, ct);
            if (run.Json)
            {
                CommandRunner.Print(new { name = run.Value(name), role = Roles.Name(r), scope = run.Value(scope), password = run.Value(password) is null ? secret : null });
            }
            else
            {
                Console.WriteLine(run.Say($"已创建账户 {run.Value(name)}（{Roles.Name(r)}，范围 {run.Value(scope)}）", $"Account {run.Value(name)} added ({Roles.Name(r)}, scope {run.Value(scope)})"));
                if (run.Value(password) is null)
                {
                    Console.WriteLine(run.Say("初始密码（只显示这一次）：", "Initial password (shown this once): ") + secret);
                }
            }
            return ExitCodes.Ok;
        }));

        var list = new Command("list", "列出账户 / list accounts");
        list.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var accounts = await db.Users.AsNoTracking().OrderBy(a => a.UserName).ToListAsync(ct);
            var rows = accounts.Select(a => new
            {
                name = a.UserName,
                role = Roles.Name(a.Role),
                scope = a.ScopeUnitId is { } u ? $"unit:{u}" : a.ScopeDivisionCode ?? "*",
                displayName = a.DisplayName,
                disabled = a.IsDisabled,
                totp = a.TwoFactorEnabled,
                lockedUntil = a.LockoutEnd,
            }).ToList();
            if (run.Json)
            {
                CommandRunner.Print(new { accounts = rows });
            }
            else
            {
                foreach (var a in rows)
                {
                    Console.WriteLine($"{a.name,-24} {a.role,-11} {a.scope,-14} {(a.disabled ? run.Say(Words.Disabled) : "")} {(a.totp ? "TOTP" : "")} {a.displayName}");
                }
            }
            return ExitCodes.Ok;
        }));

        var users = new Command("users", "账户 / accounts") { add, list };
        users.Subcommands.Add(Toggle("disable", "停用账户（立即结束其会话和令牌）/ disable an account (ends its sessions and tokens at once)", true));
        users.Subcommands.Add(Toggle("enable", "重新启用账户 / enable an account again", false));
        users.Subcommands.Add(SetPassword());
        users.Subcommands.Add(ResetPassword());
        return users;
    }

    /// <summary><c>users set-password NAME (--password P | --stdin)</c>: a new password chosen by the operator; the account's sessions end.</summary>
    private static Command SetPassword()
    {
        var name = new Argument<string>("NAME") { Description = "用户名 / user name" };
        var password = new Option<string?>("--password") { Description = "新密码 / the new password" };
        var stdin = new Option<bool>("--stdin") { Description = "从标准输入读取新密码（不出现在命令行）/ read the new password from standard input (kept off the command line)" };
        var command = new Command("set-password", "设置账户密码（结束其全部会话）/ set an account's password (ends its sessions)") { name, password, stdin };
        command.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            var given = run.Value(stdin) ? (await Console.In.ReadToEndAsync(ct)).TrimEnd('\r', '\n') : run.Value(password);
            if (string.IsNullOrEmpty(given))
            {
                return run.Fail(run.Say("请用 --password 或 --stdin 给出新密码", "give the new password with --password or --stdin"));
            }
            await using var services = await ServicesAsync(run, ct);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AccountAdmin>().SetPasswordAsync(run.Value(name)!, given, Actor.Cli, ct);
            if (run.Json)
            {
                CommandRunner.Print(new { name = run.Value(name), passwordSet = true });
            }
            else
            {
                Console.WriteLine(run.Say($"已设置 {run.Value(name)} 的密码，其全部会话已结束。", $"Password of {run.Value(name)} set; its sessions ended."));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary><c>users reset-password NAME</c>: a one-time temporary password, to be changed at the next sign-in.</summary>
    private static Command ResetPassword()
    {
        var name = new Argument<string>("NAME") { Description = "用户名 / user name" };
        var command = new Command("reset-password", "重置为一次性临时密码（下次登录须修改；结束会话并作废令牌）/ reset to a one-time temporary password (must be changed at the next sign-in; ends sessions, revokes tokens)") { name };
        command.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var services = await ServicesAsync(run, ct);
            await using var scope = services.CreateAsyncScope();
            var temporary = await scope.ServiceProvider.GetRequiredService<AccountAdmin>().SetPasswordAsync(run.Value(name)!, null, Actor.Cli, ct);
            if (run.Json)
            {
                CommandRunner.Print(new { name = run.Value(name), temporaryPassword = temporary });
            }
            else
            {
                Console.WriteLine(run.Say($"{run.Value(name)} 的临时密码（只显示这一次，下次登录须修改）：", $"Temporary password of {run.Value(name)} (shown this once; must be changed at the next sign-in): ") + temporary);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Toggle(string verb, string description, bool disable)
    {
        var name = new Argument<string>("NAME") { Description = "用户名 / user name" };
        var command = new Command(verb, description) { name };
        command.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var services = await ServicesAsync(run, ct);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AccountAdmin>().SetDisabledAsync(run.Value(name)!, disable, Actor.Cli, ct);
            if (run.Json)
            {
                CommandRunner.Print(new { name = run.Value(name), disabled = disable });
            }
            else
            {
                Console.WriteLine(disable ? run.Say($"已停用 {run.Value(name)}", $"{run.Value(name)} disabled") : run.Say($"已启用 {run.Value(name)}", $"{run.Value(name)} enabled"));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Tokens()
    {
        var user = new Option<string>("--user") { Description = "账户 / account", Required = true };
        var name = new Option<string>("--name") { Description = "令牌用途 / what the token is for", Required = true };
        var days = new Option<int>("--days") { Description = "有效天数 / days valid", DefaultValueFactory = _ => 90 };
        var create = new Command("create", "为脚本或手机应用生成 API 令牌 / make an API token for a script or the phone app") { user, name, days };
        create.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var services = await ServicesAsync(run, ct);
            await using var scope = services.CreateAsyncScope();
            var (token, secret) = await scope.ServiceProvider.GetRequiredService<AccountAdmin>().CreateTokenAsync(run.Value(user)!, run.Value(name)!, run.Value(days), Actor.Cli, ct);
            if (run.Json)
            {
                CommandRunner.Print(new { id = token.Id, token = secret, expires = token.ExpiresAt });
            }
            else
            {
                Console.WriteLine(run.Say("令牌（只显示这一次，请妥善保存）：", "Token (shown this once; keep it safe): ") + secret);
                Console.WriteLine(run.Say($"编号 {token.Id}，有效期至 {token.ExpiresAt:yyyy-MM-dd}", $"id {token.Id}, expires {token.ExpiresAt:yyyy-MM-dd}"));
            }
            return ExitCodes.Ok;
        }));
        var list = new Command("list", "列出令牌 / list tokens");
        list.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var tokens = await (from t in db.ApiTokens.AsNoTracking()
                                join a in db.Users.AsNoTracking() on t.AccountId equals a.Id
                                orderby t.Id
                                select new { id = t.Id, account = a.UserName, name = t.Name, prefix = t.Prefix, expires = t.ExpiresAt, revoked = t.RevokedAt }).ToListAsync(ct);
            if (run.Json)
            {
                CommandRunner.Print(new { tokens });
            }
            else
            {
                foreach (var t in tokens)
                {
                    Console.WriteLine($"{t.id,5} {t.account,-20} {t.prefix}… {t.name,-20} {t.expires:yyyy-MM-dd} {(t.revoked is null ? "" : run.Say("已作废", "revoked"))}");
                }
            }
            return ExitCodes.Ok;
        }));
        var id = new Argument<int>("ID") { Description = "令牌编号 / token id" };
        var revoke = new Command("revoke", "作废令牌 / revoke a token") { id };
        revoke.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var services = await ServicesAsync(run, ct);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AccountAdmin>().RevokeTokenAsync(run.Value(id), Actor.Cli, ct);
            if (run.Json)
            {
                CommandRunner.Print(new { id = run.Value(id), revoked = true });
            }
            else
            {
                Console.WriteLine(run.Say($"令牌 {run.Value(id)} 已作废", $"token {run.Value(id)} revoked"));
            }
            return ExitCodes.Ok;
        }));
        return new Command("tokens", "API 令牌 / API tokens") { create, list, revoke };
    }

    private static async Task<ServiceProvider> ServicesAsync(CommandRunner run, CancellationToken ct)
    {
        await using (await run.OpenDbAsync(ct))
        {
        }
        return AccountAdmin.Services(run.Target, run.Clock);
    }
}
