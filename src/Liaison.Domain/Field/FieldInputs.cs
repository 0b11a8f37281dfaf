using Liaison.Domain.Shared;

namespace Liaison.Domain.Field;

/// <summary>A household visit as the phone or another system sends it. <see cref="Id"/> is the client's own id.</summary>
public sealed record VisitInput(Guid? Id, long? Household, DateTimeOffset? VisitedAt, string? Note = null, double? Latitude = null, double? Longitude = null,
    IReadOnlyList<string>? Issues = null);

/// <summary>
/// A stay: arrival and departure dates (the same day for "in the village today"), and where the phone
/// was when the cadre recorded it, if the phone could tell (never required).
/// </summary>
public sealed record StayInput(Guid? Id, string? Village, DateOnly? Arrived, DateOnly? Left, double? Latitude = null, double? Longitude = null);

/// <summary>A First Secretary activity with its count (and people, for meetings and trips).</summary>
public sealed record ActivityInput(Guid? Id, string? Village, ActivityKind? Kind, DateOnly? On, int? Count, int? People = null, string? Note = null);

/// <summary>What became of one field record of a request.</summary>
public enum RecordOutcome
{
    /// <summary>New, stored now.</summary>
    Stored,
    /// <summary>Sent before with the same content: already stored, nothing written.</summary>
    Duplicate,
    /// <summary>Sent before with other content: refused; this version kept for review.</summary>
    Conflict,
    /// <summary>Refused: see the problems.</summary>
    Refused,
}

/// <summary>The answer for one record of a request, by its index in the request.</summary>
public sealed record RecordResult(int Index, Guid? Id, RecordOutcome Outcome, long? RecordId, IReadOnlyList<Problem> Problems);

/// <summary>
/// Who sends field records: the cadre they are for, and whether a work group or office enters them
/// on the cadre's behalf; then <see cref="Within"/> narrows the villages to the office's jurisdiction.
/// </summary>
public sealed record FieldAuthor(int CadreId, string UserName, RecordSource Source, Func<string, bool>? Within = null);
