using Liaison.Data.Database;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Tests;

/// <summary>What Liaison sets on its PostgreSQL connections where the connection string does not say.</summary>
public class PostgresDefaultsTests
{
    private static async Task<string> ShowAsync(DatabaseTarget target, string setting)
    {
        await using var db = target.CreateContext();
        return await db.Database.SqlQuery<string>($"SELECT current_setting({setting}) AS \"Value\"").SingleAsync();
    }

    [Fact]
    public async Task Connections_run_without_JIT_unless_the_connection_string_sets_its_own_options()
    {
        var connection = await PgCluster.CreateDatabaseAsync();
        // The cluster's own default is on: the connection turns it off.
        Assert.Equal("off", await ShowAsync(new DatabaseTarget(DatabaseProvider.Postgres, connection), "jit"));
        Assert.Equal("on", await ShowAsync(new DatabaseTarget(DatabaseProvider.Postgres, connection + ";Options=-c jit=on"), "jit"));
        // Options of the operator's own leave JIT to the server, as the string says nothing of it.
        Assert.Equal("on", await ShowAsync(new DatabaseTarget(DatabaseProvider.Postgres, connection + ";Options=-c work_mem=8MB"), "jit"));
    }
}
