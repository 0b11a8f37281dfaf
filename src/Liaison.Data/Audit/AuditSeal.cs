using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Liaison.Data.Audit;

/// <summary>
/// The seal of one audit entry: HMAC-SHA-256, under a key kept outside the database, of the entry's
/// id, its link to the entry before and every field, each length-prefixed so that no two different
/// entries encode alike. Without the key, nobody who can write to the database can make a seal that
/// verifies, so a changed, inserted or forged entry is found.
/// </summary>
public static class AuditSeal
{
    private static readonly byte[] Version = "liaison-audit-v2"u8.ToArray();

    public static string Of(byte[] key, AuditEntry e)
    {
        using var data = new MemoryStream(256);
        Field(data, Version);
        Span<byte> id = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(id, e.Id);
        Field(data, id);
        Field(data, e.PreviousHash);
        Field(data, Time(e.At));
        Field(data, e.Actor);
        Field(data, e.Action);
        Field(data, e.Entity);
        Field(data, e.EntityKey);
        Field(data, e.DivisionCode);
        Field(data, e.Before);
        Field(data, e.After);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, data.GetBuffer().AsSpan(0, (int)data.Length)));
    }

    /// <summary>The unkeyed SHA-256 of entries written before the log was sealed, recognised so that <c>audit reseal</c> can take them over once.</summary>
    public static string LegacyHash(AuditEntry e)
    {
        var text = string.Join('\n', e.PreviousHash, Time(e.At), e.Actor, e.Action, e.Entity, e.EntityKey ?? "", e.DivisionCode ?? "", e.Before ?? "", e.After ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void Field(MemoryStream data, string? text)
    {
        if (text is null)
        {
            Span<byte> none = stackalloc byte[4];
            BinaryPrimitives.WriteInt32BigEndian(none, -1);
            data.Write(none);
            return;
        }
        Field(data, Encoding.UTF8.GetBytes(text));
    }

    private static void Field(MemoryStream data, ReadOnlySpan<byte> bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        data.Write(length);
        data.Write(bytes);
    }
}
