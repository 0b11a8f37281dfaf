using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.App.Web;

/// <summary>
/// Refusals over HTTP (decision 0016): ProblemDetails whose <c>errors</c> name each field with its
/// messages in the request's language and whose <c>codes</c> name the same fields with each
/// problem's stable code, for the phone app and scripts. 400 for a malformed request, 422 for one
/// the rules refused. A <see cref="RefusedException"/> an endpoint under <c>/api</c> lets through is
/// answered the same way (422); a page shows its problems in its form instead.
/// </summary>
public sealed class Refusals : IExceptionHandler
{
    /// <summary>One problem as an answer shows it: the field, the message in the request's language, the code.</summary>
    public readonly record struct Shown(string Field, string Message, string Code);

    public static IEnumerable<Shown> Show(IEnumerable<Problem> problems, bool english) => problems.Select(p => new Shown(p.Field, p.In(english), p.Code));

    /// <summary>The ProblemDetails of these problems; <paramref name="extensions"/> adds what the endpoint tells besides.</summary>
    public static HttpValidationProblemDetails Details(IEnumerable<Shown> problems, int status, string? title = null, IDictionary<string, object?>? extensions = null)
    {
        var byField = problems.GroupBy(p => p.Field).ToList();
        var details = new HttpValidationProblemDetails(byField.ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()))
        {
            Status = status,
            Title = title ?? Ui.T("请求未被接受", "the request was refused"),
        };
        details.Extensions["codes"] = byField.ToDictionary(g => g.Key, g => g.Select(p => p.Code).ToArray());
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            details.Extensions[key] = value;
        }
        return details;
    }

    /// <summary>400: the request itself is malformed (a query parameter that does not parse).</summary>
    public static ValidationProblem Invalid(IEnumerable<Problem> problems, bool english)
    {
        var details = Details(Show(problems, english), StatusCodes.Status400BadRequest);
        return TypedResults.ValidationProblem(details.Errors, title: details.Title, extensions: details.Extensions);
    }

    /// <summary>422: the rules refused what was sent.</summary>
    public static ProblemHttpResult Refused(IEnumerable<Shown> problems, string? title = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(Details(problems, StatusCodes.Status422UnprocessableEntity, title, extensions));

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not RefusedException refused || !httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        await Refused(Show(refused.Problems, Ui.English), refused.Heading(Ui.English)).ExecuteAsync(httpContext);
        return true;
    }
}
