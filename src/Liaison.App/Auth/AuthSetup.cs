using System.Threading.RateLimiting;
using Liaison.Data;
using Liaison.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Liaison.App.Auth;

/// <summary>Accounts, sign-in, tokens, policies and rate limits, registered in one place.</summary>
public static class AuthSetup
{
    public const string SignInLimit = "sign-in";
    public const string PublicLimit = "public";

    public static void AddLiaisonAuth(this IServiceCollection services, IConfiguration config, bool requireHttps = false)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<Jurisdiction>();
        services.AddSingleton<ApiTokenLookup>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<IClaimsTransformation, TeamReach>();
        services.AddIdentityCore<Account>(Rules)
            .AddSignInManager<LiaisonSignInManager>()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>()
            .AddEntityFrameworkStores<LiaisonDb>()
            .AddDefaultTokenProviders();
        // Checked at every request: a disabled account or a "sign out everywhere" ends its sessions at once.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.Zero;
            o.OnRefreshingPrincipal = Sessions.CarryOver;
        });
        var lifetime = SessionLifetime.From(config);
        services.AddSingleton(lifetime);

        services.AddAuthentication(SchemeNames.Default)
            .AddPolicyScheme(SchemeNames.Default, "cookie or token", o => o.ForwardDefaultSelector = c =>
                c.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? ApiTokenHandler.Name : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.Name, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "liaison.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = lifetime.Idle;
            o.SlidingExpiration = true;
            o.Events.OnSigningIn = Sessions.OnSigningInAsync;
            o.Events.OnValidatePrincipal = Sessions.ValidateAsync;
            // The JSON API answers 401/403, never a redirect to a page.
            o.Events.OnRedirectToLogin = c => Answer(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => Answer(c, StatusCodes.Status403Forbidden);
        });
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-CSRF-TOKEN";
            o.Cookie.Name = "liaison.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthorization(Policies.Add);

        var signInPerMinute = config.GetValue("Liaison:RateLimits:SignInPerMinute", 10);
        var publicPerMinute = config.GetValue("Liaison:RateLimits:PublicPerMinute", 300);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInLimit, c => RateLimitPartition.GetFixedWindowLimiter(Client(c), _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPerMinute, Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(PublicLimit, c => RateLimitPartition.GetFixedWindowLimiter(Client(c), _ => new FixedWindowRateLimiterOptions { PermitLimit = publicPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
    }

    /// <summary>Password policy, lockout and user names: the same for the web app and the commands.</summary>
    public static void Rules(IdentityOptions o)
    {
        // Length over composition rules (NIST SP 800-63B): at least 10 characters, no required classes.
        o.Password.RequiredLength = 10;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireDigit = false;
        o.Password.RequiredUniqueChars = 4;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = false;
        o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
    }

    private static string Client(HttpContext c) => c.Connection.RemoteIpAddress?.ToString() ?? "local";

    private static Task Answer(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> c, int status)
    {
        if (c.Request.Path.StartsWithSegments("/api"))
        {
            c.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        c.Response.Redirect(c.RedirectUri);
        return Task.CompletedTask;
    }
}
