using Liaison.Data.Database;
using Liaison.Data.Database.Sql;
using Liaison.Domain.Field;
using Liaison.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Demo;

/// <summary>
/// 公开承诺 and 实事好事 of a demo year (issue 21), in the source's proportions. Every First Secretary
/// and about one cadre in four of the villages they visited promise a few items, four in five of them
/// kept (most on time), a few given up with a reason, the rest open. Deeds of each kind of the
/// default catalogue add up, over the part of the year gone, to the source's city totals scaled to the
/// demo's villages (740 km of roads, 683 wells, 29.57 million yuan … for Jining's 6,216 villages),
/// each deed a believable size, done by a cadre of the village or their unit; some fulfil a kept
/// commitment. Written in bulk inside the caller's transaction.
/// </summary>
internal static class DemoResults
{
    /// <summary>The source's city: its villages and its deeds' totals for a year, by kind and quantity, with a deed's usual size.</summary>
    private const double SourceVillages = 6_216;

    private sealed record Yearly(string Kind, string Code, double Total, double Min, double Max, bool Whole);

    private static readonly Yearly[] Source =
    [
        new("funds", "amount", 29_570_000, 20_000, 300_000, true),
        new("road", "length", 740, 0.3, 3, false),
        new("power-line", "length", 260, 0.2, 2, false),
        new("well", "wells", 683, 1, 3, true),
        new("ditch", "length", 840, 0.5, 3, false),
        new("bridge", "bridges", 710, 1, 3, true),
        new("employment", "people", 18_000, 5, 60, true),
        new("health-check", "people", 20_000, 50, 300, true),
        new("trees", "trees", 150_000, 300, 3_000, true),
        new("water-power", "villages", 889, 1, 1, true),
        new("five-ten", "problems", 2_335, 1, 5, true),
        new("sideline-project", "projects", 400, 1, 1, true),
        new("farming-project", "projects", 800, 1, 2, true),
        new("collective-income", "amount", 9_487_000, 10_000, 80_000, true),
        new("student-aid", "students", 3_000, 1, 10, true),
        new("service-team", "times", 6_000, 1, 4, true),
        new("legal-adviser", "times", 4_000, 1, 3, true),
        new("saturday", "times", 3_000, 1, 3, true),
        new("party-lesson", "times", 5_000, 1, 4, true),
        new("green-channel", "times", 1_500, 1, 2, true),
        new("committee-adjusted", "people", 826, 1, 3, true),
        new("new-members", "people", 1_017, 1, 2, true),
        new("reserve-cadres", "people", 4_031, 1, 3, true),
        new("training", "sessions", 4_138, 1, 2, true),
        new("rules", "rules", 3_455, 1, 3, true),
        new("venue", "venues", 816, 1, 1, true),
        new("model-site", "sites", 300, 1, 1, true),
    ];

    private static readonly string[] Promises =
    [
        "硬化村内主干道", "协调资金打机井两眼", "帮助村民转移就业", "建设村文化广场", "修缮村党群服务中心", "安装太阳能路灯", "协调资金修建排水沟",
        "引进蔬菜大棚种植项目", "组织一次免费健康查体", "帮扶困难户发展庭院经济", "整治村内坑塘", "修建生产桥一座", "为村小学协调助学资金", "组织农业技术培训两期",
    ];

    private static readonly string[] Reasons = ["上级项目调整，资金未能落实", "涉及土地调整，群众意见不一，暂缓实施", "电网改造推迟到明年，随改造一并实施"];

    private static readonly string[] Sources = ["派出单位帮扶资金", "县级财政衔接资金", "社会捐助", "市直部门项目资金"];

    public static async Task<(int Commitments, int Deeds)> WriteAsync(LiaisonDb db, Random rng, int year, DateOnly last,
        IReadOnlyList<HouseholdVisit> visits, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var first = new DateOnly(year, 1, 1);
        var span = last.DayNumber - first.DayNumber + 1;
        if (span <= 0)
        {
            return (0, 0);
        }
        var share = span / (double)new DateOnly(year, 12, 31).DayOfYear;
        var villages = visits.GroupBy(v => v.VillageCode).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Village: g.Key, Cadres: g.Select(v => v.CadreId).Distinct().Order().ToArray())).ToList();
        if (villages.Count == 0)
        {
            return (0, 0);
        }
        var secretaries = await db.SecretaryPostings.AsNoTracking().Where(p => p.Year == year && p.Until == null)
            .Select(p => new { p.CadreId, p.VillageCode }).ToListAsync(ct);
        var involved = villages.SelectMany(v => v.Cadres).Distinct().ToList();
        var unitOf = await db.Cadres.AsNoTracking().Where(c => involved.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.UnitId, ct);
        DateOnly Day(DateOnly from, DateOnly to) => DateOnly.FromDayNumber(from.DayNumber + rng.Next(Math.Max(1, to.DayNumber - from.DayNumber + 1)));

        // Commitments: every First Secretary three to six, about one visiting cadre in four one to three.
        var promisers = secretaries.Select(s => (s.CadreId, s.VillageCode, Count: rng.Next(3, 7)))
            .Concat(villages.SelectMany(v => v.Cadres.Where(_ => rng.NextDouble() < 0.25).Select(c => (CadreId: c, VillageCode: v.Village, Count: rng.Next(1, 4)))))
            .ToList();
        var commitments = new List<Commitment>();
        var steps = new List<CommitmentStep>();
        foreach (var (cadre, village, count) in promisers)
        {
            for (var n = 0; n < count; n++)
            {
                var made = Day(first, last);
                var c = new Commitment
                {
                    Year = year,
                    VillageCode = village,
                    CadreId = cadre,
                    Text = Promises[rng.Next(Promises.Length)],
                    MadeOn = made,
                    Deadline = made.AddDays(rng.Next(30, 241)),
                    RecordedBy = actor,
                    RecordedAt = now,
                };
                var draw = rng.NextDouble();
                if (draw < 0.812)
                {
                    // Kept: most by the deadline, some up to a month late; never after the last day.
                    var by = rng.NextDouble() < 0.88 ? Day(made, c.Deadline) : Day(c.Deadline.AddDays(1), c.Deadline.AddDays(30));
                    (c.Status, c.ClosedOn) = (CommitmentStatus.Done, by > last ? last : by);
                }
                else if (draw < 0.85)
                {
                    (c.Status, c.ClosedOn, c.Reason) = (CommitmentStatus.Dropped, Day(made, last), Reasons[rng.Next(Reasons.Length)]);
                }
                commitments.Add(c);
            }
        }
        var commitmentIds = await DatabaseSql.For(db).ReserveIdsAsync("commitments", commitments.Count, ct);
        for (var i = 0; i < commitments.Count; i++)
        {
            var c = commitments[i];
            c.Id = commitmentIds[i];
            if (c.ClosedOn is { } closed)
            {
                steps.Add(new CommitmentStep
                {
                    CommitmentId = c.Id,
                    On = closed,
                    Status = c.Status,
                    Text = c.Reason ?? "已按承诺办结，群众满意",
                    RecordedBy = actor,
                    RecordedAt = now,
                });
            }
        }
        var stepIds = await DatabaseSql.For(db).ReserveIdsAsync("commitment_steps", steps.Count, ct);
        for (var i = 0; i < steps.Count; i++)
        {
            steps[i].Id = stepIds[i];
        }

        // Deeds: each kind's share of the source's year, scaled to the demo's villages, in deeds of a usual size.
        var kept = commitments.Where(c => c.Status == CommitmentStatus.Done).GroupBy(c => c.VillageCode).ToDictionary(g => g.Key, g => g.ToList());
        var scale = villages.Count / SourceVillages * share;
        var deeds = new List<(Deed Deed, List<DeedQuantityValue> Quantities)>();
        foreach (var kind in Source)
        {
            var target = kind.Total * scale;
            for (var total = 0.0; total < target;)
            {
                var (village, cadres) = villages[rng.Next(villages.Count)];
                var size = kind.Min + ((kind.Max - kind.Min) * rng.NextDouble());
                var value = kind.Whole ? Math.Round(size) : Math.Round(size, 3);
                total += value;
                var cadre = cadres[rng.Next(cadres.Length)];
                int? unit = rng.NextDouble() < 0.25 && unitOf.TryGetValue(cadre, out var u) ? u : null;
                var on = Day(first, last);
                var promise = kept.TryGetValue(village, out var these) && rng.NextDouble() < 0.3 ? these[rng.Next(these.Count)] : null;
                var deed = new Deed
                {
                    Year = year,
                    VillageCode = village,
                    Kind = kind.Kind,
                    On = promise?.ClosedOn ?? on,
                    CadreId = unit is null ? cadre : null,
                    UnitId = unit,
                    Source = kind.Kind == "funds" ? Sources[rng.Next(Sources.Length)] : null,
                    CommitmentId = promise?.Id,
                    RecordedBy = actor,
                    RecordedAt = now,
                };
                var quantities = new List<DeedQuantityValue> { new() { Code = kind.Code, Value = (decimal)value } };
                if (kind.Kind == "student-aid")
                {
                    quantities.Add(new() { Code = "amount", Value = (decimal)(value * rng.Next(5, 21) * 100) });
                }
                else if (kind.Kind == "training")
                {
                    // The source's 74,000 attendances at 4,138 sessions: about eighteen a session.
                    quantities.Add(new() { Code = "people", Value = (decimal)(value * rng.Next(12, 25)) });
                }
                else if (kind.Code == "times")
                {
                    quantities.Add(new() { Code = "people", Value = (decimal)(value * rng.Next(15, 60)) });
                }
                deeds.Add((deed, quantities));
            }
        }
        var deedIds = await DatabaseSql.For(db).ReserveIdsAsync("deeds", deeds.Count, ct);
        for (var i = 0; i < deeds.Count; i++)
        {
            deeds[i].Deed.Id = deedIds[i];
            deeds[i].Quantities.ForEach(q => q.DeedId = deedIds[i]);
        }

        var sql = DatabaseSql.For(db);
        await sql.UpsertAsync(TableSpec.For<Commitment>(db, [nameof(Commitment.Id)], nameof(Commitment.Id), nameof(Commitment.Year), nameof(Commitment.VillageCode),
            nameof(Commitment.CadreId), nameof(Commitment.Text), nameof(Commitment.MadeOn), nameof(Commitment.Deadline), nameof(Commitment.Status), nameof(Commitment.ClosedOn),
            nameof(Commitment.Reason), nameof(Commitment.RecordedBy), nameof(Commitment.RecordedAt)), commitments, null, ct);
        await sql.UpsertAsync(TableSpec.For<CommitmentStep>(db, [nameof(CommitmentStep.Id)], nameof(CommitmentStep.Id), nameof(CommitmentStep.CommitmentId),
            nameof(CommitmentStep.On), nameof(CommitmentStep.Status), nameof(CommitmentStep.Text), nameof(CommitmentStep.RecordedBy), nameof(CommitmentStep.RecordedAt)), steps, null, ct);
        await sql.UpsertAsync(TableSpec.For<Deed>(db, [nameof(Deed.Id)], nameof(Deed.Id), nameof(Deed.Year), nameof(Deed.VillageCode), nameof(Deed.Kind), nameof(Deed.On),
            nameof(Deed.CadreId), nameof(Deed.UnitId), nameof(Deed.Source), nameof(Deed.CommitmentId), nameof(Deed.RecordedBy), nameof(Deed.RecordedAt)),
            deeds.Select(d => d.Deed).ToList(), null, ct);
        await sql.UpsertAsync(TableSpec.For<DeedQuantityValue>(db, [nameof(DeedQuantityValue.DeedId), nameof(DeedQuantityValue.Code)],
            nameof(DeedQuantityValue.DeedId), nameof(DeedQuantityValue.Code), nameof(DeedQuantityValue.Value)), deeds.SelectMany(d => d.Quantities).ToList(), null, ct);
        return (commitments.Count, deeds.Count);
    }
}
