using Liaison.Data;
using Liaison.Data.Audit;
using Liaison.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Cli;

/// <summary><c>--as USER</c>: a command run within an account's jurisdiction, exactly as the web app would apply it.</summary>
public static class CliAccount
{
    /// <summary>
    /// The operator of the server (everything, may reveal), or the named account's scope (its
    /// division, or its unit's division and the unit), role and name on the audit record.
    /// </summary>
    public static async Task<(Actor Actor, string? ScopeRoot, bool MayReveal, int? UnitId)> WhoAsync(LiaisonDb db, string? userName, CancellationToken ct)
    {
        if (userName is null)
        {
            return (Actor.Cli, null, true, null);
        }
        var account = await db.Users.AsNoTracking().FirstOrDefaultAsync(a => a.UserName == userName, ct)
            ?? throw new InvalidOperationException($"no account named {userName}");
        if (account.IsDisabled)
        {
            throw new InvalidOperationException($"{userName} is disabled");
        }
        var root = account.ScopeUnitId is { } unitId
            ? await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.DivisionCode).FirstAsync(ct)
            : account.ScopeDivisionCode;
        return (new Actor(Actor.Cli.Name + " as " + userName), root, Roles.May(account.Role, Ability.RevealPersonalData), account.ScopeUnitId);
    }
}
