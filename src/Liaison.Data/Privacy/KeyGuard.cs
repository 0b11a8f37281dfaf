using System.Data.Common;
using System.Security.Cryptography;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Liaison.Data.Privacy;

/// <summary>What <c>liaison keys check</c> reports of one key the database records.</summary>
public sealed record KeyState(string KeyId, string Purpose, string Fingerprint, bool InFile, bool Matches);

/// <summary>The state of the keys of one database: the file, what the database records, what its values need.</summary>
public sealed record KeyReport(string KeyFile, string Primary, IReadOnlyList<KeyState> Recorded, long Values, long Unbound, long Clear, long Undecryptable);

/// <summary>
/// Checks, before anything else, that the key file at hand is the one the database was written
/// with, and records in the database (id and fingerprint, never the key) every key it is written
/// with. A key file is only made here for a database that holds nothing encrypted or audited yet.
/// </summary>
public static class KeyGuard
{
    /// <summary>Why this reads outside a scope: see <see cref="Unscoped"/>.</summary>
    private const string Reach = "the keys: samples of sealed data from any division";

    public const string PersonalData = "personal-data";
    public const string Audit = "audit";

    /// <summary>
    /// Refuses (<see cref="KeysUnavailableException"/>) when the key file is missing, unreadable,
    /// lacks a key the database records, holds a different key of that id, or does not decrypt a
    /// sample of every encrypted column; otherwise records the keys in use and returns the ring.
    /// </summary>
    public static async Task<PersonalDataKeys> EnsureAsync(LiaisonDb db, TimeProvider clock, Actor actor, CancellationToken ct) =>
        await EnsureAsync(db, clock, actor, PersonalDataKeys.ConfiguredPath, ct);

    /// <summary>The same with a key file of the caller's (tests): the process's ring is left alone unless it is the configured file.</summary>
    public static async Task<PersonalDataKeys> EnsureAsync(LiaisonDb db, TimeProvider clock, Actor actor, string path, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var configured = path == PersonalDataKeys.ConfiguredPath;
        var records = await db.KeyRecords.AsNoTracking().ToListAsync(ct);
        if (configured)
        {
            PersonalDataKeys.Reload();
        }
        PersonalDataKeys ring;
        if (!File.Exists(path))
        {
            if (records.Count > 0 || await HoldsSealedDataAsync(db, ct))
            {
                throw new KeysUnavailableException(KeyProblem.FileMissing, path, null);
            }
            try
            {
                ring = PersonalDataKeys.Create(path);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process made it a moment ago.
                ring = PersonalDataKeys.Load(path);
            }
        }
        else
        {
            ring = configured ? PersonalDataKeys.Current : PersonalDataKeys.Load(path);
        }
        CheckRecorded(ring, records);
        if (ring.AuditKey is null)
        {
            // A key file of an older version: the audit log's key joins it (then `liaison audit reseal`).
            ring = PersonalDataKeys.AddAuditKey(path);
        }
        await CheckSamplesAsync(db, ring, ct);
        await RecordAsync(db, ring, records, clock, actor, ct);
        return ring;
    }

    private static void CheckRecorded(PersonalDataKeys ring, List<KeyRecord> records)
    {
        // Personal-data keys first: "the file lacks key k-…" says more than "the audit key differs".
        foreach (var r in records.OrderBy(r => r.Purpose == Audit))
        {
            var (present, fingerprint) = r.Purpose == Audit
                ? (ring.AuditKey is not null, ring.AuditKey is null ? null : PersonalDataKeys.FingerprintOf(ring.AuditKey))
                : (ring.Has(r.KeyId), ring.Has(r.KeyId) ? ring.Fingerprint(r.KeyId) : null);
            if (!present)
            {
                throw new KeysUnavailableException(KeyProblem.KeyMissing, ring.Path, r.KeyId);
            }
            if (fingerprint != r.Fingerprint)
            {
                throw new KeysUnavailableException(KeyProblem.KeyDifferent, ring.Path, r.KeyId);
            }
        }
    }

    /// <summary>The first value of each encrypted column must decrypt: a file of the right ids but wrong keys is caught here too.</summary>
    private static async Task CheckSamplesAsync(LiaisonDb db, PersonalDataKeys ring, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var c in PersonalDataColumns.All(db))
            {
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = c.SelectStored(" LIMIT 1");
                cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                await using var r = await cmd.ExecuteReaderAsync(ct);
                if (await r.ReadAsync(ct) && Decrypts(ring, r, c) is { } problem)
                {
                    throw new KeysUnavailableException(KeyProblem.DoesNotDecrypt, ring.Path, problem);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string? Decrypts(PersonalDataKeys ring, DbDataReader r, PersonalDataColumns.Column c)
    {
        try
        {
            c.Open(ring, r);
            return null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return $"{c.Table}.{c.Name}: {e.Message}";
        }
    }

    private static async Task<bool> HoldsSealedDataAsync(LiaisonDb db, CancellationToken ct)
    {
        if (await db.AuditEntries.AnyAsync(ct))
        {
            return true;
        }
        foreach (var c in PersonalDataColumns.All(db))
        {
            if (await ScalarAsync(db, $"SELECT 1 FROM {c.Table} WHERE {c.Name} IS NOT NULL LIMIT 1", ct) is not null)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Records the primary key and the audit key when the database does not know them yet (audited).</summary>
    private static async Task RecordAsync(LiaisonDb db, PersonalDataKeys ring, List<KeyRecord> records, TimeProvider clock, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var missing = new List<KeyRecord>();
        if (!records.Any(r => r.KeyId == ring.Primary))
        {
            missing.Add(new KeyRecord { KeyId = ring.Primary, Purpose = PersonalData, Fingerprint = ring.Fingerprint(ring.Primary), RecordedAt = now });
        }
        if (!records.Any(r => r.Purpose == Audit))
        {
            missing.Add(new KeyRecord { KeyId = Audit, Purpose = Audit, Fingerprint = PersonalDataKeys.FingerprintOf(ring.AuditKey!), RecordedAt = now });
        }
        if (missing.Count == 0)
        {
            return;
        }
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.KeyRecords.AddRange(missing);
            await db.SaveChangesAsync(ct);
            await AuditLog.AppendAsync(db, clock, actor, new AuditRecord("keys.record", "key", string.Join(",", missing.Select(k => k.KeyId)), null, null,
                new { keys = missing.Select(k => new { id = k.KeyId, purpose = k.Purpose, fingerprint = k.Fingerprint }) }), ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another process recorded them first; what it recorded is checked at the next start.
        }
        finally
        {
            foreach (var k in missing)
            {
                db.Entry(k).State = EntityState.Detached;
            }
        }
    }

    /// <summary>Everything about the keys: recorded ones against the file, and every stored value (for <c>liaison keys check</c>).</summary>
    public static async Task<KeyReport> ReportAsync(LiaisonDb db, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var ring = PersonalDataKeys.Current;
        var recorded = (await db.KeyRecords.AsNoTracking().OrderBy(k => k.RecordedAt).ToListAsync(ct)).Select(r =>
        {
            var inFile = r.Purpose == Audit ? ring.AuditKey is not null : ring.Has(r.KeyId);
            var fingerprint = !inFile ? null : r.Purpose == Audit ? PersonalDataKeys.FingerprintOf(ring.AuditKey!) : ring.Fingerprint(r.KeyId);
            return new KeyState(r.KeyId, r.Purpose, r.Fingerprint, inFile, fingerprint == r.Fingerprint);
        }).ToList();
        long values = 0, unbound = 0, clear = 0, bad = 0;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var c in PersonalDataColumns.All(db))
            {
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = c.SelectStored();
                await using var r = await cmd.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct))
                {
                    var stored = r.GetString(1);
                    values++;
                    if (!PersonalDataKeys.IsProtected(stored))
                    {
                        clear++;
                    }
                    else if (Decrypts(ring, r, c) is not null)
                    {
                        bad++;
                    }
                    else if (PersonalDataKeys.IsUnbound(stored))
                    {
                        unbound++;
                    }
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new KeyReport(ring.Path, ring.Primary, recorded, values, unbound, clear, bad);
    }

    private static async Task<object?> ScalarAsync(LiaisonDb db, string sql, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var value = await cmd.ExecuteScalarAsync(ct);
            return value is DBNull ? null : value;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
