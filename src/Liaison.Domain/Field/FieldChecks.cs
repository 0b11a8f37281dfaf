using Liaison.Domain.Shared;

namespace Liaison.Domain.Field;

/// <summary>
/// What checking a cadre's field records needs to know of the cadre and the moment: the latest time
/// a record may carry (now plus the phone clock's allowed lead), the programme years in which the
/// cadre has a village, and which villages the cadre serves (tie or posting) and heads as First
/// Secretary in a year — already narrowed to an office's jurisdiction when it records on the
/// cadre's behalf. Data loads them (<c>FieldContext</c>); the checks below decide.
/// </summary>
public interface IFieldFacts
{
    DateTimeOffset Latest { get; }

    IReadOnlyCollection<int> Years { get; }

    bool Serves(int year, string village);

    bool IsSecretary(int year, string village);
}

/// <summary>
/// The plausibility rules of one field record as it arrives (decision 0008): dates in a programme
/// year and not in the future, the household or village one of the cadre's, notes of bounded length
/// without hidden characters, coordinates on the globe, First Secretary activities only where the
/// cadre is First Secretary. Each problem names the field it concerns; an empty list means the
/// record may be stored. Pure: the store loads the facts and the household's village, then asks.
/// </summary>
public static class FieldChecks
{
    /// <summary>Characters of a note (and of each issue raised on a visit) at most.</summary>
    public const int MaxNote = 500;

    /// <summary>Issues raised on one visit at most.</summary>
    public const int MaxIssues = 10;

    /// <param name="visit">The visit as sent.</param>
    /// <param name="householdVillage">The village of the visited household; null when no such household exists.</param>
    /// <param name="facts">The cadre's villages and the moment.</param>
    public static List<Problem> Visit(VisitInput visit, string? householdVillage, IFieldFacts facts)
    {
        var problems = new List<Problem>();
        if (visit.VisitedAt is not { } at)
        {
            problems.Add(new("visitedAt", "缺少走访时间", "the time of the visit is missing") { Code = "missing" });
        }
        else
        {
            CheckDate(problems, "visitedAt", ChinaTime.DateOf(at), facts);
            if (problems.Count == 0 && at > facts.Latest)
            {
                problems.Add(new("visitedAt", "走访时间在现在之后", "the time of the visit lies in the future") { Code = "in-the-future" });
            }
        }
        // One answer for a household that does not exist and one outside the cadre's villages: nothing to learn of other villages.
        if (visit.Household is null || householdVillage is null
            || (visit.VisitedAt is { } t && problems.Count == 0 && !facts.Serves(ChinaTime.DateOf(t).Year, householdVillage)))
        {
            problems.Add(new("household", $"农户 {visit.Household} 不存在或不在你联系的村", $"household {visit.Household} does not exist or is not in your villages") { Code = "not-your-household" });
        }
        CheckNote(problems, "note", visit.Note);
        CheckPosition(problems, visit.Latitude, visit.Longitude);
        var issues = visit.Issues ?? [];
        if (issues.Count > MaxIssues)
        {
            problems.Add(new("issues", $"一次走访最多记录 {MaxIssues} 个问题", $"at most {MaxIssues} issues per visit") { Code = "too-many-issues" });
        }
        for (var i = 0; i < issues.Count; i++)
        {
            CheckNote(problems, $"issues[{i}]", issues[i]);
        }
        return problems;
    }

    public static List<Problem> Stay(StayInput stay, IFieldFacts facts)
    {
        var problems = new List<Problem>();
        CheckDate(problems, "arrived", stay.Arrived, facts);
        CheckDate(problems, "left", stay.Left ?? stay.Arrived, facts);
        if (problems.Count == 0)
        {
            var (arrived, left) = (stay.Arrived!.Value, stay.Left ?? stay.Arrived!.Value);
            if (left < arrived)
            {
                problems.Add(new("left", "离村日期早于到村日期", "the day of leaving comes before the day of arrival") { Code = "left-before-arrived" });
            }
            else if (left.Year != arrived.Year)
            {
                problems.Add(new("left", "一次驻村不跨年度：请分两条记录", "a stay lies within one year: send it as two") { Code = "across-years" });
            }
            else
            {
                CheckVillage(problems, "village", stay.Village?.Trim(), arrived.Year, facts);
            }
        }
        CheckPosition(problems, stay.Latitude, stay.Longitude);
        return problems;
    }

    public static List<Problem> Activity(ActivityInput activity, IFieldFacts facts)
    {
        var problems = new List<Problem>();
        if (activity.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            problems.Add(new("kind", "活动类别无效（partyMemberVisit、questionnaire、symposium、studyTrip、eatLiveWork）", "unknown kind (partyMemberVisit, questionnaire, symposium, studyTrip, eatLiveWork)") { Code = "unknown-kind" });
        }
        CheckDate(problems, "on", activity.On, facts);
        if (activity.Count is not (>= 1 and <= 10_000))
        {
            problems.Add(new("count", "数量须在 1–10000 之间", "the count lies between 1 and 10,000") { Code = "out-of-range" });
        }
        if (activity.People is < 0 or > 100_000)
        {
            problems.Add(new("people", "人数须在 0–100000 之间", "people lie between 0 and 100,000") { Code = "out-of-range" });
        }
        CheckNote(problems, "note", activity.Note);
        if (problems.Count == 0 && !facts.IsSecretary(activity.On!.Value.Year, activity.Village?.Trim() ?? ""))
        {
            problems.Add(new("village", $"{activity.Village} 不是你 {activity.On.Value.Year} 年任第一书记的村", $"{activity.Village} is not a village where you are First Secretary in {activity.On.Value.Year}") { Code = "not-first-secretary" });
        }
        return problems;
    }

    /// <summary>A text as stored: trimmed, and null when blank.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A date's problems common to every kind: missing, in the future, or in a year the cadre has no village.</summary>
    private static void CheckDate(List<Problem> problems, string field, DateOnly? date, IFieldFacts facts)
    {
        if (date is not { } d)
        {
            problems.Add(new(field, "缺少日期", "the date is missing") { Code = "missing" });
        }
        else if (d > ChinaTime.DateOf(facts.Latest))
        {
            problems.Add(new(field, $"日期 {d:yyyy-MM-dd} 在今天之后", $"the date {d:yyyy-MM-dd} lies in the future") { Code = "in-the-future" });
        }
        else if (!facts.Years.Contains(d.Year))
        {
            var years = facts.Years.Count == 0 ? "无" : string.Join("、", facts.Years.Order());
            problems.Add(new(field, $"日期 {d:yyyy-MM-dd} 不在你的驻村工作年度内（{years}）", $"the date {d:yyyy-MM-dd} lies outside your programme years ({years})") { Code = "outside-programme-years" });
        }
    }

    /// <summary>A position is optional; one that is sent lies on the globe, with both of its coordinates.</summary>
    private static void CheckPosition(List<Problem> problems, double? latitude, double? longitude)
    {
        if (latitude is < -90 or > 90 || longitude is < -180 or > 180 || (latitude is null) != (longitude is null)
            || latitude is { } lat && !double.IsFinite(lat) || longitude is { } lon && !double.IsFinite(lon))
        {
            problems.Add(new("latitude", "坐标无效（纬度 −90 到 90，经度 −180 到 180，须同时提供）", "invalid coordinates (latitude −90 to 90, longitude −180 to 180, both or neither)") { Code = "coordinates" });
        }
    }

    private static void CheckNote(List<Problem> problems, string field, string? note)
    {
        if (note is { Length: > MaxNote })
        {
            problems.Add(new(field, $"不超过 {MaxNote} 字（现 {note.Length} 字）", $"at most {MaxNote} characters (this has {note.Length})") { Code = "too-long" });
        }
        else if (note is not null && note.Any(IsHidden))
        {
            // Such characters can make a note read differently from what it stores (a reversed phone number, a hidden line).
            problems.Add(new(field, "含有控制字符或文字方向控制符", "contains control or text-direction characters") { Code = "hidden-characters" });
        }
    }

    /// <summary>Control characters other than line breaks and tabs, and the bidirectional formatting characters.</summary>
    private static bool IsHidden(char c) =>
        (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    private static void CheckVillage(List<Problem> problems, string field, string? village, int year, IFieldFacts facts)
    {
        if (string.IsNullOrWhiteSpace(village))
        {
            problems.Add(new(field, "缺少村代码", "the village code is missing") { Code = "missing" });
        }
        else if (!facts.Serves(year, village))
        {
            problems.Add(new(field, $"{village} 不是你 {year} 年联系的村", $"{village} is not one of your villages in {year}") { Code = "not-your-village" });
        }
    }
}
