using System.Globalization;
using Liaison.Domain.Shared;

namespace Liaison.App.Web;

/// <summary>A number as people type it in a form: one home for the quantity and target fields.</summary>
public static class FormNumbers
{
    /// <summary>
    /// The number in <paramref name="text"/> (thousands separators allowed), null for a blank; text that is
    /// not a number adds its problem by <paramref name="field"/>, quoting what was typed, rather than reading as blank.
    /// </summary>
    public static decimal? Read(string field, string? text, List<Problem> problems)
    {
        var typed = text?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            return null;
        }
        if (decimal.TryParse(typed.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        problems.Add(new Problem(field, $"“{typed}”不是数字", $"\"{typed}\" is not a number") { Code = "number" });
        return null;
    }
}
