using Liaison.Domain.Policy;
using Liaison.Domain.Shared;

namespace Liaison.Domain.Cases;

/// <summary>
/// The names of the case capability's values in both languages — kinds, channels, statuses,
/// actions, levels, categories, dispute and errand kinds and outcomes — for pages, exports and
/// commands alike. A category is the policy's code: its names are the policy's.
/// </summary>
public static class CaseWords
{
    private static readonly CaseRules Defaults = new();

    public static Term Kind(CaseKind k) => k switch
    {
        CaseKind.Problem => new("问题", "problem"),
        CaseKind.Suggestion => new("建议", "suggestion"),
        CaseKind.Help => new("求助", "request for help"),
        _ => Term.Same(k.ToString()),
    };

    public static Term Channel(CaseChannel c) => c switch
    {
        CaseChannel.Visit => new("入户走访", "household visit"),
        CaseChannel.ContactCard => new("民情联系卡", "contact card"),
        CaseChannel.SuggestionBox => new("民情意见箱", "suggestion box"),
        CaseChannel.NightVisit => new("夜谈夜访", "night visit"),
        CaseChannel.Phone => new("电话", "phone"),
        CaseChannel.WalkIn => new("来访", "walk-in"),
        _ => Term.Same(c.ToString()),
    };

    public static Term Status(CaseStatus s) => s switch
    {
        CaseStatus.Received => new("已收到", "received"),
        CaseStatus.Accepted => new("已受理", "accepted"),
        CaseStatus.Assigned => new("已交办", "assigned"),
        CaseStatus.InProgress => new("办理中", "in progress"),
        CaseStatus.Resolved => new("已办结", "resolved"),
        CaseStatus.Adopted => new("已采纳", "adopted"),
        CaseStatus.Escalated => new("已解释并上报", "explained and escalated"),
        CaseStatus.ClosedNotFixed => new("关闭未解决", "closed, not fixed"),
        CaseStatus.Withdrawn => new("已撤回", "withdrawn"),
        CaseStatus.Merged => new("已合并", "merged"),
        _ => Term.Same(s.ToString()),
    };

    public static Term Action(CaseAction a) => a switch
    {
        CaseAction.Accept => new("受理", "accepted"),
        CaseAction.Assign => new("交办", "assigned"),
        CaseAction.Start => new("开始办理", "started"),
        CaseAction.Resolve => new("办结", "resolved"),
        CaseAction.Adopt => new("采纳", "adopted"),
        CaseAction.Escalate => new("解释并上报", "explained and escalated"),
        CaseAction.CloseNotFixed => new("关闭未解决", "closed not fixed"),
        CaseAction.Withdraw => new("撤回", "withdrawn"),
        CaseAction.Reopen => new("重新办理", "reopened"),
        CaseAction.Merge => new("合并重复", "merged"),
        CaseAction.AutoEscalate => new("超期自动上报", "escalated automatically"),
        CaseAction.FollowUp => new("回访", "followed up"),
        CaseAction.Receive => new("收到", "received"),
        _ => Term.Same(a.ToString()),
    };

    public static Term Level(CaseLevel l) => l switch
    {
        CaseLevel.Village => new("村工作组", "village work group"),
        CaseLevel.Township => new("乡镇", "township"),
        CaseLevel.County => Terms.Levels[Divisions.DivisionLevel.County],
        CaseLevel.City => Terms.Levels[Divisions.DivisionLevel.City],
        _ => Term.Same(l.ToString()),
    };

    /// <summary>A category of the policy by its names (the English one, when the policy gives none, is the Chinese).</summary>
    public static Term Category(CaseCategory c) => new(c.Name, c.EnglishName.Length > 0 ? c.EnglishName : c.Name);

    /// <summary>
    /// A case's category by its code: named as the policy names it, else as Jining's default policy
    /// does (a category a later policy dropped), else the code itself.
    /// </summary>
    public static Term Category(CaseRules rules, string code) =>
        (rules.Categories.FirstOrDefault(c => c.Code == code) ?? Defaults.Categories.FirstOrDefault(c => c.Code == code)) is { } found
            ? Category(found)
            : Term.Same(code);

    public static Term Dispute(DisputeKind k) => k switch
    {
        DisputeKind.Neighbours => new("邻里纠纷", "between neighbours"),
        DisputeKind.Family => new("婚姻家庭纠纷", "family"),
        DisputeKind.Land => new("土地纠纷", "land"),
        DisputeKind.Debt => new("债务纠纷", "debt"),
        DisputeKind.Labour => new("劳动纠纷", "labour"),
        DisputeKind.Other => Words.Other,
        _ => Term.Same(k.ToString()),
    };

    public static Term Outcome(DisputeOutcome o) => o switch
    {
        DisputeOutcome.Open => new("调解中", "open"),
        DisputeOutcome.Mediated => Words.Mediated,
        DisputeOutcome.Referred => new("已转交", "referred"),
        DisputeOutcome.Unresolved => Words.Unresolved,
        _ => Term.Same(o.ToString()),
    };

    public static Term Errand(ErrandKind k) => k switch
    {
        ErrandKind.Papers => new("证件办理", "papers"),
        ErrandKind.Benefits => new("补贴救助", "benefits"),
        ErrandKind.Licence => new("证照许可", "licences"),
        ErrandKind.Insurance => new("社保医保", "insurance"),
        ErrandKind.Other => Words.Other,
        _ => Term.Same(k.ToString()),
    };

    public static Term Errand(ErrandStatus s) => s switch
    {
        ErrandStatus.Open => new("办理中", "open"),
        ErrandStatus.Done => Words.Done,
        ErrandStatus.Failed => Words.NotDone,
        _ => Term.Same(s.ToString()),
    };
}
