using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Liaison.Data.Audit;
using Liaison.Domain.Field;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Field;

/// <summary>
/// Stores field records exactly once. Each record carries the client's id: a record seen before with
/// the same content is answered as a duplicate, with other content as a conflict (refused, and kept
/// for review); a bad record is refused by index with its problems while the good ones of the
/// same request are stored. One transaction per request holds the records, the queue entry of
/// the rollups and the audit entry, so a request that dies half-way leaves nothing behind and its
/// retry stores everything once.
/// </summary>
public static class FieldStore
{
    /// <summary>Records in one request at most.</summary>
    public const int MaxBatch = 1_000;

    public static Task<IReadOnlyList<RecordResult>> SaveVisitsAsync(LiaisonDb db, TimeProvider clock, FieldAuthor author, IReadOnlyList<VisitInput> visits, CancellationToken ct,
        CadreScopeCache? cache = null) => SaveAsync(db, clock, author, visits, new VisitKind(), cache, ct);

    public static Task<IReadOnlyList<RecordResult>> SaveStaysAsync(LiaisonDb db, TimeProvider clock, FieldAuthor author, IReadOnlyList<StayInput> stays, CancellationToken ct,
        CadreScopeCache? cache = null) => SaveAsync(db, clock, author, stays, new StayKind(), cache, ct);

    public static Task<IReadOnlyList<RecordResult>> SaveActivitiesAsync(LiaisonDb db, TimeProvider clock, FieldAuthor author, IReadOnlyList<ActivityInput> activities, CancellationToken ct,
        CadreScopeCache? cache = null) => SaveAsync(db, clock, author, activities, new ActivityKindRecords(), cache, ct);

    private static async Task<IReadOnlyList<RecordResult>> SaveAsync<TInput, TRecord>(LiaisonDb db, TimeProvider clock, FieldAuthor author, IReadOnlyList<TInput> inputs,
        FieldRecordKind<TInput, TRecord> kind, CadreScopeCache? cache, CancellationToken ct)
        where TRecord : class
    {
        if (inputs.Count > MaxBatch)
        {
            throw new ArgumentException($"at most {MaxBatch} records in one request", nameof(inputs));
        }
        var context = await FieldContext.LoadAsync(db, clock, author, cache, ct);
        await kind.PrepareAsync(db, inputs, context, ct);
        // Optimistic first: most records are new, so the first attempt writes without looking; an id
        // stored before (a resend, or another request racing) trips the unique index, the transaction
        // rolls back, and the second attempt looks first and answers duplicates and conflicts.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TrySaveAsync(db, clock, context, inputs, kind, lookFirst: attempt > 1, ct);
            }
            catch (Exception e) when (attempt == 1 && (e is DbUpdateException || e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<IReadOnlyList<RecordResult>> TrySaveAsync<TInput, TRecord>(LiaisonDb db, TimeProvider clock, FieldContext context, IReadOnlyList<TInput> inputs,
        FieldRecordKind<TInput, TRecord> kind, bool lookFirst, CancellationToken ct)
        where TRecord : class
    {
        var results = new RecordResult[inputs.Count];
        var hashes = inputs.Select(i => Hash(kind.Canonical(i))).ToArray();
        var ids = inputs.Select(kind.ClientId).Where(id => id is { } g && g != Guid.Empty).Select(id => id!.Value).Distinct().ToList();
        var existing = lookFirst ? await kind.ExistingAsync(db, ids, ct) : [];
        var fresh = new List<(int Index, TInput Input, TRecord Record)>();
        var seen = new Dictionary<Guid, (int Index, string Hash)>();
        var conflicts = new List<RecordConflict>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var id = kind.ClientId(inputs[i]);
            if (id is not { } clientId || clientId == Guid.Empty)
            {
                results[i] = new RecordResult(i, null, RecordOutcome.Refused, null, [new FieldProblem("id", "缺少记录编号（由手机生成的 UUID）", "the record's id (a UUID made by the client) is missing")]);
                continue;
            }
            if (existing.TryGetValue(clientId, out var stored) || seen.ContainsKey(clientId))
            {
                var (storedHash, storedId) = stored.Hash is not null ? (stored.Hash, (long?)stored.Id) : (seen[clientId].Hash, null);
                if (storedHash == hashes[i])
                {
                    results[i] = new RecordResult(i, clientId, RecordOutcome.Duplicate, storedId, []);
                }
                else
                {
                    results[i] = new RecordResult(i, clientId, RecordOutcome.Conflict, storedId,
                        [new FieldProblem("id", "该编号的记录已保存且内容不同：本次未保存，两份均留待核查", "a record with this id is stored with other content: this one is not stored; both are kept for review")]);
                    conflicts.Add(new RecordConflict { ClientId = clientId, Kind = kind.Name, Payload = Truncate(kind.Canonical(inputs[i])), ReceivedAt = context.Now, ReceivedBy = context.Author.UserName });
                }
                continue;
            }
            var problems = kind.Check(inputs[i], context);
            if (problems.Count > 0)
            {
                results[i] = new RecordResult(i, clientId, RecordOutcome.Refused, null, problems);
                continue;
            }
            seen[clientId] = (i, hashes[i]);
            fresh.Add((i, inputs[i], kind.Build(inputs[i], context, hashes[i])));
        }
        if (fresh.Count == 0 && conflicts.Count == 0)
        {
            return results;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await kind.InsertAsync(db, fresh.Select(f => f.Record).ToList(), ct);
        if (conflicts.Count > 0)
        {
            db.RecordConflicts.AddRange(conflicts);
            await db.SaveChangesAsync(ct);
        }
        await kind.AfterSaveAsync(db, fresh.Select(f => (f.Input, f.Record)).ToList(), ct);
        await AuditLog.AppendAsync(db, clock, new Actor(context.Author.UserName), new AuditRecord("field." + kind.Name, kind.Name, fresh.Count == 1 ? kind.IdOf(fresh[0].Record).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            fresh.Select(f => kind.Village(f.Record)).Distinct().Count() == 1 ? kind.Village(fresh[0].Record) : null, null,
            new { cadre = context.Author.CadreId, source = context.Author.Source.ToString(), stored = fresh.Select(f => kind.ClientId(f.Input)), conflicts = conflicts.Select(c => c.ClientId) }), ct);
        // After the audit entry: a writer waiting for the audit chain's lock holds no village's queue row meanwhile.
        await FieldRollups.MarkAsync(db, fresh.Select(f => kind.Village(f.Record)), ct);
        await tx.CommitAsync(ct);
        foreach (var (index, input, record) in fresh)
        {
            results[index] = new RecordResult(index, kind.ClientId(input), RecordOutcome.Stored, kind.IdOf(record), []);
        }
        // A record repeated inside the request points at the one stored.
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i].Outcome == RecordOutcome.Duplicate && results[i].RecordId is null && results[i].Id is { } g && seen.TryGetValue(g, out var first))
            {
                results[i] = results[i] with { RecordId = results[first.Index].RecordId };
            }
        }
        db.ChangeTracker.Clear();
        return results;
    }

    internal static string Hash(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    private static string Truncate(string s) => s.Length <= 20_000 ? s : s[..20_000];

    // Readable Chinese in the kept conflicts; the text is stored and hashed, never written into HTML as is.
    private static readonly JsonSerializerOptions CanonicalJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static string Canonical(object value) => JsonSerializer.Serialize(value, CanonicalJson);
}
