using Liaison.Domain.Shared;

namespace Liaison.Domain.Liaisons;

/// <summary>One cadre's place in the programme and what they recorded in the year.</summary>
public sealed record CadreParticipation(int CadreId, IReadOnlyList<Term> Ways, int Visits, int Days)
{
    /// <summary>Whether the cadre belongs to the programme at all (a tie, a posting, the unit's pairing).</summary>
    public bool HasPlace => Ways.Count > 0;

    /// <summary>Whether the cadre took part: recorded a stay or a visit in the year.</summary>
    public bool TakesPart => Participation.TakesPart(Visits, Days);
}

/// <summary>
/// 全员参与: who takes part through what, and who does not take part at all — a compliance list of a
/// unit's cadres, not a ranking. Taking part is a stay or a visit recorded in the year.
/// </summary>
public static class Participation
{
    public static bool TakesPart(int visits, int days) => visits > 0 || days > 0;

    /// <summary>The ways a cadre belongs, in words: each tie's kind, a posting, the unit's pairing.</summary>
    public static IReadOnlyList<Term> Ways(IEnumerable<TieKind> ties, bool posted, bool pairingMember)
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
        return ways;
    }
}
