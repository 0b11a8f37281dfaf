using System.Diagnostics;
using System.Globalization;
using Liaison.Data.Demo;
using Liaison.Domain.Divisions;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Policy;
using Liaison.Domain.Secretaries;

namespace Liaison.Bench;

/// <summary>
/// The First Secretary match benchmark (issue 5): the city demo's selected cadres × its 4,927
/// villages as a cost matrix, written once, then solved by Liaison's solver here and by SciPy's
/// <c>linear_sum_assignment</c> in bench/lsap.py, each timing its own solve only.
/// </summary>
internal static class MatchBench
{
    /// <summary>
    /// <c>fs-matrix SEED OUT.bin all|county</c>: 3,378 cadres (112 from city units, about 1,664 from county
    /// units and 1,602 from township units, each county's share in proportion to its villages; reserve and newly promoted cadres first, then by staff number:
    /// the bench's stand-in for selection on merit) × every village. <c>all</c>: every pair allowed;
    /// <c>county</c>: county- and township-sent cadres only within their county. Format: two int32
    /// (rows, columns), then the costs as float64 row by row, +∞ where not allowed.
    /// </summary>
    public static int Matrix(int seed, string path, string variant)
    {
        var city = DemoGenerator.Generate(DemoScale.City, seed);
        var policy = ProgrammePolicy.Jining(2026);
        var places = city.Divisions.Where(d => d.Level >= DivisionLevel.City)
            .Select(d => new Place(d.Code, d.Name, d.Level, d.VillageKind, d.VillageType, d.PartyOrgGrade, d.Latitude, d.Longitude))
            .ToDictionary(p => p.Code, StringComparer.Ordinal);
        var villages = places.Values.Where(p => p.Level == DivisionLevel.Village).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        var units = city.Units.Select((u, i) => new RosterUnit(i + 1, u.Code, u.Name, u.Level, u.Category, u.DivisionCode)).ToDictionary(u => u.Code, StringComparer.Ordinal);
        var rules = policy.FirstSecretaries;
        var candidates = new List<MatchCandidate>();
        var villagesPerCounty = villages.GroupBy(v => v.Code[..6]).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var (level, quota) in new[] { (UnitLevel.City, rules.CityQuota), (UnitLevel.County, rules.CountyQuota), (UnitLevel.Township, rules.TownshipQuota) })
        {
            var eligible = city.Cadres
                .Where(c => c.Cadre.Rank == CadreRank.Ordinary && !c.Cadre.IsPolice && units[c.UnitCode].Level == level)
                .OrderByDescending(c => c.Cadre.IsReserve || c.Cadre.IsNewlyPromoted).ThenBy(c => c.Cadre.Code, StringComparer.Ordinal)
                .ToList();
            // Counties send in proportion to their villages, as the calls would be sized.
            var picked = level == UnitLevel.City
                ? eligible.Take(quota)
                : eligible.GroupBy(c => units[c.UnitCode].DivisionCode[..6])
                    .SelectMany(g => g.Take(Share(quota, villagesPerCounty.GetValueOrDefault(g.Key), villages.Count)));
            foreach (var (cadre, unitCode) in picked)
            {
                var unit = units[unitCode];
                var dispatch = variant == "county" && level != UnitLevel.City ? unit.DivisionCode[..6] : "3708";
                candidates.Add(new MatchCandidate(candidates.Count + 1, cadre.Code, cadre.Name, unit, (DispatchLevel)(int)level, dispatch, null));
            }
        }
        // The same cost model as `liaison plan first-secretaries`, over a world without ties.
        var world = new LiaisonWorld(policy, places.Values, units.Values, [], [], []);
        var costs = Data.Secretaries.SecretaryStore.Model(world, rules).Matrix(candidates, villages);
        using var file = new BinaryWriter(File.Create(path));
        file.Write(costs.Rows);
        file.Write(costs.Columns);
        foreach (var value in costs.Values)
        {
            file.Write(value);
        }
        Console.WriteLine($"{costs.Rows} x {costs.Columns}, {costs.Values.Count(double.IsFinite)} allowed pairs");
        return 0;
    }

    private static int Share(int total, int part, int whole) => (int)Math.Round((double)total * part / whole, MidpointRounding.AwayFromZero);

    /// <summary><c>lsap FILE</c>: solves the matrix; prints the solve's seconds and the total cost as JSON.</summary>
    public static int Solve(string path)
    {
        CostMatrix costs;
        using (var file = new BinaryReader(File.OpenRead(path)))
        {
            costs = new CostMatrix(file.ReadInt32(), file.ReadInt32());
            var bytes = file.ReadBytes(costs.Values.Length * sizeof(double));
            Buffer.BlockCopy(bytes, 0, costs.Values, 0, bytes.Length);
        }
        var watch = Stopwatch.StartNew();
        var result = Assignment.Solve(costs);
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"seconds\":{seconds:0.0000},\"total\":{result.TotalCost},\"assigned\":{result.Assigned}}}"));
        return 0;
    }
}
