using Liaison.Domain.Liaisons;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;

namespace Liaison.Domain.Secretaries;

/// <summary>What is known of a hand-made posting before it is decided: the village (null if no such village), and who is posted where already.</summary>
/// <param name="VillageCode">The village as the office named it.</param>
/// <param name="Village">That village, or null when there is none.</param>
/// <param name="VillageTaken">The village has a First Secretary already (other than the posting being replaced).</param>
/// <param name="CadreTaken">The cadre serves in another village already (other than the posting being replaced).</param>
public sealed record HandPostingFacts(string VillageCode, Place? Village, bool VillageTaken, bool CadreTaken);

/// <summary>
/// The hard rules of a posting an office makes by hand — moving a First Secretary, or replacing one
/// with another selected candidate (DOMAIN.md section 2.6): only a village that needs a First
/// Secretary, one per village and one village per cadre, inside the dispatching level's
/// jurisdiction, never the cadre's home township. The same rules the match obeys
/// (<see cref="MatchCosts.Check"/>); an office may override the match's preferences, never these.
/// </summary>
public static class HandPosting
{
    /// <summary>The refusal, naming the field at fault; null when the posting may be made.</summary>
    public static Problem? Check(FirstSecretaryRules rules, MatchCosts model, MatchCandidate candidate, HandPostingFacts facts)
    {
        if (facts.Village is not { } village || !rules.Needs(village))
        {
            return new Problem("village", $"{facts.VillageCode} 不是需要第一书记的村", $"{facts.VillageCode} is not a village that needs a First Secretary");
        }
        if (facts.VillageTaken)
        {
            return new Problem("village", $"{village.Name} 已有第一书记", $"{village.Name} has a First Secretary already");
        }
        if (facts.CadreTaken)
        {
            return new Problem("cadre", $"{candidate.Name} 已在其他村任第一书记", $"{candidate.Name} serves in another village already");
        }
        return model.Check(candidate, village) switch
        {
            Forbidden.Jurisdiction => new Problem("village", $"{village.Name} 不在选派单位 {candidate.DispatchDivision} 的辖区内", $"{village.Name} lies outside the call's jurisdiction {candidate.DispatchDivision}"),
            Forbidden.HomeTownship => new Problem("village", $"{village.Name} 在{candidate.Name}家乡所在乡镇，须回避", $"{village.Name} is in {candidate.Name}'s home township, which is avoided"),
            _ => null,
        };
    }
}
