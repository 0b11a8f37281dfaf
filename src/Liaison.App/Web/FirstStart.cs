using Liaison.App.Auth;
using Liaison.Data;
using Liaison.Data.Audit;
using Liaison.Data.Database;
using Liaison.Data.Demo;
using Liaison.Domain.Access;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Web;

/// <summary>
/// SQLite, the embedded database, is brought up to date at start; on the default file an empty
/// database also gets the small demo, so that `dotnet run` shows something at once. PostgreSQL
/// must be migrated on purpose (`liaison db migrate`), by whoever runs it.
/// </summary>
public sealed class FirstStart(IServiceProvider services, DatabaseTarget target, TimeProvider clock) : IHostedService
{
    /// <summary>
    /// What must hold before the app serves anything: the schema current (SQLite brought up to date)
    /// and the key file the one the database was written with. Run by <c>serve</c> before the host
    /// starts, so that a refusal is one message and an exit code, and again here for test hosts.
    /// </summary>
    public static async Task PrepareAsync(LiaisonDb db, DatabaseTarget target, TimeProvider clock, CancellationToken ct)
    {
        if (target.Provider == DatabaseProvider.Postgres)
        {
            var pending = await Schema.PendingAsync(db, ct);
            if (pending.Count > 0)
            {
                throw new InvalidOperationException($"the schema of {target.Describe()} is not up to date: run `liaison db migrate --db ...` first ({string.Join(", ", pending)})");
            }
        }
        else
        {
            await Schema.MigrateAsync(db, ct);
        }
        await Data.Privacy.KeyGuard.EnsureAsync(db, clock, Actor.System, ct);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDb>();
        using var outside = Data.Access.Unscoped.Section("first start: the server prepares its own database (schema, keys, the demo)");
        await PrepareAsync(db, target, clock, cancellationToken);
        if (target.Provider == DatabaseProvider.Sqlite && target.IsDefault && !await db.Divisions.AnyAsync(cancellationToken))
        {
            Console.WriteLine($"首次启动：正在生成演示数据（济宁市汶上县）… / first start: seeding the demo (one county of Jining) into {target.Describe()}");
            var result = await DemoSeeder.SeedAsync(db, clock, DemoScale.Small, 1, null, cancellationToken, Actor.System);
            Console.WriteLine($"  {result.Divisions} divisions, {result.Units} units, {result.Cadres} cadres, {result.Households} households ({result.Seconds} s)");
            // The demo shows this year's liaison plan and First Secretaries too, as the commands make them.
            var today = ChinaTime.Today(clock);
            var (plan, match) = await DemoYear.RunAsync(db, clock, Actor.System, today, cancellationToken);
            Console.WriteLine($"  {today.Year} liaison plan: {plan.Outcome.Added.Count} ties, {plan.Check.Coverage.Covered}/{plan.Check.Coverage.Villages} villages covered; {match.Result.Pairs.Count} First Secretaries posted");
            // And the year's field work and cases so far, so that the reports and dashboards have something to show.
            var activity = await DemoActivity.GenerateAsync(db, clock, Actor.System, today.Year, 1, null, cancellationToken);
            Console.WriteLine($"  {today.Year} so far: {activity.Visits} visits, {activity.Cases} cases, {activity.Disputes} disputes ({activity.Seconds} s)");
            var accounts = await DemoAccounts.CreateAsync(db, scope.ServiceProvider.GetRequiredService<AccountAdmin>(), cancellationToken);
            PrintAndKeep(accounts, target);
        }
        else if (!await db.Users.AnyAsync(cancellationToken))
        {
            // A real city's new database: nobody can sign in until the installer makes the first account.
            Console.WriteLine($"{target.Describe()} 还没有任何账户：请先建立系统管理员（初始密码只显示一次），登录后在“数据导入”上传行政区划、建立驻村办账户 / "
                + "no account yet: create the administrator first (the password is shown once), then sign in, upload the divisions and create the offices' accounts:");
            Console.WriteLine("  liaison users add --name admin --role admin --scope '*' --db ...");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The demo logins go to the console and to a file beside the database that only its owner can read.</summary>
    private static void PrintAndKeep(List<(string Name, Role Role, string Scope, string Password)> accounts, DatabaseTarget target)
    {
        var lines = accounts.Select(a => $"{a.Name,-16} {a.Password}  {Roles.Name(a.Role),-11} {a.Scope}").ToList();
        Console.WriteLine("演示账户 / demo accounts (user name, password, role, scope):");
        foreach (var line in lines)
        {
            Console.WriteLine("  " + line);
        }
        var path = Path.Combine(Path.GetDirectoryName(DatabaseTarget.DefaultSqlitePath)!, "demo-accounts.txt");
        File.WriteAllLines(path, ["# Liaison demo accounts for " + target.Describe(), .. lines]);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        Console.WriteLine($"  (also in {path})");
    }
}
