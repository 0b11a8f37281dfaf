using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Liaison.Data.Privacy;

/// <summary>
/// The keys that encrypt personal data at rest (AES-256-GCM) and seal the audit log (HMAC-SHA-256),
/// kept in a file outside the database: <c>$LIAISON_KEYS</c>, or
/// <c>~/.config/liaison/personal-data-keys.json</c>. The file holds every personal-data key ever used
/// (so old values still decrypt), names the primary one (used for new values), and holds the audit
/// key. It is never made on the fly: <see cref="KeyGuard"/> creates it for an empty database only,
/// and <c>liaison keys rotate</c> adds keys to it.
/// </summary>
public sealed class PersonalDataKeys
{
    public const string EnvironmentVariable = "LIAISON_KEYS";

    /// <summary>Bound to the row: associated data names the key, the table and column, and the row's identity.</summary>
    private const string Marker = "p3:";

    /// <summary>Bound to the column only (before rows were): still read, rewritten by <c>keys reencrypt</c>.</summary>
    private const string ColumnMarker = "p2:";

    /// <summary>Written before values were bound to their column: still read, rewritten by <c>keys reencrypt</c>.</summary>
    private const string LegacyMarker = "p1:";

    private static readonly Lock Gate = new();
    private static PersonalDataKeys? _current;

    private readonly Dictionary<string, byte[]> _keys;

    // AesGcm is not thread-safe and costly to make (key schedule): one per thread, ring and key.
    [ThreadStatic]
    private static Dictionary<(PersonalDataKeys, string), AesGcm>? t_ciphers;

    private PersonalDataKeys(string path, string primary, Dictionary<string, byte[]> keys, byte[]? auditKey)
    {
        Path = path;
        Primary = primary;
        _keys = keys;
        AuditKey = auditKey;
    }

    public string Path { get; }
    public string Primary { get; }
    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    /// <summary>The audit log's MAC key; null only in a file written before the log was sealed (see <see cref="AddAuditKey"/>).</summary>
    public byte[]? AuditKey { get; }

    public static string DefaultPath =>
        System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify), "liaison", "personal-data-keys.json");

    public static string ConfiguredPath => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } p ? p : DefaultPath;

    /// <summary>The process's key ring, loaded from the configured file; refused when the file is missing or unreadable.</summary>
    public static PersonalDataKeys Current
    {
        get
        {
            lock (Gate)
            {
                return _current ??= Load(ConfiguredPath);
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

    public static PersonalDataKeys Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new KeysUnavailableException(KeyProblem.FileMissing, path, null);
        }
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            var primary = root.GetProperty("primary").GetString() ?? throw new InvalidDataException("no primary key");
            var keys = root.GetProperty("keys").EnumerateObject().ToDictionary(p => p.Name, p => Convert.FromBase64String(p.Value.GetString()!));
            var audit = root.TryGetProperty("audit", out var a) && a.GetString() is { } text ? Convert.FromBase64String(text) : null;
            if (!keys.TryGetValue(primary, out var k) || k.Length != 32 || keys.Values.Any(v => v.Length != 32) || audit is { Length: not 32 })
            {
                throw new InvalidDataException("every key must be 32 bytes and the primary key must be listed");
            }
            return new PersonalDataKeys(path, primary, keys, audit);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new KeysUnavailableException(KeyProblem.FileUnreadable, path, null, e);
        }
    }

    /// <summary>Makes a new key file (one personal-data key and the audit key); refuses to overwrite one.</summary>
    public static PersonalDataKeys Create(string path)
    {
        if (File.Exists(path))
        {
            throw new IOException($"{path} exists already");
        }
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var id = NewId();
        Write(path, id, new Dictionary<string, byte[]> { [id] = RandomNumberGenerator.GetBytes(32) }, RandomNumberGenerator.GetBytes(32));
        Reload();
        return Load(path);
    }

    /// <summary>Adds a new key and makes it the primary one; returns its id.</summary>
    public static string Rotate(string path)
    {
        var ring = Load(path);
        var id = NewId();
        var keys = new Dictionary<string, byte[]>(ring._keys) { [id] = RandomNumberGenerator.GetBytes(32) };
        Write(path, id, keys, ring.AuditKey);
        Reload();
        return id;
    }

    /// <summary>Gives a key file of an older version its audit key (once, when the log is first sealed).</summary>
    public static PersonalDataKeys AddAuditKey(string path)
    {
        var ring = Load(path);
        if (ring.AuditKey is null)
        {
            Write(path, ring.Primary, ring._keys, RandomNumberGenerator.GetBytes(32));
            Reload();
        }
        return Load(path);
    }

    /// <summary>Unique across files and rotations (random), so that two keys never share an id.</summary>
    private static string NewId() => "k-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));

    private static void Write(string path, string primary, Dictionary<string, byte[]> keys, byte[]? audit)
    {
        var json = JsonSerializer.Serialize(new
        {
            primary,
            keys = keys.ToDictionary(k => k.Key, k => Convert.ToBase64String(k.Value)),
            audit = audit is null ? null : Convert.ToBase64String(audit),
        });
        var temp = path + ".tmp";
        File.WriteAllText(temp, json);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Tells keys apart without revealing them: HMAC of a fixed label, 16 bytes in hex.</summary>
    public static string FingerprintOf(byte[] key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, "liaison key fingerprint v1"u8)[..16]);

    public string Fingerprint(string keyId) => FingerprintOf(_keys[keyId]);

    public bool Has(string keyId) => _keys.ContainsKey(keyId);

    public static bool IsProtected(string? stored) =>
        stored is not null && (stored.StartsWith(Marker, StringComparison.Ordinal) || IsUnbound(stored));

    /// <summary>Encrypted before values were bound to their row (p1: to nothing, p2: to the column only).</summary>
    public static bool IsUnbound(string stored) =>
        stored.StartsWith(ColumnMarker, StringComparison.Ordinal) || stored.StartsWith(LegacyMarker, StringComparison.Ordinal);

    /// <summary>
    /// p3:KEYID:base64(nonce ‖ ciphertext ‖ tag), bound to <paramref name="column"/> ("table.column") and
    /// to <paramref name="row"/>, the row's identity (<see cref="SealedEntity.RowOf"/>): copied into another
    /// column or another row, the value no longer decrypts.
    /// </summary>
    public string Protect(string plain, string column, string row)
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
        // The associated data as Aad gives it, encoded on the stack: no strings per value (a big import seals millions).
        var aadLength = Encoding.UTF8.GetByteCount("p3|") + Encoding.UTF8.GetByteCount(Primary) + Encoding.UTF8.GetByteCount(column) + Encoding.UTF8.GetByteCount(row) + 2;
        Span<byte> aad = aadLength <= 1024 ? stackalloc byte[aadLength] : new byte[aadLength];
        var at = Encoding.UTF8.GetBytes("p3|", aad);
        at += Encoding.UTF8.GetBytes(Primary, aad[at..]);
        aad[at++] = (byte)'|';
        at += Encoding.UTF8.GetBytes(column, aad[at..]);
        aad[at++] = (byte)'|';
        Encoding.UTF8.GetBytes(row, aad[at..]);
        Cipher(Primary).Encrypt(output[..12], data, output.Slice(12, length), output[(12 + length)..], aad);
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

    // Unambiguous without lengths: a key id and a column name never hold '|', and the row is the last field.
    private static byte[] Aad(string id, string column, string row) => Encoding.UTF8.GetBytes("p3|" + id + "|" + column + "|" + row);

    private byte[] ColumnAad(string id, string? column) =>
        _aad.GetOrAdd((id, column), k => Encoding.ASCII.GetBytes(k.Column is null ? k.Id : "p2|" + k.Id + "|" + k.Column));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Id, string? Column), byte[]> _aad = new();

    /// <summary>
    /// The clear text of a stored value of <paramref name="column"/> in the row <paramref name="row"/>.
    /// A value that is not encrypted, was encrypted for another column or row, or under a key not in
    /// the file is refused: clear text in an encrypted column is never taken for a value.
    /// </summary>
    public string Unprotect(string stored, string column, string row)
    {
        var legacy = stored.StartsWith(LegacyMarker, StringComparison.Ordinal);
        var columnOnly = stored.StartsWith(ColumnMarker, StringComparison.Ordinal);
        if (!legacy && !columnOnly && !stored.StartsWith(Marker, StringComparison.Ordinal))
        {
            throw new CryptographicException($"a value in {column} is not encrypted (run liaison keys check)");
        }
        var rest = stored.AsSpan(Marker.Length);
        var colon = rest.IndexOf(':');
        if (colon <= 0)
        {
            throw new CryptographicException($"a value in {column} is malformed");
        }
        var id = rest[..colon].ToString();
        if (!_keys.ContainsKey(id))
        {
            throw new CryptographicException($"personal data was encrypted with key {id}, which is not in {Path}");
        }
        var bytes = Convert.FromBase64String(rest[(colon + 1)..].ToString());
        if (bytes.Length < 28)
        {
            throw new CryptographicException($"a value in {column} is malformed");
        }
        var plain = new byte[bytes.Length - 28];
        var aad = legacy ? ColumnAad(id, null) : columnOnly ? ColumnAad(id, column) : Aad(id, column, row);
        Cipher(id).Decrypt(bytes.AsSpan(0, 12), bytes.AsSpan(12, plain.Length), bytes.AsSpan(12 + plain.Length), plain, aad);
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

    /// <summary>Written with the primary key and bound to its row: nothing for <c>keys reencrypt</c> to do.</summary>
    public bool IsCurrent(string stored) => stored.StartsWith(Marker + Primary + ":", StringComparison.Ordinal);
}
