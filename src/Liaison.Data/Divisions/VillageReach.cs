using Liaison.Domain.Divisions;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Divisions;

/// <summary>
/// The village a record names, judged in one place for the stores that record in a village (deeds,
/// commitments, agreements, night sessions, rectification plans): an open village within the actor's
/// reach, or the one refusal — which says the same for a code that does not exist and for one out of
/// reach, so a refusal never tells what lies beyond the reach.
/// </summary>
public static class VillageReach
{
    public static Problem Refusal(string code) =>
        new("villageCode", $"没有村 {code}，或不在你的范围内", $"no village {code} within your reach") { Code = "out-of-reach" };

    /// <summary>Whether <paramref name="code"/> is an open village <paramref name="covers"/> reaches; if not, its refusal is added. Call inside an unscoped section.</summary>
    public static async Task<bool> CheckAsync(LiaisonDb db, Func<string, bool> covers, string code, List<Problem> problems, CancellationToken ct)
    {
        if (covers(code) && await db.Divisions.AsNoTracking().AnyAsync(d => d.Code == code && d.Level == DivisionLevel.Village && d.WithdrawnOn == null, ct))
        {
            return true;
        }
        problems.Add(Refusal(code));
        return false;
    }
}
