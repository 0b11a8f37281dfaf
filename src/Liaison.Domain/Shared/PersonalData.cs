namespace Liaison.Domain.Shared;

/// <summary>How personal data is shown to someone who may not see it in full.</summary>
public static class PersonalData
{
    /// <summary>138****5678: keeps the first three and last four digits of a phone.</summary>
    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return "";
        }
        return phone.Length <= 7
            ? new string('*', phone.Length)
            : string.Concat(phone.AsSpan(0, 3), new string('*', phone.Length - 7), phone.AsSpan(phone.Length - 4));
    }

    /// <summary>张*、欧阳** : keeps the first character (the surname, mostly) of a name.</summary>
    public static string MaskName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "";
        }
        var chars = System.Globalization.StringInfo.ParseCombiningCharacters(name);
        return chars.Length <= 1 ? "*" : string.Concat(name.AsSpan(0, chars[1]), new string('*', chars.Length - 1));
    }
}
