using System.Runtime.CompilerServices;
using System.Text.Json;
using Liaison.Data.Access;
using Liaison.Data.Database;
using Liaison.Data.Database.Sql;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Audit;

/// <summary>Who is acting: an account's user name, or the operator of a command on the server.</summary>
public sealed record Actor(string Name)
{
    /// <summary>A command run on the server by its operator.</summary>
    public static Actor Cli { get; } = new("cli:" + Environment.UserName);

    /// <summary>Liaison itself, e.g. the first start seeding the demo.</summary>
    public static Actor System { get; } = new("system");

    /// <summary>
    /// A name typed by somebody not signed in (a sign-in attempt): stored without control or
    /// bidirectional formatting characters, which could disguise an entry when the log is read,
    /// and at most 64 characters.
    /// </summary>
    public static Actor Typed(string text)
    {
        var clean = new string(text.Where(c => !char.IsControl(c) && char.GetUnicodeCategory(c) != global::System.Globalization.UnicodeCategory.Format).ToArray()).Trim();
        return new(clean.Length > 64 ? clean[..64] : clean);
    }
}

/// <summary>What happened, before it is chained into the log.</summary>
public sealed record AuditRecord(string Action, string Entity, string? EntityKey, string? DivisionCode, object? Before, object? After);

/// <summary>
/// What <c>audit verify</c> found: intact when <see cref="FirstBrokenId"/> is null; otherwise the first
/// bad entry (0 when the log has no entry at all), why, and every unreadable row met on the way.
/// </summary>
public sealed record AuditVerification(long Entries, long? FirstBrokenId, string? Reason, string? LastHash, IReadOnlyList<long>? Unreadable = null);

/// <summary>
/// The sealed audit log. Entries are appended in the writer's own transaction, one writer at a time
/// (an advisory lock on PostgreSQL; SQLite transactions are serialised anyway), each sealed with a
/// MAC over its content and the previous entry's seal (<see cref="AuditSeal"/>); the chain's head is
/// also written outside the database when the transaction commits (<see cref="AuditHeads"/>).
/// </summary>
public static partial class AuditLog
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private const long ChainLock = 0x4C49_4149_534F_4E01; // "LIAISON" + 1

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task AppendAsync(LiaisonDb db, TimeProvider clock, Actor actor, AuditRecord record, CancellationToken ct) =>
        AppendManyAsync(db, clock, [(actor, record)], ct);

    /// <summary>Several entries under one take of the chain's lock, linked in the order given.</summary>
    public static async Task AppendManyAsync(LiaisonDb db, TimeProvider clock, IReadOnlyList<(Actor Actor, AuditRecord Record)> records, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("audit entries are written in the transaction of the change they record");
        }
        if (records.Count == 0)
        {
            return;
        }
        var key = Privacy.PersonalDataKeys.Current.AuditKey
            ?? throw new InvalidOperationException("the key file has no audit key: run liaison keys check");
        var databaseId = await DatabaseIdAsync(db, ct);
        AuditHead? head;
        long[]? ids;
        using (Unscoped.Section("the audit chain's head: the newest entry, whatever its division"))
        {
            (head, ids) = await DatabaseSql.For(db).LockChainAsync(ChainLock, records.Count, ct);
        }
        var previous = head?.Seal ?? Genesis;
        // Stored to the millisecond so that both databases give back exactly what was hashed.
        var at = Truncate(clock.GetUtcNow());
        var entries = new List<AuditEntry>(records.Count);
        foreach (var (actor, record) in records)
        {
            var entry = new AuditEntry
            {
                // SQLite: the next ids after the head, taken while its write lock is held.
                Id = ids?[entries.Count] ?? (head?.Entry ?? 0) + entries.Count + 1,
                At = at,
                Actor = actor.Name,
                Action = record.Action,
                Entity = record.Entity,
                EntityKey = record.EntityKey,
                DivisionCode = record.DivisionCode,
                Before = record.Before is null ? null : JsonSerializer.Serialize(record.Before, Json),
                After = record.After is null ? null : JsonSerializer.Serialize(record.After, Json),
                PreviousHash = previous,
                Hash = "",
            };
            entry.Hash = AuditSeal.Of(key, entry);
            previous = entry.Hash;
            entries.Add(entry);
        }
        AuditHeads.Stage(db, databaseId, new AuditHead(entries[^1].Id, entries[^1].Hash));
        // Inserted in order while the lock is held, so the ids follow the chain. On PostgreSQL the
        // ids were reserved with the lock and the entries go in with COPY: cheaper than an INSERT
        // each, and the lock is held for less time.
        if (ids is not null)
        {
            await DatabaseSql.For(db).InsertAsync(Spec(db), entries, ct);
            return;
        }
        db.AuditEntries.AddRange(entries);
        await db.SaveChangesAsync(ct);
        foreach (var entry in entries)
        {
            db.Entry(entry).State = EntityState.Detached;
        }
    }

    private static readonly ConditionalWeakTable<Microsoft.EntityFrameworkCore.Metadata.IModel, TableSpec<AuditEntry>> Specs = [];

    private static TableSpec<AuditEntry> Spec(LiaisonDb db) => Specs.GetValue(db.Model, _ => TableSpec.For<AuditEntry>(db, [nameof(AuditEntry.Id)],
        nameof(AuditEntry.Id), nameof(AuditEntry.At), nameof(AuditEntry.Actor), nameof(AuditEntry.Action), nameof(AuditEntry.Entity), nameof(AuditEntry.EntityKey),
        nameof(AuditEntry.DivisionCode), nameof(AuditEntry.Before), nameof(AuditEntry.After), nameof(AuditEntry.PreviousHash), nameof(AuditEntry.Hash)));

    private static DateTimeOffset Truncate(DateTimeOffset t) =>
        new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}
