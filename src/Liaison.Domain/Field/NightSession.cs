using Liaison.Domain.Shared;

namespace Liaison.Domain.Field;

/// <summary>What became of one matter raised at a night session (DOMAIN.md section 3: solve on the spot, or explain and escalate).</summary>
public enum NightOutcome
{
    /// <summary>当场解决.</summary>
    Solved = 1,
    /// <summary>解释说明: a question answered, a policy explained; nothing left to do.</summary>
    Explained = 2,
    /// <summary>解释并上报: explained to the people and taken up as a case (the session is its source).</summary>
    Escalated = 3,
}

/// <summary>
/// 夜谈夜访 (issue 20): a themed evening session in a village — the topic, who came, and each matter
/// raised with what became of it. A matter escalated becomes a case of the night-visit channel whose
/// source is the session, so it is followed up like any other; the session keeps the counts of its
/// matters, which the report sums (<c>night_sessions</c>, <c>night_session_people</c>, <c>night_matters_solved</c>).
/// Recorded once, as held (from the phone, exactly once by its <see cref="ClientId"/>); not edited afterwards (a case it raised moves on by itself).
/// </summary>
public sealed class NightSession : Years.IYearRecord
{
    public long Id { get; set; }
    public required string VillageCode { get; set; }
    public int Year { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string Topic { get; set; }
    public string? Place { get; set; }
    /// <summary>How many villagers came (人次).</summary>
    public int People { get; set; }
    /// <summary>Who came, as the record says it (党员、村民代表、留守老人…): groups, not a list of names.</summary>
    public string? Attendees { get; set; }
    /// <summary>The cadre who held the session, when one is named (a cadre's own record names them).</summary>
    public int? CadreId { get; set; }
    public int Raised { get; set; }
    public int Solved { get; set; }
    public int Explained { get; set; }
    public int Escalated { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    /// <summary>The id the phone gave the record (its offline queue sends it until answered): stored once; null for the office's form.</summary>
    public Guid? ClientId { get; set; }

    public const int MaxTopic = 200;
    public const int MaxText = 500;
    public const int MaxPeople = 5_000;
    /// <summary>A session is recorded within this many days of being held (the office's late entries included).</summary>
    public const int RecordWithinDays = 60;

    public static Term Word(NightOutcome outcome) => outcome switch
    {
        NightOutcome.Solved => new("当场解决", "solved on the spot"),
        NightOutcome.Explained => new("解释说明", "explained"),
        _ => new("解释并上报", "explained and escalated"),
    };
}

/// <summary>One matter raised at a night session, in the order raised, with what became of it (and its case when escalated).</summary>
public sealed class NightMatter
{
    public long Id { get; set; }
    public long SessionId { get; set; }
    public int Line { get; set; }
    public required string Text { get; set; }
    public NightOutcome Outcome { get; set; }
    public long? CaseId { get; set; }
}

/// <summary>The night sessions' words, shared by their pages.</summary>
public static class NightWords
{
    public static Term Sessions { get; } = new("夜谈夜访", "Night sessions");
    public static Term Topic { get; } = new("主题", "Topic");
    public static Term People { get; } = new("参加群众（人次）", "People who came");
    public static Term Raised { get; } = new("反映事项", "Matters raised");
    public static Term CaseCategory { get; } = new("上报时的问题类别", "Category if escalated");
    public static Term Place { get; } = new("地点（选填）", "Place (optional)");
    public static Term Attendees { get; } = new("参加人员（如党员、村民代表、留守老人）", "Who came (e.g. party members, villagers' representatives, elderly left behind)");
}
