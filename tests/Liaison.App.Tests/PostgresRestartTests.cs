using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Liaison.App.Auth;
using Liaison.Data.Audit;
using Liaison.Data.Database;
using Liaison.Data.Demo;
using Liaison.Domain.Access;
using Liaison.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.App.Tests;

/// <summary>
/// PostgreSQL restarts while cadres' phones post visits: the requests during the outage are told to
/// come back (503, Retry-After), the server recovers by itself, and every visit is stored exactly
/// once. This project's tests use the throwaway cluster for nothing else, so it may be restarted.
/// </summary>
public sealed class PostgresRestartTests
{
    [Fact]
    public async Task Visits_posted_through_a_postgres_restart_are_stored_exactly_once()
    {
        var target = new DatabaseTarget(DatabaseProvider.Postgres, await PgCluster.CreateDatabaseAsync());
        await using (var db = target.CreateContext())
        {
            await Schema.MigrateAsync(db, default);
            await DemoSeeder.SeedAsync(db, TimeProvider.System, DemoScale.Small, 1, null, default);
            var today = Domain.Shared.ChinaTime.Today(TimeProvider.System);
            await DemoYear.RunAsync(db, TimeProvider.System, Actor.System, today, default);
        }
        string token;
        long[] households;
        await using (var services = AccountAdmin.Services(target, TimeProvider.System))
        await using (var scope = services.CreateAsyncScope())
        await using (var db = target.CreateContext())
        {
            const string village = "370830001001";
            var cadre = await Data.Field.FieldQueries.CadreOfVillageAsync(db, village, default);
            var admin = scope.ServiceProvider.GetRequiredService<AccountAdmin>();
            await admin.AddAsync(new NewAccount("restart-cadre", Role.Cadre, village, null, TestAccounts.Password, cadre), Actor.System, default);
            token = (await admin.CreateTokenAsync("restart-cadre", "phone", 1, Actor.System, default)).Secret;
            households = await db.Households.Where(h => h.VillageCode == village).Select(h => h.Id).Take(50).ToArrayAsync();
        }

        await using var host = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            b.UseSetting(Web.WebApp.DbKey, "postgres:" + target.ConnectionString).UseEnvironment("Production").UseSetting(Web.WebApp.ScopeGuardKey, "fail"));
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var visitedAt = TimeProvider.System.GetUtcNow().AddMinutes(-10);
        var sent = new ConcurrentBag<Guid>();
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        using var stop = new CancellationTokenSource();

        // Eight phones, each sending its visits one by one and sending again what was not acknowledged, as the app does.
        var phones = Enumerable.Range(0, 8).Select(p => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var id = Guid.NewGuid();
                sent.Add(id);
                var visit = new { id, household = households[(p * 7 + i) % households.Length], visitedAt };
                for (var attempt = 0; ; attempt++)
                {
                    HttpStatusCode status;
                    try
                    {
                        using var answer = await client.PostAsJsonAsync("/api/v1/field/visits", visit);
                        status = answer.StatusCode;
                        if (status == HttpStatusCode.ServiceUnavailable)
                        {
                            Assert.True(answer.Headers.RetryAfter is not null, "503 without Retry-After");
                        }
                    }
                    catch (HttpRequestException)
                    {
                        status = HttpStatusCode.BadGateway;
                    }
                    statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                    if (status is HttpStatusCode.Created or HttpStatusCode.OK)
                    {
                        break;
                    }
                    Assert.True(status is HttpStatusCode.ServiceUnavailable && attempt < 200, $"visit {id}: {status} after {attempt} attempts");
                    await Task.Delay(100);
                }
            }
        })).ToList();

        await Task.Delay(1500);
        // On a loaded machine a quick restart can fall between two phones' requests: restart again
        // (at most thrice) until some request has met the outage, which is what this test is about.
        for (var restarts = 0; restarts < 3 && statuses.GetValueOrDefault(HttpStatusCode.ServiceUnavailable) == 0; restarts++)
        {
            PgCluster.Restart();
            await Task.Delay(1500);
        }
        await stop.CancelAsync();
        await Task.WhenAll(phones);

        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.ServiceUnavailable) > 0, "no request met the outage: " + string.Join(", ", statuses));
        await using var check = target.CreateContext();
        var ids = sent.ToHashSet();
        var stored = await check.HouseholdVisits.Where(v => ids.Contains(v.ClientId)).Select(v => v.ClientId).ToListAsync();
        Assert.Equal(ids.Count, stored.Count);
        Assert.Equal(ids.Count, stored.Distinct().Count());
        // And the server is itself again.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }
}
