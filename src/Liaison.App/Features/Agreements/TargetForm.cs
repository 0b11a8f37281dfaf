using Liaison.Data.Results;
using Liaison.Domain.Policy;
using Liaison.Domain.Results;
using Liaison.Domain.Shared;

namespace Liaison.App.Features.Agreements;

/// <summary>
/// The target rows of an agreement's form (<c>_TargetRows</c>): parallel lists — the i-th area with the
/// i-th text, measure, value and day; rows left without text are no targets. One home for the draft
/// and the revision.
/// </summary>
public sealed record TargetForm(AgreementRules Rules, IReadOnlyList<TargetInput> Rows, int Year)
{
    /// <summary>Rows the form offers beyond those already written.</summary>
    public const int Blank = 4;

    public static TargetForm Of(AgreementRules rules, int year, IEnumerable<AgreementTarget> targets) =>
        new(rules, targets.Select(t => new TargetInput(t.Area, t.Text, t.Measure, t.Value, t.Due)).ToList(), year);

    /// <summary>The rows as posted; a value that is not a number is a problem by its row, not a silent blank.</summary>
    public static List<TargetInput> Read(string[]? area, string[]? text, string[]? measure, string[]? value, DateOnly?[]? due, List<Problem> problems)
    {
        var rows = new List<TargetInput>();
        for (var i = 0; i < (text?.Length ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(text![i]))
            {
                continue;
            }
            var number = Web.FormNumbers.Read($"targets[{rows.Count}].value", value?.ElementAtOrDefault(i), problems);
            rows.Add(new TargetInput(area?.ElementAtOrDefault(i), text[i], measure?.ElementAtOrDefault(i), number, due?.ElementAtOrDefault(i)));
        }
        return rows;
    }
}
