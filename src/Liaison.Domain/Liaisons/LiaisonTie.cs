namespace Liaison.Domain.Liaisons;

/// <summary>The liaison mechanisms of DOMAIN.md section 2 that tie a person or unit to a place.</summary>
public enum TieKind
{
    /// <summary>领导班子成员联系点: a leader's county, township or village.</summary>
    ContactPoint = 1,
    /// <summary>机关党组织联建村: a unit's party organisation and its paired village.</summary>
    Pairing = 2,
    /// <summary>乡镇班子成员包保后进村.</summary>
    BackwardVillage = 3,
    /// <summary>公安民警联村.</summary>
    Police = 4,
    /// <summary>驻村干部: a cadre stationed in a village so that no village is left without one.</summary>
    Stationed = 5,
}

/// <summary>Who made a tie.</summary>
public enum TieOrigin
{
    /// <summary>The planner; it may replace the tie when the tie stops being valid.</summary>
    Planner = 1,
    /// <summary>A person, by hand: the planner keeps it as it is.</summary>
    Manual = 2,
}

/// <summary>
/// One tie of the liaison plan of a year: a cadre (or, for a pairing, a unit) linked to a
/// division. Ties are never deleted: ending one keeps it as history with the reason.
/// </summary>
public sealed class LiaisonTie
{
    public long Id { get; set; }
    public int Year { get; set; }
    public TieKind Kind { get; set; }
    /// <summary>The cadre; null for a pairing.</summary>
    public int? CadreId { get; set; }
    /// <summary>The unit of a pairing; null otherwise.</summary>
    public int? UnitId { get; set; }
    public required string DivisionCode { get; set; }
    public DateOnly Since { get; set; }
    /// <summary>Set when the tie ended; current ties have none.</summary>
    public DateOnly? Until { get; set; }
    public TieOrigin Origin { get; set; }
    /// <summary>Locked by hand: the planner neither moves nor ends it.</summary>
    public bool Locked { get; set; }
    /// <summary>Why the tie exists: the planner's explanation or the reason given by the person who made it.</summary>
    public string? Reason { get; set; }
    /// <summary>The planner's explanation in English; a person's own reason has only <see cref="Reason"/>.</summary>
    public string? ReasonEn { get; set; }
    public string? EndReason { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public string? ChangedBy { get; set; }

    public bool IsCurrent => Until is null;

    public string? ReasonIn(bool english) => english && ReasonEn is not null ? ReasonEn : Reason;

    /// <summary>
    /// The day a tie (or a posting) made on <paramref name="today"/> for <paramref name="year"/>
    /// starts: that day in the year under way, 1 January in any other year (a plan made ahead for
    /// next year, or filled in for one gone, holds for its whole year).
    /// </summary>
    public static DateOnly StartsOn(int year, DateOnly today) => year == today.Year ? today : new DateOnly(year, 1, 1);

    /// <summary>A start day chosen by hand must lie in the plan's year: a tie belongs to one year.</summary>
    public static Shared.Problem? StartProblem(int year, DateOnly startsOn) => startsOn.Year == year ? null
        : new Shared.Problem("since", $"开始日期 {startsOn:yyyy-MM-dd} 不在 {year} 年度内", $"the start day {startsOn:yyyy-MM-dd} is not in {year}") { Code = "since-outside-year" };
}

/// <summary>A concentrated stay planned in the village of a tie (a pairing's half-yearly stay, a leader's residence days).</summary>
public sealed class PlannedStay
{
    public long Id { get; set; }
    public long TieId { get; set; }
    public DateOnly StartsOn { get; set; }
    public int Days { get; set; }
}
