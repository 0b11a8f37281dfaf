using Liaison.Data;
using Liaison.Data.Database;
using Liaison.Data.Demo;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Web;

/// <summary>
/// SQLite, the embedded database, is brought up to date at start; on the default file an empty
/// database also gets the small demo, so that `dotnet run` shows something at once. PostgreSQL
/// must be migrated on purpose (`liaison db migrate`), by whoever runs it.
/// </summary>
public sealed class FirstStart(IServiceProvider services, DatabaseTarget target) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDb>();
        if (target.Provider == DatabaseProvider.Postgres)
        {
            var pending = await Schema.PendingAsync(db, cancellationToken);
            if (pending.Count > 0)
            {
                throw new InvalidOperationException($"the schema of {target.Describe()} is not up to date: run `liaison db migrate --db ...` first ({string.Join(", ", pending)})");
            }
            return;
        }
        await Schema.MigrateAsync(db, cancellationToken);
        if (target.IsDefault && !await db.Divisions.AnyAsync(cancellationToken))
        {
            Console.WriteLine($"首次启动：正在生成演示数据（济宁市汶上县）… / first start: seeding the demo (one county of Jining) into {target.Describe()}");
            var result = await DemoSeeder.SeedAsync(db, DemoScale.Small, 1, null, cancellationToken);
            Console.WriteLine($"  {result.Divisions} divisions, {result.Units} units, {result.Cadres} cadres, {result.Households} households ({result.Seconds} s)");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
