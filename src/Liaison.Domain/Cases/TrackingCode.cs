using System.Security.Cryptography;

namespace Liaison.Domain.Cases;

/// <summary>
/// Tracking codes: 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L), drawn from
/// the system's cryptographic generator — 60 bits, so that codes cannot be found by counting or guessing.
/// Shown in groups of four (e.g. 7KQM-X2PD-9HTC); typed with or without dashes, in any case.
/// </summary>
public static class TrackingCode
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int Length = 12;

    public static string New()
    {
        Span<char> c = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            c[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return new string(c);
    }

    /// <summary>The code as stored, or null when the text cannot be one.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var s = new string(text.Where(ch => ch is not ('-' or ' ')).Select(char.ToUpperInvariant).ToArray());
        return s.Length == Length && s.All(Alphabet.Contains) ? s : null;
    }

    public static string Display(string code) => code.Length == Length ? $"{code[..4]}-{code[4..8]}-{code[8..]}" : code;
}
