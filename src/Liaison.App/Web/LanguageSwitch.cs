using Microsoft.AspNetCore.Localization;

namespace Liaison.App.Web;

/// <summary><c>/lang/en</c> or <c>/lang/zh-CN</c>: remembers the choice in a cookie and goes back.</summary>
public static class LanguageSwitch
{
    public static RouteHandlerBuilder MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/lang/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            var chosen = culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh-CN";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
            // Only a local path: the switch must not become an open redirect.
            return TypedResults.LocalRedirect(LocalUrl.OrRoot(returnUrl));
        });
}
