namespace Liaison.Domain.Shared;

/// <summary>
/// A telephone the programme publishes (the supervision hotline): short service numbers such as
/// 12380 as well as landlines with an area code (0537-12380) and mobiles. Not a villager's phone:
/// those are personal data, read by the imports' rules.
/// </summary>
public static class PublicTelephone
{
    public static Term Expected { get; } = new("电话应为 5 到 20 位数字，可带区号和连字符，如 0539-12380", "a telephone is 5 to 20 digits, with an area code and dashes allowed, e.g. 0539-12380");

    /// <summary>Full-width digits and dashes folded, spaces dropped; empty is none.</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var folded = text.Normalize(System.Text.NormalizationForm.FormKC).Replace('－', '-').Replace('—', '-');
        return string.Concat(folded.Where(c => !char.IsWhiteSpace(c)));
    }

    public static bool IsValid(string text) =>
        text.Length <= 24 && text.All(c => char.IsAsciiDigit(c) || c == '-') && text.Count(char.IsAsciiDigit) is >= 5 and <= 20
        && !text.StartsWith('-') && !text.EndsWith('-') && !text.Contains("--", StringComparison.Ordinal);
}
