using Liaison.Domain.People;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;

namespace Liaison.Domain.Liaisons;

/// <summary>One cadre's place in the programme and what they recorded in the year.</summary>
public sealed record CadreParticipation(int CadreId, IReadOnlyList<Term> Ways, int Visits, int Days, ParticipationRules Rules, bool Expected)
{
    /// <summary>Whether the cadre belongs to the programme at all (a tie, a posting, the unit's pairing).</summary>
    public bool HasPlace => Ways.Count > 0;

    /// <summary>Whether the cadre took part: the year's visits and days reach what the policy asks.</summary>
    public bool TakesPart => Participation.TakesPart(Visits, Days, Rules);
}

/// <summary>
/// 全员参与: who takes part through what, and who does not take part at all — a compliance list of a
/// unit's cadres, not a ranking — and the programme's participation rate, cadres taking part ÷
/// cadres expected to (<see cref="ParticipationRules"/>). The list, the rollups and <c>report verify</c>
/// all decide with these functions.
/// </summary>
public static class Participation
{
    /// <summary>Whether a cadre of a unit at <paramref name="level"/> is expected to take part.</summary>
    public static bool Expected(UnitLevel level, ParticipationRules rules) => rules.UnitLevels.Contains(level);

    /// <summary>
    /// Whether a year's visits and days reach the policy's minimums: each minimum set must be met;
    /// with none set, one visit or one day is enough.
    /// </summary>
    public static bool TakesPart(int visits, int days, ParticipationRules rules) =>
        rules.MinimumVisits == 0 && rules.MinimumDays == 0
            ? visits > 0 || days > 0
            : visits >= rules.MinimumVisits && days >= rules.MinimumDays;

    /// <summary>
    /// The month (1–12) by whose end the visits and days counted from <paramref name="fromMonth"/>
    /// reach the minimums, or null when they do not by <paramref name="toMonth"/>: the month a
    /// cadre is counted as taking part, so that a period's figure adds up from its months.
    /// </summary>
    /// <param name="visits">Visits by month, January first (12 elements).</param>
    /// <param name="days">Residence days by month, January first (12 elements).</param>
    /// <param name="rules">The year's policy.</param>
    /// <param name="fromMonth">The first month counted (a period's).</param>
    /// <param name="toMonth">The last month counted.</param>
    public static int? MetIn(IReadOnlyList<int> visits, IReadOnlyList<int> days, ParticipationRules rules, int fromMonth = 1, int toMonth = 12)
    {
        int v = 0, d = 0;
        for (var m = fromMonth; m <= toMonth; m++)
        {
            v += visits[m - 1];
            d += days[m - 1];
            if (TakesPart(v, d, rules))
            {
                return m;
            }
        }
        return null;
    }

    /// <summary>The ways a cadre belongs, in words: each tie's kind, a posting, the unit's pairing, the work teams (by the level of the division each is stationed in).</summary>
    public static IReadOnlyList<Term> Ways(IEnumerable<TieKind> ties, bool posted, bool pairingMember, IEnumerable<Divisions.DivisionLevel> teams)
    {
        var ways = ties.Distinct().Order().Select(k => Terms.TieKinds[k]).ToList();
        if (posted)
        {
            ways.Add(Words.FirstSecretary);
        }
        if (pairingMember)
        {
            ways.Add(new Term("联建单位成员", "member of the unit's pairing"));
        }
        ways.AddRange(teams.Distinct().Order().Select(WorkTeamTerms.Membership));
        return ways;
    }
}
