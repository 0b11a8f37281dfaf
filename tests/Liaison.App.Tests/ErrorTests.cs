using System.Net;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

/// <summary>When something breaks, the answer says so without showing how the program is built.</summary>
public class ErrorTests
{
    [Fact]
    public async Task A_failure_answers_500_without_a_stack_trace_and_api_errors_are_problem_details()
    {
        await using var file = await TempSqlite.WithSmallDemoAsync();
        await TestAccounts.CreateAsync(file.Target);
        await using var factory = AppFixture.Host(file);
        var client = AppFixture.ClientOf(factory);
        Assert.True(TestAccounts.IsSignedIn(await TestAccounts.SignInAsync(client, "office")));
        string village;
        await using (var db = file.Target.CreateContext())
        {
            village = await db.Households.Select(h => h.VillageCode).FirstAsync();
            // Break the database under the running app.
            await db.Database.ExecuteSqlRawAsync("DROP TABLE households");
        }

        var broken = await client.GetAsync($"/divisions/{village}");
        var body = await broken.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, broken.StatusCode);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("households", body, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/divisions/999999");
        request.Headers.Accept.ParseAdd("application/json");
        var missing = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":404", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
