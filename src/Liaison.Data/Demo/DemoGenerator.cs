using System.Globalization;
using Liaison.Domain.Divisions;
using Liaison.Domain.People;

namespace Liaison.Data.Demo;

/// <summary>The demo city: divisions with profiles, units, cadres (with their unit's code) and households on demand.</summary>
public sealed class DemoCity
{
    public required List<Division> Divisions { get; init; }
    public required List<Unit> Units { get; init; }
    public required List<(Cadre Cadre, string UnitCode)> Cadres { get; init; }
    public required IReadOnlyList<(string VillageCode, int Count)> HouseholdCounts { get; init; }
    public required Func<IEnumerable<Household>> Households { get; init; }
    public long HouseholdTotal => HouseholdCounts.Sum(v => (long)v.Count);
}

/// <summary>
/// Generates a programme population on Jining's real tree, deterministically from a seed: the same
/// seed and scale give the same people on any machine.
/// </summary>
public static class DemoGenerator
{
    // Jining lies within these bounds; the demo's coordinates are plausible, not surveyed.
    private const double South = 34.45, North = 35.85, West = 115.95, East = 117.55;

    public static DemoCity Generate(DemoScale scale, int seed, DemoProfile? profile = null)
    {
        profile ??= DemoProfile.Jining;
        var all = JiningDivisions.Load();
        var counties = all.Count(d => d.Level == DivisionLevel.County);
        var countyIndex = Positions(all, DivisionLevel.County);
        var townshipIndex = Positions(all, DivisionLevel.Township);
        var divisions = scale == DemoScale.City
            ? all
            : all.Where(d => d.Level <= DivisionLevel.City || DivisionCode.IsInSubtree(d.Code, profile.SmallCounty)).ToList();
        Profile(divisions, seed, profile);
        var units = new List<Unit>();
        var cadres = new List<(Cadre, string)>();
        var people = new CadreFactory(SeededRandom.For(seed, "cadres"), seed, profile, cadres);

        var police = profile.PoliceOfficers;
        var cityOrdinary = (int)(profile.TotalCadres * profile.CityUnitShare);
        var townshipOrdinary = (int)(profile.TotalCadres * profile.TownshipUnitShare);
        var countyOrdinary = profile.TotalCadres - cityOrdinary - townshipOrdinary;
        if (scale == DemoScale.City)
        {
            var city = divisions.Single(d => d.Level == DivisionLevel.City);
            var cityUnits = Departments(city, units);
            var cityPolice = police * 15 / 100;
            people.Staff(cityUnits, leaders: profile.CityLeaders, leaderRank: CadreRank.CityLeader,
                unitLeaders: profile.CityUnitLeaders, police: cityPolice,
                total: cityOrdinary);
        }
        // Counties and townships are staffed by their size (villages) and, for townships, a draw of
        // their own; shares are taken over the whole city, so that a county is the same at either scale.
        var villagesUnder = all.Where(d => d.Level == DivisionLevel.Village).GroupBy(d => d.ParentCode!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var countyStaff = Apportion(countyOrdinary, all.Where(d => d.Level == DivisionLevel.County)
            .ToDictionary(c => c.Code, c => 150.0 + villagesUnder.Where(t => t.Key.StartsWith(c.Code, StringComparison.Ordinal)).Sum(t => t.Value), StringComparer.Ordinal));
        foreach (var county in divisions.Where(d => d.Level == DivisionLevel.County))
        {
            var countyUnits = Departments(county, units);
            people.Staff(countyUnits, leaders: Share(profile.CountyLeaders, counties, countyIndex[county.Code]), leaderRank: CadreRank.CountyLeader,
                unitLeaders: countyUnits.Count * profile.UnitLeadersPerCountyUnit, police: Share(police * 35 / 100, counties, countyIndex[county.Code]),
                total: countyStaff[county.Code]);
        }
        var townshipLeaders = TownshipLeaders(all, profile.TownshipLeaders, townshipIndex);
        var townshipSize = all.Where(d => d.Level == DivisionLevel.Township)
            .ToDictionary(t => t.Code, t => (15.0 + villagesUnder.GetValueOrDefault(t.Code)) * Math.Exp(0.3 * SeededRandom.For(seed, "township-size/" + t.Code).Normal()), StringComparer.Ordinal);
        var townshipPolice = police - police * 15 / 100 - police * 35 / 100;
        var policeOf = Apportion(townshipPolice, townshipSize);
        // Leaders and police are set; the rest of the townships' cadres go by size.
        var othersOf = Apportion(townshipOrdinary - profile.TownshipLeaders - townshipPolice, townshipSize);
        foreach (var township in divisions.Where(d => d.Level == DivisionLevel.Township))
        {
            var stations = SeededRandom.For(seed, "township-units/" + township.Code);
            var townshipUnits = UnitNames.Township.Concat(UnitNames.TownshipStations.Where(_ => stations.Chance(0.45)))
                .Select((t, i) => Add(units, township, UnitLevel.Township, t.Category, township.Name + t.Suffix, i + 1)).ToList();
            people.Staff(townshipUnits, leaders: townshipLeaders[township.Code], leaderRank: CadreRank.TownshipLeader,
                unitLeaders: 0, police: policeOf[township.Code],
                total: townshipLeaders[township.Code] + policeOf[township.Code] + othersOf[township.Code]);
        }

        var counts = HouseholdCounts(divisions, seed, profile);
        return new DemoCity
        {
            Divisions = divisions,
            Units = units,
            Cadres = cadres,
            HouseholdCounts = counts,
            Households = () => Households(counts, seed, profile),
        };
    }

    /// <summary>Part <paramref name="index"/> of an even split of <paramref name="total"/> into <paramref name="parts"/>: the parts add up exactly.</summary>
    private static int Share(int total, int parts, int index) => total / parts + (index % parts < total % parts ? 1 : 0);

    /// <summary>
    /// <paramref name="total"/> split in proportion to the weights, the largest remainders rounded up
    /// (ties by code): the parts add up exactly.
    /// </summary>
    private static Dictionary<string, int> Apportion(int total, IReadOnlyDictionary<string, double> weights)
    {
        var sum = weights.Values.Sum();
        var exact = weights.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => (w.Key, Value: total * w.Value / sum)).ToList();
        var parts = exact.ToDictionary(e => e.Key, e => (int)Math.Floor(e.Value), StringComparer.Ordinal);
        var left = total - parts.Values.Sum();
        foreach (var e in exact.OrderByDescending(e => e.Value - Math.Floor(e.Value)).ThenBy(e => e.Key, StringComparer.Ordinal).Take(left))
        {
            parts[e.Key]++;
        }
        return parts;
    }

    /// <summary>
    /// Township leadership members per township: a large township has a larger leadership, at
    /// least one member per tenth of its villages (so that each backward village can be taken),
    /// the rest of the city's total split evenly.
    /// </summary>
    private static Dictionary<string, int> TownshipLeaders(List<Division> all, int total, Dictionary<string, int> townshipIndex)
    {
        var villages = all.Where(d => d.Level == DivisionLevel.Village).GroupBy(d => d.ParentCode!).ToDictionary(g => g.Key, g => g.Count());
        var baseline = townshipIndex.Keys.ToDictionary(t => t, t => Math.Max(1, (villages.GetValueOrDefault(t) + 9) / 10));
        var rest = Math.Max(0, total - baseline.Values.Sum());
        return baseline.ToDictionary(kv => kv.Key, kv => kv.Value + Share(rest, townshipIndex.Count, townshipIndex[kv.Key]));
    }

    /// <summary>The position of a division among all of its level in the whole city, so that a county's share is the same at either scale.</summary>
    private static Dictionary<string, int> Positions(List<Division> all, DivisionLevel level) =>
        all.Where(d => d.Level == level).OrderBy(d => d.Code, StringComparer.Ordinal).Select((d, i) => (d.Code, i)).ToDictionary(x => x.Code, x => x.i);

    private static List<Unit> Departments(Division division, List<Unit> units) =>
        UnitNames.CityAndCounty.Select((u, i) => Add(units, division, division.Level == DivisionLevel.City ? UnitLevel.City : UnitLevel.County, u.Category, division.Name + u.Name, i + 1)).ToList();

    private static Unit Add(List<Unit> units, Division division, UnitLevel level, UnitCategory category, string name, int n)
    {
        var unit = new Unit { Code = division.Code + "U" + n.ToString("D3", CultureInfo.InvariantCulture), Name = name, Level = level, Category = category, DivisionCode = division.Code };
        units.Add(unit);
        return unit;
    }

    /// <summary>Village profiles, party-organisation grades and coordinates.</summary>
    private static void Profile(List<Division> divisions, int seed, DemoProfile p)
    {
        var rng = SeededRandom.For(seed, "divisions");
        var centres = new Dictionary<string, (double Lat, double Lon)>();
        foreach (var d in divisions.OrderBy(d => d.Code, StringComparer.Ordinal))
        {
            (double Lat, double Lon) at = d.Level switch
            {
                DivisionLevel.County => (South + rng.NextDouble() * (North - South), West + rng.NextDouble() * (East - West)),
                DivisionLevel.Township => Near(centres[d.ParentCode!], 0.08, rng),
                DivisionLevel.Village => Near(centres[d.ParentCode!], 0.025, rng),
                _ => (double.NaN, double.NaN),
            };
            if (double.IsNaN(at.Lat))
            {
                continue;
            }
            centres[d.Code] = at;
            d.Latitude = Math.Round(at.Lat, 5);
            d.Longitude = Math.Round(at.Lon, 5);
            if (d.Level != DivisionLevel.Village || d.VillageKind != VillageKind.Village)
            {
                continue;
            }
            var g = rng.NextDouble();
            d.PartyOrgGrade = g < p.AdvancedShare ? PartyOrgGrade.Advanced : g < p.AdvancedShare + p.BackwardShare ? PartyOrgGrade.Backward : PartyOrgGrade.General;
            var type = VillageType.None;
            // A backward party organisation and a difficult village go together more often than not.
            if (rng.Chance(d.PartyOrgGrade == PartyOrgGrade.Backward ? 0.45 : p.DifficultShare * 0.75)) type |= VillageType.Difficult;
            if (rng.Chance(p.DisorderlyShare)) type |= VillageType.Disorderly;
            if (rng.Chance(p.PoorShare)) type |= VillageType.Poor;
            if (rng.Chance(p.SpecialisedShare)) type |= VillageType.Specialised;
            d.VillageType = type;
        }
    }

    private static (double, double) Near((double Lat, double Lon) c, double spread, SeededRandom rng) =>
        (Math.Clamp(c.Lat + rng.Normal() * spread, South, North), Math.Clamp(c.Lon + rng.Normal() * spread, West, East));

    private static List<(string, int)> HouseholdCounts(List<Division> divisions, int seed, DemoProfile p)
    {
        var rng = SeededRandom.For(seed, "household-counts");
        var mu = Math.Log(p.HouseholdMean) - p.HouseholdSigma * p.HouseholdSigma / 2;
        return divisions.Where(d => d.Level == DivisionLevel.Village).OrderBy(d => d.Code, StringComparer.Ordinal)
            .Select(d => (d.Code, Math.Clamp((int)Math.Round(Math.Exp(mu + p.HouseholdSigma * rng.Normal())), 30, 3000)))
            .ToList();
    }

    private static IEnumerable<Household> Households(IReadOnlyList<(string Village, int Count)> counts, int seed, DemoProfile p)
    {
        var shares = p.CategoryShares.ToArray();
        foreach (var (village, count) in counts)
        {
            // One generator per village: any village's households can be made again alone.
            var rng = SeededRandom.For(seed, "households/" + village);
            for (var i = 1; i <= count; i++)
            {
                var categories = HouseholdCategory.None;
                foreach (var (category, share) in shares)
                {
                    if (rng.Chance(share))
                    {
                        categories |= category;
                    }
                }
                yield return new Household
                {
                    VillageCode = village,
                    HouseNo = i.ToString(CultureInfo.InvariantCulture) + "号",
                    HeadName = ChineseNames.Full(rng, rng.Chance(0.2)),
                    HeadPhone = rng.Chance(p.HouseholdPhoneShare) ? ChineseNames.FakeMobile(rng) : null,
                    MemberCount = Math.Clamp((int)Math.Round(3.1 + rng.Normal() * 1.3), 1, 9),
                    Categories = categories,
                };
            }
        }
    }

    /// <summary>Makes the cadres of a group of units: leaders, unit leaders, police, then ordinary cadres.</summary>
    private sealed class CadreFactory(SeededRandom rng, int seed, DemoProfile p, List<(Cadre, string)> cadres)
    {
        public void Staff(List<Unit> units, int leaders, CadreRank leaderRank, int unitLeaders, int police, int total)
        {
            var policeUnits = units.Where(u => u.Name.EndsWith(UnitNames.PublicSecurity, StringComparison.Ordinal) || u.Name.EndsWith("派出所", StringComparison.Ordinal)).ToList();
            var leaderUnits = units.Where(u => u.Category == UnitCategory.PartyGovernment).Take(2).ToList();
            var otherUnits = units.Except(policeUnits).ToList();
            for (var i = 0; i < leaders; i++)
            {
                Add(leaderUnits[i % leaderUnits.Count], leaderRank, isPolice: false);
            }
            var policeLeaders = 0;
            for (var i = 0; i < unitLeaders; i++)
            {
                var unit = units[i % units.Count];
                var isPolice = policeUnits.Contains(unit);
                policeLeaders += isPolice ? 1 : 0;
                Add(unit, CadreRank.UnitLeader, isPolice);
            }
            for (var i = 0; i < police - policeLeaders; i++)
            {
                Add(policeUnits[i % policeUnits.Count], CadreRank.Ordinary, isPolice: true);
            }
            var ordinary = total - leaders - unitLeaders - (police - policeLeaders);
            // Units differ in size: each draws a weight of its own (a spread of about two to one either way).
            var reach = new double[otherUnits.Count];
            var sum = 0.0;
            for (var i = 0; i < otherUnits.Count; i++)
            {
                sum += Math.Exp(0.6 * SeededRandom.For(seed, "unit-size/" + otherUnits[i].Code).Normal());
                reach[i] = sum;
            }
            for (var i = 0; i < ordinary; i++)
            {
                var at = Array.BinarySearch(reach, rng.NextDouble() * sum);
                Add(otherUnits[Math.Min(at < 0 ? ~at : at, otherUnits.Count - 1)], CadreRank.Ordinary, isPolice: false);
            }
        }

        private void Add(Unit unit, CadreRank rank, bool isPolice)
        {
            var female = rng.Chance(p.FemaleShare);
            var cadre = new Cadre
            {
                Code = "C" + (cadres.Count + 1).ToString("D6", CultureInfo.InvariantCulture),
                Name = ChineseNames.Full(rng, female),
                Rank = rank,
                IsPolice = isPolice,
                IsReserve = rank == CadreRank.Ordinary && rng.Chance(p.ReserveShare * 1.2),
                IsNewlyPromoted = rank != CadreRank.Ordinary && rng.Chance(p.NewlyPromotedShare * 4),
                BirthYear = rank == CadreRank.Ordinary ? 1968 + rng.Next(33) : 1963 + rng.Next(22),
                Gender = female ? Gender.Female : Gender.Male,
                Phone = ChineseNames.FakeMobile(rng),
            };
            cadres.Add((cadre, unit.Code));
        }
    }
}
