using System.Security.Claims;
using System.Security.Cryptography;
using Liaison.Data;
using Liaison.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Auth;

/// <summary>How long a signed-in browser lasts: idle (sliding) and at most (absolute), from <c>Liaison:Sessions:*</c>.</summary>
public sealed record SessionLifetime(TimeSpan Idle, TimeSpan Absolute)
{
    public static SessionLifetime From(IConfiguration config) => new(
        TimeSpan.FromMinutes(config.GetValue("Liaison:Sessions:IdleMinutes", 8 * 60)),
        TimeSpan.FromHours(config.GetValue("Liaison:Sessions:AbsoluteHours", 12)));
}

/// <summary>
/// Server-side sessions: each sign-in makes a row whose id the cookie carries (<c>sid</c>); every
/// request checks the row, so signing out, a password change or a reset ends the session here and a
/// copied cookie stops working at once, and no session outlives its absolute lifetime.
/// </summary>
public static class Sessions
{
    public const string Claim = "sid";

    /// <summary>A new sign-in gets a session; a re-issued cookie (a refresh after a password change or TOTP) keeps its own.</summary>
    public static async Task OnSigningInAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || identity.FindFirst(Claim) is not null)
        {
            return;
        }
        var services = context.HttpContext.RequestServices;
        var current = context.HttpContext.User.FindFirstValue(Claim);
        var accountId = int.Parse(identity.FindFirst(ClaimTypes.NameIdentifier)!.Value, System.Globalization.CultureInfo.InvariantCulture);
        var db = services.GetRequiredService<LiaisonDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        if (current is null || !await db.AccountSessions.AnyAsync(s => s.Id == current && s.AccountId == accountId && s.EndedAt == null && s.ExpiresAt > now))
        {
            current = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            db.AccountSessions.Add(new AccountSession { Id = current, AccountId = accountId, CreatedAt = now, ExpiresAt = now + services.GetRequiredService<SessionLifetime>().Absolute });
            await db.SaveChangesAsync();
        }
        identity.AddClaim(new Claim(Claim, current));
    }

    /// <summary>After the security-stamp check: the cookie's session must still be live.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is null)
        {
            return;
        }
        var sid = context.Principal.FindFirstValue(Claim);
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var live = sid is not null && await services.GetRequiredService<LiaisonDb>().AccountSessions.AsNoTracking()
            .AnyAsync(s => s.Id == sid && s.EndedAt == null && s.ExpiresAt > now);
        if (!live)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>The stamp check rebuilds the principal from the account: the session it belongs to goes with it.</summary>
    public static Task CarryOver(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(Claim) is { } sid && context.NewPrincipal?.Identity is ClaimsIdentity identity && identity.FindFirst(Claim) is null)
        {
            identity.AddClaim(new Claim(Claim, sid.Value));
        }
        return Task.CompletedTask;
    }

    /// <summary>Ends this browser's session (signing out).</summary>
    public static Task EndAsync(LiaisonDb db, ClaimsPrincipal user, DateTimeOffset now, CancellationToken ct) =>
        user.FindFirstValue(Claim) is { } sid
            ? db.AccountSessions.Where(s => s.Id == sid && s.EndedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), ct)
            : Task.CompletedTask;

    /// <summary>Ends every session of the account but <paramref name="keep"/> (a password change keeps the browser that made it).</summary>
    public static Task<int> EndAllAsync(LiaisonDb db, int accountId, string? keep, DateTimeOffset now, CancellationToken ct) =>
        db.AccountSessions.Where(s => s.AccountId == accountId && s.EndedAt == null && s.Id != keep)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), ct);
}
