using Liaison.Domain.Supervision;

namespace Liaison.Domain.Assessment;

/// <summary>A villager's rating of a cadre (群众评议): the three answers the programme's forms use.</summary>
public enum Rating
{
    /// <summary>不满意</summary>
    Dissatisfied = 1,
    /// <summary>基本满意</summary>
    Basically = 2,
    /// <summary>满意</summary>
    Satisfied = 3,
}

/// <summary>A person's satisfaction: the ratings counted, the mean score (满意 100, 基本满意 60, 不满意 0), the satisfaction rate (满意 and 基本满意 of all) with its interval.</summary>
public sealed record SatisfactionStanding(int Ratings, double Score, ProportionEstimate Rate);

public static class Satisfaction
{
    public static double Points(Rating r) => r switch { Rating.Satisfied => 100, Rating.Basically => 60, _ => 0 };

    /// <summary>The standing from the ratings' counts; the interval is Wilson's (exact where few: <see cref="Proportions.Interval"/>).</summary>
    public static SatisfactionStanding Of(int satisfied, int basically, int dissatisfied, double confidence = 0.95)
    {
        var n = satisfied + basically + dissatisfied;
        var score = n == 0 ? 0 : Math.Round((satisfied * 100.0 + basically * 60.0) / n, 2, MidpointRounding.AwayFromZero);
        var rate = n == 0 ? new ProportionEstimate(0, 0, 0, 0, 1, IntervalMethod.Wilson) : Proportions.Interval(satisfied + basically, n, confidence);
        return new SatisfactionStanding(n, score, rate);
    }

    public static Shared.Term Word(Rating r) => r switch
    {
        Rating.Satisfied => new("满意", "Satisfied"),
        Rating.Basically => new("基本满意", "Basically satisfied"),
        _ => new("不满意", "Not satisfied"),
    };
}
