using System.Security.Cryptography;
using Liaison.Data;
using Liaison.Data.Accounts;
using Liaison.Data.Audit;
using Liaison.Data.Database;
using Liaison.Domain.Access;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Auth;

/// <summary>
/// A new account as asked for: who, which role, which scope ("*", a division code, or unit:ID /
/// unit:CODE); <paramref name="Cadre"/> (staff number) links a cadre account to the cadre whose field
/// records it keeps; <paramref name="MustChange"/> makes the first password good for one sign-in
/// (an office hands it over by telephone, the person chooses their own).
/// </summary>
public sealed record NewAccount(string UserName, Role Role, string Scope, string? DisplayName = null, string? Password = null, string? Cadre = null, bool MustChange = false);

/// <summary>
/// Who asks for an account change from a page: their role and scope, checked by
/// <see cref="AccountRules.MayManage"/>. The command line's operator passes none and may do anything.
/// </summary>
public sealed record AccountManager(Role Role, Domain.Access.Scope Scope);

/// <summary>
/// Managing accounts and tokens, the same way from the command line, the pages, the first start and
/// tests: every change checked (within the manager's jurisdiction when a page asks), written with its
/// audit entry in one transaction.
/// </summary>
public sealed class AccountAdmin(LiaisonDb db, UserManager<Account> users, TimeProvider clock)
{
    /// <summary>Services for managing accounts outside the web app (commands, first start of a command), on the caller's clock.</summary>
    public static ServiceProvider Services(DatabaseTarget target, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection();
        services.AddSingleton(clock);
        services.AddDbContext<LiaisonDb>(o => target.Configure(o));
        services.AddIdentityCore<Account>(AuthSetup.Rules)
            .AddEntityFrameworkStores<LiaisonDb>()
            .AddDefaultTokenProviders();
        services.AddScoped<AccountAdmin>();
        return services.BuildServiceProvider();
    }

    /// <summary>Creates the account; returns the password (the one given, or a new random one, shown once).</summary>
    public async Task<string> AddAsync(NewAccount request, Actor actor, CancellationToken ct, AccountManager? by = null)
    {
        var account = new Account
        {
            UserName = request.UserName,
            Role = request.Role,
            DisplayName = request.DisplayName ?? request.UserName,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
            MustChangePassword = request.MustChange,
        };
        await ApplyScopeAsync(account, request.Role, request.Scope, ct);
        await EnsureMayManageAsync(by, account, ct);
        if (request.Cadre is { Length: > 0 } code)
        {
            if (request.Role != Role.Cadre)
            {
                throw new RefusedException(new Problem("cadre", "只有干部账户关联干部（--cadre 须与 --role cadre 同用）", "only a cadre account is linked to a cadre (--cadre goes with --role cadre)") { Code = "cadre-needs-cadre-role" });
            }
            // A page's manager links only a cadre within their reach (Scoped.People): the account records
            // the cadre's field work, which must not reach into another office's villages through it.
            var people = by is null ? db.Cadres.AsNoTracking() : new Data.Access.Scoped(db, by.Scope).People;
            account.CadreId = await people.Where(c => c.Code == code.Trim()).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct)
                ?? throw new RefusedException(new Problem("cadre", $"没有编号为 {code} 的干部", $"no cadre with staff number {code}") { Code = "unknown-cadre" });
        }
        var password = request.Password ?? NewPassword();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Check(await users.CreateAsync(account, password));
        await AuditLog.AppendAsync(db, clock, actor, new AuditRecord("account.add", "account", account.UserName, account.ScopeDivisionCode, null,
            new { account.UserName, role = Roles.Name(account.Role), scope = request.Scope, account.DisplayName, cadre = request.Cadre }), ct);
        await tx.CommitAsync(ct);
        return password;
    }

    public async Task SetDisabledAsync(string userName, bool disabled, Actor actor, CancellationToken ct, AccountManager? by = null)
    {
        var account = await users.FindByNameAsync(userName) ?? throw NoAccount(userName);
        await EnsureMayManageAsync(by, account, ct);
        if (disabled && by is not null && account.UserName == actor.Name)
        {
            throw new RefusedException(new Problem("user", "不能停用自己的账户", "you cannot disable your own account") { Code = "own-account" });
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var before = account.IsDisabled;
        account.IsDisabled = disabled;
        Check(await users.UpdateAsync(account));
        if (disabled)
        {
            // Live sessions end at their next request; tokens stop at once.
            Check(await users.UpdateSecurityStampAsync(account));
            await RevokeTokensAsync(account.Id, ct);
        }
        await AuditLog.AppendAsync(db, clock, actor, new AuditRecord(disabled ? "account.disable" : "account.enable", "account", userName, account.ScopeDivisionCode,
            new { disabled = before }, new { disabled }), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Sets an account's password (<c>users set-password</c>), or, with <paramref name="password"/>
    /// null, resets it to a one-time temporary one that must be changed at the next sign-in
    /// (<c>users reset-password</c>; its tokens are revoked too). Either way every session of the
    /// account ends and a lockout is lifted. Returns the password set.
    /// </summary>
    public async Task<string> SetPasswordAsync(string userName, string? password, Actor actor, CancellationToken ct, AccountManager? by = null)
    {
        var account = await users.FindByNameAsync(userName) ?? throw NoAccount(userName);
        await EnsureMayManageAsync(by, account, ct);
        var reset = password is null;
        password ??= NewPassword();
        foreach (var validator in users.PasswordValidators)
        {
            Check(await validator.ValidateAsync(users, account, password));
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        account.PasswordHash = users.PasswordHasher.HashPassword(account, password);
        account.MustChangePassword = reset;
        account.LockoutEnd = null;
        account.AccessFailedCount = 0;
        Check(await users.UpdateAsync(account));
        Check(await users.UpdateSecurityStampAsync(account));
        var now = clock.GetUtcNow();
        var ended = await Sessions.EndAllAsync(db, account.Id, null, now, ct);
        if (reset)
        {
            await RevokeTokensAsync(account.Id, ct);
        }
        await AuditLog.AppendAsync(db, clock, actor, new AuditRecord(reset ? "account.password-reset" : "account.password-set", "account", userName, account.ScopeDivisionCode, null,
            new { sessionsEnded = ended, tokensRevoked = reset, mustChange = reset }), ct);
        await tx.CommitAsync(ct);
        return password;
    }

    /// <summary>Makes a bearer token for an account; the token is returned once and only its hash is kept.</summary>
    public async Task<(ApiToken Token, string Secret)> CreateTokenAsync(string userName, string name, int days, Actor actor, CancellationToken ct, AccountManager? by = null)
    {
        var account = await users.FindByNameAsync(userName) ?? throw NoAccount(userName);
        await EnsureMayManageAsync(by, account, ct);
        if (account.IsDisabled)
        {
            throw new RefusedException(new Problem("user", $"账户 {userName} 已停用", $"{userName} is disabled") { Code = "account-disabled" });
        }
        if (days is < 1 or > 366)
        {
            throw new RefusedException(new Problem("days", "令牌有效期为 1 到 366 天", "a token lives 1 to 366 days") { Code = "token-days" });
        }
        var secret = ApiTokenText.New();
        var now = clock.GetUtcNow();
        var token = new ApiToken { AccountId = account.Id, Name = name, TokenHash = ApiTokenText.Hash(secret), Prefix = secret[..10], CreatedAt = now, ExpiresAt = now.AddDays(days) };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        await AuditLog.AppendAsync(db, clock, actor, new AuditRecord("token.create", "api-token", token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), account.ScopeDivisionCode, null,
            new { account = userName, name, token.Prefix, expires = token.ExpiresAt }), ct);
        await tx.CommitAsync(ct);
        return (token, secret);
    }

    public async Task RevokeTokenAsync(int id, Actor actor, CancellationToken ct, AccountManager? by = null)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new RefusedException(new Problem("token", $"令牌 {id} 不存在", $"no token {id}") { Code = "unknown-token" });
        if (by is not null)
        {
            await EnsureMayManageAsync(by, await db.Users.FirstAsync(a => a.Id == token.AccountId, ct), ct);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await AuditLog.AppendAsync(db, clock, actor, new AuditRecord("token.revoke", "api-token", id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null, new { token.Prefix }), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Where an account's jurisdiction lies: its division, or its unit's; null for everything.</summary>
    public async Task<string?> DivisionOfAsync(Account account, CancellationToken ct)
    {
        if (account.ScopeUnitId is { } unit)
        {
            using var outside = Data.Access.Unscoped.Section("the division of the unit an account is scoped to, to check who may manage it");
            return await db.Units.AsNoTracking().Where(u => u.Id == unit).Select(u => u.DivisionCode).FirstOrDefaultAsync(ct);
        }
        return account.ScopeDivisionCode;
    }

    private async Task EnsureMayManageAsync(AccountManager? by, Account account, CancellationToken ct)
    {
        if (by is not null && !AccountRules.MayManage(by.Role, by.Scope, account.Role, await DivisionOfAsync(account, ct)))
        {
            throw new RefusedException(new Problem("scope", $"账户 {account.UserName}（{Roles.Label(account.Role).Zh}）不在您的管辖范围内", $"{account.UserName} ({Roles.Label(account.Role).En}) is outside your jurisdiction") { Code = "outside-jurisdiction" });
        }
    }

    private async Task RevokeTokensAsync(int accountId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.ApiTokens.Where(t => t.AccountId == accountId && t.RevokedAt == null).ExecuteUpdateAsync(u => u.SetProperty(t => t.RevokedAt, now), ct);
    }

    /// <summary>Checks that the scope fits the role and exists: administrators see everything; offices and inspectors a division; unit administrators a unit.</summary>
    private async Task ApplyScopeAsync(Account account, Role role, string scope, CancellationToken ct)
    {
        // Accounts are managed by administrators, whose own scope is everything.
        using var outside = Data.Access.Unscoped.Section("an account's scope: the unit or division it names");
        scope = scope.Trim();
        if (role == Role.Admin)
        {
            if (scope is not ("*" or ""))
            {
                throw new RefusedException(new Problem("scope", "管理员的范围是全部：--scope *", "an administrator's scope is everything: --scope *") { Code = "scope-for-role" });
            }
            return;
        }
        if (scope.StartsWith("unit:", StringComparison.OrdinalIgnoreCase))
        {
            if (role != Role.UnitAdmin)
            {
                throw new RefusedException(new Problem("scope", "只有单位管理员以单位为范围", "only a unit administrator has a unit as scope") { Code = "scope-for-role" });
            }
            var key = scope[5..];
            var unit = int.TryParse(key, out var id)
                ? await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct)
                : await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == key, ct);
            account.ScopeUnitId = (unit ?? throw new RefusedException(new Problem("scope", $"单位 {key} 不存在", $"no unit {key}") { Code = "unknown-unit" })).Id;
            return;
        }
        if (role == Role.UnitAdmin)
        {
            throw new RefusedException(new Problem("scope", "单位管理员的范围是一个单位：--scope unit:编号 或 unit:单位编码", "a unit administrator's scope is a unit: --scope unit:ID or unit:CODE") { Code = "scope-for-role" });
        }
        _ = Domain.Access.Scope.Division(scope);
        if (!await db.Divisions.AnyAsync(d => d.Code == scope, ct))
        {
            throw new RefusedException(new Problem("scope", $"行政区划 {scope} 不存在", $"no division {scope}") { Code = "unknown-division" });
        }
        account.ScopeDivisionCode = scope;
    }

    private static RefusedException NoAccount(string userName) =>
        new(new Problem("user", $"没有名为 {userName} 的账户", $"no account named {userName}") { Code = "unknown-account" });

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            // Identity's own words are English; the code names the rule for scripts.
            throw new RefusedException(result.Errors.Select(e => new Problem(IsAboutPassword(e.Code) ? "password" : "user", e.Description, e.Description) { Code = e.Code }).ToList());
        }
    }

    /// <summary>16 characters from an alphabet without look-alikes (no 0/O, 1/l/I).</summary>
    public static string NewPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(16, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }

    /// <summary>Identity's password rules (PasswordTooShort, PasswordRequiresDigit, …) concern the password field; the rest the user.</summary>
    private static bool IsAboutPassword(string identityCode) => identityCode.StartsWith("Password", StringComparison.Ordinal);
}
