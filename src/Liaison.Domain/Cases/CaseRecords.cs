using Liaison.Domain.Shared;

namespace Liaison.Domain.Cases;

/// <summary>
/// 群众反映问题和建议: one person's problem, suggestion or request for help, from intake to follow-up.
/// The person's name and phone are personal data (encrypted at rest, masked in lists).
/// </summary>
public sealed class Case
{
    private DateTimeOffset _receivedAt;

    public long Id { get; set; }
    /// <summary>The person's handle on the case: random, unguessable (<see cref="TrackingCode"/>).</summary>
    public required string TrackingCode { get; set; }
    public CaseKind Kind { get; set; }
    /// <summary>A category code of the policy's case rules.</summary>
    public required string Category { get; set; }
    public CaseChannel Channel { get; set; }
    public required string VillageCode { get; set; }
    public long? HouseholdId { get; set; }
    public string? PersonName { get; set; }
    public string? PersonPhone { get; set; }
    public required string Description { get; set; }
    /// <summary>The cadre whose card or visit brought it in, when known.</summary>
    public int? CadreId { get; set; }
    /// <summary>The field visit issue it came from, if any.</summary>
    public long? VisitIssueId { get; set; }
    /// <summary>The night session (夜谈夜访) it was escalated from, if any.</summary>
    public long? NightSessionId { get; set; }
    public DateTimeOffset ReceivedAt
    {
        get => _receivedAt;
        set
        {
            _receivedAt = value;
            ReceivedOn = ChinaTime.DateOf(value);
        }
    }

    /// <summary>The China calendar day it was received, set with <see cref="ReceivedAt"/>: what counts by day and month read.</summary>
    public DateOnly ReceivedOn { get; private set; }

    /// <summary>The year (China time) it was received: the programme year it counts in.</summary>
    public int Year { get; set; }
    /// <summary>User name of who entered it; "public" for the contact-card form.</summary>
    public required string ReceivedBy { get; set; }
    public CaseStatus Status { get; set; } = CaseStatus.Received;
    public CaseLevel Level { get; set; } = CaseLevel.Village;
    /// <summary>The division holding the case at its level (the village, its township, county or city).</summary>
    public required string HolderDivision { get; set; }
    /// <summary>A unit it is assigned to by category, if any.</summary>
    public int? HolderUnitId { get; set; }
    /// <summary>The last day to close the case at its level (working days from the policy).</summary>
    public DateOnly DueOn { get; set; }
    /// <summary>How often the case changed hands at its level: past the policy's limit it goes up by itself.</summary>
    public int Bounces { get; set; }
    public int Reopens { get; set; }
    public int Escalations { get; set; }
    public long? MergedIntoId { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>Closed on or before the due date of the level that closed it.</summary>
    public bool? OnTime { get; set; }
    /// <summary>What the handler told the person when closing or escalating (答复).</summary>
    public string? Reply { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }
    /// <summary>回访: the person says it was solved, and how satisfied (1–5).</summary>
    public bool? FollowUpSolved { get; set; }
    public int? Satisfaction { get; set; }
    public DateTimeOffset? FollowedUpAt { get; set; }
    public int Version { get; set; }
}

/// <summary>One step in a case's history: who did what, from which state to which, at which level.</summary>
public sealed class CaseStep
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public CaseAction Action { get; set; }
    public CaseStatus From { get; set; }
    public CaseStatus To { get; set; }
    public CaseLevel Level { get; set; }
    public required string HolderDivision { get; set; }
    public int? HolderUnitId { get; set; }
    public string? Note { get; set; }
}

/// <summary>矛盾纠纷: a dispute between parties, its mediation and outcome.</summary>
public sealed class Dispute
{
    public long Id { get; set; }
    /// <summary>The register's number for it (编号), drawn like a tracking code when it is recorded.</summary>
    public string Reference { get; set; } = TrackingCode.New();
    public required string VillageCode { get; set; }
    public DisputeKind Kind { get; set; }
    /// <summary>The parties, as entered (personal data: encrypted at rest).</summary>
    public required string Parties { get; set; }
    public required string Summary { get; set; }
    public int? MediatorCadreId { get; set; }
    public string? MediatorName { get; set; }
    public DateOnly ReportedOn { get; set; }
    public int Year { get; set; }
    public DisputeOutcome Outcome { get; set; }
    /// <summary>Where it went when referred (court, police, labour arbitration ...).</summary>
    public string? ReferredTo { get; set; }
    public DateOnly? AgreementOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    /// <summary>The mediation's steps, one per line, oldest first.</summary>
    public string? Steps { get; set; }
    public required string EnteredBy { get; set; }
    public long? CaseId { get; set; }
}

/// <summary>民生代办: something a cadre handles on a villager's behalf.</summary>
public sealed class Errand
{
    public long Id { get; set; }
    public required string VillageCode { get; set; }
    public long? HouseholdId { get; set; }
    public ErrandKind Kind { get; set; }
    public required string What { get; set; }
    public int? CadreId { get; set; }
    public DateOnly RequestedOn { get; set; }
    public int Year { get; set; }
    public ErrandStatus Status { get; set; }
    public string? Result { get; set; }
    public DateOnly? DoneOn { get; set; }
    public string? Steps { get; set; }
    public required string EnteredBy { get; set; }
}
