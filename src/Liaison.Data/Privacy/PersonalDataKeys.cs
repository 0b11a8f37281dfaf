using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Liaison.Data.Privacy;

/// <summary>
/// The keys that encrypt personal data at rest (AES-256-GCM), kept in a file outside the database:
/// <c>$LIAISON_KEYS</c>, or <c>~/.config/liaison/personal-data-keys.json</c>. The file holds every key
/// ever used (so old values still decrypt) and names the primary one (used for new values).
/// Rotation: <c>liaison keys rotate</c> adds a new primary key; <c>liaison keys reencrypt</c>
/// rewrites stored values with it; then old keys may be removed from the file.
/// </summary>
public sealed class PersonalDataKeys
{
    public const string EnvironmentVariable = "LIAISON_KEYS";
    private const string Marker = "p1:";

    private static readonly Lock Gate = new();
    private static PersonalDataKeys? _current;

    private readonly Dictionary<string, byte[]> _keys;

    // AesGcm is not thread-safe and costly to make (key schedule): one per thread, ring and key.
    [ThreadStatic]
    private static Dictionary<(PersonalDataKeys, string), AesGcm>? t_ciphers;

    private PersonalDataKeys(string path, string primary, Dictionary<string, byte[]> keys)
    {
        Path = path;
        Primary = primary;
        _keys = keys;
    }

    public string Path { get; }
    public string Primary { get; }
    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    public static string DefaultPath =>
        System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify), "liaison", "personal-data-keys.json");

    public static string ConfiguredPath => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } p ? p : DefaultPath;

    /// <summary>The process's key ring, loaded (or made, on first use) from the configured file.</summary>
    public static PersonalDataKeys Current
    {
        get
        {
            lock (Gate)
            {
                return _current ??= LoadOrCreate(ConfiguredPath);
            }
        }
    }

    /// <summary>Forgets the loaded ring, so that the next use reads the file again (after a rotation).</summary>
    public static void Reload()
    {
        lock (Gate)
        {
            _current = null;
        }
    }

    public static PersonalDataKeys LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            Write(path, "k1", new Dictionary<string, byte[]> { ["k1"] = RandomNumberGenerator.GetBytes(32) });
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var primary = doc.RootElement.GetProperty("primary").GetString() ?? throw new InvalidDataException($"{path}: no primary key");
        var keys = doc.RootElement.GetProperty("keys").EnumerateObject().ToDictionary(p => p.Name, p => Convert.FromBase64String(p.Value.GetString()!));
        if (!keys.TryGetValue(primary, out var k) || k.Length != 32 || keys.Values.Any(v => v.Length != 32))
        {
            throw new InvalidDataException($"{path}: every key must be 32 bytes and the primary key must be listed");
        }
        return new PersonalDataKeys(path, primary, keys);
    }

    /// <summary>Adds a new key and makes it the primary one; returns its id.</summary>
    public static string Rotate(string path)
    {
        var ring = LoadOrCreate(path);
        var id = "k" + (ring._keys.Keys.Select(k => int.TryParse(k.AsSpan(1), out var n) ? n : 0).Max() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var keys = new Dictionary<string, byte[]>(ring._keys) { [id] = RandomNumberGenerator.GetBytes(32) };
        Write(path, id, keys);
        Reload();
        return id;
    }

    private static void Write(string path, string primary, Dictionary<string, byte[]> keys)
    {
        var json = JsonSerializer.Serialize(new { primary, keys = keys.ToDictionary(k => k.Key, k => Convert.ToBase64String(k.Value)) });
        var temp = path + ".tmp";
        File.WriteAllText(temp, json);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temp, path, overwrite: true);
    }

    public static bool IsProtected(string? stored) => stored is not null && stored.StartsWith(Marker, StringComparison.Ordinal);

    /// <summary>p1:KEYID:base64(nonce ‖ ciphertext ‖ tag).</summary>
    public string Protect(string plain)
    {
        var length = Encoding.UTF8.GetByteCount(plain);
        var size = 12 + length + 16;
        // Personal data fields are short; a long value is refused rather than risk the stack.
        if (size > 1024)
        {
            throw new ArgumentException("personal data longer than 1,000 bytes", nameof(plain));
        }
        Span<byte> output = stackalloc byte[size];
        NextNonce(output[..12]);
        Span<byte> data = stackalloc byte[length];
        Encoding.UTF8.GetBytes(plain, data);
        Cipher(Primary).Encrypt(output[..12], data, output.Slice(12, length), output[(12 + length)..], Aad(Primary));
        // One string for the whole stored value: millions of these are made by a big import.
        var head = Marker.Length + Primary.Length + 1;
        Span<char> text = stackalloc char[head + ((size + 2) / 3 * 4)];
        Marker.AsSpan().CopyTo(text);
        Primary.AsSpan().CopyTo(text[Marker.Length..]);
        text[head - 1] = ':';
        Convert.TryToBase64Chars(output, text[head..], out var written);
        return new string(text[..(head + written)]);
    }

    // GCM nonces must never repeat under one key. Each thread takes 8 random bytes and counts the
    // other 4 (NIST SP 800-38D, deterministic construction): no random draw per value, and new random
    // bytes before the counter could wrap.
    [ThreadStatic]
    private static byte[]? t_noncePrefix;

    [ThreadStatic]
    private static uint t_nonceCounter;

    private static void NextNonce(Span<byte> nonce)
    {
        if (t_noncePrefix is null || t_nonceCounter == uint.MaxValue)
        {
            t_noncePrefix = RandomNumberGenerator.GetBytes(8);
            t_nonceCounter = 0;
        }
        t_noncePrefix.CopyTo(nonce);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(nonce[8..], ++t_nonceCounter);
    }

    private byte[] Aad(string id) => _aad.GetOrAdd(id, k => Encoding.ASCII.GetBytes(k));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _aad = new();

    public string Unprotect(string stored)
    {
        if (!IsProtected(stored))
        {
            // Written before encryption existed, or by hand: readable as it is, and rewritten by `keys reencrypt`.
            return stored;
        }
        var rest = stored.AsSpan(Marker.Length);
        var colon = rest.IndexOf(':');
        var id = rest[..colon].ToString();
        if (!_keys.ContainsKey(id))
        {
            throw new CryptographicException($"personal data was encrypted with key {id}, which is not in {Path}");
        }
        var bytes = Convert.FromBase64String(rest[(colon + 1)..].ToString());
        var plain = new byte[bytes.Length - 28];
        Cipher(id).Decrypt(bytes.AsSpan(0, 12), bytes.AsSpan(12, plain.Length), bytes.AsSpan(12 + plain.Length), plain, Aad(id));
        return Encoding.UTF8.GetString(plain);
    }

    private AesGcm Cipher(string id)
    {
        var ciphers = t_ciphers ??= [];
        if (!ciphers.TryGetValue((this, id), out var cipher))
        {
            ciphers[(this, id)] = cipher = new AesGcm(_keys[id], 16);
        }
        return cipher;
    }

    public bool IsCurrent(string stored) => stored.StartsWith(Marker + Primary + ":", StringComparison.Ordinal);
}
