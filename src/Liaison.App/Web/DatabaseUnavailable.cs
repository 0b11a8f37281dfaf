using Microsoft.AspNetCore.Diagnostics;

namespace Liaison.App.Web;

/// <summary>
/// While the database cannot answer (PostgreSQL restarting, a failover, SQLite busy), requests get
/// 503 with <c>Retry-After</c> rather than a 500: the phone app and API clients send again later,
/// and since records carry their own ids, whatever did reach the database is stored once.
/// </summary>
public sealed class DatabaseUnavailable(ILogger<DatabaseUnavailable> log) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // A page's request gets the error page (503, WebApp's exception handler); the API and the phone app get this answer.
        if (!Data.Database.DatabaseProblems.IsTransient(exception) || !httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }
        log.LogWarning("database unavailable: {Message}", exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Results.Problem(Ui.T("数据库暂时不可用，请稍后重试", "the database is unavailable for now; try again shortly"), statusCode: StatusCodes.Status503ServiceUnavailable)
            .ExecuteAsync(httpContext);
        return true;
    }
}
