using Liaison.Domain.Divisions;
using Liaison.Domain.People;
using Liaison.Domain.Shared;

namespace Liaison.Domain.Liaisons;

/// <summary>A stay the planner adds to a tie (new or kept).</summary>
public sealed record NewStay(LiaisonTie Tie, DateOnly StartsOn, int Days);

/// <summary>A tie the planner ends, and why.</summary>
public sealed record EndedTie(LiaisonTie Tie, string ReasonZh, string ReasonEn);

/// <summary>What the planner decided: ties kept as they are, new ones (with reasons), ended ones, stays to add.</summary>
public sealed record PlanOutcome(IReadOnlyList<LiaisonTie> Kept, IReadOnlyList<LiaisonTie> Added, IReadOnlyList<EndedTie> Ended, IReadOnlyList<NewStay> Stays)
{
    public bool ChangesNothing => Added.Count == 0 && Ended.Count == 0 && Stays.Count == 0;
}

/// <summary>
/// Builds a year's liaison plan for every mechanism from the roster. Ties made or locked by hand
/// are kept as they are; planner ties that are still valid are kept too, so running the planner
/// again changes nothing that still holds. Every new tie carries its reason. Greedy and
/// deterministic: people in code order, places by need and load, ties broken by code.
/// </summary>
public static class LiaisonPlanner
{
    public static PlanOutcome Plan(LiaisonWorld world, DateOnly since)
    {
        var state = new PlanState(world, since);
        state.KeepOrEnd();
        state.BackwardVillages();
        state.Police();
        state.ContactPoints();
        state.Pairings();
        state.Residence();
        state.Stationed();
        return new PlanOutcome(state.Kept, state.Added, state.Ended, state.NewStays);
    }

    private sealed class PlanState(LiaisonWorld world, DateOnly since)
    {
        public List<LiaisonTie> Kept { get; } = [];
        public List<LiaisonTie> Added { get; } = [];
        public List<EndedTie> Ended { get; } = [];
        public List<NewStay> NewStays { get; } = [];

        private readonly Dictionary<string, int> _load = new(StringComparer.Ordinal);
        private readonly Dictionary<(TieKind, string), int> _kindLoad = [];
        private readonly Dictionary<int, List<LiaisonTie>> _byCadre = [];
        private readonly Dictionary<int, List<LiaisonTie>> _byUnit = [];
        private readonly Dictionary<string, int> _need = world.Townships
            .SelectMany(t => VillageRanking.Rank(world.Policy.Backward, world.AllVillagesOfTownship(t.Code)))
            .ToDictionary(r => r.Village.Code, r => r.Need, StringComparer.Ordinal);

        private readonly Dictionary<string, Place?> _stations = new(StringComparer.Ordinal);

        private IEnumerable<LiaisonTie> Current => Kept.Concat(Added);

        public void KeepOrEnd()
        {
            foreach (var tie in world.Ties.OrderBy(t => t.Id))
            {
                var problem = LiaisonChecker.TieProblems(world, tie).FirstOrDefault();
                var mine = tie.Origin == TieOrigin.Planner && !tie.Locked;
                if (problem is not null && mine)
                {
                    Ended.Add(new EndedTie(tie, $"不再有效 [{problem.Rule.Id}]：{problem.DetailZh}", $"no longer valid [{problem.Rule.Id}]: {problem.DetailEn}"));
                    continue;
                }
                if (mine && Surplus(tie))
                {
                    Ended.Add(new EndedTie(tie, "超出规定数量", "more than the policy's number"));
                    continue;
                }
                Keep(tie);
            }
        }

        /// <summary>A planner tie beyond its person's (or unit's) quota: made before a hand edit took the place.</summary>
        private bool Surplus(LiaisonTie tie)
        {
            var policy = world.Policy;
            if (tie.Kind == TieKind.Pairing)
            {
                return Of(_byUnit, tie.UnitId!.Value).Count(t => t.Kind == TieKind.Pairing) >= policy.Pairing.VillagesPerUnit;
            }
            var cadre = world.CadresById[tie.CadreId!.Value];
            var have = Of(_byCadre, cadre.Id);
            return tie.Kind switch
            {
                TieKind.BackwardVillage => have.Count(t => t.Kind == tie.Kind) >= policy.Backward.VillagesPerTownshipLeader,
                TieKind.Police => have.Count(t => t.Kind == tie.Kind) >= policy.Police.VillagesPerOfficer,
                TieKind.Stationed => have.Count > 0,
                _ => have.Count(t => t.Kind == tie.Kind && world.Places[t.DivisionCode].Level == world.Places[tie.DivisionCode].Level)
                     >= LevelQuota(LiaisonChecker.QuotaOf(policy, cadre, world.UnitOf(cadre))!, world.Places[tie.DivisionCode].Level),
            };
        }

        private static int LevelQuota(Policy.LeaderQuota quota, DivisionLevel level) => level switch
        {
            DivisionLevel.County => quota.Counties,
            DivisionLevel.Township => quota.Townships,
            _ => quota.Villages,
        };

        private static List<LiaisonTie> Of(Dictionary<int, List<LiaisonTie>> index, int key) =>
            index.TryGetValue(key, out var list) ? list : index[key] = [];

        private void Keep(LiaisonTie tie)
        {
            Kept.Add(tie);
            Count(tie);
        }

        /// <summary>Takes a kept tie back out of the plan (it is about to end), with its counts.</summary>
        private void Unkeep(LiaisonTie tie)
        {
            Kept.Remove(tie);
            _load[tie.DivisionCode] = _load.GetValueOrDefault(tie.DivisionCode) - 1;
            _kindLoad[(tie.Kind, tie.DivisionCode)] = _kindLoad.GetValueOrDefault((tie.Kind, tie.DivisionCode)) - 1;
            if (tie.CadreId is { } c)
            {
                Of(_byCadre, c).Remove(tie);
            }
            if (tie.UnitId is { } u)
            {
                Of(_byUnit, u).Remove(tie);
            }
        }

        private void Count(LiaisonTie tie)
        {
            _load[tie.DivisionCode] = _load.GetValueOrDefault(tie.DivisionCode) + 1;
            _kindLoad[(tie.Kind, tie.DivisionCode)] = _kindLoad.GetValueOrDefault((tie.Kind, tie.DivisionCode)) + 1;
            if (tie.CadreId is { } c)
            {
                Of(_byCadre, c).Add(tie);
            }
            if (tie.UnitId is { } u)
            {
                Of(_byUnit, u).Add(tie);
            }
        }

        private LiaisonTie Add(TieKind kind, RosterCadre? cadre, RosterUnit? unit, Place place, string zh, string en)
        {
            var tie = new LiaisonTie
            {
                Year = world.Year,
                Kind = kind,
                CadreId = cadre?.Id,
                UnitId = kind == TieKind.Pairing ? unit?.Id : null,
                DivisionCode = place.Code,
                Since = since,
                Origin = TieOrigin.Planner,
                Reason = zh,
                ReasonEn = en,
            };
            Added.Add(tie);
            Count(tie);
            return tie;
        }

        private int Load(string code) => _load.GetValueOrDefault(code);

        private int Need(string code) => _need.GetValueOrDefault(code);

        /// <summary>
        /// Each township leader takes the most backward village nobody has taken yet. When grades or
        /// profiles changed since the last plan, a leader whose planner-made village is no longer
        /// backward moves onto a backward village nobody takes (the least needy such village first,
        /// only as many as the free places cannot cover); each move says both villages' ranks.
        /// </summary>
        public void BackwardVillages()
        {
            var rules = world.Policy.Backward;
            if (rules.VillagesPerTownshipLeader == 0)
            {
                return;
            }
            var leaders = world.Cadres.Where(c => c.Rank == CadreRank.TownshipLeader && world.UnitOf(c) is not null).ToLookup(c => world.UnitOf(c)!.DivisionCode);
            foreach (var township in world.Townships)
            {
                var ranking = VillageRanking.Rank(rules, world.AllVillagesOfTownship(township.Code));
                var moved = MoveOffNoLongerBackward(township, ranking, leaders[township.Code].ToList());
                var queue = new Queue<RankedVillage>(ranking.Where(r => _kindLoad.GetValueOrDefault((TieKind.BackwardVillage, r.Village.Code)) == 0));
                foreach (var leader in leaders[township.Code])
                {
                    var missing = rules.VillagesPerTownshipLeader - Of(_byCadre, leader.Id).Count(t => t.Kind == TieKind.BackwardVillage);
                    for (var i = 0; i < missing && ranking.Count > 0; i++)
                    {
                        // More leaders than villages: they share, the most backward village first.
                        var r = queue.Count > 0 ? queue.Dequeue()
                            : ranking.Where(x => !Of(_byCadre, leader.Id).Any(t => t.DivisionCode == x.Village.Code))
                                .MinBy(x => (_kindLoad.GetValueOrDefault((TieKind.BackwardVillage, x.Village.Code)), x.Position));
                        if (r is null)
                        {
                            break;
                        }
                        var (zh, en) = r.Backward
                            ? ($"后进村：{township.Name}倒排第 {r.Position}/{r.Of}（{r.Explain(false)}）", $"backward village: rank {r.Position} of {r.Of} from the bottom in {township.Name} ({r.Explain(true)})")
                            : ($"后进村均已有人包保，包保倒排其次的村：第 {r.Position}/{r.Of}（{r.Explain(false)}）", $"the backward villages are all taken; takes the next from the bottom: rank {r.Position} of {r.Of} ({r.Explain(true)})");
                        if (moved.Remove(leader.Id, out var from))
                        {
                            (zh, en) = ($"改包保：原包保的{from.Village.Name}已不在后进村之列（现倒排第 {from.Position}/{from.Of}）；{zh}",
                                $"moved: {from.Village.Name}, taken before, is no longer backward (now rank {from.Position} of {from.Of}); {en}");
                        }
                        Add(TieKind.BackwardVillage, leader, null, r.Village, zh, en);
                    }
                }
            }
        }

        /// <summary>
        /// Ends the planner's (unlocked) ties of this township's leaders to villages no longer backward,
        /// as many as the backward villages nobody takes need beyond the leaders' free places; returns
        /// each moved leader's former village.
        /// </summary>
        private Dictionary<int, RankedVillage> MoveOffNoLongerBackward(Place township, IReadOnlyList<RankedVillage> ranking, List<RosterCadre> leaders)
        {
            var moved = new Dictionary<int, RankedVillage>();
            var perLeader = world.Policy.Backward.VillagesPerTownshipLeader;
            var untaken = ranking.Count(r => r.Backward && _kindLoad.GetValueOrDefault((TieKind.BackwardVillage, r.Village.Code)) == 0);
            var free = leaders.Sum(l => Math.Max(0, perLeader - Of(_byCadre, l.Id).Count(t => t.Kind == TieKind.BackwardVillage)));
            var toMove = untaken - free;
            if (toMove <= 0)
            {
                return moved;
            }
            var byCode = ranking.ToDictionary(r => r.Village.Code, StringComparer.Ordinal);
            var movable = leaders
                .SelectMany(l => Of(_byCadre, l.Id).Where(t => t.Kind == TieKind.BackwardVillage && t.Origin == TieOrigin.Planner && !t.Locked
                    && byCode.TryGetValue(t.DivisionCode, out var r) && !r.Backward))
                .OrderByDescending(t => byCode[t.DivisionCode].Position).ThenBy(t => t.Id)
                .Take(toMove)
                .ToList();
            foreach (var tie in movable)
            {
                var was = byCode[tie.DivisionCode];
                Unkeep(tie);
                Ended.Add(new EndedTie(tie,
                    $"改包保：{was.Village.Name}已不是后进村（现倒排第 {was.Position}/{was.Of}），{township.Name}有后进村无人包保",
                    $"moved: {was.Village.Name} is no longer backward (now rank {was.Position} of {was.Of}) and {township.Name} has backward villages nobody takes"));
                moved.TryAdd(tie.CadreId!.Value, was);
            }
            return moved;
        }

        /// <summary>Police officers of township stations first, then county and city police: each the least-covered village nearest the station.</summary>
        public void Police()
        {
            var rules = world.Policy.Police;
            var officers = world.Cadres.Where(c => c.IsPolice && world.UnitOf(c) is not null)
                .OrderByDescending(c => world.UnitOf(c)!.Level).ThenBy(c => c.Code, StringComparer.Ordinal);
            foreach (var officer in officers)
            {
                var unit = world.UnitOf(officer)!;
                var missing = rules.VillagesPerOfficer - Of(_byCadre, officer.Id).Count(t => t.Kind == TieKind.Police);
                if (missing <= 0)
                {
                    continue;
                }
                var area = LiaisonChecker.AreaOf(world, TieKind.Police, officer, unit) ?? CityOf(unit.DivisionCode);
                var (station, centred) = StationOf(unit);
                var taken = Of(_byCadre, officer.Id).Select(t => t.DivisionCode).ToHashSet(StringComparer.Ordinal);
                for (var i = 0; i < missing; i++)
                {
                    var village = world.VillagesIn(area).Where(v => !taken.Contains(v.Code))
                        .MinBy(v => (Load(v.Code), Distance(station, v), v.Code), TupleOrder.Instance);
                    if (village is null)
                    {
                        break;
                    }
                    taken.Add(village.Code);
                    var load = Load(village.Code);
                    if (double.IsFinite(Distance(station, village)))
                    {
                        var (centreZh, centreEn) = centred ? ($"（{unit.Name}无坐标，以{world.NameOf(unit.DivisionCode)}各村的中心计）", $" ({unit.Name} has no coordinates: measured from the centre of {world.NameOf(unit.DivisionCode)}'s villages)") : ("", "");
                        Add(TieKind.Police, officer, unit, village,
                            (load == 0 ? $"{world.NameOf(area)}内距{unit.Name}最近的尚无联系干部的村" : $"{world.NameOf(area)}内联系干部最少（{load} 人）、距{unit.Name}最近的村") + centreZh,
                            (load == 0 ? $"the village nearest {unit.Name} in {world.NameOf(area)} with nobody tied yet" : $"the village nearest {unit.Name} in {world.NameOf(area)} among those with fewest ties ({load})") + centreEn);
                    }
                    else
                    {
                        // Without coordinates nothing is "nearest": say how it was chosen.
                        var missingWhere = station is null ? (unit.Name, unit.Name) : (village.Name, village.Name);
                        Add(TieKind.Police, officer, unit, village,
                            (load == 0 ? $"{world.NameOf(area)}内尚无联系干部的村" : $"{world.NameOf(area)}内联系干部最少（{load} 人）的村") + $"（{missingWhere.Item1}无坐标：按代码顺序选定）",
                            (load == 0 ? $"a village in {world.NameOf(area)} with nobody tied yet" : $"a village in {world.NameOf(area)} among those with fewest ties ({load})") + $" (no coordinates for {missingWhere.Item2}: chosen by code order)");
                    }
                }
            }
        }

        /// <summary>
        /// Where a police unit stands: its division's coordinates, else (a real city's townships have
        /// none: profiles are the villages') the centre of its division's villages that have them; null when none do.
        /// </summary>
        private (Place? Station, bool Centred) StationOf(RosterUnit unit)
        {
            if (world.Places.TryGetValue(unit.DivisionCode, out var own) && own.Latitude is not null && own.Longitude is not null)
            {
                return (own, false);
            }
            if (!_stations.TryGetValue(unit.DivisionCode, out var centre))
            {
                var placed = world.VillagesIn(unit.DivisionCode).Where(v => v.Latitude is not null && v.Longitude is not null).ToList();
                centre = placed.Count == 0 ? null
                    : new Place(unit.DivisionCode, world.NameOf(unit.DivisionCode), DivisionLevel.Township, null, VillageType.None, null,
                        placed.Average(v => v.Latitude!.Value), placed.Average(v => v.Longitude!.Value));
                _stations[unit.DivisionCode] = centre;
            }
            return (centre, centre is not null);
        }

        /// <summary>Leaders' contact points: a county, a township in it and a village in that, spread so that each place has as few leaders as can be.</summary>
        public void ContactPoints()
        {
            foreach (var leader in world.Cadres)
            {
                var unit = world.UnitOf(leader);
                if (unit is null || LiaisonChecker.QuotaOf(world.Policy, leader, unit) is not { } quota)
                {
                    continue;
                }
                var area = LiaisonChecker.AreaOf(world, TieKind.ContactPoint, leader, unit) ?? CityOf(unit.DivisionCode);
                var rankZh = Terms.Ranks[leader.Rank].Zh;
                var rankEn = Terms.Ranks[leader.Rank].En;
                Fill(DivisionLevel.County, quota.Counties, world.Counties.Where(c => DivisionCode.IsInSubtree(c.Code, area)));
                var counties = Inside(DivisionLevel.County);
                Fill(DivisionLevel.Township, quota.Townships, counties.Count > 0
                    ? counties.SelectMany(world.TownshipsOfCounty)
                    : world.Townships.Where(t => DivisionCode.IsInSubtree(t.Code, area)));
                var outer = Inside(DivisionLevel.Township).Count > 0 ? Inside(DivisionLevel.Township) : Inside(DivisionLevel.County).Count > 0 ? Inside(DivisionLevel.County) : [area];
                Fill(DivisionLevel.Village, quota.Villages, outer.SelectMany(world.VillagesIn));

                List<string> Inside(DivisionLevel level) => world.Policy.ContactPoints.Nested
                    ? Of(_byCadre, leader.Id).Where(t => t.Kind == TieKind.ContactPoint && world.Places[t.DivisionCode].Level == level).Select(t => t.DivisionCode).ToList()
                    : [];

                void Fill(DivisionLevel level, int want, IEnumerable<Place> candidates)
                {
                    var have = Of(_byCadre, leader.Id).Where(t => t.Kind == TieKind.ContactPoint && world.Places[t.DivisionCode].Level == level).Select(t => t.DivisionCode).ToHashSet(StringComparer.Ordinal);
                    for (var i = have.Count; i < want; i++)
                    {
                        // Higher places spread by how many leaders link them; villages first by coverage, then by need.
                        var place = candidates.Where(p => !have.Contains(p.Code))
                            .MinBy(p => level == DivisionLevel.Village
                                ? (Load(p.Code), -Need(p.Code), p.Code)
                                : (_kindLoad.GetValueOrDefault((TieKind.ContactPoint, p.Code)), 0, p.Code), TupleOrder.Instance);
                        if (place is null)
                        {
                            return;
                        }
                        have.Add(place.Code);
                        var (zh, en) = level == DivisionLevel.Village
                            ? (Load(place.Code) == 0 ? $"{rankZh}联系点：{world.NameOf(area)}内尚无干部联系的村中最需帮扶的一个" : $"{rankZh}联系点：联系干部最少、最需帮扶的村",
                               Load(place.Code) == 0 ? $"{rankEn}'s contact point: the neediest village in {world.NameOf(area)} with nobody tied yet" : $"{rankEn}'s contact point: the neediest village among those with fewest ties")
                            : ($"{rankZh}联系点：领导联系最少的{Terms.Levels[level].Zh}", $"{rankEn}'s contact point: the {Terms.Levels[level].En} with fewest leaders linked");
                        Add(TieKind.ContactPoint, leader, unit, place, zh, en);
                    }
                }
            }
        }

        /// <summary>Each unit's party organisation pairs with a village whose needs match its category, preferring one where its cadres are tied already.</summary>
        public void Pairings()
        {
            var rules = world.Policy.Pairing;
            if (rules.VillagesPerUnit == 0)
            {
                return;
            }
            var unitVillages = Current.Where(t => t.CadreId is not null && world.IsCovered(t.DivisionCode))
                .ToLookup(t => world.CadresById[t.CadreId!.Value].UnitId, t => t.DivisionCode);
            foreach (var unit in world.Units.Values.Where(u => rules.UnitLevels.Contains(u.Level)).OrderBy(u => u.Code, StringComparer.Ordinal))
            {
                var have = Of(_byUnit, unit.Id).Where(t => t.Kind == TieKind.Pairing).Select(t => t.DivisionCode).ToHashSet(StringComparer.Ordinal);
                var area = LiaisonChecker.AreaOf(world, TieKind.Pairing, null, unit) ?? CityOf(unit.DivisionCode);
                var wanted = rules.MatchCategory ? UnitCategories.MatchingVillageType(unit.Category) : VillageType.None;
                var own = unitVillages[unit.Id].ToHashSet(StringComparer.Ordinal);
                for (var i = have.Count; i < rules.VillagesPerUnit; i++)
                {
                    var village = world.VillagesIn(area).Where(v => !have.Contains(v.Code))
                        .MinBy(v => (wanted != VillageType.None && v.Type.HasFlag(wanted) ? 0 : 1, own.Contains(v.Code) ? 0 : 1,
                            _kindLoad.GetValueOrDefault((TieKind.Pairing, v.Code)) * 100 + Load(v.Code), v.Code), TupleOrder4.Instance);
                    if (village is null)
                    {
                        break;
                    }
                    have.Add(village.Code);
                    var match = wanted != VillageType.None && village.Type.HasFlag(wanted);
                    var category = Terms.UnitCategories[unit.Category];
                    (string zh, string en) = match
                        ? ($"联建村：{category.Zh}对{Terms.VillageTypes[wanted].Zh}，单位业务与村情相符" + (own.Contains(village.Code) ? "，本单位干部已在此驻村" : ""),
                           $"paired village: a {category.En} unit for a {Terms.VillageTypes[wanted].En} village, its business fits the village's needs" + (own.Contains(village.Code) ? "; the unit's cadres are tied here already" : ""))
                        : own.Contains(village.Code)
                            ? ("联建村：本单位干部已在此驻村", "paired village: the unit's cadres are tied here already")
                            : ("联建村：区域内联建单位最少的村", "paired village: the village with fewest paired units in the area");
                    Add(TieKind.Pairing, null, unit, village, zh, en);
                }
            }
            // Every pairing, new or kept, has its half-yearly stays.
            var index = 0;
            foreach (var tie in Current.Where(t => t.Kind == TieKind.Pairing).OrderBy(t => t.UnitId).ToList())
            {
                var offset = index++ % 12 * 7;
                foreach (var half in new[] { 1, 2 })
                {
                    var have = world.Stays[tie.Id].Count(s => tie.Id != 0 && s.StartsOn.Year == world.Year && (s.StartsOn.Month <= 6 ? 1 : 2) == half);
                    for (var k = have; k < rules.StaysPerHalfYear; k++)
                    {
                        var start = new DateOnly(world.Year, half == 1 ? 3 : 9, 1).AddDays(offset + k * 14);
                        NewStays.Add(new NewStay(tie, start, rules.StayDays));
                    }
                }
            }
        }

        /// <summary>Leaders' residence days in their contact village, as concentrated stays through the year.</summary>
        public void Residence()
        {
            var length = world.Policy.ContactPoints.StayLengthDays;
            foreach (var tie in Current.Where(t => t.Kind == TieKind.ContactPoint && world.Places[t.DivisionCode].Level == DivisionLevel.Village).ToList())
            {
                var cadre = world.CadresById[tie.CadreId!.Value];
                var min = LiaisonChecker.QuotaOf(world.Policy, cadre, world.UnitOf(cadre))?.MinResidenceDays ?? 0;
                var planned = tie.Id == 0 ? 0 : world.PlannedDays(tie.Id);
                var offset = cadre.Id % 20;
                for (var k = 0; planned < min; k++)
                {
                    var days = Math.Min(length, min - planned);
                    // Stays a season apart, from the second month on: spring, summer, autumn, winter.
                    var start = new DateOnly(world.Year, 2 + k % 4 * 3, 1).AddDays(offset + k / 4 * 7);
                    NewStays.Add(new NewStay(tie, start, days));
                    planned += days;
                }
            }
        }

        /// <summary>Villages still without enough cadres get a stationed cadre from the township's units, else the county's, else the city's.</summary>
        public void Stationed()
        {
            var coverage = world.Policy.Coverage;
            if (!coverage.FillWithStationedCadres || coverage.MinimumPerVillage == 0)
            {
                return;
            }
            var free = world.Cadres
                .Where(c => c.Rank == CadreRank.Ordinary && !c.IsPolice && !c.IsReserve && !c.IsNewlyPromoted && world.UnitOf(c) is not null && Of(_byCadre, c.Id).Count == 0)
                .GroupBy(c => world.UnitOf(c)!.DivisionCode)
                .ToDictionary(g => g.Key, g => new Queue<RosterCadre>(g), StringComparer.Ordinal);
            foreach (var village in world.Villages)
            {
                while (Load(village.Code) < coverage.MinimumPerVillage)
                {
                    var from = new[] { village.ParentCode!, LiaisonWorld.CountyOf(village.Code)!, CityOf(village.Code) }
                        .FirstOrDefault(code => free.TryGetValue(code, out var q) && q.Count > 0);
                    if (from is null)
                    {
                        return;
                    }
                    var cadre = free[from].Dequeue();
                    var unit = world.UnitOf(cadre)!;
                    Add(TieKind.Stationed, cadre, unit, village,
                        $"驻村干部：该村尚无干部驻村，由{unit.Name}派出", $"stationed cadre: nobody was tied to the village; sent by {unit.Name}");
                }
            }
        }

        private static string CityOf(string code) => code.Length >= 4 ? code[..4] : code;

        /// <summary>Squared distance; infinite when either place has no coordinates (those come after every measured one, in code order).</summary>
        private static double Distance(Place? from, Place to) =>
            from?.Latitude is { } a && from.Longitude is { } b && to.Latitude is { } c && to.Longitude is { } d
                ? (a - c) * (a - c) + (b - d) * (b - d) * 0.67 // a degree of longitude is shorter at 35°N
                : double.PositiveInfinity;
    }

    /// <summary>Orders (int, double, string) keys: lower load, then nearer, then code.</summary>
    private sealed class TupleOrder : IComparer<(int, double, string)>, IComparer<(int, int, string)>
    {
        public static readonly TupleOrder Instance = new();

        public int Compare((int, double, string) x, (int, double, string) y)
        {
            var c = x.Item1.CompareTo(y.Item1);
            c = c != 0 ? c : x.Item2.CompareTo(y.Item2);
            return c != 0 ? c : string.CompareOrdinal(x.Item3, y.Item3);
        }

        public int Compare((int, int, string) x, (int, int, string) y)
        {
            var c = x.Item1.CompareTo(y.Item1);
            c = c != 0 ? c : x.Item2.CompareTo(y.Item2);
            return c != 0 ? c : string.CompareOrdinal(x.Item3, y.Item3);
        }
    }

    private sealed class TupleOrder4 : IComparer<(int, int, int, string)>
    {
        public static readonly TupleOrder4 Instance = new();

        public int Compare((int, int, int, string) x, (int, int, int, string) y)
        {
            var c = x.Item1.CompareTo(y.Item1);
            c = c != 0 ? c : x.Item2.CompareTo(y.Item2);
            c = c != 0 ? c : x.Item3.CompareTo(y.Item3);
            return c != 0 ? c : string.CompareOrdinal(x.Item4, y.Item4);
        }
    }
}
