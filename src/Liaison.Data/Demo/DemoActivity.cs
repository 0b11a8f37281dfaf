using Liaison.Data.Audit;
using Liaison.Data.Database;
using Liaison.Data.Database.Sql;
using Liaison.Data.Field;
using Liaison.Data.Import;
using Liaison.Data.Reporting;
using Liaison.Domain.Cases;
using Liaison.Domain.Field;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Demo;

public sealed record DemoActivityResult(int Year, long Visits, long HouseholdsVisited, long Issues, long Stays, long Activities, long Cases, long Disputes, long Errands, long NightSessions, long NightCases,
    double Seconds, long Commitments = 0, long Deeds = 0)
{
    /// <summary>Seconds spent in each stage (load, teams, visits, cases, results, stays, activities, rollups, settling), for the benchmark's account of where the time goes.</summary>
    public IReadOnlyDictionary<string, double> Stages { get; init; } = new Dictionary<string, double>();

    /// <summary>The year's supervision: villages inspected, calls, findings, notices and orders.</summary>
    public DemoSupervisionCounts? Supervision { get; init; }
}

/// <summary>
/// <c>liaison demo activity</c>: a year of field work on the seeded city at the source's rates
/// (DOMAIN.md section 3): about 86.5 % of households visited (First Secretaries' villages more),
/// more than 90 % of tied cadres taking part, an issue raised on about one visit in twenty,
/// residence stays toward each minimum (<see cref="ResidenceSoFar"/>), and First Secretaries' activities;
/// the year's work teams with their meetings, and the whole staff taking part through the pairings'
/// stays and the teams (<see cref="DemoTeams"/>, <see cref="DemoParticipation"/>). Up to yesterday for the
/// current year, the whole year for a past one. Deterministic for a seed; written in bulk in one
/// transaction with the rollups.
/// </summary>
public static class DemoActivity
{
    private static readonly string[] ShortNotes = ["身体健康", "收入稳定", "宣讲惠民政策", "了解种植情况", "子女在外务工", "孩子上学有困难", "想发展养殖", "房屋需要修缮"];
    private static readonly string[] IssueTexts =
    [
        "村内道路坑洼需要硬化", "饮水不稳定", "希望增加路灯", "农田灌溉渠道淤堵", "申请低保", "希望组织技能培训", "邻里宅基地纠纷", "医保报销咨询",
        "希望发展特色种植项目", "雨季排水不畅", "老人就医不便", "垃圾清运不及时",
    ];

    public static async Task<DemoActivityResult> GenerateAsync(LiaisonDb db, TimeProvider clock, Actor actor, int year, int seed, Action<ImportProgress>? progress, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var stages = new Dictionary<string, double>();
        var (stage, stageStart) = ("", TimeSpan.Zero);
        // A stage begins: the one before it is timed, and the progress shows the new one.
        void Stage(string name)
        {
            if (stage.Length > 0)
            {
                stages[stage] = Math.Round((watch.Elapsed - stageStart).TotalSeconds, 2);
            }
            (stage, stageStart) = (name, watch.Elapsed);
            progress?.Invoke(new ImportProgress(name, 0, 1));
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaTime.Offset).DateTime);
        var last = year < today.Year ? new DateOnly(year, 12, 31) : today.AddDays(-1);
        if (year > today.Year || last.Year != year)
        {
            throw new InvalidOperationException($"{year} 年还没有可记录的日子 / {year} has no past days to record yet");
        }
        if (!await db.LiaisonTies.AnyAsync(t => t.Year == year && t.Until == null, ct))
        {
            throw new InvalidOperationException($"{year} 年还没有联系计划：请先运行 liaison plan liaisons --year {year} / there is no liaison plan for {year}: run `liaison plan liaisons --year {year}` first");
        }
        if (await db.HouseholdVisits.AnyAsync(v => v.Year == year, ct))
        {
            throw new InvalidOperationException($"{year} 年已有走访记录，未写入任何数据 / {year} has field records already; nothing was written");
        }
        Stage("load");
        var rng = new Random(seed);
        var days = last.DayNumber - new DateOnly(year, 1, 1).DayNumber + 1;
        var share = days / (double)(DateOnly.FromDayNumber(new DateOnly(year, 12, 31).DayNumber).DayOfYear);
        var ties = await db.LiaisonTies.AsNoTracking().Where(t => t.Year == year && t.Until == null && t.CadreId != null && t.DivisionCode.Length == 12)
            .Select(t => new { Cadre = t.CadreId!.Value, Village = t.DivisionCode }).Distinct().ToListAsync(ct);
        var secretaries = await db.SecretaryPostings.AsNoTracking().Where(p => p.Year == year && p.Until == null)
            .Select(p => new { p.CadreId, p.VillageCode }).ToDictionaryAsync(p => p.VillageCode, p => p.CadreId, ct);
        // Fewer than one tie in ten does not take part: the source counts over 90 % participation.
        var active = ties.Where(_ => rng.NextDouble() >= 0.08).GroupBy(t => t.Village).ToDictionary(g => g.Key, g => g.Select(t => t.Cadre).Distinct().ToArray(), StringComparer.Ordinal);
        var households = await db.Households.AsNoTracking().OrderBy(h => h.Id).Select(h => new { h.Id, h.VillageCode }).ToListAsync(ct);
        var hasher = new RecordHasher();

        // Visits: per village a rate around the source's 86.5 %, First Secretaries' villages higher.
        var visits = new List<HouseholdVisit>(households.Count);
        var issues = new List<(int Visit, string Text)>();
        var now = clock.GetUtcNow();
        var guid = new byte[16];
        Guid NextGuid()
        {
            rng.NextBytes(guid);
            guid[7] = (byte)((guid[7] & 0x0F) | 0x40);
            return new Guid(guid);
        }
        foreach (var village in households.GroupBy(h => h.VillageCode))
        {
            var fs = secretaries.TryGetValue(village.Key, out var s) ? s : (int?)null;
            var cadres = active.GetValueOrDefault(village.Key) ?? [];
            if (fs is null && cadres.Length == 0)
            {
                continue;
            }
            var rate = (fs is not null ? 0.85 + (0.15 * rng.NextDouble()) : 0.55 + (0.40 * rng.NextDouble())) * Math.Min(1, 0.35 + share);
            foreach (var h in village)
            {
                if (rng.NextDouble() >= rate)
                {
                    continue;
                }
                var repeats = rng.NextDouble() < 0.03 ? 2 : 1;
                for (var r = 0; r < repeats; r++)
                {
                    var cadre = fs is { } f && (cadres.Length == 0 || rng.NextDouble() < 0.6) ? f : cadres[rng.Next(cadres.Length)];
                    var at = new DateTimeOffset(new DateOnly(year, 1, 1).AddDays(rng.Next(days)).ToDateTime(new TimeOnly(8 + rng.Next(10), rng.Next(60))), ChinaTime.Offset);
                    var note = rng.NextDouble() < 0.3 ? ShortNotes[rng.Next(ShortNotes.Length)] : null;
                    string[] raised = rng.NextDouble() < 0.047 ? [IssueTexts[rng.Next(IssueTexts.Length)]] : [];
                    var input = new VisitInput(NextGuid(), h.Id, at, note, null, null, raised);
                    if (raised.Length > 0)
                    {
                        issues.Add((visits.Count, raised[0]));
                    }
                    visits.Add(new HouseholdVisit
                    {
                        ClientId = input.Id!.Value,
                        CadreId = cadre,
                        HouseholdId = h.Id,
                        VillageCode = village.Key,
                        Year = year,
                        VisitedAt = at.ToUniversalTime(),
                        Note = note,
                        IssueCount = raised.Length,
                        Source = RecordSource.System,
                        ReceivedAt = now,
                        ReceivedBy = actor.Name,
                        ContentHash = hasher.Of(input),
                    });
                }
            }
        }

        // Stays toward each residence minimum, in stays of a few days; and a few days for every other tie.
        var requirements = await FieldRollups.RequirementsAsync(db, year, null, ct);
        var stays = new List<ResidenceStay>();
        var first = new DateOnly(year, 1, 1);
        // The days of a year so far, laid out in stays of at most `length` days with gaps of random
        // lengths between them, all of them between 1 January and the last day.
        void Stay(int cadre, string village, int total, int length)
        {
            total = Math.Min(total, days);
            var count = (total + length - 1) / length;
            if (count == 0)
            {
                return;
            }
            var gaps = new double[count];
            for (var i = 0; i < count; i++)
            {
                gaps[i] = rng.NextDouble();
            }
            // One more share for the time after the last stay, so the last stay need not end on the last day.
            var shares = gaps.Sum() + rng.NextDouble();
            var day = 0;
            for (var i = 0; i < count; i++)
            {
                day += (int)((days - total) * gaps[i] / shares);
                var arrived = first.AddDays(day);
                var left = arrived.AddDays(Math.Min(length, total - (i * length)) - 1);
                stays.Add(new ResidenceStay
                {
                    ClientId = NextGuid(),
                    CadreId = cadre,
                    VillageCode = village,
                    Year = year,
                    Arrived = arrived,
                    Left = left,
                    Source = RecordSource.System,
                    ReceivedAt = now,
                    ReceivedBy = actor.Name,
                    ContentHash = hasher.Of(new StayInput(null, village, arrived, left)),
                });
                day += left.DayNumber - arrived.DayNumber + 1;
            }
        }
        foreach (var r in requirements)
        {
            Stay(r.CadreId, r.VillageCode, ResidenceSoFar(r.MinimumDays, share, rng), r.MinimumDays >= 100 ? 20 : 5);
        }
        var required = requirements.Select(r => (r.CadreId, r.VillageCode)).ToHashSet();
        foreach (var t in ties.Where(t => !required.Contains((t.Cadre, t.Village)) && rng.NextDouble() < 0.5))
        {
            Stay(t.Cadre, t.Village, 1 + rng.Next(4), 3);
        }

        // First Secretaries' activities at the source's rates per secretary, scaled to the part of the year gone.
        var activities = new List<SecretaryActivity>();
        void Activity(int cadre, string village, ActivityKind kind, int count, int people)
        {
            if (count <= 0)
            {
                return;
            }
            var on = new DateOnly(year, 1, 1).AddDays(rng.Next(days));
            activities.Add(new SecretaryActivity
            {
                ClientId = NextGuid(),
                CadreId = cadre,
                VillageCode = village,
                Year = year,
                Kind = kind,
                On = on,
                Count = count,
                People = people,
                Source = RecordSource.System,
                ReceivedAt = now,
                ReceivedBy = actor.Name,
                ContentHash = hasher.Of(new ActivityInput(null, village, kind, on, count, people)),
            });
        }
        foreach (var (village, cadre) in secretaries.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            for (var i = 0; i < 6; i++)
            {
                Activity(cadre, village, ActivityKind.PartyMemberVisit, (int)Math.Round(rng.Next(3, 9) * share), 0);
            }
            for (var i = 0; i < 4; i++)
            {
                Activity(cadre, village, ActivityKind.Questionnaire, (int)Math.Round(rng.Next(30, 90) * share), 0);
            }
            for (var i = 0; i < (int)Math.Round(rng.Next(2, 7) * share); i++)
            {
                Activity(cadre, village, ActivityKind.Symposium, 1, rng.Next(8, 30));
            }
            if (rng.NextDouble() < 0.27 * share)
            {
                Activity(cadre, village, ActivityKind.StudyTrip, 1, rng.Next(20, 60));
            }
            for (var i = 0; i < 5; i++)
            {
                Activity(cadre, village, ActivityKind.EatLiveWork, (int)Math.Round(rng.Next(2, 10) * share), 0);
            }
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Everyone takes part (issue 20): the year's work teams and their meetings, the pairings'
        // concentrated stays, the team members' visits and days — from a stream of their own.
        Stage("teams");
        // From the seed alone: HashCode.Combine is seeded afresh in every process, which made the demo differ run to run.
        var more = new Random(unchecked((seed * 7919) + 20));
        var moreGuid = new byte[16];
        Guid MoreGuid()
        {
            more.NextBytes(moreGuid);
            moreGuid[7] = (byte)((moreGuid[7] & 0x0F) | 0x40);
            return new Guid(moreGuid);
        }
        var teams = await DemoTeams.EnsureAsync(db, more, year, last, actor.Name, now, ct);
        var (unitStays, helpPlans) = await DemoParticipation.AddAsync(db, more, year, last, teams,
            (cadre, village, arrived, left) => new ResidenceStay
            {
                ClientId = MoreGuid(),
                CadreId = cadre,
                VillageCode = village,
                Year = year,
                Arrived = arrived,
                Left = left,
                Source = RecordSource.System,
                ReceivedAt = now,
                ReceivedBy = actor.Name,
                ContentHash = hasher.Of(new StayInput(null, village, arrived, left)),
            },
            (cadre, household, village, at) =>
            {
                var input = new VisitInput(MoreGuid(), household, at, null, null, null, []);
                return new HouseholdVisit
                {
                    ClientId = input.Id!.Value,
                    CadreId = cadre,
                    HouseholdId = household,
                    VillageCode = village,
                    Year = year,
                    VisitedAt = at.ToUniversalTime(),
                    Source = RecordSource.System,
                    ReceivedAt = now,
                    ReceivedBy = actor.Name,
                    ContentHash = hasher.Of(input),
                };
            },
            stays, visits, actor.Name, now, ct);
        Stage("visits");
        var ids = await DatabaseSql.For(db).ReserveIdsAsync("household_visits", visits.Count, ct);
        for (var i = 0; i < visits.Count; i++)
        {
            visits[i].Id = ids[i];
        }
        var visitSpec = FieldSpecs.Visits(db);
        await DatabaseSql.For(db).UpsertAsync(visitSpec, visits, n => progress?.Invoke(new ImportProgress("visits", n, visits.Count)), ct);
        await VisitTallies.InsertAsync(db, visits, ct);
        // The issues raised, each taken up as a case; disputes and errands beside them.
        Stage("cases");
        var caseRules = (await Policy.PolicyStore.GetAsync(db, year, ct)).Policy.Cases;
        var (cases, disputes, errands) = await DemoCases.WriteAsync(db, rng, caseRules, last, visits, issues, ct);
        var (nights, nightCases) = await DemoNights.WriteAsync(db, more, caseRules, year, last, visits, actor.Name, now, ct);
        Stage("results");
        var (commitments, deeds) = await DemoResults.WriteAsync(db, more, year, last, visits, actor.Name, now, ct);
        var (agreements, graded) = await DemoGrading.WriteAsync(db, more, year, last, actor.Name, now, ct);
        Stage("supervision");
        // From a stream of its own, so that the year's other records stay as they were before supervision came.
        var supervision = await DemoSupervision.WriteAsync(db, new Random(unchecked((seed * 7919) + 22)), year, last, actor.Name, now, ct);
        Stage("stays");
        await DatabaseSql.For(db).UpsertAsync(TableSpec.For<ResidenceStay>(db, [nameof(ResidenceStay.ClientId)],
            nameof(ResidenceStay.ClientId), nameof(ResidenceStay.CadreId), nameof(ResidenceStay.VillageCode), nameof(ResidenceStay.Year), nameof(ResidenceStay.Arrived),
            nameof(ResidenceStay.Left), nameof(ResidenceStay.Source), nameof(ResidenceStay.ReceivedAt), nameof(ResidenceStay.ReceivedBy), nameof(ResidenceStay.ContentHash)), stays, null, ct);
        Stage("activities");
        await DatabaseSql.For(db).UpsertAsync(TableSpec.For<SecretaryActivity>(db, [nameof(SecretaryActivity.ClientId)],
            nameof(SecretaryActivity.ClientId), nameof(SecretaryActivity.CadreId), nameof(SecretaryActivity.VillageCode), nameof(SecretaryActivity.Year), nameof(SecretaryActivity.Kind),
            nameof(SecretaryActivity.On), nameof(SecretaryActivity.Count), nameof(SecretaryActivity.People), nameof(SecretaryActivity.Note), nameof(SecretaryActivity.Source),
            nameof(SecretaryActivity.ReceivedAt), nameof(SecretaryActivity.ReceivedBy), nameof(SecretaryActivity.ContentHash)), activities, null, ct);
        Stage("rollups");
        // A confirmed grading changes the villages' grades, which the division, plan and First Secretary figures read.
        await RollupStore.RefreshAsync(db, graded > 0 ? RollupFamily.Field | RollupFamily.Divisions | RollupFamily.Liaisons | RollupFamily.Secretaries : RollupFamily.Field, ct);
        await db.FieldDirty.ExecuteDeleteAsync(ct);
        var visited = visits.Select(v => v.HouseholdId).Distinct().LongCount();
        await AuditLog.AppendAsync(db, clock, actor, new AuditRecord("demo.activity", "field", year.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null,
            new { seed, visits = visits.Count, households = visited, issues = issues.Count, stays = stays.Count, activities = activities.Count, cases, disputes, errands, teams = teams.Teams, meetings = teams.Meetings, unitStays, helpPlans, nights, nightCases, commitments, deeds, agreements, graded, supervision }), ct);
        await tx.CommitAsync(ct);
        Stage("settling");
        await BulkLoads.SettleAsync(db, ct, typeof(HouseholdVisit), typeof(VisitTally), typeof(VisitIssue), typeof(ResidenceStay), typeof(SecretaryActivity),
            typeof(Case), typeof(CaseStep), typeof(Dispute), typeof(Errand), typeof(AuditEntry), typeof(Domain.Liaisons.WorkTeam), typeof(Domain.Liaisons.WorkTeamMember),
            typeof(Domain.Liaisons.WorkTeamMeeting), typeof(Domain.Liaisons.UnitStay), typeof(Domain.Liaisons.HelpPlan), typeof(NightSession), typeof(NightMatter),
            typeof(Domain.Results.Commitment), typeof(Domain.Results.CommitmentStep), typeof(Domain.Results.Deed), typeof(Domain.Results.DeedQuantityValue),
            typeof(Domain.Results.Agreement), typeof(Domain.Results.AgreementTarget), typeof(Domain.Results.GradingRound), typeof(Domain.Results.VillageGrading),
            typeof(Domain.Results.Rectification), typeof(Domain.Divisions.VillageProfile), typeof(Domain.Divisions.Division),
            typeof(Domain.Supervision.Inspection), typeof(Domain.Supervision.SampleCall), typeof(Domain.Supervision.Finding), typeof(Domain.Supervision.RectificationOrder));
        Stage("done");
        return new DemoActivityResult(year, visits.Count, visited, issues.Count, stays.Count, activities.Count, cases, disputes, errands, nights, nightCases, Math.Round(watch.Elapsed.TotalSeconds, 1), commitments, deeds)
        {
            Stages = stages,
            Supervision = supervision,
        };
    }

    /// <summary>
    /// The days a cadre has lived in the village by the part of the year gone (<paramref name="share"/>).
    /// Most keep pace with a minimum they mean to meet before December (each by a day of their own,
    /// from when the days can first be done to late November, and living on beyond it as First
    /// Secretaries do); about one in eight falls behind (between a third and four fifths of the
    /// pace), which the compliance lists show. So compliance climbs through the year to about four
    /// in five by December, as a yearly minimum does, rather than sitting near zero.
    /// </summary>
    internal static int ResidenceSoFar(int minimum, double share, Random rng)
    {
        if (rng.NextDouble() < 0.12)
        {
            return (int)Math.Round(minimum * share * (0.35 + (0.45 * rng.NextDouble())));
        }
        // The earliest a minimum can be met is when its days fit in the time gone, living there most days.
        var earliest = Math.Max(0.35, minimum * 1.15 / 365);
        var by = earliest + ((0.95 - earliest) * rng.NextDouble());
        return (int)Math.Round(minimum * Math.Min(share / by, 1.3));
    }

    /// <summary>The same content hashes the API gives, so that a resend of a generated record is a duplicate, not a conflict.</summary>
    private sealed class RecordHasher
    {
        private readonly VisitKind _visits = new();
        private readonly StayKind _stays = new();
        private readonly ActivityKindRecords _activities = new();

        public string Of(VisitInput input) => FieldStore.Hash(_visits.Canonical(input));

        public string Of(StayInput input) => FieldStore.Hash(_stays.Canonical(input));

        public string Of(ActivityInput input) => FieldStore.Hash(_activities.Canonical(input));
    }
}
