namespace Liaison.Domain.Secretaries;

/// <summary>A yearly call for First Secretaries by one dispatching level in one division (选派), with its quota.</summary>
public sealed class SecretaryCall
{
    public int Id { get; set; }
    public int Year { get; set; }
    public DispatchLevel Level { get; set; }
    /// <summary>The city, county or township that sends: its villages are where the call's secretaries may go.</summary>
    public required string DivisionCode { get; set; }
    public int Quota { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
}

public enum CandidateStatus
{
    /// <summary>报名: registered, waiting for selection.</summary>
    Registered = 1,
    /// <summary>选中</summary>
    Selected = 2,
    /// <summary>未选中, with the reason.</summary>
    NotSelected = 3,
}

/// <summary>
/// A cadre's registration in a call (公开报名) with the unit panel's merit scores on the four criteria
/// of DOMAIN.md section 2.6, each 0–100, and the outcome of selection with its reason.
/// </summary>
public sealed class SecretaryCandidate
{
    public int Id { get; set; }
    public int CallId { get; set; }
    public int CadreId { get; set; }
    /// <summary>The cadre's home village or township: never sent there (回避).</summary>
    public string? HomeDivisionCode { get; set; }
    /// <summary>政治素质</summary>
    public int? PoliticalQuality { get; set; }
    /// <summary>创新能力</summary>
    public int? Innovation { get; set; }
    /// <summary>热爱群众工作</summary>
    public int? MassWork { get; set; }
    /// <summary>协调能力</summary>
    public int? Coordination { get; set; }
    public CandidateStatus Status { get; set; } = CandidateStatus.Registered;
    public string? StatusReason { get; set; }

    public int? Merit => PoliticalQuality + Innovation + MassWork + Coordination;
}

/// <summary>
/// A First Secretary's posting to a village (任职): from the match or by hand, with the cost terms
/// that explain it; ended with a reason on recall or at the end of the term.
/// </summary>
public sealed class SecretaryPosting
{
    public long Id { get; set; }
    public int Year { get; set; }
    public int CadreId { get; set; }
    public int CallId { get; set; }
    public required string VillageCode { get; set; }
    public DateOnly Since { get; set; }
    public DateOnly? Until { get; set; }
    /// <summary>From the match, or set by hand (then kept by the match).</summary>
    public bool Manual { get; set; }
    public int CostCategory { get; set; }
    public int CostNeed { get; set; }
    public int CostDistance { get; set; }
    public int CostSpread { get; set; }
    public string? Reason { get; set; }
    public string? EndReason { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public string? ChangedBy { get; set; }
    /// <summary>任职日期: the day the secretary took up the post in the village (not the day the match ran).</summary>
    public DateOnly? AppointedOn { get; set; }
    /// <summary>党组织关系转入村: the secretary's party membership moved to the village.</summary>
    public bool MembershipMoved { get; set; }
    /// <summary>与原单位工作脱钩: released from the sending unit's work for the term.</summary>
    public bool DecoupledFromUnit { get; set; }
    /// <summary>任驻村工作组组长: heads the village work group.</summary>
    public bool HeadsWorkGroup { get; set; }

    public int Cost => CostCategory + CostNeed + CostDistance + CostSpread;
}

/// <summary>What the sending unit gives the village of its First Secretary (单位倾斜支持).</summary>
public enum SupportKind
{
    /// <summary>资金 (yuan)</summary>
    Funds = 1,
    /// <summary>项目</summary>
    Projects = 2,
    /// <summary>人才</summary>
    People = 3,
    /// <summary>技术</summary>
    Technology = 4,
    /// <summary>信息</summary>
    Information = 5,
}

/// <summary>One support from the sending unit to the village of a posting, recorded with what and how much.</summary>
public sealed class SecretarySupport
{
    public long Id { get; set; }
    public long PostingId { get; set; }
    public SupportKind Kind { get; set; }
    /// <summary>Yuan for funds; a count for the others.</summary>
    public decimal Amount { get; set; }
    public required string Description { get; set; }
    public DateOnly On { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>A hand change of a posting: move it to <see cref="Village"/>, or recall it and (optionally) name a <see cref="Replacement"/> by staff number; the reason is kept.</summary>
public sealed record PostingChange(string Reason, string? Village = null, string? Replacement = null);
