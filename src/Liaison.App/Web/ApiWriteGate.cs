using Microsoft.AspNetCore.Antiforgery;

namespace Liaison.App.Web;

/// <summary>
/// Writes to the JSON API from a signed-in browser (the cookie) must be JSON (415 otherwise) and
/// carry the anti-forgery header <c>X-CSRF-TOKEN</c> (400 otherwise), so that no other site can make
/// a visitor's browser post records. Scripts and the phone app with a bearer token are not
/// affected: a token is never sent by a browser on its own. Every API answer is <c>no-store</c>.
/// </summary>
public static class ApiWriteGate
{
    public static async Task Apply(HttpContext context, Func<Task> next)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next();
            return;
        }
        context.Response.Headers.CacheControl = "no-store";
        var write = !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method));
        var bearer = context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        if (write && !bearer && context.Request.Cookies.Count > 0)
        {
            if (context.Request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            {
                await Results.Problem(Ui.T("请以 application/json 提交", "send the body as application/json"), statusCode: StatusCodes.Status415UnsupportedMediaType).ExecuteAsync(context);
                return;
            }
            if (!await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
            {
                await Results.Problem(Ui.T("缺少或无效的防伪令牌（X-CSRF-TOKEN）", "missing or invalid anti-forgery token (X-CSRF-TOKEN)"), statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
                return;
            }
        }
        await next();
    }

    /// <summary>A fresh anti-forgery token for a page that may have been kept offline (the phone app asks before it sends).</summary>
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/session/csrf", (HttpContext context, IAntiforgery antiforgery) =>
            TypedResults.Ok(new { token = antiforgery.GetAndStoreTokens(context).RequestToken }));
}
