using Liaison.Domain.Shared;

namespace Liaison.Domain.Field;

/// <summary>Where a field record came from.</summary>
public enum RecordSource
{
    /// <summary>The cadre's phone (the field app or the API).</summary>
    Phone = 1,
    /// <summary>Entered by the village work group or an office for the cadre.</summary>
    WorkGroup = 2,
    /// <summary>Another system through the API, or the demo generator.</summary>
    System = 3,
}

/// <summary>
/// 驻村: a stay in a village, from arrival to departure (a single day when the cadre taps "in the
/// village today"). Stored once per client id, however often the phone sends it.
/// </summary>
public sealed class ResidenceStay : Years.IYearRecord
{
    public long Id { get; set; }
    /// <summary>Made by the phone before the first send; the key of exactly-once storage.</summary>
    public Guid ClientId { get; set; }
    public int CadreId { get; set; }
    public required string VillageCode { get; set; }
    public int Year { get; set; }
    public DateOnly Arrived { get; set; }
    public DateOnly Left { get; set; }
    /// <summary>Where the phone was when the stay was recorded (WGS-84), when it could tell: the far-from-village check reads it.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public RecordSource Source { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required string ReceivedBy { get; set; }
    /// <summary>SHA-256 of what the client sent: a resend with other content is a conflict, not a duplicate.</summary>
    public required string ContentHash { get; set; }

    public int Days => Left.DayNumber - Arrived.DayNumber + 1;
}

/// <summary>入户走访: a cadre's visit to a household, with a short note and the issues raised.</summary>
public sealed class HouseholdVisit : Years.IYearRecord
{
    private DateTimeOffset _visitedAt;

    public long Id { get; set; }
    public Guid ClientId { get; set; }
    public int CadreId { get; set; }
    public long HouseholdId { get; set; }
    public required string VillageCode { get; set; }
    public int Year { get; set; }

    public DateTimeOffset VisitedAt
    {
        get => _visitedAt;
        set
        {
            _visitedAt = value;
            VisitedOn = ChinaTime.DateOf(value);
        }
    }

    /// <summary>The China calendar day of the visit, set with <see cref="VisitedAt"/>: what counts by day and month read, on either database.</summary>
    public DateOnly VisitedOn { get; private set; }

    public string? Note { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public int IssueCount { get; set; }
    public RecordSource Source { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required string ReceivedBy { get; set; }
    public required string ContentHash { get; set; }
}

/// <summary>An issue a household raised during a visit (群众反映问题); the case capability takes it up.</summary>
public sealed class VisitIssue
{
    public long Id { get; set; }
    public long VisitId { get; set; }
    public required string VillageCode { get; set; }
    public long HouseholdId { get; set; }
    public required string Text { get; set; }
    public DateOnly RaisedOn { get; set; }
    /// <summary>Set when a case has been opened from it.</summary>
    public long? CaseId { get; set; }
}

/// <summary>First Secretary activities of DOMAIN.md section 3.</summary>
public enum ActivityKind
{
    /// <summary>走访党员</summary>
    PartyMemberVisit = 1,
    /// <summary>问卷调查</summary>
    Questionnaire = 2,
    /// <summary>座谈会</summary>
    Symposium = 3,
    /// <summary>外出考察学习</summary>
    StudyTrip = 4,
    /// <summary>同吃同住同劳动（天）</summary>
    EatLiveWork = 5,
}

/// <summary>A First Secretary's activity: how many (party members, questionnaires, days) and, for meetings and trips, how many people took part.</summary>
public sealed class SecretaryActivity : Years.IYearRecord
{
    public long Id { get; set; }
    public Guid ClientId { get; set; }
    public int CadreId { get; set; }
    public required string VillageCode { get; set; }
    public int Year { get; set; }
    public ActivityKind Kind { get; set; }
    public DateOnly On { get; set; }
    public int Count { get; set; }
    public int People { get; set; }
    public string? Note { get; set; }
    public RecordSource Source { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required string ReceivedBy { get; set; }
    public required string ContentHash { get; set; }
}

/// <summary>
/// A record sent again under a client id already stored, with different content: refused, and
/// both kept (the stored one in its table, this one here) for a supervisor to review.
/// </summary>
public sealed class RecordConflict
{
    public long Id { get; set; }
    public Guid ClientId { get; set; }
    /// <summary>visit, stay or activity.</summary>
    public required string Kind { get; set; }
    public required string Payload { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required string ReceivedBy { get; set; }
}
