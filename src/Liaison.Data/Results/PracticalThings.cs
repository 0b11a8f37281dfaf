using Liaison.Data.Policy;
using Liaison.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Results;

/// <summary>
/// 办一两件实事, a First Secretary's duty (issue 21): the practical deeds a cadre did for a village in
/// a year, counted from the deeds they recorded — the party-building outputs of the year's catalogue
/// apart, which are the party organisation's results, not things done for the villagers.
/// </summary>
public static class PracticalThings
{
    /// <summary>The count per village, year and cadre, for the given ones; <paramref name="deeds"/> is read through the caller's reach.</summary>
    public static async Task<IReadOnlyDictionary<(string Village, int Year, int Cadre), int>> CountAsync(LiaisonDb db, IQueryable<Deed> deeds,
        IReadOnlyCollection<string> villages, IReadOnlyCollection<int> years, IReadOnlyCollection<int> cadres, CancellationToken ct)
    {
        var rows = await deeds.Where(d => villages.Contains(d.VillageCode) && years.Contains(d.Year) && d.CadreId != null && cadres.Contains(d.CadreId.Value))
            .GroupBy(d => new { d.VillageCode, d.Year, d.CadreId, d.Kind })
            .Select(g => new { g.Key.VillageCode, g.Key.Year, Cadre = g.Key.CadreId!.Value, g.Key.Kind, N = g.Count() })
            .ToListAsync(ct);
        var party = new Dictionary<int, HashSet<string>>();
        foreach (var year in rows.Select(r => r.Year).Distinct())
        {
            party[year] = (await PolicyStore.GetAsync(db, year, ct)).Policy.Deeds.Kinds.Where(k => k.Party).Select(k => k.Code).ToHashSet(StringComparer.Ordinal);
        }
        return rows.Where(r => !party[r.Year].Contains(r.Kind))
            .GroupBy(r => (r.VillageCode, r.Year, r.Cadre))
            .ToDictionary(g => g.Key, g => g.Sum(r => r.N));
    }
}
