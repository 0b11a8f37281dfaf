using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

public class FirstStartTests
{
    [Fact]
    public async Task A_new_sqlite_file_is_migrated_at_start_and_asks_for_a_sign_in()
    {
        await using var file = new TempSqlite();
        await using var factory = AppFixture.Host(file);

        var html = await factory.CreateClient().GetStringAsync("/");

        Assert.Contains("name=\"Password\"", html, StringComparison.Ordinal);
        await using var db = file.Target.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        // Only the default file gets the demo by itself: a file the user named stays as they made it.
        Assert.Equal(0, await db.Divisions.CountAsync());
    }
}
