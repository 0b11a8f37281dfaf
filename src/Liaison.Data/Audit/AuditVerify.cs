using System.Collections.Concurrent;
using System.Data.Common;
using Liaison.Data.Access;
using Liaison.Data.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Liaison.Data.Audit;

/// <summary>Checking the sealed chain, sealing an older log once, and the database's id (which names its head file).</summary>
public static partial class AuditLog
{
    /// <summary>Why this reads outside a scope: see <see cref="Unscoped"/>.</summary>
    private const string Reach = "the audit chain: every entry, whatever its division";

    private static readonly ConcurrentDictionary<string, string> DatabaseIds = new();

    /// <summary>The database's own id (made by its first migration), kept per connection string once read.</summary>
    public static async Task<string> DatabaseIdAsync(LiaisonDb db, CancellationToken ct)
    {
        var cs = db.Database.GetConnectionString() ?? "";
        if (DatabaseIds.TryGetValue(cs, out var id))
        {
            return id;
        }
        id = await db.DatabaseFacts.AsNoTracking().Where(f => f.Name == DatabaseFact.DatabaseId).Select(f => f.Value).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException("the database has no id: run liaison db migrate");
        return DatabaseIds.GetOrAdd(cs, id);
    }

    /// <summary>Forgets the ids read, after a restore gave a database a new one.</summary>
    public static void ForgetDatabaseIds() => DatabaseIds.Clear();

    /// <summary>
    /// Recomputes every seal from the first entry and compares the end of the chain with the head
    /// file outside the database. Names the first entry that was changed, inserted, forged or
    /// removed, entries deleted from the end, an empty log in a database that holds data, and rows
    /// that cannot be read — never throws on a damaged row.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(LiaisonDb db, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var key = PersonalDataKeys.Current.AuditKey;
        var previous = Genesis;
        long count = 0, lastId = 0;
        var unreadable = new List<long>();
        AuditVerification? broken = null;
        await foreach (var (rowId, e) in ReadRawAsync(db, ct))
        {
            count++;
            if (e is null)
            {
                unreadable.Add(rowId);
                broken ??= new AuditVerification(count, rowId, "unreadable: the row cannot be read as an audit entry", previous);
                continue;
            }
            if (broken is not null)
            {
                continue;
            }
            if (e.PreviousHash != previous)
            {
                broken = new AuditVerification(count, e.Id, "link: the entry does not follow the one before it (an entry was changed, removed or inserted)", previous);
            }
            else if (key is null || AuditSeal.Of(key, e) != e.Hash)
            {
                broken = new AuditVerification(count, e.Id, AuditSeal.LegacyHash(e) == e.Hash
                    ? "unsealed: written before the log was sealed; run liaison audit reseal once"
                    : "seal: the entry's content does not match its seal (changed, or forged without the key)", previous);
            }
            previous = e.Hash;
            lastId = e.Id;
        }
        if (broken is not null)
        {
            return broken with { Entries = count, Unreadable = unreadable };
        }
        var head = AuditHeads.Read(await DatabaseIdAsync(db, ct));
        if (head is not null && head.Entry > lastId)
        {
            return new AuditVerification(count, head.Entry, $"deleted: the log ends at entry {lastId}, but entry {head.Entry} was written (head file {AuditHeads.FileOf(await DatabaseIdAsync(db, ct))})", previous);
        }
        if (head is not null && head.Entry == lastId && head.Seal != previous)
        {
            return new AuditVerification(count, head.Entry, "head: the last entry is not the one the head file outside the database names", previous);
        }
        if (count == 0 && await HoldsDataAsync(db, ct))
        {
            return new AuditVerification(0, 0, "empty: the database holds data but its audit log has no entry", previous);
        }
        return new AuditVerification(count, null, null, previous);
    }

    private static async Task<bool> HoldsDataAsync(LiaisonDb db, CancellationToken ct) =>
        await db.Divisions.AnyAsync(ct) || await db.Users.AnyAsync(ct) || await db.Households.AnyAsync(ct);

    /// <summary>The rows in id order, each as an entry or, where a field cannot be read, null with its id.</summary>
    private static async IAsyncEnumerable<(long Id, AuditEntry? Entry)> ReadRawAsync(LiaisonDb db, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var sql = Database.Sql.DatabaseSql.For(db);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            cmd.CommandText = "SELECT id, at, actor, action, entity, entity_key, division_code, before, after, previous_hash, hash FROM audit_entries ORDER BY id";
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var id = r.IsDBNull(0) ? -1 : Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
                AuditEntry? entry;
                try
                {
                    entry = new AuditEntry
                    {
                        Id = id,
                        At = sql.ReadInstant(r, 1),
                        Actor = r.GetString(2),
                        Action = r.GetString(3),
                        Entity = r.GetString(4),
                        EntityKey = Text(r, 5),
                        DivisionCode = Text(r, 6),
                        Before = Text(r, 7),
                        After = Text(r, 8),
                        PreviousHash = r.GetString(9),
                        Hash = r.GetString(10),
                    };
                }
                catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException or ArgumentException or InvalidOperationException)
                {
                    entry = null;
                }
                yield return (id, entry);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>
    /// Seals a log written before sealing existed, once, from a verified state: every entry must
    /// verify under the old hash or the new seal; then every entry is sealed anew, the head file is
    /// written and the reseal itself is audited. Refuses (returns the finding) a chain that does not verify.
    /// </summary>
    public static async Task<AuditVerification> ResealAsync(LiaisonDb db, TimeProvider clock, Actor actor, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var key = PersonalDataKeys.Current.AuditKey ?? throw new InvalidOperationException("the key file has no audit key: run liaison keys check");
        await db.Database.OpenConnectionAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await Database.Sql.DatabaseSql.For(db).LockChainAsync(ChainLock, 0, ct);
        var entries = new List<AuditEntry>();
        var previous = Genesis;
        await foreach (var (rowId, e) in ReadRawAsync(db, ct))
        {
            if (e is null)
            {
                return new AuditVerification(entries.Count + 1, rowId, "unreadable: the row cannot be read as an audit entry", previous);
            }
            if (e.PreviousHash != previous || (AuditSeal.LegacyHash(e) != e.Hash && AuditSeal.Of(key, e) != e.Hash))
            {
                return new AuditVerification(entries.Count + 1, e.Id, "the chain does not verify as it stands; nothing was resealed", previous);
            }
            previous = e.Hash;
            entries.Add(e);
        }
        var connection = db.Database.GetDbConnection();
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = tx.GetDbTransaction();
            update.CommandText = "UPDATE audit_entries SET previous_hash = @p, hash = @h WHERE id = @id";
            var (p, h, id) = (update.CreateParameter(), update.CreateParameter(), update.CreateParameter());
            (p.ParameterName, h.ParameterName, id.ParameterName) = ("@p", "@h", "@id");
            update.Parameters.Add(p);
            update.Parameters.Add(h);
            update.Parameters.Add(id);
            previous = Genesis;
            foreach (var e in entries)
            {
                e.PreviousHash = previous;
                e.Hash = AuditSeal.Of(key, e);
                (p.Value, h.Value, id.Value) = (e.PreviousHash, e.Hash, e.Id);
                await update.ExecuteNonQueryAsync(ct);
                previous = e.Hash;
            }
        }
        await AppendAsync(db, clock, actor, new AuditRecord("audit.reseal", "audit", null, null, null, new { entries = entries.Count }), ct);
        await tx.CommitAsync(ct);
        return new AuditVerification(entries.Count + 1, null, null, previous);
    }
}
