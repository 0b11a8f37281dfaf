using Liaison.Domain.Field;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;

namespace Liaison.Domain.Tests;

public class FieldTests
{
    private static readonly FieldRules Rules = new();
    private static readonly Dictionary<string, (double Lat, double Lon)> Villages = new()
    {
        ["370830001001"] = (35.40, 116.60),
        ["370830001002"] = (35.42, 116.62),
        ["370881001001"] = (35.60, 116.98), // about 40 km away
    };

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 5, day, hour, minute, 0, ChinaTime.Offset);

    [Fact]
    public void Residence_days_count_each_day_once_within_the_year()
    {
        var days = Residence.DaysIn(2026, [
            (new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 5)),
            (new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 6)),    // overlaps two days
            (new DateOnly(2025, 12, 30), new DateOnly(2026, 1, 2)), // two days in 2026
            (new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 1)),
        ]);
        Assert.Equal(6 + 2 + 1, days);
    }

    [Fact]
    public void A_standing_says_how_far_behind_and_what_is_left_of_the_year()
    {
        var requirement = new ResidenceRequirement(1, "370830001001", new Term("县级领导班子成员", "county leader"), 14);
        var standing = Residence.Stand(requirement, 2026, new DateOnly(2026, 12, 20), [(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 5))]);
        Assert.Equal((5, 9, 12), (standing.Days, standing.Behind, standing.DaysLeft));
        Assert.False(standing.Met);
        Assert.True(standing.StillPossible);
        var late = Residence.Stand(requirement, 2026, new DateOnly(2026, 12, 28), []);
        Assert.False(late.StillPossible);
        Assert.True(Residence.Stand(requirement, 2026, new DateOnly(2027, 1, 5), [(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 14))]).Met);
    }

    [Fact]
    public void A_visit_far_from_its_village_is_flagged_with_the_distance()
    {
        var flags = Plausibility.Check([new VisitFacts(1, 7, 100, "370830001001", At(1, 9), null, 35.60, 116.98)], Villages, Rules);
        var flag = Assert.Single(flags);
        Assert.Equal(FlagKind.FarFromVillage, flag.Kind);
        Assert.Matches(@"记录位置距村 \d+\.\d 公里", flag.EvidenceZh);
        Assert.Empty(Plausibility.Check([new VisitFacts(1, 7, 100, "370830001001", At(1, 9), null, 35.401, 116.601)], Villages, Rules));
    }

    [Fact]
    public void A_stay_recorded_far_from_its_village_is_flagged_by_the_stay_and_takes_no_part_in_travel()
    {
        var visit = new VisitFacts(1, 7, 100, "370830001001", At(1, 9), null, null, null);
        var flag = Assert.Single(Plausibility.Check([visit], Villages, Rules, [new StayFacts(5, 7, "370830001001", 35.60, 116.98)]));
        Assert.Equal((FlagKind.FarFromVillage, 7), (flag.Kind, flag.CadreId));
        Assert.Equal([5L], flag.StayIds);
        Assert.Empty(flag.VisitIds);
        Assert.Matches(@"记录位置距村 \d+\.\d 公里", flag.EvidenceZh);
        Assert.Empty(Plausibility.Check([visit], Villages, Rules, [new StayFacts(5, 7, "370830001001", 35.401, 116.601)]));
    }

    [Fact]
    public void Consecutive_records_too_far_apart_for_the_time_between_are_flagged()
    {
        var visits = new[]
        {
            new VisitFacts(1, 7, 100, "370830001001", At(1, 9, 0), null, null, null),
            new VisitFacts(2, 7, 200, "370881001001", At(1, 9, 10), null, null, null), // 40 km in 10 minutes, by village coordinates
            new VisitFacts(3, 8, 300, "370881001001", At(1, 9, 11), null, null, null), // another cadre: no pair with cadre 7
        };
        var flag = Assert.Single(Plausibility.Check(visits, Villages, Rules));
        Assert.Equal((FlagKind.ImpossibleTravel, 7), (flag.Kind, flag.CadreId));
        Assert.Equal([1L, 2L], flag.VisitIds);
        Assert.Contains("10 分钟内移动", flag.EvidenceZh, StringComparison.Ordinal);
        // Two hours later the same trip is plausible.
        Assert.Empty(Plausibility.Check([visits[0], visits[1] with { At = At(1, 11) }], Villages, Rules));
    }

    [Fact]
    public void More_visits_in_a_china_day_than_plausible_are_flagged_once_for_the_day()
    {
        var rules = Rules with { PlausibleVisitsPerDay = 3 };
        var visits = Enumerable.Range(0, 4).Select(i => new VisitFacts(i + 1, 7, 100 + i, "370830001001", At(2, 8 + i), null, null, null))
            .Append(new VisitFacts(9, 7, 200, "370830001001", new DateTimeOffset(2026, 5, 2, 17, 0, 0, TimeSpan.Zero), null, null, null)) // 01:00 on the 3rd in China
            .ToList();
        var flag = Assert.Single(Plausibility.Check(visits, Villages, rules));
        Assert.Equal(FlagKind.TooManyInDay, flag.Kind);
        Assert.Equal(4, flag.VisitIds.Count);
        Assert.Contains("2026-05-02 一天走访 4 户（合理上限 3）", flag.EvidenceZh, StringComparison.Ordinal);
    }

    [Fact]
    public void A_note_copied_word_for_word_is_flagged_against_the_first_one_and_short_notes_are_not()
    {
        const string note = "了解家庭收入情况，宣传惠民政策。";
        var visits = new[]
        {
            new VisitFacts(1, 7, 100, "370830001001", At(1, 9), note, null, null),
            new VisitFacts(2, 8, 101, "370830001001", At(3, 9), "了解家庭收入情况，  宣传惠民政策。", null, null),
            new VisitFacts(3, 7, 102, "370830001001", At(4, 9), "身体好", null, null),
            new VisitFacts(4, 7, 103, "370830001001", At(5, 9), "身体好", null, null),
        };
        var flag = Assert.Single(Plausibility.Check(visits, Villages, Rules));
        Assert.Equal((FlagKind.CopiedNote, 8), (flag.Kind, flag.CadreId));
        Assert.Equal([2L, 1L], flag.VisitIds);
        Assert.Contains("走访 #1", flag.EvidenceZh, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "year": 2026, "field": { "firstSecretaryResidenceDays": 400 } }""", "field.residence")]
    [InlineData("""{ "year": 2026, "field": { "plausibleVisitsPerDay": 0 } }""", "field.plausible")]
    [InlineData("""{ "year": 2026, "field": { "maxKilometresFromVillage": -1 } }""", "field.plausible")]
    public void Field_rules_out_of_range_are_refused(string json, string rule)
    {
        var (policy, problems) = PolicyDocument.Parse(json);
        Assert.Null(policy);
        Assert.Contains(problems, p => p.Rule == rule);
    }
}
