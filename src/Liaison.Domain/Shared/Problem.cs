namespace Liaison.Domain.Shared;

/// <summary>
/// Why something was refused: the field it concerns (an input's name, as a form, the API's
/// ProblemDetails and an import's error list name it) and the reason in both languages. Stores and
/// rules return it; the page, endpoint or command that shows it picks the language, so no language
/// is passed into Data or Domain (decision 0016).
/// </summary>
public sealed record Problem(string Field, string Zh, string En)
{
    /// <summary>A stable name of the rule broken, for scripts and tests (an import's reason, a policy's rule); "invalid" when none is named.</summary>
    public string Code { get; init; } = "invalid";

    /// <summary>The file the problem was found in, for a file's problems.</summary>
    public string? File { get; init; }

    /// <summary>The line of <see cref="File"/>, when known.</summary>
    public long? Line { get; init; }

    public string In(bool english) => english ? En : Zh;
}

/// <summary>
/// A request refused as a whole, with nothing changed: the one exception that means "the input was
/// refused" rather than "something failed" (decision 0016). A command answers it with exit code 2 and
/// the problems; an endpoint with ProblemDetails keyed by field (422); a page with its form's errors.
/// Stores that check record by record (field records, cases) return their problems instead.
/// </summary>
public class RefusedException(IReadOnlyList<Problem> problems, string zh = "未执行，未作任何更改：", string en = "Refused; nothing was changed:")
    : InvalidOperationException(problems.Count > 0 ? problems[0].En : en)
{
    public RefusedException(Problem problem)
        : this([problem])
    {
    }

    public IReadOnlyList<Problem> Problems { get; } = problems;

    /// <summary>What was refused, as the heading above the problems.</summary>
    public string Heading(bool english) => english ? en : zh;

    /// <summary>Refuses the whole change when a check found anything.</summary>
    public static void ThrowIfAny(IReadOnlyList<Problem> problems)
    {
        if (problems.Count > 0)
        {
            throw new RefusedException(problems);
        }
    }

    /// <summary>
    /// A form's text field trimmed (null when blank), with its problem added when it is required and
    /// missing or longer than <paramref name="max"/>.
    /// </summary>
    public static string? Text(List<Problem> problems, string field, string? value, int max, bool required)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (required && text is null)
        {
            problems.Add(new Problem(field, "必填", "required") { Code = "required" });
        }
        else if (text?.Length > max)
        {
            problems.Add(new Problem(field, $"不超过 {max} 字", $"at most {max} characters") { Code = "too-long" });
        }
        return text;
    }
}
