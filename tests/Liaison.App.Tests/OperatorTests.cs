using System.Text.Json;
using Liaison.App.Cli;
using Liaison.Data.Privacy;
using Liaison.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

/// <summary>
/// What a new operator does with a real deployment: a lost key file, a backup of the running
/// server's database restored into a new one, a deleted audit entry. The key file is the process's
/// setting, so these run in the "console" collection, alone.
/// </summary>
[Collection("console")]
public sealed class OperatorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("liaison-operator-").FullName;

    private static Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => CliRunner.RunAsync(args);

    [Fact]
    public async Task With_the_key_file_moved_away_export_and_serve_refuse_with_exit_3_and_make_no_key()
    {
        await using var file = await TempSqlite.WithSmallDemoAsync();
        var keys = PersonalDataKeys.ConfiguredPath;
        var moved = Path.Combine(_dir, "keys-moved-away.json");
        var before = Environment.GetEnvironmentVariable(PersonalDataKeys.EnvironmentVariable);
        // The operator's key file, where the database's keys are, is elsewhere now: the setting names a file that is not there.
        Environment.SetEnvironmentVariable(PersonalDataKeys.EnvironmentVariable, moved);
        PersonalDataKeys.Reload();
        try
        {
            var (code, _, err) = await RunAsync("--db", file.DbSetting, "export", "households", "--out", Path.Combine(_dir, "h.csv"));
            Assert.Equal(ExitCodes.Failed, code);
            Assert.Contains(moved, err, StringComparison.Ordinal);
            Assert.Contains("密钥文件", err, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(_dir, "h.csv")));

            // serve as the operator starts it: the executable, on its own.
            var (serve, serveErr) = await ServeAsync(file.DbSetting, moved);
            Assert.Equal(ExitCodes.Failed, serve);
            Assert.Contains("key file", serveErr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", serveErr, StringComparison.Ordinal);
            Assert.False(File.Exists(moved));

            // keys check says the same, in English when asked.
            var (check, _, checkErr) = await RunAsync("keys", "check", "--db", file.DbSetting, "--lang", "en");
            Assert.Equal(ExitCodes.Failed, check);
            Assert.Contains("put the right key file back", checkErr, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Environment.SetEnvironmentVariable(PersonalDataKeys.EnvironmentVariable, before);
            PersonalDataKeys.Reload();
        }
        Assert.True(File.Exists(keys));
        Assert.Equal(ExitCodes.Ok, (await RunAsync("keys", "check", "--db", file.DbSetting)).Code);
    }

    /// <summary>Runs the built <c>liaison serve</c> with a key file setting; a server that does not refuse is stopped after a while (and the test fails).</summary>
    private static async Task<(int Code, string Err)> ServeAsync(string db, string keyFile)
    {
        var exe = Path.Combine(AppContext.BaseDirectory, "liaison");
        var info = new System.Diagnostics.ProcessStartInfo(exe) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "serve", "--db", db, "--urls", "http://127.0.0.1:0" })
        {
            info.ArgumentList.Add(a);
        }
        info.Environment[PersonalDataKeys.EnvironmentVariable] = keyFile;
        using var p = System.Diagnostics.Process.Start(info)!;
        var err = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await p.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            return (-1, "still serving after 60 s: " + await err);
        }
        return (p.ExitCode, await err);
    }

    [Fact]
    public async Task A_backup_of_the_running_servers_database_restores_into_an_empty_one_and_every_check_passes()
    {
        await using var file = await TempSqlite.WithPlannedSmallDemoAsync();
        await TestAccounts.CreateAsync(file.Target);
        await using var host = AppFixture.Host(file, ("Liaison:RateLimits:SignInPerMinute", "100000"), ("Liaison:RateLimits:SignInPerAccountPerMinute", "100000"));
        var office = AppFixture.ClientOf(host);
        Assert.True(TestAccounts.IsSignedIn(await TestAccounts.SignInAsync(office, "office")));
        // The server is serving (and writing its audit log) while the backup is taken.
        var serving = Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await TestAccounts.SignInAsync(AppFixture.ClientOf(host), "inspector");
            }
        });
        var backup = Path.Combine(_dir, "backups", "liaison-1.backup");
        var (code, stdout, err) = await RunAsync("db", "backup", "--out", backup, "--db", file.DbSetting, "--json");
        await serving;
        Assert.True(code == ExitCodes.Ok, err);
        using (var json = JsonDocument.Parse(stdout))
        {
            Assert.Equal(PersonalDataKeys.ConfiguredPath, json.RootElement.GetProperty("keyFile").GetString());
        }
        Assert.True(File.Exists(backup + ".manifest.json"));
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(backup) == (UnixFileMode.UserRead | UnixFileMode.UserWrite));

        var restored = "sqlite:" + Path.Combine(_dir, "restored.db");
        var (restore, restoreOut, restoreErr) = await RunAsync("db", "restore", backup, "--db", restored, "--json");
        Assert.True(restore == ExitCodes.Ok, restoreErr + restoreOut);
        Assert.Contains("\"ok\":true", restoreOut, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, (await RunAsync("audit", "verify", "--db", restored)).Code);
        Assert.Equal(ExitCodes.Ok, (await RunAsync("report", "verify", "--db", restored)).Code);

        // Never over a database that holds something.
        var (again, _, againErr) = await RunAsync("db", "restore", backup, "--db", restored, "--lang", "en");
        Assert.Equal(ExitCodes.Failed, again);
        Assert.Contains("empty database only", againErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_last_audit_entry_makes_audit_verify_exit_4()
    {
        await using var file = await TempSqlite.WithSmallDemoAsync();
        Assert.Equal(ExitCodes.Ok, (await RunAsync("audit", "verify", "--db", file.DbSetting)).Code);
        await using (var db = file.Target.CreateContext())
        {
            var last = await db.AuditEntries.MaxAsync(e => e.Id);
            await db.AuditEntries.Where(e => e.Id == last).ExecuteDeleteAsync();
        }
        SqliteConnection.ClearAllPools();

        var (code, _, err) = await RunAsync("audit", "verify", "--db", file.DbSetting, "--lang", "en");

        Assert.Equal(AuditCommands.Broken, code);
        Assert.Contains("deleted", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_a_newer_or_an_unreachable_database_is_one_clear_message_and_exit_3()
    {
        var damaged = Path.Combine(_dir, "damaged.db");
        await File.WriteAllTextAsync(damaged, new string('x', 8192));
        var (code, _, err) = await RunAsync("export", "households", "--out", Path.Combine(_dir, "h.csv"), "--db", "sqlite:" + damaged, "--lang", "en");
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("not a Liaison database", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        var (serve, serveErr) = await ServeAsync("sqlite:" + damaged, PersonalDataKeys.ConfiguredPath);
        Assert.Equal(ExitCodes.Failed, serve);
        Assert.Contains("不是 Liaison 数据库", serveErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", serveErr, StringComparison.Ordinal);

        await using var newer = await TempSqlite.WithSmallDemoAsync();
        await using (var db = newer.Target.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsHistory\" (migration_id, product_version) VALUES ('29991231000000_FromTheFuture', '99.0')");
        }
        SqliteConnection.ClearAllPools();
        var (future, _, futureErr) = await RunAsync("users", "list", "--db", newer.DbSetting, "--lang", "en");
        Assert.Equal(ExitCodes.Failed, future);
        Assert.Contains("newer version of Liaison", futureErr, StringComparison.Ordinal);

        var (away, _, awayErr) = await RunAsync("users", "list", "--db", "postgres:Host=127.0.0.1;Port=1;Database=x;Username=x;Timeout=3", "--lang", "en");
        Assert.Equal(ExitCodes.Failed, away);
        Assert.Contains("cannot reach PostgreSQL", awayErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", awayErr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, true);
    }
}
