using Liaison.Data;
using Liaison.Data.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.App.Tests;

/// <summary>
/// The web app's own contexts carry the guard the test hosts turn on: a read of a division's records
/// that goes around <see cref="Scoped"/> fails, so every page and endpoint test doubles as a check
/// of its jurisdiction. (A host of its own: the shared one's guard must stay free of findings.)
/// </summary>
public sealed class ScopeGuardHostTests : OwnHost
{
    [Fact]
    public async Task The_hosts_contexts_fail_a_read_around_the_scoped_root()
    {
        await using var scope = Web.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDb>();

        await Assert.ThrowsAsync<UnscopedReadException>(() => db.Households.AnyAsync());
        // The request's own Scoped: nobody is signed in here, so it reads nothing, and passes the guard.
        Assert.False(await scope.ServiceProvider.GetRequiredService<Scoped>().Households.AnyAsync());
        Assert.True(await Scoped.Operator(db).Households.AnyAsync());

        var guard = Web.Services.GetRequiredService<ScopeGuard>();
        Assert.Equal(ScopeGuardMode.Fail, guard.Mode);
        Assert.StartsWith("households: ", Assert.Single(guard.Findings), StringComparison.Ordinal);
    }
}
