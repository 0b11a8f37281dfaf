namespace Liaison.Domain.Policy;

/// <summary>
/// 督查 (issue 22): how the supervisors check the programme's figures and what their findings may
/// lead to — the precision the telephone verification asks of its sample, the significance at which a
/// cadre or village is flagged, the kinds of findings (and which may lead to public criticism, signed
/// off at which level), the document-review checklist, and the days a rectification order allows.
/// </summary>
public sealed record SupervisionRules
{
    /// <summary>The margin of the confirmation rate the call sample is sized for: ±3 percentage points.</summary>
    public double Margin { get; init; } = 0.03;

    /// <summary>The confidence of the intervals and of the sample's size: 95 %.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>The share of households a call list is expected to reach: the sample drawn is the size the margin needs divided by it, so that the households reached still give the margin.</summary>
    public double ExpectedReach { get; init; } = 0.85;

    /// <summary>How many to draw from a frame of <paramref name="frame"/> visits: the reached households the margin needs (<see cref="Supervision.Proportions.SampleSize"/>) over the expected reach, at most the frame.</summary>
    public (long Needed, long Drawn) SampleSize(long frame)
    {
        var needed = Supervision.Proportions.SampleSize(Margin, Confidence, population: frame);
        return (needed, Math.Min(frame, (long)Math.Ceiling(needed / ExpectedReach)));
    }

    /// <summary>The error held by <see cref="Correction"/> at which a cadre or village whose unconfirmed share is above the rest's is flagged.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>
    /// How the many villages' and cadres' tests are corrected: the false discovery rate (Benjamini–Hochberg)
    /// by default — a flag sends an inspector and punishes no one, so a screen that finds more at the cost
    /// of a known share of wasted visits is the right trade; <c>holm</c> holds the chance of any wrong flag instead.
    /// </summary>
    public Supervision.Correction Correction { get; init; } = Supervision.Correction.BenjaminiHochberg;

    /// <summary>Working days a rectification order allows unless the notice says otherwise (限期整改).</summary>
    public int RectificationDays { get; init; } = 15;

    /// <summary>Whether issued notices of criticism and commendation are published on the public pages too.</summary>
    public bool PublishNotices { get; init; }

    public IReadOnlyList<FindingKind> FindingKinds { get; init; } =
    [
        Kind("absent", "驻村干部不在岗", "cadre not present", 2, criticism: true),
        Kind("visits-untrue", "走访记录与实际不符", "visit records untrue", 3, criticism: true),
        Kind("fabricated", "弄虚作假", "records fabricated", 3, criticism: true),
        Kind("noticeboard", "公开承诺未上墙公示", "commitments not on the noticeboard", 1),
        Kind("contact-cards", "联系卡未发放到户", "contact cards not handed out", 1),
        Kind("suggestion-box", "意见箱缺失或未启用", "suggestion box missing or unused", 1),
        Kind("records", "台账资料不全", "records incomplete", 1),
        Kind("cases-late", "群众诉求办理超期", "cases handled late", 2),
        Kind("conduct", "工作作风问题", "conduct", 2, criticism: true),
    ];

    /// <summary>查阅资料: what a document review looks at, by the level reviewed.</summary>
    public IReadOnlyList<ReviewItem> Checklist { get; init; } =
    [
        Item("residence", "驻村记录", "residence records", "village"),
        Item("visits", "入户走访记录", "visit notes", "village"),
        Item("cases", "群众诉求台账", "the case book", "village", "township"),
        Item("agreements", "目标责任书", "the agreements", "village", "township"),
        Item("minutes", "会议记录", "meeting minutes", "township", "unit"),
        Item("pairing", "机关联建记录", "pairing records", "unit"),
    ];

    public FindingKind? Find(string? code) => FindingKinds.FirstOrDefault(k => k.Code == code?.Trim());

    private static FindingKind Kind(string code, string name, string english, int severity, bool criticism = false) =>
        new() { Code = code, Name = name, EnglishName = english, Severity = severity, Criticism = criticism };

    private static ReviewItem Item(string code, string name, string english, params string[] levels) =>
        new() { Code = code, Name = name, EnglishName = english, Levels = levels };
}

/// <summary>A kind of finding: its code and names, its usual severity (1 minor – 3 grave), and whether it may lead to public criticism (通报批评), signed off by the office of <see cref="SignOff"/>.</summary>
public sealed record FindingKind
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public string EnglishName { get; init; } = "";
    public int Severity { get; init; } = 1;
    public bool Criticism { get; init; }
    /// <summary>The level whose office signs off a criticism for it: <c>county</c> or <c>city</c>.</summary>
    public string SignOff { get; init; } = "county";
}

/// <summary>An item of the document review's checklist and the levels it is looked at for (<c>village</c>, <c>township</c>, <c>unit</c>).</summary>
public sealed record ReviewItem
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public string EnglishName { get; init; } = "";
    public IReadOnlyList<string> Levels { get; init; } = [];
}
