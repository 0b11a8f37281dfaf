using Liaison.Domain.Divisions;
using Liaison.Domain.People;
using Liaison.Domain.Policy;

namespace Liaison.Domain.Liaisons;

/// <summary>A division as the plan sees it: where it is, what it needs.</summary>
public sealed record Place(string Code, string Name, DivisionLevel Level, VillageKind? Kind, VillageType Type, PartyOrgGrade? Grade, double? Latitude, double? Longitude)
{
    public string? ParentCode => DivisionCode.ImpliedParent(Code);
}

public sealed record RosterUnit(int Id, string Code, string Name, UnitLevel Level, UnitCategory Category, string DivisionCode);

public sealed record RosterCadre(int Id, string Code, string Name, int UnitId, CadreRank Rank, bool IsPolice, bool IsReserve, bool IsNewlyPromoted, int BirthYear = 0);

/// <summary>
/// Everything the planner and the checker look at for one year: the policy, the divisions, the
/// roster and the current ties with their planned stays, indexed once.
/// </summary>
public sealed class LiaisonWorld
{
    public LiaisonWorld(ProgrammePolicy policy, IEnumerable<Place> places, IEnumerable<RosterUnit> units, IEnumerable<RosterCadre> cadres,
        IEnumerable<LiaisonTie> ties, IEnumerable<PlannedStay> stays)
    {
        Policy = policy;
        Places = places.ToDictionary(p => p.Code, StringComparer.Ordinal);
        Units = units.ToDictionary(u => u.Id);
        Cadres = cadres.OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        CadresById = Cadres.ToDictionary(c => c.Id);
        Ties = ties.Where(t => t.IsCurrent && t.Year == policy.Year).ToList();
        Stays = stays.ToLookup(s => s.TieId);
        var ordered = Places.Values.OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        Counties = ordered.Where(p => p.Level == DivisionLevel.County).ToList();
        Townships = ordered.Where(p => p.Level == DivisionLevel.Township).ToList();
        Villages = ordered.Where(p => p.Level == DivisionLevel.Village && (policy.Coverage.IncludeCommunities || p.Kind != VillageKind.Community)).ToList();
        _covered = Villages.Select(v => v.Code).ToHashSet(StringComparer.Ordinal);
        _villagesByTownship = Villages.ToLookup(v => v.ParentCode!);
        _allVillagesByTownship = ordered.Where(p => p.Level == DivisionLevel.Village).ToLookup(v => v.ParentCode!);
        _townshipsByCounty = Townships.ToLookup(t => t.ParentCode!);
    }

    public ProgrammePolicy Policy { get; }
    public int Year => Policy.Year;
    public IReadOnlyDictionary<string, Place> Places { get; }
    public IReadOnlyDictionary<int, RosterUnit> Units { get; }
    public IReadOnlyList<RosterCadre> Cadres { get; }
    public IReadOnlyDictionary<int, RosterCadre> CadresById { get; }
    public IReadOnlyList<LiaisonTie> Ties { get; }
    public ILookup<long, PlannedStay> Stays { get; }
    public IReadOnlyList<Place> Counties { get; }
    public IReadOnlyList<Place> Townships { get; }
    /// <summary>The village-level divisions that coverage counts (communities too, if the policy says so).</summary>
    public IReadOnlyList<Place> Villages { get; }

    private readonly HashSet<string> _covered;
    private readonly ILookup<string, Place> _villagesByTownship;
    private readonly ILookup<string, Place> _allVillagesByTownship;
    private readonly ILookup<string, Place> _townshipsByCounty;

    public bool IsCovered(string code) => _covered.Contains(code);

    public IEnumerable<Place> VillagesOfTownship(string township) => _villagesByTownship[township];

    /// <summary>Every village-level division of a township, communities included, whatever coverage counts.</summary>
    public IEnumerable<Place> AllVillagesOfTownship(string township) => _allVillagesByTownship[township];

    public IEnumerable<Place> TownshipsOfCounty(string county) => _townshipsByCounty[county];

    /// <summary>The covered villages in a division's subtree, in code order.</summary>
    public IEnumerable<Place> VillagesIn(string code) => DivisionCode.LevelOfLength(code.Length) switch
    {
        DivisionLevel.Village => _covered.Contains(code) ? [Places[code]] : [],
        DivisionLevel.Township => VillagesOfTownship(code),
        DivisionLevel.County => TownshipsOfCounty(code).SelectMany(t => VillagesOfTownship(t.Code)),
        _ => Villages.Where(v => DivisionCode.IsInSubtree(v.Code, code)),
    };

    public RosterUnit? UnitOf(RosterCadre cadre) => Units.GetValueOrDefault(cadre.UnitId);

    /// <summary>The county a code lies in (its first six digits), or null above county level.</summary>
    public static string? CountyOf(string code) => code.Length >= 6 ? code[..6] : null;

    public string NameOf(string code) => Places.TryGetValue(code, out var p) ? p.Name : code;

    public int PlannedDays(long tieId) => Stays[tieId].Sum(s => s.Days);
}
