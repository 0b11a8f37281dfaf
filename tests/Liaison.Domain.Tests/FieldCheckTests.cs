using Liaison.Domain.Field;

namespace Liaison.Domain.Tests;

/// <summary>The plausibility rules of arriving field records (<see cref="FieldChecks"/>), as tables: no database.</summary>
public class FieldCheckTests
{
    /// <summary>A cadre tied to 370101001001 in 2026 and First Secretary of 370101001002; now is 2026-06-15 10:00 in China, with 10 minutes' lead.</summary>
    private sealed class Cadre : IFieldFacts
    {
        public DateTimeOffset Latest { get; } = new DateTimeOffset(2026, 6, 15, 10, 10, 0, TimeSpan.FromHours(8));

        public IReadOnlyCollection<int> Years { get; } = [2026];

        public bool Serves(int year, string village) => year == 2026 && village is Tied or Posted;

        public bool IsSecretary(int year, string village) => year == 2026 && village == Posted;
    }

    private const string Tied = "370101001001";
    private const string Posted = "370101001002";
    private static readonly IFieldFacts Facts = new Cadre();
    private static readonly Guid Id = new("6f1c2a4e-0000-4000-8000-000000000002");

    private static DateTimeOffset At(int month, int day, int hour = 9) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    private static string Fields(List<Shared.Problem> problems) => string.Join(",", problems.Select(p => p.Field));

    public static TheoryData<VisitInput, string?, string> Visits => new()
    {
        { new VisitInput(Id, 1, At(6, 1)), Tied, "" },
        { new VisitInput(Id, 1, null), Tied, "visitedAt" },
        // Later today but within the phone clock's lead: stored; beyond it: refused.
        { new VisitInput(Id, 1, At(6, 15, 10).AddMinutes(5)), Tied, "" },
        { new VisitInput(Id, 1, At(6, 15, 11)), Tied, "visitedAt" },
        { new VisitInput(Id, 1, At(6, 20)), Tied, "visitedAt" },
        // A year without a village: the date is refused, and the household is not judged against that year.
        { new VisitInput(Id, 1, new DateTimeOffset(2025, 12, 31, 9, 0, 0, TimeSpan.FromHours(8))), Tied, "visitedAt" },
        // 2025-12-31 17:00 UTC is 2026-01-01 in China: the programme's year is China's.
        { new VisitInput(Id, 1, new DateTimeOffset(2025, 12, 31, 17, 0, 0, TimeSpan.Zero)), Tied, "" },
        // No such household, and one of another village: the same answer.
        { new VisitInput(Id, 1, At(6, 1)), null, "household" },
        { new VisitInput(Id, 1, At(6, 1)), "370101001009", "household" },
        { new VisitInput(Id, null, At(6, 1)), null, "household" },
        { new VisitInput(Id, 1, At(6, 1), Note: new string('字', FieldChecks.MaxNote)), Tied, "" },
        { new VisitInput(Id, 1, At(6, 1), Note: new string('字', FieldChecks.MaxNote + 1)), Tied, "note" },
        { new VisitInput(Id, 1, At(6, 1), Note: "电话 \u202E1234"), Tied, "note" },
        { new VisitInput(Id, 1, At(6, 1), Note: "第一行\n第二行\t"), Tied, "" },
        { new VisitInput(Id, 1, At(6, 1), Latitude: 35.4, Longitude: 116.6), Tied, "" },
        { new VisitInput(Id, 1, At(6, 1), Latitude: 35.4), Tied, "latitude" },
        { new VisitInput(Id, 1, At(6, 1), Latitude: 91, Longitude: 116.6), Tied, "latitude" },
        { new VisitInput(Id, 1, At(6, 1), Latitude: double.NaN, Longitude: 116.6), Tied, "latitude" },
        { new VisitInput(Id, 1, At(6, 1), Issues: [.. Enumerable.Repeat("路灯坏了", FieldChecks.MaxIssues)]), Tied, "" },
        { new VisitInput(Id, 1, At(6, 1), Issues: [.. Enumerable.Repeat("路灯坏了", FieldChecks.MaxIssues + 1)]), Tied, "issues" },
        { new VisitInput(Id, 1, At(6, 1), Issues: ["好", "\u0007"]), Tied, "issues[1]" },
    };

    [Theory]
    [MemberData(nameof(Visits))]
    public void A_visit_is_refused_by_the_field_at_fault(VisitInput visit, string? householdVillage, string fields) =>
        Assert.Equal(fields, Fields(FieldChecks.Visit(visit, householdVillage, Facts)));

    public static TheoryData<StayInput, string> Stays => new()
    {
        { new StayInput(Id, Tied, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 3)), "" },
        // "In the village today": no day of leaving.
        { new StayInput(Id, " " + Tied + " ", new DateOnly(2026, 6, 15), null), "" },
        { new StayInput(Id, Posted, new DateOnly(2026, 6, 1), null), "" },
        { new StayInput(Id, Tied, null, null), "arrived,left" },
        { new StayInput(Id, Tied, new DateOnly(2026, 6, 3), new DateOnly(2026, 6, 1)), "left" },
        { new StayInput(Id, Tied, new DateOnly(2026, 6, 14), new DateOnly(2026, 6, 16)), "left" },
        { new StayInput(Id, Tied, new DateOnly(2025, 12, 30), new DateOnly(2026, 1, 2)), "arrived" },
        { new StayInput(Id, "370101001009", new DateOnly(2026, 6, 1), null), "village" },
        { new StayInput(Id, "  ", new DateOnly(2026, 6, 1), null), "village" },
        // A position is optional; one that is sent lies on the globe, both coordinates or neither.
        { new StayInput(Id, Tied, new DateOnly(2026, 6, 1), null, 35.4, 116.6), "" },
        { new StayInput(Id, Tied, new DateOnly(2026, 6, 1), null, 91, 116.6), "latitude" },
        { new StayInput(Id, Tied, new DateOnly(2026, 6, 1), null, 35.4, null), "latitude" },
        { new StayInput(Id, Tied, new DateOnly(2026, 6, 1), null, double.NaN, 116.6), "latitude" },
        { new StayInput(Id, Tied, new DateOnly(2026, 6, 3), new DateOnly(2026, 6, 1), 35.4, 181), "left,latitude" },
    };

    [Theory]
    [MemberData(nameof(Stays))]
    public void A_stay_lies_in_one_programme_year_in_one_of_the_cadres_villages(StayInput stay, string fields) =>
        Assert.Equal(fields, Fields(FieldChecks.Stay(stay, Facts)));

    public static TheoryData<ActivityInput, string> Activities => new()
    {
        { new ActivityInput(Id, Posted, ActivityKind.Symposium, new DateOnly(2026, 6, 1), 1, 30), "" },
        // Only where the cadre is First Secretary, not merely tied.
        { new ActivityInput(Id, Tied, ActivityKind.Symposium, new DateOnly(2026, 6, 1), 1, 30), "village" },
        { new ActivityInput(Id, Posted, null, new DateOnly(2026, 6, 1), 1), "kind" },
        { new ActivityInput(Id, Posted, (ActivityKind)99, new DateOnly(2026, 6, 1), 1), "kind" },
        { new ActivityInput(Id, Posted, ActivityKind.Questionnaire, new DateOnly(2026, 6, 1), 0), "count" },
        { new ActivityInput(Id, Posted, ActivityKind.Questionnaire, new DateOnly(2026, 6, 1), 10_001), "count" },
        { new ActivityInput(Id, Posted, ActivityKind.StudyTrip, new DateOnly(2026, 6, 1), 1, -1), "people" },
        { new ActivityInput(Id, Posted, ActivityKind.StudyTrip, new DateOnly(2026, 7, 1), 1), "on" },
    };

    [Theory]
    [MemberData(nameof(Activities))]
    public void A_first_secretary_activity_is_checked_field_by_field(ActivityInput activity, string fields) =>
        Assert.Equal(fields, Fields(FieldChecks.Activity(activity, Facts)));

    [Fact]
    public void Problems_are_told_in_both_languages()
    {
        var problem = Assert.Single(FieldChecks.Stay(new StayInput(Id, "370101001009", new DateOnly(2026, 6, 1), null), Facts));
        Assert.Contains("370101001009", problem.Zh);
        Assert.Contains("370101001009", problem.En);
        Assert.NotEqual(problem.Zh, problem.En);
    }
}
