using Liaison.Domain.Shared;

namespace Liaison.Domain.People;

/// <summary>Where a cadre stands. Only an active cadre is planned; the others keep their records and history.</summary>
public enum CadreStatus
{
    /// <summary>在岗</summary>
    Active = 0,
    /// <summary>停职: out of the plan until reinstated.</summary>
    Suspended = 1,
    /// <summary>退休</summary>
    Retired = 2,
    /// <summary>离职 (left the service)</summary>
    Left = 3,
    /// <summary>去世</summary>
    Deceased = 4,
}

/// <summary>Whether a household is still one of its village's. Visits and cases keep pointing at it whatever it becomes.</summary>
public enum HouseholdStatus
{
    /// <summary>在册</summary>
    Current = 0,
    /// <summary>迁出</summary>
    MovedOut = 1,
    /// <summary>并户: merged into another household of the village.</summary>
    Merged = 2,
}

/// <summary>Whether a unit still sends cadres.</summary>
public enum UnitStatus
{
    /// <summary>存续</summary>
    Open = 0,
    /// <summary>并入另一单位</summary>
    Merged = 1,
    /// <summary>撤销</summary>
    Closed = 2,
}

/// <summary>The registry a change belongs to.</summary>
public enum RegistryKind
{
    Cadre = 1,
    Household = 2,
    Unit = 3,
}

/// <summary>What happened to a record of a registry, kept as its history.</summary>
public enum RegistryAction
{
    /// <summary>Added one by one (a hire, a new household, a new unit).</summary>
    Added = 1,
    /// <summary>Corrected or changed field by field.</summary>
    Edited = 2,
    Transferred = 3,
    Retired = 4,
    Left = 5,
    Died = 6,
    Suspended = 7,
    Reinstated = 8,
    MovedOut = 9,
    /// <summary>Merged into another record (the absorbed one), or took one in (the survivor).</summary>
    Merged = 10,
    /// <summary>A new record split off (on the old one), or split from (on the new one).</summary>
    Split = 11,
    Renamed = 12,
    Closed = 13,
}

/// <summary>
/// One change of a registry record: what, on which day, why, which fields, the record's version
/// after it. The history of a cadre, household or unit, and what a second save over a changed
/// record is told.
/// </summary>
public sealed class RegistryEvent
{
    public long Id { get; set; }
    public RegistryKind Kind { get; set; }
    public long RecordId { get; set; }
    /// <summary>The record's key as people know it: a staff number, a unit code, village/house number.</summary>
    public required string RecordKey { get; set; }
    /// <summary>The division the record belongs to when it changed (a unit's division, a household's village): who may read the event.</summary>
    public required string DivisionCode { get; set; }
    public RegistryAction Action { get; set; }
    /// <summary>The day it took effect (a retirement's day, a move's day), not the day it was entered.</summary>
    public DateOnly On { get; set; }
    public string? Reason { get; set; }
    /// <summary>The other record involved: the unit transferred to, the household merged into or split from.</summary>
    public string? OtherKey { get; set; }
    /// <summary>The fields changed, comma-separated (personal data named, never its value).</summary>
    public string? Fields { get; set; }
    public int Version { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
}

/// <summary>The life cycle's rules: which change each status allows and what it leads to.</summary>
public static class RegistryRules
{
    public const int MaxReason = 500;

    /// <summary>The status a cadre's change leads to, or the problem if the change is not open to a cadre in <paramref name="status"/>.</summary>
    public static (CadreStatus Next, Problem? Problem) CadreNext(CadreStatus status, RegistryAction action) => (status, action) switch
    {
        (CadreStatus.Active, RegistryAction.Edited or RegistryAction.Transferred) => (CadreStatus.Active, null),
        (CadreStatus.Suspended, RegistryAction.Edited) => (CadreStatus.Suspended, null),
        (CadreStatus.Active, RegistryAction.Suspended) => (CadreStatus.Suspended, null),
        (CadreStatus.Suspended, RegistryAction.Reinstated) => (CadreStatus.Active, null),
        (CadreStatus.Active or CadreStatus.Suspended, RegistryAction.Retired) => (CadreStatus.Retired, null),
        (CadreStatus.Active or CadreStatus.Suspended, RegistryAction.Left) => (CadreStatus.Left, null),
        (CadreStatus.Active or CadreStatus.Suspended, RegistryAction.Died) => (CadreStatus.Deceased, null),
        _ => (status, NotOpen(RegistryWords.CadreStatuses[status], action)),
    };

    /// <summary>Whether the change ends the cadre's ties and First Secretary postings (they cannot go on where the cadre no longer serves).</summary>
    public static bool EndsTies(RegistryAction action) =>
        action is RegistryAction.Transferred or RegistryAction.Retired or RegistryAction.Left or RegistryAction.Died;

    /// <summary>
    /// Whether the change ends the person's service for good (retired, left, died): their cadre
    /// accounts sign in no more. A transfer keeps the person; a suspension is undone by reinstatement.
    /// </summary>
    public static bool EndsService(RegistryAction action) =>
        action is RegistryAction.Retired or RegistryAction.Left or RegistryAction.Died;

    public static (HouseholdStatus Next, Problem? Problem) HouseholdNext(HouseholdStatus status, RegistryAction action) => (status, action) switch
    {
        (HouseholdStatus.Current, RegistryAction.Edited or RegistryAction.Split) => (HouseholdStatus.Current, null),
        (HouseholdStatus.Current, RegistryAction.MovedOut) => (HouseholdStatus.MovedOut, null),
        (HouseholdStatus.Current, RegistryAction.Merged) => (HouseholdStatus.Merged, null),
        _ => (status, NotOpen(RegistryWords.HouseholdStatuses[status], action)),
    };

    public static (UnitStatus Next, Problem? Problem) UnitNext(UnitStatus status, RegistryAction action) => (status, action) switch
    {
        (UnitStatus.Open, RegistryAction.Edited or RegistryAction.Renamed or RegistryAction.Split) => (UnitStatus.Open, null),
        (UnitStatus.Open, RegistryAction.Merged) => (UnitStatus.Merged, null),
        (UnitStatus.Open, RegistryAction.Closed) => (UnitStatus.Closed, null),
        _ => (status, NotOpen(RegistryWords.UnitStatuses[status], action)),
    };

    /// <summary>A change's day: not after today (a change is recorded once it happened), and a reason of bounded length when one is needed.</summary>
    public static IEnumerable<Problem> DayAndReason(DateOnly on, DateOnly today, string? reason, bool reasonNeeded)
    {
        if (on > today)
        {
            yield return new Problem("on", $"日期 {on:yyyy-MM-dd} 晚于今天：变动发生后再登记", $"the day {on:yyyy-MM-dd} is after today: record a change once it has happened") { Code = "on-in-future" };
        }
        if (reasonNeeded && string.IsNullOrWhiteSpace(reason))
        {
            yield return new Problem("reason", "请填写变动理由", "give the reason for the change") { Code = "reason-missing" };
        }
        if (reason is { Length: > MaxReason })
        {
            yield return new Problem("reason", $"理由不超过 {MaxReason} 字", $"a reason has at most {MaxReason} characters") { Code = "reason-too-long" };
        }
    }

    /// <summary>
    /// Whether a tie (or posting) held on <paramref name="day"/>: started by then and not yet ended.
    /// A tie ended on a day no longer holds that day (its successor does).
    /// </summary>
    public static bool HeldOn(DateOnly since, DateOnly? until, DateOnly day) => since <= day && (until is null || day < until);

    /// <summary>The day a tie ends when its person leaves on <paramref name="on"/>: never before it started (a tie that never held ends where it began).</summary>
    public static DateOnly EndOf(DateOnly since, DateOnly on) => on < since ? since : on;

    private static Problem NotOpen(Term status, RegistryAction action) =>
        new("action", $"当前状态为“{status.Zh}”，不能{RegistryWords.Actions[action].Zh}", $"the record is {status.En}: it cannot be {RegistryWords.Actions[action].En.ToLowerInvariant()}")
        { Code = "not-open" };
}

/// <summary>The registries' statuses and changes in both languages (one home: pages, commands and the audit log read them here).</summary>
public static class RegistryWords
{
    public static IReadOnlyDictionary<CadreStatus, Term> CadreStatuses { get; } = new Dictionary<CadreStatus, Term>
    {
        [CadreStatus.Active] = new("在岗", "active"),
        [CadreStatus.Suspended] = new("停职", "suspended"),
        [CadreStatus.Retired] = new("退休", "retired"),
        [CadreStatus.Left] = new("离职", "left"),
        [CadreStatus.Deceased] = new("去世", "deceased"),
    };

    public static IReadOnlyDictionary<HouseholdStatus, Term> HouseholdStatuses { get; } = new Dictionary<HouseholdStatus, Term>
    {
        [HouseholdStatus.Current] = new("在册", "current"),
        [HouseholdStatus.MovedOut] = new("已迁出", "moved out"),
        [HouseholdStatus.Merged] = new("已并户", "merged"),
    };

    public static IReadOnlyDictionary<UnitStatus, Term> UnitStatuses { get; } = new Dictionary<UnitStatus, Term>
    {
        [UnitStatus.Open] = new("存续", "open"),
        [UnitStatus.Merged] = new("已合并", "merged"),
        [UnitStatus.Closed] = new("已撤销", "closed"),
    };

    public static IReadOnlyDictionary<RegistryAction, Term> Actions { get; } = new Dictionary<RegistryAction, Term>
    {
        [RegistryAction.Added] = new("新增", "Added"),
        [RegistryAction.Edited] = new("修改", "Edited"),
        [RegistryAction.Transferred] = new("调动", "Transferred"),
        [RegistryAction.Retired] = new("退休", "Retired"),
        [RegistryAction.Left] = new("离职", "Left"),
        [RegistryAction.Died] = new("去世", "Died"),
        [RegistryAction.Suspended] = new("停职", "Suspended"),
        [RegistryAction.Reinstated] = new("复职", "Reinstated"),
        [RegistryAction.MovedOut] = new("迁出", "Moved out"),
        [RegistryAction.Merged] = new("合并", "Merged"),
        [RegistryAction.Split] = new("分立", "Split"),
        [RegistryAction.Renamed] = new("更名", "Renamed"),
        [RegistryAction.Closed] = new("撤销", "Closed"),
    };

    /// <summary>The fields a change names (<see cref="RegistryEvent.Fields"/>), for the history and a refused second save.</summary>
    public static IReadOnlyDictionary<string, Term> Fields { get; } = new Dictionary<string, Term>(StringComparer.Ordinal)
    {
        ["code"] = Words.Code,
        ["name"] = new("姓名", "Name"),
        ["unitName"] = Words.Name,
        ["unit"] = Words.Unit,
        ["rank"] = new("职级", "Rank"),
        ["reserve"] = new("后备干部", "Reserve cadre"),
        ["police"] = new("民警", "Police officer"),
        ["newlyPromoted"] = new("新提拔无基层经历", "Newly promoted"),
        ["birthYear"] = new("出生年份", "Birth year"),
        ["gender"] = new("性别", "Gender"),
        ["phone"] = new("手机号码", "Phone"),
        ["houseNo"] = new("门牌号", "House number"),
        ["headName"] = new("户主姓名", "Head of household"),
        ["headPhone"] = new("户主电话", "Head's phone"),
        ["members"] = new("家庭人口", "Members"),
        ["categories"] = new("户类别", "Categories"),
        ["level"] = Words.Level,
        ["category"] = Words.Category,
        ["division"] = Words.DivisionCode,
        ["status"] = Words.Status,
    };

    public static Term Field(string key) => Fields.TryGetValue(key, out var term) ? term : Term.Same(key);

    /// <summary>A change's fields in one language: "姓名、手机号码".</summary>
    public static string FieldList(string? fields, bool english) => fields is null ? "" :
        string.Join(english ? Words.ListSeparator.En : Words.ListSeparator.Zh, fields.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(f => Field(f).In(english)));

    /// <summary>The key of a change in commands, forms, JSON and the audit log: retired, moved-out, …</summary>
    public static string Key(RegistryAction action) => action switch
    {
        RegistryAction.MovedOut => "moved-out",
        _ => action.ToString().ToLowerInvariant(),
    };
}
