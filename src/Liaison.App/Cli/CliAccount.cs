using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Cli;

/// <summary>Who runs a command: the name on its audit records, what it may read (<see cref="Scoped"/>), whether it may see personal data.</summary>
public sealed record CliWho(Actor Actor, Scoped Scoped, bool MayReveal);

/// <summary><c>--as USER</c>: a command run within an account's jurisdiction, exactly as the web app would apply it.</summary>
public static class CliAccount
{
    /// <summary>
    /// The operator of the server (everything, may reveal), or the named account's scope (its
    /// division, or its unit's division and the unit, and a cadre's work teams), role and name on the audit record.
    /// </summary>
    public static async Task<CliWho> WhoAsync(LiaisonDb db, TimeProvider clock, string? userName, CancellationToken ct)
    {
        if (userName is null)
        {
            return new CliWho(Actor.Cli, Scoped.Operator(db), true);
        }
        var account = await db.Users.AsNoTracking().FirstOrDefaultAsync(a => a.UserName == userName, ct)
            ?? throw new InvalidOperationException($"no account named {userName}");
        if (account.IsDisabled)
        {
            throw new InvalidOperationException($"{userName} is disabled");
        }
        using var outside = Unscoped.Section("--as: the division of the account's own unit");
        var scope = account.ScopeUnitId is { } unitId
            ? Scope.Unit(unitId, await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.DivisionCode).FirstAsync(ct))
            : account.ScopeDivisionCode is { } code ? Scope.Division(code) : Scope.Everything;
        if (account.CadreId is { } cadre)
        {
            // As the web app's (TeamReach): a cadre's account reaches their work teams' divisions too.
            scope = scope.WithTeams(await Data.Liaisons.WorkTeamStore.ReachOfAsync(db, cadre, Domain.Shared.ChinaTime.Today(clock).Year, ct));
        }
        return new CliWho(new Actor(Actor.Cli.Name + " as " + userName), new Scoped(db, scope), Roles.May(account.Role, Ability.RevealPersonalData));
    }
}
