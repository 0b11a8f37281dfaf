using Liaison.Data.Database;
using Liaison.Data.Database.Sql;
using Liaison.Data.Results;
using Liaison.Domain.Divisions;
using Liaison.Domain.Liaisons;
using Liaison.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Demo;

/// <summary>
/// 分类定级 and 目标责任书 of a demo year (issue 21). Each backward organisation has a rectification plan
/// from the spring, its township leader responsible, with progress. Each First Secretary signs a
/// yearly agreement in February with four to six targets, most met by the last day. From 20 November
/// each township's grading is confirmed by its county: most organisations keep their grade, about one
/// backward in six is rectified to general, some general ones rise to advanced and a few fall, the
/// checklist agreeing with each grade; the grades become the villages' for the next year and the plans
/// are judged, as a confirmation does (<see cref="GradingStore"/>). Written inside the caller's transaction.
/// </summary>
internal static class DemoGrading
{
    private static readonly string[] Problems = ["班子不团结，组织生活不规范", "党员老化，作用发挥不明显", "集体经济薄弱，服务群众能力不足", "软弱涣散，矛盾纠纷较多"];
    private static readonly string[] Measures = ["调整充实村“两委”班子，规范“三会一课”", "发展年轻党员，培养后备干部", "发展村集体经济项目，建立便民服务制度", "开展矛盾纠纷排查化解，建立议事规则"];
    private static readonly string[] Progress = ["已召开专题组织生活会", "已调整支部委员一名", "已制定村级议事规则", "集体经济项目已落地"];
    private static readonly string[] Shortfalls = ["集体经济收入未达先进标准", "党员队伍结构有待优化", "阵地建设和服务功能不够完善"];
    private static readonly string[] Raises = ["村集体经营性收入力争增长两成", "年内发展一名年轻党员，培养两名后备干部", "改造提升党群服务中心，建立党员联系户制度"];

    /// <summary>Writes the year's rectification plans, agreements and, when the year has come to its close, the confirmed gradings; true when gradings were confirmed.</summary>
    public static async Task<(int Agreements, int Graded)> WriteAsync(LiaisonDb db, Random rng, int year, DateOnly last, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var sql = DatabaseSql.For(db);
        var rules = (await Policy.PolicyStore.GetAsync(db, year, ct)).Policy;
        var villages = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Village && d.WithdrawnOn == null)
            .OrderBy(d => d.Code).Select(d => new { d.Code, d.PartyOrgGrade }).ToListAsync(ct);
        var leaders = (await db.LiaisonTies.AsNoTracking().Where(t => t.Year == year && t.Until == null && t.Kind == TieKind.BackwardVillage && t.CadreId != null)
            .Select(t => new { t.DivisionCode, t.CadreId }).ToListAsync(ct)).GroupBy(t => t.DivisionCode).ToDictionary(g => g.Key, g => g.First().CadreId);
        DateOnly Day(DateOnly from, DateOnly to) => DateOnly.FromDayNumber(from.DayNumber + rng.Next(Math.Max(1, to.DayNumber - from.DayNumber + 1)));
        DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

        // Rectification plans for the organisations backward at the start of the year, and upgrade targets for
        // about one general organisation in four, made in February or March.
        var plans = new List<Rectification>();
        foreach (var v in villages.Where(v => v.PartyOrgGrade == PartyOrgGrade.Backward || (v.PartyOrgGrade == PartyOrgGrade.General && rng.Next(4) == 0)))
        {
            var upgrade = v.PartyOrgGrade == PartyOrgGrade.General;
            var made = new DateOnly(year, 2, 1).AddDays(rng.Next(55));
            if (made > last)
            {
                continue;
            }
            var steps = Enumerable.Range(0, rng.Next(1, 3)).Select(_ => Day(made, last)).Order()
                .Select(d => $"{d:yyyy-MM-dd} {Progress[rng.Next(Progress.Length)]}").ToList();
            plans.Add(new Rectification
            {
                Kind = upgrade ? RectificationKind.Upgrade : RectificationKind.Rectify,
                VillageCode = v.Code,
                Year = year,
                Problems = upgrade ? Shortfalls[rng.Next(Shortfalls.Length)] : Problems[rng.Next(Problems.Length)],
                Measures = upgrade ? Raises[rng.Next(Raises.Length)] : Measures[rng.Next(Measures.Length)],
                LeaderCadreId = leaders.GetValueOrDefault(v.Code),
                Deadline = new DateOnly(year, 10, 31),
                Progress = string.Join("\n", steps),
                RecordedBy = actor,
                RecordedAt = now,
            });
        }
        Reserve(await sql.ReserveIdsAsync("rectifications", plans.Count, ct), plans, (p, id) => p.Id = id);
        await sql.UpsertAsync(TableSpec.For<Rectification>(db, [nameof(Rectification.Id)], nameof(Rectification.Id), nameof(Rectification.Kind), nameof(Rectification.VillageCode), nameof(Rectification.Year),
            nameof(Rectification.Problems), nameof(Rectification.Measures), nameof(Rectification.LeaderCadreId), nameof(Rectification.Deadline), nameof(Rectification.Status),
            nameof(Rectification.Progress), nameof(Rectification.RecordedBy), nameof(Rectification.RecordedAt)), plans, null, ct);

        var agreements = await AgreementsAsync(db, rng, rules.Agreements, year, last, actor, now, ct);

        // The gradings, confirmed from 20 November: the year has to be near its close.
        var confirmFrom = new DateOnly(year, 11, 20);
        if (last < confirmFrom)
        {
            return (agreements, 0);
        }
        var criteria = rules.Grading.Criteria.Select(c => c.Code).ToArray();
        // An organisation with upgrade targets rises more often than one without.
        var targeted = plans.Where(p => p.Kind == RectificationKind.Upgrade).Select(p => p.VillageCode).ToHashSet(StringComparer.Ordinal);
        var rounds = new List<(GradingRound Round, List<VillageGrading> Grades)>();
        foreach (var township in villages.GroupBy(v => v.Code[..9]))
        {
            var round = new GradingRound
            {
                Year = year,
                TownshipCode = township.Key,
                Status = GradingStatus.Confirmed,
                OpenedBy = actor,
                OpenedAt = now,
                SubmittedBy = actor,
                ConfirmedBy = actor,
                ConfirmedOn = Day(confirmFrom, Min(last, new DateOnly(year, 12, 10))),
            };
            var grades = township.Select(v =>
            {
                var draw = rng.NextDouble();
                var grade = v.PartyOrgGrade switch
                {
                    PartyOrgGrade.Backward => draw < 0.17 ? PartyOrgGrade.General : PartyOrgGrade.Backward,
                    PartyOrgGrade.General => draw < (targeted.Contains(v.Code) ? 0.4 : 0.15) ? PartyOrgGrade.Advanced : draw > 0.98 ? PartyOrgGrade.Backward : PartyOrgGrade.General,
                    PartyOrgGrade.Advanced => draw < 0.04 ? PartyOrgGrade.General : PartyOrgGrade.Advanced,
                    _ => draw < 0.35 ? PartyOrgGrade.Advanced : draw < 0.88 ? PartyOrgGrade.General : PartyOrgGrade.Backward,
                };
                // The checklist agrees with the grade: as many criteria met as the grade's band holds.
                var met = grade switch
                {
                    PartyOrgGrade.Advanced => rng.Next(rules.Grading.AdvancedAtLeast, criteria.Length + 1),
                    PartyOrgGrade.Backward => rng.Next(0, rules.Grading.BackwardAtMost + 1),
                    _ => rng.Next(rules.Grading.BackwardAtMost + 1, rules.Grading.AdvancedAtLeast),
                };
                return new VillageGrading { VillageCode = v.Code, Grade = grade, Previous = v.PartyOrgGrade, Criteria = string.Join(",", criteria.OrderBy(_ => rng.Next()).Take(met).Order()) };
            }).ToList();
            rounds.Add((round, grades));
        }
        Reserve(await sql.ReserveIdsAsync("grading_rounds", rounds.Count, ct), rounds, (r, id) => r.Round.Id = id);
        var all = rounds.SelectMany(r => r.Grades.Select(g => { g.RoundId = r.Round.Id; return g; })).ToList();
        Reserve(await sql.ReserveIdsAsync("village_gradings", all.Count, ct), all, (g, id) => g.Id = id);
        await sql.UpsertAsync(TableSpec.For<GradingRound>(db, [nameof(GradingRound.Id)], nameof(GradingRound.Id), nameof(GradingRound.Year), nameof(GradingRound.TownshipCode),
            nameof(GradingRound.Status), nameof(GradingRound.OpenedBy), nameof(GradingRound.OpenedAt), nameof(GradingRound.SubmittedBy), nameof(GradingRound.ConfirmedBy),
            nameof(GradingRound.ConfirmedOn)), rounds.Select(r => r.Round).ToList(), null, ct);
        await sql.UpsertAsync(TableSpec.For<VillageGrading>(db, [nameof(VillageGrading.Id)], nameof(VillageGrading.Id), nameof(VillageGrading.RoundId), nameof(VillageGrading.VillageCode),
            nameof(VillageGrading.Grade), nameof(VillageGrading.Previous), nameof(VillageGrading.Criteria), nameof(VillageGrading.Note)), all, null, ct);
        foreach (var (round, grades) in rounds)
        {
            await GradingStore.ApplyAsync(db, round, grades, actor, now, ct);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await Divisions.VillageProfileStore.SyncCurrentAsync(db, null, ct);
        return (agreements, all.Count);
    }

    /// <summary>Every First Secretary's agreement, signed in February with four to six targets across the areas, most met by the last day.</summary>
    private static async Task<int> AgreementsAsync(LiaisonDb db, Random rng, Domain.Policy.AgreementRules rules, int year, DateOnly last, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var signedOn = new DateOnly(year, 2, 20);
        if (last < signedOn)
        {
            return 0;
        }
        var postings = await db.SecretaryPostings.AsNoTracking().Where(p => p.Year == year && p.Until == null).OrderBy(p => p.VillageCode)
            .Select(p => new { p.VillageCode, p.CadreId }).ToListAsync(ct);
        var agreements = postings.Select(p => new Agreement
        {
            Year = year,
            VillageCode = p.VillageCode,
            CadreId = p.CadreId,
            Status = AgreementStatus.Concluded,
            DraftedBy = actor,
            DraftedAt = now,
            AgreedAt = now,
            SignedOn = signedOn.AddDays(rng.Next(8)),
            TownshipSigner = "乡镇党委书记",
        }).ToList();
        var sql = DatabaseSql.For(db);
        Reserve(await sql.ReserveIdsAsync("agreements", agreements.Count, ct), agreements, (a, id) => a.Id = id);
        var share = (last.DayNumber - signedOn.DayNumber) / (double)(new DateOnly(year, 12, 31).DayNumber - signedOn.DayNumber);
        var targets = new List<AgreementTarget>();
        foreach (var a in agreements)
        {
            var count = rng.Next(4, 7);
            for (var line = 1; line <= count; line++)
            {
                var area = rules.Areas[(line - 1) % rules.Areas.Count];
                var due = new DateOnly(year, rng.Next(6, 13), 1).AddMonths(1).AddDays(-1);
                targets.Add(new AgreementTarget
                {
                    AgreementId = a.Id,
                    Line = line,
                    Area = area.Code,
                    Text = area.Suggestions.Count > 0 ? area.Suggestions[rng.Next(area.Suggestions.Count)] : area.Name,
                    Due = due,
                    MetOn = rng.NextDouble() < 0.9 * Math.Min(1, share * 1.1) ? DateOnly.FromDayNumber(a.SignedOn!.Value.DayNumber + rng.Next(Math.Max(1, last.DayNumber - a.SignedOn.Value.DayNumber))) : null,
                });
            }
        }
        Reserve(await sql.ReserveIdsAsync("agreement_targets", targets.Count, ct), targets, (t, id) => t.Id = id);
        await sql.UpsertAsync(TableSpec.For<Agreement>(db, [nameof(Agreement.Id)], nameof(Agreement.Id), nameof(Agreement.Year), nameof(Agreement.VillageCode), nameof(Agreement.CadreId),
            nameof(Agreement.Status), nameof(Agreement.DraftedBy), nameof(Agreement.DraftedAt), nameof(Agreement.AgreedAt), nameof(Agreement.SignedOn), nameof(Agreement.TownshipSigner),
            nameof(Agreement.Amendments)),
            agreements, null, ct);
        await sql.UpsertAsync(TableSpec.For<AgreementTarget>(db, [nameof(AgreementTarget.Id)], nameof(AgreementTarget.Id), nameof(AgreementTarget.AgreementId), nameof(AgreementTarget.Line),
            nameof(AgreementTarget.Area), nameof(AgreementTarget.Text), nameof(AgreementTarget.Due), nameof(AgreementTarget.MetOn)), targets, null, ct);
        return agreements.Count;
    }

    private static void Reserve<T>(long[] ids, List<T> rows, Action<T, long> set)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            set(rows[i], ids[i]);
        }
    }
}
