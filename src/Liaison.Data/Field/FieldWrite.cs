using System.Globalization;
using Liaison.Data.Audit;
using Liaison.Data.Database;
using Liaison.Domain.Field;

namespace Liaison.Data.Field;

/// <summary>One request's records sorted for writing: the answers so far, the fresh records to insert and the conflicts to keep.</summary>
internal sealed class FieldWrite<TInput, TRecord>(FieldContext context, FieldRecordKind<TInput, TRecord> kind, int count)
    where TRecord : class
{
    public FieldContext Context { get; } = context;
    public RecordResult[] Results { get; } = new RecordResult[count];
    public List<(int Index, TInput Input, TRecord Record)> Fresh { get; } = [];
    public List<RecordConflict> Conflicts { get; } = [];
    /// <summary>The ids of this request's fresh records, with their index and content hash.</summary>
    public Dictionary<Guid, (int Index, string Hash)> Seen { get; } = [];

    public bool HasWork => Fresh.Count > 0 || Conflicts.Count > 0;

    /// <summary>The request's audit entry: what it stored and which conflicts it kept.</summary>
    public AuditRecord Audit() => new("field." + kind.Name, kind.Name,
        Fresh.Count == 1 ? kind.IdOf(Fresh[0].Record).ToString(CultureInfo.InvariantCulture) : null,
        Fresh.Select(f => kind.Village(f.Record)).Distinct().Count() == 1 ? kind.Village(Fresh[0].Record) : null, null,
        new { cadre = Context.Author.CadreId, source = Context.Author.Source.ToString(), stored = Fresh.Select(f => kind.ClientId(f.Input)), conflicts = Conflicts.Select(c => c.ClientId) });

    /// <summary>The answers once written: stored records with their ids; a record repeated inside the request points at the one stored.</summary>
    public IReadOnlyList<RecordResult> Finish()
    {
        foreach (var (index, input, record) in Fresh)
        {
            Results[index] = new RecordResult(index, kind.ClientId(input), RecordOutcome.Stored, kind.IdOf(record), []);
        }
        for (var i = 0; i < Results.Length; i++)
        {
            if (Results[i].Outcome == RecordOutcome.Duplicate && Results[i].RecordId is null && Results[i].Id is { } g && Seen.TryGetValue(g, out var first))
            {
                Results[i] = Results[i] with { RecordId = Results[first.Index].RecordId };
            }
        }
        return Results;
    }
}

/// <summary>
/// The server's writer of field records: requests arriving together are written in one
/// transaction (<see cref="GroupCommit{TItem}"/>), one per kind of record. Every request still gets
/// its own checks, answers and audit entry; only the transaction is shared, so a phone's single
/// visit does not pay a commit and a turn at the audit chain's lock of its own.
/// </summary>
public sealed class FieldWriter : IAsyncDisposable
{
    public FieldWriter(DatabaseTarget target, TimeProvider clock)
    {
        var options = target.Options();
        Visits = Group(new VisitKind(), options, clock);
        Stays = Group(new StayKind(), options, clock);
        Activities = Group(new ActivityKindRecords(), options, clock);
    }

    internal GroupCommit<FieldWrite<VisitInput, HouseholdVisit>> Visits { get; }
    internal GroupCommit<FieldWrite<StayInput, ResidenceStay>> Stays { get; }
    internal GroupCommit<FieldWrite<ActivityInput, SecretaryActivity>> Activities { get; }

    // The kind's writing steps keep no state of a request (that lives in FieldWrite), so one kind object serves every group.
    private static GroupCommit<FieldWrite<TInput, TRecord>> Group<TInput, TRecord>(FieldRecordKind<TInput, TRecord> kind, Microsoft.EntityFrameworkCore.DbContextOptions<LiaisonDb> options, TimeProvider clock)
        where TRecord : class =>
        new(async (writes, ct) =>
        {
            await using var db = new LiaisonDb(options);
            await FieldStore.WriteAsync(db, clock, kind, writes, ct);
        }, w => Math.Max(1, w.Fresh.Count), FieldStore.MaxBatch);

    public async ValueTask DisposeAsync()
    {
        await Visits.DisposeAsync();
        await Stays.DisposeAsync();
        await Activities.DisposeAsync();
    }
}
