using Liaison.App.Auth;
using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Data.Accounts;
using Liaison.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Accounts;

using Account = Liaison.Data.Accounts.Account;

/// <summary>One account as the list shows it: where its jurisdiction lies, in words.</summary>
public sealed record AccountLine(Account Account, string Place);

/// <summary>
/// The accounts a manager may see: the administrator all of them; an office those of its
/// jurisdiction (<see cref="AccountRules"/>) — scoped to a division under its own, or to a unit whose
/// division is — and never an administrator's.
/// </summary>
public sealed class AccountQueries(LiaisonDb db, Scoped scoped, Jurisdiction jurisdiction)
{
    public const int PageSize = 30;

    public AccountManager? Manager => jurisdiction.Role is { } role && jurisdiction.Scope is { } scope ? new AccountManager(role, scope) : null;

    private async Task<IQueryable<Account>> VisibleAsync(CancellationToken ct)
    {
        var manager = Manager ?? throw new InvalidOperationException("no manager signed in");
        var accounts = db.Users.AsNoTracking();
        if (manager.Scope.IsEverything)
        {
            return manager.Role == Role.Admin ? accounts : accounts.Where(a => a.Role != Role.Admin);
        }
        // Accounts are no division's records, so Scoped has no root for them: the division-scoped ones
        // are Scope.Covers said in SQL (a code prefix), the unit-scoped ones those of the units Scoped gives.
        var root = manager.Scope.DivisionCode!;
        var units = await scoped.Units.Select(u => u.Id).ToListAsync(ct);
        return accounts.Where(a => a.Role != Role.Admin
            && ((a.ScopeDivisionCode != null && a.ScopeDivisionCode.StartsWith(root)) || (a.ScopeUnitId != null && units.Contains(a.ScopeUnitId.Value))));
    }

    public async Task<(List<AccountLine> Lines, Web.Paging Paging)> ListAsync(string? query, Role? role, int? page, CancellationToken ct)
    {
        var accounts = await VisibleAsync(ct);
        if (!string.IsNullOrWhiteSpace(query))
        {
            var q = query.Trim();
            accounts = accounts.Where(a => a.UserName!.Contains(q) || a.DisplayName.Contains(q));
        }
        if (role is { } r)
        {
            accounts = accounts.Where(a => a.Role == r);
        }
        var paging = Web.Paging.Of(page, await accounts.CountAsync(ct), PageSize);
        var list = await accounts.OrderBy(a => a.UserName).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return (await PlacesAsync(list, ct), paging);
    }

    /// <summary>An account the manager may see, by user name; null when there is none or it lies outside.</summary>
    public async Task<AccountLine?> FindAsync(string userName, CancellationToken ct)
    {
        var normalized = userName.Trim().ToUpperInvariant();
        var account = await (await VisibleAsync(ct)).FirstOrDefaultAsync(a => a.NormalizedUserName == normalized, ct);
        return account is null ? null : (await PlacesAsync([account], ct))[0];
    }

    public async Task<List<ApiToken>> TokensAsync(int accountId, CancellationToken ct) =>
        await db.ApiTokens.AsNoTracking().Where(t => t.AccountId == accountId).OrderByDescending(t => t.CreatedAt).ToListAsync(ct);

    /// <summary>The division's or unit's name of each account, read within the manager's scope.</summary>
    private async Task<List<AccountLine>> PlacesAsync(List<Account> accounts, CancellationToken ct)
    {
        var codes = accounts.Select(a => a.ScopeDivisionCode).OfType<string>().Distinct().ToList();
        var unitIds = accounts.Select(a => a.ScopeUnitId).OfType<int>().Distinct().ToList();
        var divisions = await scoped.Divisions.Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        var units = await scoped.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return accounts.Select(a => new AccountLine(a,
            a.ScopeUnitId is { } u ? units.GetValueOrDefault(u, $"unit:{u}")
            : a.ScopeDivisionCode is { } c ? $"{divisions.GetValueOrDefault(c, c)}（{c}）"
            : Web.Ui.T(Domain.Shared.Words.All))).ToList();
    }
}
