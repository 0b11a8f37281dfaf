using Microsoft.AspNetCore.Http.Features;

namespace Liaison.App.Web;

/// <summary>
/// Requests larger than any form or API call needs are refused before they are read (413): pages
/// and the API take small bodies; an office's import upload (<c>/imports</c>) takes a roster of a
/// county; bigger files go through the command line.
/// </summary>
public static class RequestLimits
{
    public const long MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>The largest file the import page takes (a county's households as xlsx are a few MB).</summary>
    public const long MaxUploadBytes = 64 * 1024 * 1024;

    public static Task Apply(HttpContext context, Func<Task> next)
    {
        var max = context.Request.Path.StartsWithSegments("/imports", StringComparison.OrdinalIgnoreCase) ? MaxUploadBytes : MaxBodyBytes;
        if (context.Request.ContentLength > max)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }
        // Chunked bodies carry no length: the server stops reading them at the same limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max;
        }
        return next();
    }
}
