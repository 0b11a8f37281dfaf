namespace Liaison.Domain.Cases;

/// <summary>What the person brought: 问题、建议、求助.</summary>
public enum CaseKind
{
    Problem = 1,
    Suggestion = 2,
    Help = 3,
}

/// <summary>How the case reached the programme (DOMAIN.md section 3).</summary>
public enum CaseChannel
{
    /// <summary>入户走访: raised during a household visit.</summary>
    Visit = 1,
    /// <summary>民情联系卡: the public form opened from a cadre's contact card.</summary>
    ContactCard = 2,
    /// <summary>民情意见箱: a suggestion box, entered in batches.</summary>
    SuggestionBox = 3,
    /// <summary>夜谈夜访.</summary>
    NightVisit = 4,
    Phone = 5,
    /// <summary>来访: the person came to the office.</summary>
    WalkIn = 6,
}

/// <summary>Where a case stands. The life cycle is <see cref="CaseLifecycle"/>.</summary>
public enum CaseStatus
{
    Received = 1,
    Accepted = 2,
    Assigned = 3,
    InProgress = 4,
    /// <summary>办结: solved.</summary>
    Resolved = 5,
    /// <summary>采纳: a suggestion taken up (and done).</summary>
    Adopted = 6,
    /// <summary>解释并上报: explained to the person and passed up a level; the level above takes it as received.</summary>
    Escalated = 7,
    /// <summary>关闭未解决.</summary>
    ClosedNotFixed = 8,
    Withdrawn = 9,
    /// <summary>并入另一件: a duplicate.</summary>
    Merged = 10,
}

/// <summary>Who holds the case: the village work group, then the offices up the division tree.</summary>
public enum CaseLevel
{
    Village = 1,
    Township = 2,
    County = 3,
    City = 4,
}

/// <summary>Each step a handler (or the clock) can take on a case.</summary>
public enum CaseAction
{
    Accept = 1,
    Assign = 2,
    Start = 3,
    Resolve = 4,
    Adopt = 5,
    Escalate = 6,
    CloseNotFixed = 7,
    Withdraw = 8,
    Reopen = 9,
    Merge = 10,
    /// <summary>The deadline passed, or the case bounced too often: the clock passed it up.</summary>
    AutoEscalate = 11,
    /// <summary>回访: whether solved and how satisfied, by the handler or the person.</summary>
    FollowUp = 12,
    Receive = 13,
}

/// <summary>Kinds of dispute (矛盾纠纷).</summary>
public enum DisputeKind
{
    Neighbours = 1,
    Family = 2,
    Land = 3,
    Debt = 4,
    Labour = 5,
    Other = 9,
}

public enum DisputeOutcome
{
    Open = 0,
    /// <summary>调解成功.</summary>
    Mediated = 1,
    /// <summary>转法院或其他机关.</summary>
    Referred = 2,
    Unresolved = 3,
}

/// <summary>民生代办: papers, benefits, licences handled on a villager's behalf.</summary>
public enum ErrandKind
{
    Papers = 1,
    Benefits = 2,
    Licence = 3,
    Insurance = 4,
    Other = 9,
}

public enum ErrandStatus
{
    Open = 0,
    Done = 1,
    Failed = 2,
}
