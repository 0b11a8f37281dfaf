namespace Liaison.Domain.Supervision;

public enum NoticeKind
{
    /// <summary>通报批评</summary>
    Criticism = 1,
    /// <summary>通报表扬</summary>
    Commendation = 2,
}

public enum NoticeStatus
{
    /// <summary>草稿: read by the office drafting it and those above only.</summary>
    Draft = 1,
    /// <summary>已印发: published inside the programme (and on the public pages where the policy says).</summary>
    Issued = 2,
    /// <summary>已撤回: withdrawn after issue, with the reason; kept with its versions.</summary>
    Withdrawn = 3,
}

/// <summary>
/// 通报 (issue 22): a notice of criticism or commendation drafted by an office from findings, naming
/// units, cadres or villages, what was found and what is required, issued at the office's level. Every
/// saved text is a version (<see cref="NoticeVersion"/>); issuing freezes the text.
/// </summary>
public sealed class Notice
{
    public long Id { get; set; }
    /// <summary>The issuing office's division (a county's, the city's): who may edit and issue it.</summary>
    public required string DivisionCode { get; set; }
    public NoticeKind Kind { get; set; }
    public required string Title { get; set; }
    /// <summary>What was found (or done well).</summary>
    public required string Body { get; set; }
    /// <summary>What is required of those named (整改要求); empty for a commendation.</summary>
    public string? Required { get; set; }
    public NoticeStatus Status { get; set; } = NoticeStatus.Draft;
    public int Version { get; set; } = 1;
    /// <summary>Published on the public pages too (the policy decides on issue).</summary>
    public bool Public { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public string? IssuedBy { get; set; }
    public string? WithdrawnReason { get; set; }
    public required string DraftedBy { get; set; }
    public DateTimeOffset DraftedAt { get; set; }

    public const int MaxTitle = 100;
    public const int MaxBody = 4000;
}

/// <summary>A saved text of a notice: every edit keeps the one before.</summary>
public sealed class NoticeVersion
{
    public long Id { get; set; }
    public long NoticeId { get; set; }
    public int Version { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public string? Required { get; set; }
    public required string SavedBy { get; set; }
    public DateTimeOffset SavedAt { get; set; }
}

/// <summary>Who or what a notice names: a cadre, a unit or a village (one of the three).</summary>
public sealed class NoticeSubject
{
    public long Id { get; set; }
    public long NoticeId { get; set; }
    public int? CadreId { get; set; }
    public int? UnitId { get; set; }
    public string? VillageCode { get; set; }
}

/// <summary>A finding a notice rests on: those named read it with the notice.</summary>
public sealed class NoticeFinding
{
    public long NoticeId { get; set; }
    public long FindingId { get; set; }
}

public enum OrderStatus
{
    /// <summary>整改中</summary>
    Open = 1,
    /// <summary>已报告: the responsible party reported what was done; the office decides.</summary>
    Reported = 2,
    /// <summary>已销号: accepted by the issuing office.</summary>
    Accepted = 3,
}

/// <summary>
/// 限期整改 (issue 22): a rectification ordered from a finding or a notice — who (a unit, a cadre, a
/// village's township), what, by when (working days on the cases' calendar). The responsible party
/// reports with evidence; the issuing office accepts or sends it back; an order past its day is
/// escalated like a case, once.
/// </summary>
public sealed class RectificationOrder
{
    public long Id { get; set; }
    /// <summary>The issuing office's division.</summary>
    public required string DivisionCode { get; set; }
    public long? NoticeId { get; set; }
    public long? FindingId { get; set; }
    /// <summary>The village where it is to be done, if one: its township's office answers for it when no unit or cadre is named.</summary>
    public string? VillageCode { get; set; }
    public int? UnitId { get; set; }
    public int? CadreId { get; set; }
    public required string What { get; set; }
    public DateOnly OrderedOn { get; set; }
    public DateOnly Due { get; set; }
    public OrderStatus Status { get; set; } = OrderStatus.Open;
    /// <summary>The day it was escalated for being overdue (督办), once.</summary>
    public DateOnly? EscalatedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public required string IssuedBy { get; set; }
    public DateTimeOffset IssuedAt { get; set; }

    public const int MaxWhat = 1000;

    public bool Overdue(DateOnly today) => Status != OrderStatus.Accepted && today > Due;

    /// <summary>Closed on or before its day.</summary>
    public bool OnTime => Status == OrderStatus.Accepted && ClosedOn <= Due;
}

public enum OrderStepKind
{
    /// <summary>整改报告: what was done, with the evidence.</summary>
    Report = 1,
    /// <summary>验收通过</summary>
    Accept = 2,
    /// <summary>退回: not enough; the order stays open with the reason.</summary>
    SendBack = 3,
    /// <summary>超期督办</summary>
    Escalate = 4,
}

public sealed class OrderStep
{
    public long Id { get; set; }
    public long OrderId { get; set; }
    public OrderStepKind Kind { get; set; }
    public required string Text { get; set; }
    public DateOnly On { get; set; }
    public required string By { get; set; }
    public DateTimeOffset At { get; set; }

    public const int MaxText = 1000;
}
