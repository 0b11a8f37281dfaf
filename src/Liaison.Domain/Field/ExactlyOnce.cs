namespace Liaison.Domain.Field;

/// <summary>What is stored under a client id already: the record's id, its content hash and its cadre.</summary>
public readonly record struct StoredRecord(long Id, string Hash, int CadreId);

/// <summary>What becomes of a field record as it arrives (decision 0008).</summary>
public enum Arrival
{
    /// <summary>No client id: refused, since a resend could not be recognised.</summary>
    MissingId,
    /// <summary>Another cadre's id: refused, and nothing of the stored record is told.</summary>
    TakenByAnother,
    /// <summary>The same id with the same content, stored or earlier in the request: answered with the stored record, nothing written.</summary>
    Duplicate,
    /// <summary>The same id with other content: not stored; kept beside the stored one for review.</summary>
    Conflict,
    /// <summary>New: checked, then written.</summary>
    Fresh,
}

/// <summary>
/// The exactly-once rule of field records (decision 0008): a phone sends a record under an id it
/// made, as often as it must, and the record is stored once. Decided from what the store found
/// under the same id; the store checks and writes the fresh ones.
/// </summary>
public static class ExactlyOnce
{
    /// <param name="clientId">The id the phone made.</param>
    /// <param name="hash">The record's content hash.</param>
    /// <param name="author">The cadre sending it.</param>
    /// <param name="stored">What is stored under the id, if anything.</param>
    /// <param name="earlier">The hash of a record under the same id earlier in the same request, if any.</param>
    public static Arrival Classify(Guid? clientId, string hash, int author, StoredRecord? stored, string? earlier)
    {
        if (clientId is not { } id || id == Guid.Empty)
        {
            return Arrival.MissingId;
        }
        if (stored is { } s && s.CadreId != author)
        {
            return Arrival.TakenByAnother;
        }
        if ((stored?.Hash ?? earlier) is { } before)
        {
            return before == hash ? Arrival.Duplicate : Arrival.Conflict;
        }
        return Arrival.Fresh;
    }
}
