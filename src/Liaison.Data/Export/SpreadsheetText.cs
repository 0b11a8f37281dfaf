namespace Liaison.Data.Export;

/// <summary>
/// Text as a spreadsheet must never take as a formula. A cell that starts with = + - @ (or a tab or
/// carriage return) in a CSV is opened by Excel and WPS as a formula, so it is written with a
/// leading apostrophe, as OWASP advises. xlsx cells are written as strings and need nothing.
/// </summary>
public static class SpreadsheetText
{
    public static string ForCsv(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        var safe = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
