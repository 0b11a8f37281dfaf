namespace Liaison.Domain.Cases;

/// <summary>
/// The life cycle of a case: which actions each status allows and where they lead. A refused
/// step names the actions that are allowed, in the user's words.
/// </summary>
public static class CaseLifecycle
{
    /// <summary>The statuses of a case still to be handled (for queries: <c>OpenStatuses.Contains(c.Status)</c>).</summary>
    public static IReadOnlyList<CaseStatus> OpenStatuses { get; } = [CaseStatus.Received, CaseStatus.Accepted, CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Escalated];

    private static readonly Dictionary<CaseStatus, CaseAction[]> Allowed = new()
    {
        // Solved on the spot (当场解决) is a resolve straight from received.
        [CaseStatus.Received] = [CaseAction.Accept, CaseAction.Assign, CaseAction.Resolve, CaseAction.Adopt, CaseAction.Escalate, CaseAction.CloseNotFixed, CaseAction.Withdraw, CaseAction.Merge],
        [CaseStatus.Escalated] = [CaseAction.Accept, CaseAction.Assign, CaseAction.Resolve, CaseAction.Adopt, CaseAction.Escalate, CaseAction.CloseNotFixed, CaseAction.Withdraw, CaseAction.Merge],
        [CaseStatus.Accepted] = [CaseAction.Assign, CaseAction.Start, CaseAction.Resolve, CaseAction.Adopt, CaseAction.Escalate, CaseAction.CloseNotFixed, CaseAction.Withdraw, CaseAction.Merge],
        [CaseStatus.Assigned] = [CaseAction.Assign, CaseAction.Start, CaseAction.Resolve, CaseAction.Adopt, CaseAction.Escalate, CaseAction.CloseNotFixed, CaseAction.Withdraw],
        [CaseStatus.InProgress] = [CaseAction.Assign, CaseAction.Resolve, CaseAction.Adopt, CaseAction.Escalate, CaseAction.CloseNotFixed, CaseAction.Withdraw],
        [CaseStatus.Resolved] = [CaseAction.Reopen, CaseAction.FollowUp],
        [CaseStatus.Adopted] = [CaseAction.Reopen, CaseAction.FollowUp],
        [CaseStatus.ClosedNotFixed] = [CaseAction.Reopen, CaseAction.FollowUp],
        [CaseStatus.Withdrawn] = [],
        [CaseStatus.Merged] = [],
    };

    public static bool IsOpen(CaseStatus s) => OpenStatuses.Contains(s);

    /// <summary>Closed by a handler: counts for on-time and reply rates, and can be followed up.</summary>
    public static bool IsClosed(CaseStatus s) => s is CaseStatus.Resolved or CaseStatus.Adopted or CaseStatus.ClosedNotFixed;

    public static IReadOnlyList<CaseAction> ActionsFrom(CaseStatus s) => Allowed[s];

    /// <summary>Where an action leads from a status, or null when the life cycle does not allow it.</summary>
    public static CaseStatus? Next(CaseStatus from, CaseAction action, CaseKind kind)
    {
        if (!Allowed[from].Contains(action) && !(action == CaseAction.AutoEscalate && IsOpen(from)))
        {
            return null;
        }
        if (action == CaseAction.Adopt && kind != CaseKind.Suggestion)
        {
            return null;
        }
        return action switch
        {
            CaseAction.Accept => CaseStatus.Accepted,
            CaseAction.Assign => CaseStatus.Assigned,
            CaseAction.Start => CaseStatus.InProgress,
            CaseAction.Resolve => CaseStatus.Resolved,
            CaseAction.Adopt => CaseStatus.Adopted,
            CaseAction.Escalate or CaseAction.AutoEscalate => CaseStatus.Escalated,
            CaseAction.CloseNotFixed => CaseStatus.ClosedNotFixed,
            CaseAction.Withdraw => CaseStatus.Withdrawn,
            CaseAction.Reopen => CaseStatus.Accepted,
            CaseAction.Merge => CaseStatus.Merged,
            CaseAction.FollowUp => from,
            _ => null,
        };
    }

    /// <summary>The refusal of a step the life cycle does not allow, naming the ones it does.</summary>
    public static (string Zh, string En) Refusal(CaseStatus from, CaseAction action, CaseKind kind)
    {
        var allowed = Allowed[from].Where(a => a != CaseAction.Adopt || kind == CaseKind.Suggestion).ToList();
        var zh = allowed.Count == 0 ? "此状态下不能再操作" : "可以：" + string.Join("、", allowed.Select(a => CaseWords.Action(a).Zh));
        var en = allowed.Count == 0 ? "nothing more can be done in this state" : "allowed: " + string.Join(", ", allowed.Select(a => CaseWords.Action(a).En));
        if (action == CaseAction.Adopt && kind != CaseKind.Suggestion && Allowed[from].Contains(action))
        {
            return ($"只有建议可以“采纳”；{zh}", $"only a suggestion can be adopted; {en}");
        }
        return ($"“{CaseWords.Status(from).Zh}”的事项不能“{CaseWords.Action(action).Zh}”；{zh}",
            $"a case that is {CaseWords.Status(from).En} cannot be {CaseWords.Action(action).En}; {en}");
    }

    /// <summary>The level above, or null at the city.</summary>
    public static CaseLevel? Above(CaseLevel level) => level == CaseLevel.City ? null : level + 1;

    /// <summary>The division that holds a case at a level: the village's township, county or city (12-digit codes).</summary>
    public static string DivisionAt(string villageCode, CaseLevel level) => level switch
    {
        CaseLevel.Village => villageCode,
        CaseLevel.Township => villageCode[..9],
        CaseLevel.County => villageCode[..6],
        _ => villageCode[..4],
    };
}
