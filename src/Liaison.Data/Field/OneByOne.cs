using Liaison.Domain.Field;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Field;

/// <summary>
/// The phone's records that are stored one at a time through their own store (night sessions,
/// deeds), each exactly once by the id the phone gave it (decision 0008): no id is refused; an id
/// stored before is answered as a duplicate when it is the cadre's own and refused when it is
/// another's (telling nothing of it); a new record goes through the store, refused by field as the
/// office's form would be; the same record sent twice at once is answered as the one the other
/// request stored. One home for the loop, so every such record answers alike.
/// </summary>
internal static class OneByOne
{
    /// <param name="db">The database the store writes.</param>
    /// <param name="author">The cadre whose phone sent them.</param>
    /// <param name="inputs">The records as the phone sent them.</param>
    /// <param name="idOf">The id the phone gave a record.</param>
    /// <param name="stored">For an id: the stored record's id and cadre, if any.</param>
    /// <param name="record">Records one new record under its id and returns the stored record's id (or throws <see cref="RefusedException"/>).</param>
    public static async Task<IReadOnlyList<RecordResult>> SaveAsync<TInput>(LiaisonDb db, FieldAuthor author, IReadOnlyList<TInput> inputs, Func<TInput, Guid?> idOf,
        Func<Guid, Task<(long Id, int? CadreId)?>> stored, Func<TInput, Guid, Task<long>> record)
    {
        var results = new RecordResult[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            if (idOf(inputs[i]) is not { } id || id == Guid.Empty)
            {
                results[i] = new RecordResult(i, null, RecordOutcome.Refused, null, [FieldStore.MissingId]);
                continue;
            }
            if (await AnswerAsync(stored, id, author, i) is { } before)
            {
                results[i] = before;
                continue;
            }
            try
            {
                results[i] = new RecordResult(i, id, RecordOutcome.Stored, await record(inputs[i], id), []);
            }
            catch (RefusedException e)
            {
                results[i] = new RecordResult(i, id, RecordOutcome.Refused, null, e.Problems);
            }
            catch (DbUpdateException)
            {
                // The same record sent twice at once: the other request stored it (else the failure stands).
                db.ChangeTracker.Clear();
                results[i] = await AnswerAsync(stored, id, author, i) ?? throw new InvalidOperationException($"record {id} was neither stored nor refused");
            }
        }
        return results;
    }

    private static async Task<RecordResult?> AnswerAsync(Func<Guid, Task<(long Id, int? CadreId)?>> stored, Guid id, FieldAuthor author, int index) =>
        await stored(id) is not { } found ? null
            : found.CadreId == author.CadreId ? new RecordResult(index, id, RecordOutcome.Duplicate, found.Id, [])
            : new RecordResult(index, id, RecordOutcome.Refused, null, [FieldStore.IdTaken]);
}
