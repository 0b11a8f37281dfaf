using Liaison.Data.Database.Sql;
using Liaison.Domain.Field;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Field;

/// <summary>What <see cref="FieldStore"/> needs to know of one kind of field record.</summary>
internal abstract class FieldRecordKind<TInput, TRecord>
    where TRecord : class
{
    public const int MaxNote = 500;

    /// <summary>visit, stay or activity: the audit action's and the conflict's name.</summary>
    public abstract string Name { get; }

    public abstract Guid? ClientId(TInput input);

    /// <summary>The content that must match for a resend to count as the same record.</summary>
    public abstract string Canonical(TInput input);

    public virtual Task PrepareAsync(LiaisonDb db, IReadOnlyList<TInput> inputs, FieldContext context, CancellationToken ct) => Task.CompletedTask;

    public abstract List<Problem> Check(TInput input, FieldContext context);

    public abstract TRecord Build(TInput input, FieldContext context, string hash);

    /// <summary>Records already stored under these client ids: their id, content hash and cadre.</summary>
    public abstract Task<Dictionary<Guid, (long Id, string Hash, int CadreId)>> ExistingAsync(LiaisonDb db, List<Guid> ids, CancellationToken ct);

    public abstract void Add(LiaisonDb db, List<TRecord> records);

    /// <summary>Writes new records inside the caller's transaction and gives them their ids.</summary>
    public virtual async Task InsertAsync(LiaisonDb db, List<TRecord> records, CancellationToken ct)
    {
        Add(db, records);
        await db.SaveChangesAsync(ct);
    }

    public virtual Task AfterSaveAsync(LiaisonDb db, List<(TInput Input, TRecord Record)> saved, CancellationToken ct) => Task.CompletedTask;

    public abstract string Village(TRecord record);

    public abstract long IdOf(TRecord record);

    protected static int YearOf(DateTimeOffset t) => t.ToOffset(ChinaTime.Offset).Year;

    /// <summary>A date's problems common to every kind: missing, in the future, or in a year the cadre has no village.</summary>
    protected static void CheckDate(List<Problem> problems, string field, DateOnly? date, FieldContext context)
    {
        if (date is not { } d)
        {
            problems.Add(new(field, "缺少日期", "the date is missing"));
        }
        else if (d > DateOnly.FromDateTime(context.Latest.ToOffset(ChinaTime.Offset).DateTime))
        {
            problems.Add(new(field, $"日期 {d:yyyy-MM-dd} 在今天之后", $"the date {d:yyyy-MM-dd} lies in the future"));
        }
        else if (!context.Years.Contains(d.Year))
        {
            problems.Add(new(field, $"日期 {d:yyyy-MM-dd} 不在你的驻村工作年度内（{Years(context)}）", $"the date {d:yyyy-MM-dd} lies outside your programme years ({Years(context)})"));
        }
    }

    protected static void CheckNote(List<Problem> problems, string field, string? note)
    {
        if (note is { Length: > MaxNote })
        {
            problems.Add(new(field, $"不超过 {MaxNote} 字（现 {note.Length} 字）", $"at most {MaxNote} characters (this has {note.Length})"));
        }
        else if (note is not null && note.Any(IsHidden))
        {
            // Such characters can make a note read differently from what it stores (a reversed phone number, a hidden line).
            problems.Add(new(field, "含有控制字符或文字方向控制符", "contains control or text-direction characters"));
        }
    }

    /// <summary>Control characters other than line breaks and tabs, and the bidirectional formatting characters.</summary>
    private static bool IsHidden(char c) =>
        (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    protected static void CheckVillage(List<Problem> problems, string field, string? village, int year, FieldContext context)
    {
        if (string.IsNullOrWhiteSpace(village))
        {
            problems.Add(new(field, "缺少村代码", "the village code is missing"));
        }
        else if (!context.Serves(year, village))
        {
            problems.Add(new(field, $"{village} 不是你 {year} 年联系的村", $"{village} is not one of your villages in {year}"));
        }
    }

    private static string Years(FieldContext context) => context.Years.Count == 0 ? "无" : string.Join("、", context.Years.Order());

    protected static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>入户走访 records.</summary>
internal sealed class VisitKind : FieldRecordKind<VisitInput, HouseholdVisit>
{
    public const int MaxIssues = 10;
    private Dictionary<long, string> _households = [];

    public override string Name => "visit";

    public override Guid? ClientId(VisitInput input) => input.Id;

    public override string Canonical(VisitInput v) => FieldStore.Canonical(new
    {
        household = v.Household,
        at = v.VisitedAt?.UtcTicks,
        note = Clean(v.Note),
        lat = v.Latitude,
        lon = v.Longitude,
        issues = (v.Issues ?? []).Select(Clean).Where(i => i is not null),
    });

    /// <summary>The households' villages: the cadre's own are known already; only the others are looked up (a village the cadre served in another year).</summary>
    public override async Task PrepareAsync(LiaisonDb db, IReadOnlyList<VisitInput> inputs, FieldContext context, CancellationToken ct)
    {
        var ids = inputs.Select(v => v.Household).OfType<long>().Distinct().ToList();
        _households = ids.Select(id => (id, Village: context.VillageOf(id))).Where(x => x.Village is not null).ToDictionary(x => x.id, x => x.Village!);
        var others = ids.Where(id => !_households.ContainsKey(id)).ToList();
        if (others.Count > 0)
        {
            foreach (var h in await db.Households.AsNoTracking().Where(h => others.Contains(h.Id)).Select(h => new { h.Id, h.VillageCode }).ToListAsync(ct))
            {
                _households[h.Id] = h.VillageCode;
            }
        }
    }

    public override List<Problem> Check(VisitInput v, FieldContext context)
    {
        var problems = new List<Problem>();
        if (v.VisitedAt is not { } at)
        {
            problems.Add(new("visitedAt", "缺少走访时间", "the time of the visit is missing"));
        }
        else
        {
            CheckDate(problems, "visitedAt", DateOnly.FromDateTime(at.ToOffset(ChinaTime.Offset).DateTime), context);
            if (problems.Count == 0 && at > context.Latest)
            {
                problems.Add(new("visitedAt", "走访时间在现在之后", "the time of the visit lies in the future"));
            }
        }
        // One answer for a household that does not exist and one outside the cadre's villages: nothing to learn of other villages.
        if (v.Household is not { } household || !_households.TryGetValue(household, out var village)
            || (v.VisitedAt is { } t && problems.Count == 0 && !context.Serves(YearOf(t), village)))
        {
            problems.Add(new("household", $"农户 {v.Household} 不存在或不在你联系的村", $"household {v.Household} does not exist or is not in your villages"));
        }
        CheckNote(problems, "note", v.Note);
        if (v.Latitude is < -90 or > 90 || v.Longitude is < -180 or > 180 || (v.Latitude is null) != (v.Longitude is null)
            || v.Latitude is { } lat && !double.IsFinite(lat) || v.Longitude is { } lon && !double.IsFinite(lon))
        {
            problems.Add(new("latitude", "坐标无效（纬度 −90 到 90，经度 −180 到 180，须同时提供）", "invalid coordinates (latitude −90 to 90, longitude −180 to 180, both or neither)"));
        }
        var issues = v.Issues ?? [];
        if (issues.Count > MaxIssues)
        {
            problems.Add(new("issues", $"一次走访最多记录 {MaxIssues} 个问题", $"at most {MaxIssues} issues per visit"));
        }
        for (var i = 0; i < issues.Count; i++)
        {
            CheckNote(problems, $"issues[{i}]", issues[i]);
        }
        return problems;
    }

    public override HouseholdVisit Build(VisitInput v, FieldContext context, string hash)
    {
        var at = v.VisitedAt!.Value;
        return new HouseholdVisit
        {
            ClientId = v.Id!.Value,
            CadreId = context.Author.CadreId,
            HouseholdId = v.Household!.Value,
            VillageCode = _households[v.Household.Value],
            Year = YearOf(at),
            VisitedAt = at.ToUniversalTime(),
            Note = Clean(v.Note),
            Latitude = v.Latitude,
            Longitude = v.Longitude,
            IssueCount = (v.Issues ?? []).Count(i => Clean(i) is not null),
            Source = context.Author.Source,
            ReceivedAt = context.Now,
            ReceivedBy = context.Author.UserName,
            ContentHash = hash,
        };
    }

    public override async Task<Dictionary<Guid, (long Id, string Hash, int CadreId)>> ExistingAsync(LiaisonDb db, List<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await db.HouseholdVisits.AsNoTracking().Where(v => ids.Contains(v.ClientId)).ToDictionaryAsync(v => v.ClientId, v => (v.Id, v.ContentHash, v.CadreId), ct);

    public override void Add(LiaisonDb db, List<HouseholdVisit> records) => db.HouseholdVisits.AddRange(records);

    /// <summary>
    /// Visits on PostgreSQL go in with COPY (ids reserved first), however few: one statement for all,
    /// and far less work for the server than EF's insert of each (a group of phones' single visits is a handful).
    /// </summary>
    public override async Task InsertAsync(LiaisonDb db, List<HouseholdVisit> records, CancellationToken ct)
    {
        if (records.Count == 0 || !DatabaseSql.For(db).Copies)
        {
            await base.InsertAsync(db, records, ct);
            return;
        }
        var ids = await DatabaseSql.For(db).ReserveIdsAsync("household_visits", records.Count, ct);
        for (var i = 0; i < records.Count; i++)
        {
            records[i].Id = ids[i];
        }
        await DatabaseSql.For(db).InsertAsync(FieldSpecs.Visits(db), records, ct);
    }

    /// <summary>From this many issues in one write, COPY is faster than a statement each.</summary>
    private const int BulkFrom = 20;

    public override async Task AfterSaveAsync(LiaisonDb db, List<(VisitInput Input, HouseholdVisit Record)> saved, CancellationToken ct)
    {
        var issues = saved.SelectMany(s => (s.Input.Issues ?? []).Select(Clean).OfType<string>().Select(text => new VisitIssue
        {
            VisitId = s.Record.Id,
            VillageCode = s.Record.VillageCode,
            HouseholdId = s.Record.HouseholdId,
            Text = text,
            RaisedOn = DateOnly.FromDateTime(s.Record.VisitedAt.ToOffset(ChinaTime.Offset).DateTime),
        })).ToList();
        if (issues.Count >= BulkFrom && DatabaseSql.For(db).Copies)
        {
            await DatabaseSql.For(db).InsertAsync(FieldSpecs.Issues(db), issues, ct);
        }
        else if (issues.Count > 0)
        {
            db.VisitIssues.AddRange(issues);
            await db.SaveChangesAsync(ct);
        }
    }

    public override string Village(HouseholdVisit record) => record.VillageCode;

    public override long IdOf(HouseholdVisit record) => record.Id;
}

/// <summary>驻村 stays.</summary>
internal sealed class StayKind : FieldRecordKind<StayInput, ResidenceStay>
{
    public override string Name => "stay";

    public override Guid? ClientId(StayInput input) => input.Id;

    public override string Canonical(StayInput s) => FieldStore.Canonical(new { village = s.Village?.Trim(), arrived = s.Arrived, left = s.Left });

    public override List<Problem> Check(StayInput s, FieldContext context)
    {
        var problems = new List<Problem>();
        CheckDate(problems, "arrived", s.Arrived, context);
        CheckDate(problems, "left", s.Left ?? s.Arrived, context);
        if (problems.Count > 0)
        {
            return problems;
        }
        var (arrived, left) = (s.Arrived!.Value, s.Left ?? s.Arrived!.Value);
        if (left < arrived)
        {
            problems.Add(new("left", "离村日期早于到村日期", "the day of leaving comes before the day of arrival"));
        }
        else if (left.Year != arrived.Year)
        {
            problems.Add(new("left", "一次驻村不跨年度：请分两条记录", "a stay lies within one year: send it as two"));
        }
        else
        {
            CheckVillage(problems, "village", s.Village?.Trim(), arrived.Year, context);
        }
        return problems;
    }

    public override ResidenceStay Build(StayInput s, FieldContext context, string hash) => new()
    {
        ClientId = s.Id!.Value,
        CadreId = context.Author.CadreId,
        VillageCode = s.Village!.Trim(),
        Year = s.Arrived!.Value.Year,
        Arrived = s.Arrived.Value,
        Left = s.Left ?? s.Arrived.Value,
        Source = context.Author.Source,
        ReceivedAt = context.Now,
        ReceivedBy = context.Author.UserName,
        ContentHash = hash,
    };

    public override async Task<Dictionary<Guid, (long Id, string Hash, int CadreId)>> ExistingAsync(LiaisonDb db, List<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await db.ResidenceStays.AsNoTracking().Where(v => ids.Contains(v.ClientId)).ToDictionaryAsync(v => v.ClientId, v => (v.Id, v.ContentHash, v.CadreId), ct);

    public override void Add(LiaisonDb db, List<ResidenceStay> records) => db.ResidenceStays.AddRange(records);

    public override string Village(ResidenceStay record) => record.VillageCode;

    public override long IdOf(ResidenceStay record) => record.Id;
}

/// <summary>First Secretary activities.</summary>
internal sealed class ActivityKindRecords : FieldRecordKind<ActivityInput, SecretaryActivity>
{
    public override string Name => "activity";

    public override Guid? ClientId(ActivityInput input) => input.Id;

    public override string Canonical(ActivityInput a) => FieldStore.Canonical(new { village = a.Village?.Trim(), kind = a.Kind, on = a.On, count = a.Count, people = a.People, note = Clean(a.Note) });

    public override List<Problem> Check(ActivityInput a, FieldContext context)
    {
        var problems = new List<Problem>();
        if (a.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            problems.Add(new("kind", "活动类别无效（partyMemberVisit、questionnaire、symposium、studyTrip、eatLiveWork）", "unknown kind (partyMemberVisit, questionnaire, symposium, studyTrip, eatLiveWork)"));
        }
        CheckDate(problems, "on", a.On, context);
        if (a.Count is not (>= 1 and <= 10_000))
        {
            problems.Add(new("count", "数量须在 1–10000 之间", "the count lies between 1 and 10,000"));
        }
        if (a.People is < 0 or > 100_000)
        {
            problems.Add(new("people", "人数须在 0–100000 之间", "people lie between 0 and 100,000"));
        }
        CheckNote(problems, "note", a.Note);
        if (problems.Count == 0 && !context.IsSecretary(a.On!.Value.Year, a.Village?.Trim() ?? ""))
        {
            problems.Add(new("village", $"{a.Village} 不是你 {a.On.Value.Year} 年任第一书记的村", $"{a.Village} is not a village where you are First Secretary in {a.On.Value.Year}"));
        }
        return problems;
    }

    public override SecretaryActivity Build(ActivityInput a, FieldContext context, string hash) => new()
    {
        ClientId = a.Id!.Value,
        CadreId = context.Author.CadreId,
        VillageCode = a.Village!.Trim(),
        Year = a.On!.Value.Year,
        Kind = a.Kind!.Value,
        On = a.On.Value,
        Count = a.Count!.Value,
        People = a.People ?? 0,
        Note = Clean(a.Note),
        Source = context.Author.Source,
        ReceivedAt = context.Now,
        ReceivedBy = context.Author.UserName,
        ContentHash = hash,
    };

    public override async Task<Dictionary<Guid, (long Id, string Hash, int CadreId)>> ExistingAsync(LiaisonDb db, List<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await db.SecretaryActivities.AsNoTracking().Where(v => ids.Contains(v.ClientId)).ToDictionaryAsync(v => v.ClientId, v => (v.Id, v.ContentHash, v.CadreId), ct);

    public override void Add(LiaisonDb db, List<SecretaryActivity> records) => db.SecretaryActivities.AddRange(records);

    public override string Village(SecretaryActivity record) => record.VillageCode;

    public override long IdOf(SecretaryActivity record) => record.Id;
}
