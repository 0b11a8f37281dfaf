using Liaison.Domain.Field;

namespace Liaison.Domain.Shared;

/// <summary>Names of field-work terms for pages and reports.</summary>
public static class FieldTerms
{
    public static IReadOnlyDictionary<ActivityKind, Term> Activities { get; } = new Dictionary<ActivityKind, Term>
    {
        [ActivityKind.PartyMemberVisit] = new("走访党员", "Party members visited"),
        [ActivityKind.Questionnaire] = new("问卷调查", "Questionnaires"),
        [ActivityKind.Symposium] = new("座谈会", "Symposiums"),
        [ActivityKind.StudyTrip] = new("外出考察", "Study trips"),
        [ActivityKind.EatLiveWork] = new("同吃同住同劳动（天）", "Days eating, living and working with villagers"),
    };

    public static IReadOnlyDictionary<RecordSource, Term> Sources { get; } = new Dictionary<RecordSource, Term>
    {
        [RecordSource.Phone] = new("手机", "phone"),
        [RecordSource.WorkGroup] = new("工作组代录", "entered by the work group"),
        [RecordSource.System] = new("系统", "system"),
    };

    /// <summary>The plausibility flags' names (合理性提示).</summary>
    public static IReadOnlyDictionary<FlagKind, Term> Flags { get; } = new Dictionary<FlagKind, Term>
    {
        [FlagKind.FarFromVillage] = new("记录位置远离村庄", "far from the village"),
        [FlagKind.ImpossibleTravel] = new("前后两条记录间移动过快", "impossible travel between records"),
        [FlagKind.TooManyInDay] = new("一天走访户数过多", "too many visits in a day"),
        [FlagKind.CopiedNote] = new("走访记录逐字雷同", "note copied from another visit"),
    };

    public static Term Flag(FlagKind kind) => Flags.TryGetValue(kind, out var t) ? t : Term.Same(kind.ToString());
}
