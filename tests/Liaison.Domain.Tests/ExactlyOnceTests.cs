using Liaison.Domain.Field;

namespace Liaison.Domain.Tests;

/// <summary>The exactly-once rule of field records (<see cref="ExactlyOnce"/>), as a table.</summary>
public class ExactlyOnceTests
{
    private static readonly Guid Id = new("6f1c2a4e-0000-4000-8000-000000000001");

    public static TheoryData<Guid?, string, StoredRecord?, string?, Arrival> Cases => new()
    {
        { null, "h1", null, null, Arrival.MissingId },
        { Guid.Empty, "h1", null, null, Arrival.MissingId },
        { Id, "h1", null, null, Arrival.Fresh },
        { Id, "h1", new StoredRecord(5, "h1", 7), null, Arrival.Duplicate },
        { Id, "h2", new StoredRecord(5, "h1", 7), null, Arrival.Conflict },
        // Another cadre's id: refused whatever the content, even the same.
        { Id, "h1", new StoredRecord(5, "h1", 8), null, Arrival.TakenByAnother },
        // The same id twice in one request: the second is a duplicate of the first, or a conflict with it.
        { Id, "h1", null, "h1", Arrival.Duplicate },
        { Id, "h2", null, "h1", Arrival.Conflict },
        // What is stored decides over what came earlier in the request.
        { Id, "h1", new StoredRecord(5, "h1", 7), "h2", Arrival.Duplicate },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_record_is_stored_once_however_often_it_arrives(Guid? id, string hash, StoredRecord? stored, string? earlier, Arrival expected) =>
        Assert.Equal(expected, ExactlyOnce.Classify(id, hash, 7, stored, earlier));
}
