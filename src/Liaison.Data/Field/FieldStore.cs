using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Database;
using Liaison.Domain.Field;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Field;

/// <summary>
/// Stores field records exactly once. Each record carries the client's id: a record seen before with
/// the same content is answered as a duplicate, with other content as a conflict (refused, and kept
/// for review); a bad record is refused by index with its problems while the good ones of the
/// same request are stored. One transaction per request holds the records (and, for visits, their
/// tallies), the queue entry of the rollups and the audit entry, so a request that dies half-way leaves nothing behind and its
/// retry stores everything once.
/// </summary>
public static class FieldStore
{
    /// <summary>Records in one request at most.</summary>
    public const int MaxBatch = 1_000;

    /// <summary>
    /// Requests of up to this many records share transactions (group commit); larger ones are a
    /// group already and write on their own, side by side, so that PostgreSQL uses every core.
    /// </summary>
    public const int GroupUpTo = 50;

    public static Task<IReadOnlyList<RecordResult>> SaveVisitsAsync(LiaisonDb db, TimeProvider clock, FieldAuthor author, IReadOnlyList<VisitInput> visits, CancellationToken ct,
        CadreScopeCache? cache = null, FieldWriter? writer = null) => SaveAsync(db, clock, author, visits, new VisitKind(), cache, writer?.Visits, ct);

    public static Task<IReadOnlyList<RecordResult>> SaveStaysAsync(LiaisonDb db, TimeProvider clock, FieldAuthor author, IReadOnlyList<StayInput> stays, CancellationToken ct,
        CadreScopeCache? cache = null, FieldWriter? writer = null) => SaveAsync(db, clock, author, stays, new StayKind(), cache, writer?.Stays, ct);

    public static Task<IReadOnlyList<RecordResult>> SaveActivitiesAsync(LiaisonDb db, TimeProvider clock, FieldAuthor author, IReadOnlyList<ActivityInput> activities, CancellationToken ct,
        CadreScopeCache? cache = null, FieldWriter? writer = null) => SaveAsync(db, clock, author, activities, new ActivityKindRecords(), cache, writer?.Activities, ct);

    private static async Task<IReadOnlyList<RecordResult>> SaveAsync<TInput, TRecord>(LiaisonDb db, TimeProvider clock, FieldAuthor author, IReadOnlyList<TInput> inputs,
        FieldRecordKind<TInput, TRecord> kind, CadreScopeCache? cache, GroupCommit<FieldWrite<TInput, TRecord>>? group, CancellationToken ct)
        where TRecord : class
    {
        using var outside = Unscoped.Section("field records: a cadre's own villages (their ties and postings), checked record by record");
        if (inputs.Count > MaxBatch)
        {
            throw new ArgumentException($"at most {MaxBatch} records in one request", nameof(inputs));
        }
        var context = await FieldContext.LoadAsync(db, clock, author, cache, ct);
        await kind.PrepareAsync(db, inputs, context, ct);
        // Optimistic first: most records are new, so the first attempt writes without looking; an id
        // stored before (a resend, or another request racing) trips the unique index, the transaction
        // rolls back, and the second attempt looks first and answers duplicates and conflicts. The
        // first attempt goes with the group of requests arriving meanwhile, when there is a group;
        // the second goes alone, so that one request's resend does not hold up the others.
        var grouped = group is not null && inputs.Count <= GroupUpTo;
        try
        {
            var write = await PlanAsync(db, context, inputs, kind, lookFirst: false, ct);
            if (write.HasWork)
            {
                if (grouped)
                {
                    await group!.SubmitAsync(write);
                }
                else
                {
                    await WriteAsync(db, clock, kind, [write], ct);
                }
            }
            return write.Finish();
        }
        catch (Exception e) when (e is DbUpdateException || e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } || (grouped && !ct.IsCancellationRequested))
        {
            // A failed group wrote nothing of anyone's (one transaction): each member tries again alone.
            db.ChangeTracker.Clear();
        }
        var retry = await PlanAsync(db, context, inputs, kind, lookFirst: true, ct);
        if (retry.HasWork)
        {
            await WriteAsync(db, clock, kind, [retry], ct);
        }
        return retry.Finish();
    }

    /// <summary>A record sent without the id its client makes.</summary>
    internal static Problem MissingId { get; } = new("id", "缺少记录编号（由手机生成的 UUID）", "the record's id (a UUID made by the client) is missing") { Code = "missing-id" };

    /// <summary>A record whose id another cadre's record holds.</summary>
    internal static Problem IdTaken { get; } = new("id", "该记录编号已被占用，请重新生成编号后再提交", "this record id is taken: make a new id and send the record again") { Code = "id-taken" };

    /// <summary>Sorts one request's records into refused, duplicates, conflicts and fresh ones to write.</summary>
    private static async Task<FieldWrite<TInput, TRecord>> PlanAsync<TInput, TRecord>(LiaisonDb db, FieldContext context, IReadOnlyList<TInput> inputs,
        FieldRecordKind<TInput, TRecord> kind, bool lookFirst, CancellationToken ct)
        where TRecord : class
    {
        var write = new FieldWrite<TInput, TRecord>(context, kind, inputs.Count);
        var results = write.Results;
        var hashes = inputs.Select(i => Hash(kind.Canonical(i))).ToArray();
        var ids = inputs.Select(kind.ClientId).Where(id => id is { } g && g != Guid.Empty).Select(id => id!.Value).Distinct().ToList();
        var existing = lookFirst ? await kind.ExistingAsync(db, ids, ct) : [];
        for (var i = 0; i < inputs.Count; i++)
        {
            var id = kind.ClientId(inputs[i]);
            StoredRecord? stored = id is { } known && existing.TryGetValue(known, out var found) ? new StoredRecord(found.Id, found.Hash, found.CadreId) : null;
            string? earlier = id is { } again && write.Seen.TryGetValue(again, out var seen) ? seen.Hash : null;
            switch (ExactlyOnce.Classify(id, hashes[i], context.Author.CadreId, stored, earlier))
            {
                case Arrival.MissingId:
                    results[i] = new RecordResult(i, null, RecordOutcome.Refused, null, [MissingId]);
                    break;
                case Arrival.TakenByAnother:
                    // Another cadre's record: nothing of it is told (not its id, not whether it matches), and nothing is kept.
                    results[i] = new RecordResult(i, id, RecordOutcome.Refused, null, [IdTaken]);
                    break;
                case Arrival.Duplicate:
                    results[i] = new RecordResult(i, id, RecordOutcome.Duplicate, stored?.Id, []);
                    break;
                case Arrival.Conflict:
                    results[i] = new RecordResult(i, id, RecordOutcome.Conflict, stored?.Id,
                        [new Problem("id", "该编号的记录已保存且内容不同：本次未保存，两份均留待核查", "a record with this id is stored with other content: this one is not stored; both are kept for review") { Code = "conflict" }]);
                    write.Conflicts.Add(new RecordConflict { ClientId = id!.Value, Kind = kind.Name, Payload = Truncate(kind.Canonical(inputs[i])), ReceivedAt = context.Now, ReceivedBy = context.Author.UserName });
                    break;
                default:
                    var problems = kind.Check(inputs[i], context);
                    if (problems.Count > 0)
                    {
                        results[i] = new RecordResult(i, id, RecordOutcome.Refused, null, problems);
                        break;
                    }
                    write.Seen[id!.Value] = (i, hashes[i]);
                    write.Fresh.Add((i, inputs[i], kind.Build(inputs[i], context, hashes[i])));
                    break;
            }
        }
        return write;
    }

    /// <summary>
    /// Writes the fresh records and kept conflicts of one or more requests in one transaction: records,
    /// issues and visit tallies (the kind's <c>AfterSaveAsync</c>), one audit entry per request, and the rollup queue.
    /// </summary>
    internal static async Task WriteAsync<TInput, TRecord>(LiaisonDb db, TimeProvider clock, FieldRecordKind<TInput, TRecord> kind, IReadOnlyList<FieldWrite<TInput, TRecord>> writes, CancellationToken ct)
        where TRecord : class
    {
        var fresh = writes.SelectMany(w => w.Fresh).ToList();
        var conflicts = writes.SelectMany(w => w.Conflicts).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await kind.InsertAsync(db, fresh.Select(f => f.Record).ToList(), ct);
        if (conflicts.Count > 0)
        {
            db.RecordConflicts.AddRange(conflicts);
            await db.SaveChangesAsync(ct);
        }
        await kind.AfterSaveAsync(db, fresh.Select(f => (f.Input, f.Record)).ToList(), ct);
        await AuditLog.AppendManyAsync(db, clock, writes.Select(w => (new Actor(w.Context.Author.UserName), w.Audit())).ToList(), ct);
        // After the audit entry: a writer waiting for the audit chain's lock holds no village's queue row meanwhile.
        await FieldRollups.MarkAsync(db, fresh.Select(f => kind.Village(f.Record)), ct);
        await ParticipationRollups.MarkRecordsAsync(db, fresh.Select(f => kind.Participant(f.Record)).OfType<(int, int)>(), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// A record's id drawn from what it says (an entry form's fields), the same whenever the same entry
    /// is made again: what makes an office's or a work group's form exactly-once, as the phone's own ids do.
    /// </summary>
    public static Guid EntryId(string entry) => new(SHA256.HashData(Encoding.UTF8.GetBytes(entry))[..16]);

    internal static string Hash(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    private static string Truncate(string s) => s.Length <= 20_000 ? s : s[..20_000];

    // Readable Chinese in the kept conflicts; the text is stored and hashed, never written into HTML as is.
    // Non-finite numbers (a latitude of 1e400) are written as names, so that the record reaches its
    // check and is refused there by its index rather than failing the whole batch.
    private static readonly JsonSerializerOptions CanonicalJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    internal static string Canonical(object value) => JsonSerializer.Serialize(value, CanonicalJson);
}
