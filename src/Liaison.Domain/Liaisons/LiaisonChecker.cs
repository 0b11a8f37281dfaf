using Liaison.Domain.Divisions;
using Liaison.Domain.People;
using Liaison.Domain.Policy;

namespace Liaison.Domain.Liaisons;

/// <summary>
/// Checks a year's plan against its policy: every rule of <see cref="LiaisonRules"/>, each
/// violation naming the people and places involved. Pure: what it reads is the world.
/// </summary>
public static class LiaisonChecker
{
    public static CheckResult Check(LiaisonWorld world)
    {
        var found = new List<Violation>();
        foreach (var tie in world.Ties)
        {
            found.AddRange(TieProblems(world, tie));
        }
        var byCadre = world.Ties.Where(t => t.CadreId is not null).ToLookup(t => t.CadreId!.Value);
        foreach (var cadre in world.Cadres)
        {
            PersonProblems(world, cadre, byCadre[cadre.Id].ToList(), found);
        }
        UnitProblems(world, found);
        BackwardProblems(world, found);
        var counts = TieCounts(world);
        var minimum = world.Policy.Coverage.MinimumPerVillage;
        var covered = 0;
        foreach (var village in world.Villages)
        {
            var n = counts.GetValueOrDefault(village.Code);
            if (n > 0)
            {
                covered++;
            }
            if (n < minimum)
            {
                found.Add(At(world, LiaisonRules.Coverage, [village.Code],
                    $"{village.Name}：驻村干部 {n} 人，至少 {minimum} 人", $"{village.Name}: {n} cadres tied, at least {minimum} required"));
            }
        }
        var byKind = Enum.GetValues<TieKind>().ToDictionary(k => k, k => world.Ties.Count(t => t.Kind == k));
        return new CheckResult(found, new Coverage(world.Villages.Count, covered), byKind);
    }

    /// <summary>Ties per covered village (any kind, the village-level ones).</summary>
    public static Dictionary<string, int> TieCounts(LiaisonWorld world)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tie in world.Ties)
        {
            if (world.IsCovered(tie.DivisionCode))
            {
                counts[tie.DivisionCode] = counts.GetValueOrDefault(tie.DivisionCode) + 1;
            }
        }
        return counts;
    }

    /// <summary>What is wrong with one tie on its own: its place, its person, its area.</summary>
    public static IEnumerable<Violation> TieProblems(LiaisonWorld world, LiaisonTie tie)
    {
        var policy = world.Policy;
        world.Places.TryGetValue(tie.DivisionCode, out var place);
        var cadre = tie.CadreId is { } cid ? world.CadresById.GetValueOrDefault(cid) : null;
        var unit = tie.Kind == TieKind.Pairing ? (tie.UnitId is { } uid ? world.Units.GetValueOrDefault(uid) : null) : cadre is null ? null : world.UnitOf(cadre);
        if (place is null)
        {
            yield return For(world, LiaisonRules.TieLevel, tie, cadre, unit, $"行政区划 {tie.DivisionCode} 不存在", $"division {tie.DivisionCode} does not exist");
            yield break;
        }
        if (tie.Kind == TieKind.Pairing ? unit is null : cadre is null)
        {
            yield return For(world, LiaisonRules.TieRank, tie, cadre, unit, "联系人员或单位不存在，或已不在岗（停职、退休、调离）、单位已撤并", "the person or unit of the tie does not exist, or no longer serves (suspended, retired, moved) or the unit was merged or closed");
            yield break;
        }
        var quota = cadre is null ? null : QuotaOf(policy, cadre, unit);
        var (rankFits, levelFits) = tie.Kind switch
        {
            TieKind.ContactPoint => (quota is not null, quota is not null && place.Level switch
            {
                DivisionLevel.County => quota.Counties > 0,
                DivisionLevel.Township => quota.Townships > 0,
                DivisionLevel.Village => quota.Villages > 0,
                _ => false,
            }),
            TieKind.Pairing => (policy.Pairing.UnitLevels.Contains(unit!.Level) && policy.Pairing.VillagesPerUnit > 0, place.Level == DivisionLevel.Village),
            TieKind.BackwardVillage => (cadre!.Rank == CadreRank.TownshipLeader && policy.Backward.VillagesPerTownshipLeader > 0, place.Level == DivisionLevel.Village),
            TieKind.Police => (cadre!.IsPolice && policy.Police.VillagesPerOfficer > 0, place.Level == DivisionLevel.Village),
            _ => (true, place.Level == DivisionLevel.Village),
        };
        var kindZh = KindName(tie.Kind, false);
        var kindEn = KindName(tie.Kind, true);
        if (!rankFits)
        {
            yield return For(world, LiaisonRules.TieRank, tie, cadre, unit, $"{Who(cadre, unit)}按身份不承担“{kindZh}”", $"{Who(cadre, unit)} does not take a {kindEn} tie by rank");
            yield break;
        }
        if (!levelFits)
        {
            yield return For(world, LiaisonRules.TieLevel, tie, cadre, unit, $"“{kindZh}”不能联系{place.Name}（这一级）", $"a {kindEn} tie cannot link {place.Name} (its level)");
            yield break;
        }
        var area = AreaOf(world, tie.Kind, cadre, unit!);
        if (area is not null && !DivisionCode.IsInSubtree(place.Code, area))
        {
            var rule = tie.Kind switch
            {
                TieKind.Pairing => LiaisonRules.PairingWithin,
                TieKind.BackwardVillage => LiaisonRules.BackwardWithin,
                TieKind.Police => LiaisonRules.PoliceWithin,
                _ => LiaisonRules.ContactWithin,
            };
            yield return For(world, rule, tie, cadre, unit, $"{Who(cadre, unit)}联系的{place.Name}不在{world.NameOf(area)}内", $"{Who(cadre, unit)} is tied to {place.Name}, outside {world.NameOf(area)}");
        }
    }

    /// <summary>The division a tie of this kind must lie in, or null for anywhere.</summary>
    public static string? AreaOf(LiaisonWorld world, TieKind kind, RosterCadre? cadre, RosterUnit unit)
    {
        var policy = world.Policy;
        var within = kind switch
        {
            TieKind.Pairing => policy.Pairing.WithinOwnDivision,
            TieKind.Police => policy.Police.WithinOwnDivision,
            TieKind.BackwardVillage => true,
            TieKind.ContactPoint => cadre is not null && QuotaOf(policy, cadre, unit)?.WithinOwnDivision == true,
            _ => false,
        };
        if (!within)
        {
            return null;
        }
        // A county leader serves the county even when the leader's office is a county body.
        return kind == TieKind.ContactPoint && cadre?.Rank == CadreRank.CountyLeader ? LiaisonWorld.CountyOf(unit.DivisionCode) ?? unit.DivisionCode : unit.DivisionCode;
    }

    /// <summary>The contact-point quota a cadre's rank carries under the policy, or null for none.</summary>
    public static LeaderQuota? QuotaOf(ProgrammePolicy policy, RosterCadre cadre, RosterUnit? unit) => cadre.Rank switch
    {
        CadreRank.CityLeader => policy.ContactPoints.CityLeader,
        CadreRank.CountyLeader => policy.ContactPoints.CountyLeader,
        CadreRank.UnitLeader when unit is not null && policy.ContactPoints.UnitLevels.Contains(unit.Level) => policy.ContactPoints.UnitLeader,
        _ => null,
    };

    private static void PersonProblems(LiaisonWorld world, RosterCadre cadre, List<LiaisonTie> ties, List<Violation> found)
    {
        var policy = world.Policy;
        var unit = world.UnitOf(cadre);
        var quota = QuotaOf(policy, cadre, unit);
        if (quota is not null)
        {
            var contacts = ties.Where(t => t.Kind == TieKind.ContactPoint && world.Places.ContainsKey(t.DivisionCode)).ToList();
            List<LiaisonTie> At(DivisionLevel level) => contacts.Where(t => world.Places[t.DivisionCode].Level == level).ToList();
            var counties = At(DivisionLevel.County);
            var townships = At(DivisionLevel.Township);
            var villages = At(DivisionLevel.Village);
            var (countyRule, townshipRule, villageRule) = cadre.Rank switch
            {
                CadreRank.CityLeader => (LiaisonRules.CityCounty, LiaisonRules.CityTownship, LiaisonRules.CityVillage),
                CadreRank.CountyLeader => (LiaisonRules.CityCounty, LiaisonRules.CountyTownship, LiaisonRules.CountyVillage),
                _ => (LiaisonRules.CityCounty, LiaisonRules.CountyTownship, LiaisonRules.UnitVillage),
            };
            Count(countyRule, counties, quota.Counties, "县市区", "counties");
            Count(townshipRule, townships, quota.Townships, "乡镇", "townships");
            Count(villageRule, villages, quota.Villages, "村", "villages");
            if (policy.ContactPoints.Nested)
            {
                foreach (var t in townships.Where(t => counties.Count > 0 && !counties.Any(c => DivisionCode.IsInSubtree(t.DivisionCode, c.DivisionCode))))
                {
                    found.Add(For(world, LiaisonRules.ContactNested, t, cadre, unit, $"{cadre.Name}联系的{world.NameOf(t.DivisionCode)}不在其联系的县市区内", $"{cadre.Name}'s township {world.NameOf(t.DivisionCode)} is not in the linked county"));
                }
                var outer = townships.Count > 0 ? townships : counties;
                foreach (var v in villages.Where(v => outer.Count > 0 && !outer.Any(o => DivisionCode.IsInSubtree(v.DivisionCode, o.DivisionCode))))
                {
                    found.Add(For(world, LiaisonRules.ContactNested, v, cadre, unit, $"{cadre.Name}联系的{world.NameOf(v.DivisionCode)}不在其联系的{(townships.Count > 0 ? "乡镇" : "县市区")}内", $"{cadre.Name}'s village {world.NameOf(v.DivisionCode)} is not in the linked {(townships.Count > 0 ? "township" : "county")}"));
                }
            }
            if (quota.MinResidenceDays > 0 && villages.Count > 0)
            {
                var days = villages.Sum(v => world.PlannedDays(v.Id));
                if (days < quota.MinResidenceDays)
                {
                    found.Add(For(world, LiaisonRules.ContactResidence, villages[0], cadre, unit,
                        $"{cadre.Name}在联系村安排驻村 {days} 天，每年至少 {quota.MinResidenceDays} 天", $"{cadre.Name} has {days} days of stays planned in the linked village, at least {quota.MinResidenceDays} a year"));
                }
            }
        }
        if (cadre.Rank == CadreRank.TownshipLeader)
        {
            Count(LiaisonRules.BackwardOne, ties.Where(t => t.Kind == TieKind.BackwardVillage).ToList(), policy.Backward.VillagesPerTownshipLeader, "包保村", "villages taken");
        }
        if (cadre.IsPolice)
        {
            Count(LiaisonRules.PoliceOne, ties.Where(t => t.Kind == TieKind.Police).ToList(), policy.Police.VillagesPerOfficer, "联系村", "villages");
        }

        void Count(LiaisonRule rule, List<LiaisonTie> have, int want, string zh, string en)
        {
            if (have.Count != want)
            {
                found.Add(new Violation(rule, $"{cadre.Name}（{Rank(cadre)}）联系{zh} {have.Count} 个，应为 {want} 个", $"{cadre.Name} ({Shared.Terms.Ranks[cadre.Rank].En}) has {have.Count} {en}, {want} required",
                    [new Named(cadre.Code, cadre.Name)], unit is null ? [] : [new Named(unit.Code, unit.Name)],
                    have.Select(t => new Named(t.DivisionCode, world.NameOf(t.DivisionCode))).ToList(), have.Select(t => t.Id).ToList(), unit?.DivisionCode));
            }
        }
    }

    private static void UnitProblems(LiaisonWorld world, List<Violation> found)
    {
        var rules = world.Policy.Pairing;
        var byUnit = world.Ties.Where(t => t.Kind == TieKind.Pairing && t.UnitId is not null).ToLookup(t => t.UnitId!.Value);
        foreach (var unit in world.Units.Values.Where(u => rules.UnitLevels.Contains(u.Level)).OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            var pairings = byUnit[unit.Id].ToList();
            if (pairings.Count != rules.VillagesPerUnit)
            {
                found.Add(new Violation(LiaisonRules.PairingOne, $"{unit.Name}联建村 {pairings.Count} 个，应为 {rules.VillagesPerUnit} 个", $"{unit.Name} pairs with {pairings.Count} villages, {rules.VillagesPerUnit} required",
                    [], [new Named(unit.Code, unit.Name)], pairings.Select(t => new Named(t.DivisionCode, world.NameOf(t.DivisionCode))).ToList(), pairings.Select(t => t.Id).ToList(), unit.DivisionCode));
            }
            foreach (var tie in pairings)
            {
                foreach (var half in new[] { 1, 2 })
                {
                    var stays = world.Stays[tie.Id].Count(s => s.StartsOn.Year == world.Year && (s.StartsOn.Month <= 6 ? 1 : 2) == half);
                    if (stays < rules.StaysPerHalfYear)
                    {
                        found.Add(For(world, LiaisonRules.PairingStay, tie, null, unit,
                            $"{unit.Name}在{world.NameOf(tie.DivisionCode)}的{(half == 1 ? "上" : "下")}半年集中驻村安排 {stays} 次，应至少 {rules.StaysPerHalfYear} 次",
                            $"{unit.Name} has {stays} stays planned in {world.NameOf(tie.DivisionCode)} in the {(half == 1 ? "first" : "second")} half-year, at least {rules.StaysPerHalfYear} required"));
                    }
                }
            }
        }
    }

    private static void BackwardProblems(LiaisonWorld world, List<Violation> found)
    {
        var taken = world.Ties.Where(t => t.Kind == TieKind.BackwardVillage).Select(t => t.DivisionCode).ToHashSet(StringComparer.Ordinal);
        var leaders = world.Cadres.Where(c => c.Rank == CadreRank.TownshipLeader && world.UnitOf(c) is { } u).ToLookup(c => world.UnitOf(c)!.DivisionCode);
        foreach (var township in world.Townships)
        {
            var untaken = VillageRanking.Rank(world.Policy.Backward, world.AllVillagesOfTownship(township.Code))
                .Where(r => r.Backward && !taken.Contains(r.Village.Code)).ToList();
            if (untaken.Count == 0)
            {
                continue;
            }
            var (causeZh, causeEn) = BackwardCause(world, township, untaken, leaders[township.Code].ToList());
            var shortZh = $"（{causeZh}）";
            var shortEn = $" ({causeEn})";
            found.Add(new Violation(LiaisonRules.BackwardTaken,
                $"{township.Name}的后进村无人包保：{string.Join("、", untaken.Select(r => $"{r.Village.Name}（倒排第 {r.Position}）"))}{shortZh}",
                $"backward villages of {township.Name} not taken: {string.Join(", ", untaken.Select(r => $"{r.Village.Name} (rank {r.Position} from the bottom)"))}{shortEn}",
                [], [], [new Named(township.Code, township.Name), .. untaken.Select(r => new Named(r.Village.Code, r.Village.Name))], [], township.Code));
        }
    }

    /// <summary>
    /// Why a township's backward villages are not all taken, the real cause first: the policy's
    /// per-leader number, too few leaders for it, leaders' places held by hand-made or locked ties
    /// to other villages, or (none of these) a plan made before the grades changed.
    /// </summary>
    private static (string Zh, string En) BackwardCause(LiaisonWorld world, Place township, List<RankedVillage> untaken, List<RosterCadre> leaders)
    {
        var perLeader = world.Policy.Backward.VillagesPerTownshipLeader;
        var backward = untaken[0].Of == 0 ? 0 : world.Policy.Backward.CountFor(untaken[0].Of);
        if (perLeader == 0)
        {
            return ("政策规定每名乡镇班子成员包保 0 个村", "the policy gives each township leader 0 villages");
        }
        if (leaders.Count == 0)
        {
            return ("花名册中该乡镇没有乡镇班子成员", "the roster has no township leaders in this township");
        }
        var capacity = leaders.Count * perLeader;
        if (capacity < backward)
        {
            return ($"后进村 {backward} 个，乡镇班子成员 {leaders.Count} 人 × 政策规定每人包保 {perLeader} 个 = {capacity} 个，不够包保",
                $"{backward} backward villages, but {leaders.Count} township leaders × the policy's {perLeader} each = {capacity}");
        }
        var ids = leaders.Select(l => l.Id).ToHashSet();
        var backwardCodes = VillageRanking.Rank(world.Policy.Backward, world.AllVillagesOfTownship(township.Code)).Where(r => r.Backward).Select(r => r.Village.Code).ToHashSet(StringComparer.Ordinal);
        var fixedElsewhere = world.Ties.Where(t => t.Kind == TieKind.BackwardVillage && t.CadreId is { } c && ids.Contains(c)
            && (t.Origin != TieOrigin.Planner || t.Locked) && !backwardCodes.Contains(t.DivisionCode)).ToList();
        if (fixedElsewhere.Count > 0)
        {
            var names = string.Join("、", fixedElsewhere.Select(t => world.CadresById[t.CadreId!.Value].Name).Distinct().Take(5));
            return ($"{fixedElsewhere.Count} 个包保名额被手工或锁定的安排占用在非后进村（{names}），重新编制计划不会改动手工安排：请在计划页面调整",
                $"{fixedElsewhere.Count} places are held by hand-made or locked ties to villages that are not backward ({names}); re-planning keeps hand-made ties: change them on the plan pages");
        }
        return ("包保安排早于最近的定级或村情变化：请重新编制本年度联系计划", "the ties predate the latest grades or profiles: plan again (liaison plan liaisons)");
    }

    private static Violation At(LiaisonWorld world, LiaisonRule rule, IReadOnlyList<string> places, string zh, string en) =>
        new(rule, zh, en, [], [], places.Select(p => new Named(p, world.NameOf(p))).ToList(), [], places[0]);

    private static Violation For(LiaisonWorld world, LiaisonRule rule, LiaisonTie tie, RosterCadre? cadre, RosterUnit? unit, string zh, string en) =>
        new(rule, zh, en, cadre is null ? [] : [new Named(cadre.Code, cadre.Name)], unit is null ? [] : [new Named(unit.Code, unit.Name)],
            [new Named(tie.DivisionCode, world.NameOf(tie.DivisionCode))], [tie.Id], unit?.DivisionCode ?? tie.DivisionCode);

    private static string Who(RosterCadre? cadre, RosterUnit? unit) => cadre?.Name ?? unit?.Name ?? "?";

    private static string Rank(RosterCadre cadre) => Shared.Terms.Ranks[cadre.Rank].Zh;

    public static string KindName(TieKind kind, bool english) => Shared.Terms.TieKinds[kind].In(english);
}
