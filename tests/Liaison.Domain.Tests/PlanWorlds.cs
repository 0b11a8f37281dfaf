using Liaison.Domain.Divisions;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Policy;

namespace Liaison.Domain.Tests;

/// <summary>
/// A small city for the planner and the checker: 2 counties × 2 townships × 10 villages, a city
/// unit, a party-government and a police unit per county, a government and a police station per
/// township, with leaders, police officers and ordinary cadres as the policy asks for.
/// </summary>
internal static class PlanWorlds
{
    public const int Year = 2026;

    public static readonly DateOnly Today = new(Year, 3, 1);

    public static (List<Place> Places, List<RosterUnit> Units, List<RosterCadre> Cadres) Roster(int townshipLeaders = 2, int villagesPerTownship = 10)
    {
        var places = new List<Place> { new("3708", "济宁市", DivisionLevel.City, null, VillageType.None, null, null, null) };
        var units = new List<RosterUnit>();
        var cadres = new List<RosterCadre>();
        void Unit(string division, UnitLevel level, UnitCategory category, string name) =>
            units.Add(new RosterUnit(units.Count + 1, $"{division}U{units.Count + 1:D3}", name, level, category, division));
        void Cadre(int unit, CadreRank rank, bool police = false) =>
            cadres.Add(new RosterCadre(cadres.Count + 1, $"C{cadres.Count + 1:D5}", $"干部{cadres.Count + 1}", unit, rank, police, false, false));

        Unit("3708", UnitLevel.City, UnitCategory.PartyGovernment, "市委办公室");
        Cadre(1, CadreRank.CityLeader);
        Cadre(1, CadreRank.CityLeader);
        Cadre(1, CadreRank.UnitLeader);
        for (var c = 1; c <= 2; c++)
        {
            var county = $"37080{c}";
            places.Add(new(county, $"县{c}", DivisionLevel.County, null, VillageType.None, null, 35 + c * 0.1, 116));
            Unit(county, UnitLevel.County, UnitCategory.PartyGovernment, $"县{c}县委办");
            var gov = units.Count;
            Unit(county, UnitLevel.County, UnitCategory.PoliticalLegal, $"县{c}公安局");
            var police = units.Count;
            Cadre(gov, CadreRank.CountyLeader);
            Cadre(gov, CadreRank.CountyLeader);
            Cadre(gov, CadreRank.UnitLeader);
            Cadre(police, CadreRank.UnitLeader, police: true);
            for (var t = 1; t <= 2; t++)
            {
                var township = $"{county}00{t}";
                places.Add(new(township, $"县{c}镇{t}", DivisionLevel.Township, null, VillageType.None, null, 35 + c * 0.1 + t * 0.02, 116));
                Unit(township, UnitLevel.Township, UnitCategory.PartyGovernment, $"县{c}镇{t}政府");
                var tgov = units.Count;
                Unit(township, UnitLevel.Township, UnitCategory.PoliticalLegal, $"县{c}镇{t}派出所");
                var station = units.Count;
                for (var i = 0; i < townshipLeaders; i++)
                {
                    Cadre(tgov, CadreRank.TownshipLeader);
                }
                Cadre(station, CadreRank.Ordinary, police: true);
                for (var i = 0; i < 8; i++)
                {
                    Cadre(tgov, CadreRank.Ordinary);
                }
                for (var v = 1; v <= villagesPerTownship; v++)
                {
                    // Village 3 is backward and difficult, 5 disorderly, 7 poor, the rest advanced.
                    var (grade, type) = v switch
                    {
                        3 => (PartyOrgGrade.Backward, VillageType.Difficult),
                        5 => (PartyOrgGrade.General, VillageType.Disorderly),
                        7 => (PartyOrgGrade.General, VillageType.Poor),
                        _ => (PartyOrgGrade.Advanced, VillageType.None),
                    };
                    places.Add(new($"{township}{200 + v:D3}", $"县{c}镇{t}村{v}", DivisionLevel.Village, VillageKind.Village, type, grade, 35 + c * 0.1 + t * 0.02 + v * 0.001, 116 + v * 0.001));
                }
            }
        }
        return (places, units, cadres);
    }

    public static LiaisonWorld World(ProgrammePolicy? policy = null, IEnumerable<LiaisonTie>? ties = null, IEnumerable<PlannedStay>? stays = null, int townshipLeaders = 2)
    {
        var (places, units, cadres) = Roster(townshipLeaders);
        return new LiaisonWorld(policy ?? ProgrammePolicy.Jining(Year), places, units, cadres, ties ?? [], stays ?? []);
    }

    /// <summary>Plans the world and gives back the world as it would be stored: ties numbered, stays attached.</summary>
    public static LiaisonWorld Planned(LiaisonWorld world)
    {
        var outcome = LiaisonPlanner.Plan(world, Today);
        return Apply(world, outcome);
    }

    public static LiaisonWorld Apply(LiaisonWorld world, PlanOutcome outcome)
    {
        var next = world.Ties.Count == 0 ? 1 : world.Ties.Max(t => t.Id) + 1;
        foreach (var tie in outcome.Added)
        {
            tie.Id = next++;
        }
        var ended = outcome.Ended.Select(e => e.Tie.Id).ToHashSet();
        var ties = outcome.Kept.Concat(outcome.Added).Where(t => !ended.Contains(t.Id)).ToList();
        var stays = world.Ties.SelectMany(t => world.Stays[t.Id]).Concat(outcome.Stays.Select((s, i) => new PlannedStay { Id = 10_000 + i, TieId = s.Tie.Id, StartsOn = s.StartsOn, Days = s.Days }));
        return With(world, ties, stays);
    }

    public static LiaisonWorld With(LiaisonWorld world, IEnumerable<LiaisonTie> ties, IEnumerable<PlannedStay>? stays = null) =>
        new(world.Policy, world.Places.Values, world.Units.Values, world.Cadres, ties, stays ?? world.Ties.SelectMany(t => world.Stays[t.Id]));
}
