using Liaison.Data.Database;
using Liaison.Data.Database.Sql;
using Liaison.Domain.Divisions;
using Liaison.Domain.Field;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Demo;

/// <summary>
/// The demo's whole staff taking part (issue 20, as the source reports over 90 %): each pairing's
/// planned half-yearly stays held by most of the unit's cadres and recorded as the unit's stay, the
/// village work groups' township cadres visiting households of their village and staying a day or
/// two, the county groups' and township teams' members staying a few days in their division, and
/// help plans for most poor households of the villages with a First Secretary or a pairing. Drawn
/// from a random stream of its own, so the rest of the demo stays as it was for a seed.
/// </summary>
internal static class DemoParticipation
{
    private static readonly string[] Needs = ["缺少劳动力，收入低", "家中有病人，医疗负担重", "子女上学费用困难", "住房需要修缮", "想发展养殖缺技术和资金"];
    private static readonly string[] Measures = ["介绍就近务工", "协助申请医疗救助和低保", "联系助学金", "协调危房改造资金", "提供养殖技术培训并协调小额贷款"];
    private static readonly string[] Outcomes = ["家庭成员实现稳定就业，月增收约两千元", "医疗救助到位，负担明显减轻", "子女获得助学金顺利入学", "住房修缮完成", "养殖项目投产"];
    private static readonly string[] Deeds = ["走访困难户并送去慰问品", "帮助修缮村文化广场", "开展政策宣讲", "组织义诊和技能培训", "协调修复灌溉水渠", "与村两委共上党课"];

    public static async Task<(int UnitStays, int HelpPlans)> AddAsync(LiaisonDb db, Random rng, int year, DateOnly last, DemoTeamMembers teams,
        Func<int, string, DateOnly, DateOnly, ResidenceStay> stay, Func<int, long, string, DateTimeOffset, HouseholdVisit> visit,
        List<ResidenceStay> stays, List<HouseholdVisit> visits, string by, DateTimeOffset now, CancellationToken ct)
    {
        var first = new DateOnly(year, 1, 1);
        var days = last.DayNumber - first.DayNumber + 1;

        // The pairings' concentrated stays: nine in ten of the unit's cadres go, the unit records it once.
        var pairings = await db.LiaisonTies.AsNoTracking().Where(t => t.Year == year && t.Until == null && t.Kind == TieKind.Pairing && t.UnitId != null && t.DivisionCode.Length == 12)
            .Select(t => new { t.Id, UnitId = t.UnitId!.Value, t.DivisionCode }).OrderBy(t => t.Id).ToListAsync(ct);
        var tieIds = pairings.Select(p => p.Id).ToList();
        var planned = (await db.PlannedStays.AsNoTracking().Where(s => tieIds.Contains(s.TieId)).ToListAsync(ct)).ToLookup(s => s.TieId);
        var staff = (await db.Cadres.AsNoTracking().Where(c => c.Status == CadreStatus.Active).Select(c => new { c.Id, c.UnitId }).ToListAsync(ct))
            .ToLookup(c => c.UnitId, c => c.Id);
        var unitStays = new List<UnitStay>();
        foreach (var p in pairings)
        {
            foreach (var plan in planned[p.Id].OrderBy(s => s.StartsOn))
            {
                var end = plan.StartsOn.AddDays(plan.Days - 1);
                if (end > last || plan.StartsOn.Year != year)
                {
                    continue;
                }
                var went = staff[p.UnitId].Where(_ => rng.NextDouble() < 0.9).ToList();
                foreach (var cadre in went)
                {
                    stays.Add(stay(cadre, p.DivisionCode, plan.StartsOn, end));
                }
                if (went.Count > 0)
                {
                    unitStays.Add(new UnitStay
                    {
                        TieId = p.Id,
                        UnitId = p.UnitId,
                        VillageCode = p.DivisionCode,
                        Arrived = plan.StartsOn,
                        Left = end,
                        What = Deeds[rng.Next(Deeds.Length)],
                        Members = went.Count,
                        RecordedBy = by,
                        RecordedAt = now,
                    });
                }
            }
        }

        // Village work groups' members: a few visits in their village, and now and then a day or two there.
        var households = (await db.Households.AsNoTracking().Where(h => h.Status == HouseholdStatus.Current).Select(h => new { h.Id, h.VillageCode }).ToListAsync(ct))
            .GroupBy(h => h.VillageCode).ToDictionary(g => g.Key, g => g.Select(h => h.Id).ToArray(), StringComparer.Ordinal);
        DateOnly Day() => first.AddDays(rng.Next(days));
        foreach (var (cadre, village) in teams.VillageGroups.OrderBy(m => m.Key))
        {
            if (rng.NextDouble() < 0.05 || !households.TryGetValue(village, out var homes))
            {
                continue;
            }
            for (var i = 0; i < 1 + rng.Next(4); i++)
            {
                var at = new DateTimeOffset(Day().ToDateTime(new TimeOnly(8 + rng.Next(10), rng.Next(60))), ChinaTime.Offset);
                visits.Add(visit(cadre, homes[rng.Next(homes.Length)], village, at));
            }
            if (rng.NextDouble() < 0.5)
            {
                var arrived = Day();
                stays.Add(stay(cadre, village, arrived, DateOnly.FromDayNumber(Math.Min(arrived.DayNumber + rng.Next(2), last.DayNumber))));
            }
        }

        // County groups' and township teams' members: a stay of a few days in a village of their division.
        var villages = households.Keys.Order(StringComparer.Ordinal).ToArray();
        foreach (var (cadre, division) in teams.Upper.OrderBy(m => m.Key))
        {
            var theirs = villages.Where(v => DivisionCode.IsInSubtree(v, division)).ToArray();
            if (theirs.Length == 0 || rng.NextDouble() < 0.1)
            {
                continue;
            }
            var arrived = Day();
            stays.Add(stay(cadre, theirs[rng.Next(theirs.Length)], arrived, DateOnly.FromDayNumber(Math.Min(arrived.DayNumber + 1 + rng.Next(3), last.DayNumber))));
        }

        // 结对帮扶: most poor households of villages with a First Secretary or a pairing get a plan in the
        // first half of the year; by now some are achieved, a few not, the rest still in progress.
        var poor = await db.Households.AsNoTracking().Where(h => h.Status == HouseholdStatus.Current && (h.Categories & HouseholdCategory.Poor) != 0)
            .OrderBy(h => h.Id).Select(h => new { h.Id, h.VillageCode }).ToListAsync(ct);
        var helpers = await db.SecretaryPostings.AsNoTracking().Where(p => p.Year == year && p.Until == null).Select(p => new { p.VillageCode, p.CadreId }).ToListAsync(ct);
        var helperOf = helpers.GroupBy(h => h.VillageCode).ToDictionary(g => g.Key, g => g.Select(h => h.CadreId).ToList(), StringComparer.Ordinal);
        foreach (var p in pairings)
        {
            var members = staff[p.UnitId].Take(20).ToList();
            if (members.Count > 0)
            {
                helperOf[p.DivisionCode] = [.. helperOf.GetValueOrDefault(p.DivisionCode) ?? [], .. members];
            }
        }
        var plans = new List<HelpPlan>();
        var half = Math.Min(days, 181);
        foreach (var h in poor)
        {
            if (!helperOf.TryGetValue(h.VillageCode, out var cadres) || rng.NextDouble() >= 0.8)
            {
                continue;
            }
            var started = first.AddDays(rng.Next(half));
            var roll = rng.NextDouble();
            var closed = roll < 0.55 ? started.AddDays(30 + rng.Next(Math.Max(1, last.DayNumber - started.DayNumber - 30))) : (DateOnly?)null;
            var status = closed is not { } c || c > last ? HelpPlanStatus.Open : roll < 0.47 ? HelpPlanStatus.Achieved : HelpPlanStatus.NotAchieved;
            plans.Add(new HelpPlan
            {
                Year = year,
                HouseholdId = h.Id,
                VillageCode = h.VillageCode,
                CadreId = cadres[rng.Next(cadres.Count)],
                Needs = Needs[rng.Next(Needs.Length)],
                Measures = Measures[rng.Next(Measures.Length)],
                StartedOn = started,
                TargetOn = new DateOnly(year, 12, 31),
                Status = status,
                ClosedOn = status == HelpPlanStatus.Open ? null : closed,
                Outcome = status switch { HelpPlanStatus.Achieved => Outcomes[rng.Next(Outcomes.Length)], HelpPlanStatus.NotAchieved => "项目资金未落实，转入明年继续帮扶", _ => null },
                ChangedBy = by,
                ChangedAt = now,
            });
        }
        var planIds = await DatabaseSql.For(db).ReserveIdsAsync("help_plans", plans.Count, ct);
        for (var i = 0; i < plans.Count; i++)
        {
            plans[i].Id = planIds[i];
        }
        await DatabaseSql.For(db).UpsertAsync(TableSpec.For<HelpPlan>(db, [nameof(HelpPlan.Id)], nameof(HelpPlan.Id), nameof(HelpPlan.Year), nameof(HelpPlan.HouseholdId),
            nameof(HelpPlan.VillageCode), nameof(HelpPlan.CadreId), nameof(HelpPlan.Needs), nameof(HelpPlan.Measures), nameof(HelpPlan.StartedOn), nameof(HelpPlan.TargetOn),
            nameof(HelpPlan.Status), nameof(HelpPlan.ClosedOn), nameof(HelpPlan.Outcome), nameof(HelpPlan.ChangedBy), nameof(HelpPlan.ChangedAt)), plans, null, ct);

        var ids = await DatabaseSql.For(db).ReserveIdsAsync("unit_stays", unitStays.Count, ct);
        for (var i = 0; i < unitStays.Count; i++)
        {
            unitStays[i].Id = ids[i];
        }
        await DatabaseSql.For(db).UpsertAsync(TableSpec.For<UnitStay>(db, [nameof(UnitStay.Id)], nameof(UnitStay.Id), nameof(UnitStay.TieId), nameof(UnitStay.UnitId),
            nameof(UnitStay.VillageCode), nameof(UnitStay.Arrived), nameof(UnitStay.Left), nameof(UnitStay.What), nameof(UnitStay.Members), nameof(UnitStay.RecordedBy),
            nameof(UnitStay.RecordedAt)), unitStays, null, ct);
        return (unitStays.Count, plans.Count);
    }
}
