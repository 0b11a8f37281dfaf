using Liaison.Data.Database.Sql;
using Liaison.Domain.Field;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Field;

/// <summary>What <see cref="FieldStore"/> needs to know of one kind of field record.</summary>
internal abstract class FieldRecordKind<TInput, TRecord>
    where TRecord : class
{
    /// <summary>visit, stay or activity: the audit action's and the conflict's name.</summary>
    public abstract string Name { get; }

    public abstract Guid? ClientId(TInput input);

    /// <summary>The content that must match for a resend to count as the same record.</summary>
    public abstract string Canonical(TInput input);

    public virtual Task PrepareAsync(LiaisonDb db, IReadOnlyList<TInput> inputs, FieldContext context, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The record's problems (<see cref="FieldChecks"/>); none: it may be stored.</summary>
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

    /// <summary>
    /// The cadre whose participation the record counts toward (visits and stays), with the earliest
    /// month it counts in; null for the others.
    /// </summary>
    public virtual (int Cadre, int Month)? Participant(TRecord record) => null;

    public abstract long IdOf(TRecord record);

    protected static string? Clean(string? text) => FieldChecks.Clean(text);
}

/// <summary>入户走访 records.</summary>
internal sealed class VisitKind : FieldRecordKind<VisitInput, HouseholdVisit>
{
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

    public override List<Problem> Check(VisitInput v, FieldContext context) =>
        FieldChecks.Visit(v, v.Household is { } household ? _households.GetValueOrDefault(household) : null, context);

    public override HouseholdVisit Build(VisitInput v, FieldContext context, string hash)
    {
        var at = v.VisitedAt!.Value;
        return new HouseholdVisit
        {
            ClientId = v.Id!.Value,
            CadreId = context.Author.CadreId,
            HouseholdId = v.Household!.Value,
            VillageCode = _households[v.Household.Value],
            Year = ChinaTime.DateOf(at).Year,
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
            RaisedOn = ChinaTime.DateOf(s.Record.VisitedAt),
        })).ToList();
        await VisitTallies.AddAsync(db, saved.Select(s => s.Record), ct);
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

    public override (int Cadre, int Month)? Participant(HouseholdVisit record) => (record.CadreId, ChinaTime.DateOf(record.VisitedAt).Month);

    public override long IdOf(HouseholdVisit record) => record.Id;
}

/// <summary>驻村 stays.</summary>
internal sealed class StayKind : FieldRecordKind<StayInput, ResidenceStay>
{
    public override string Name => "stay";

    public override Guid? ClientId(StayInput input) => input.Id;

    // A stay without a position hashes as stays did before they had one: an older phone's resend stays a duplicate, not a conflict.
    public override string Canonical(StayInput s) => s.Latitude is null && s.Longitude is null
        ? FieldStore.Canonical(new { village = s.Village?.Trim(), arrived = s.Arrived, left = s.Left })
        : FieldStore.Canonical(new { village = s.Village?.Trim(), arrived = s.Arrived, left = s.Left, lat = s.Latitude, lon = s.Longitude });

    public override List<Problem> Check(StayInput s, FieldContext context) => FieldChecks.Stay(s, context);

    public override ResidenceStay Build(StayInput s, FieldContext context, string hash) => new()
    {
        ClientId = s.Id!.Value,
        CadreId = context.Author.CadreId,
        VillageCode = s.Village!.Trim(),
        Year = s.Arrived!.Value.Year,
        Arrived = s.Arrived.Value,
        Left = s.Left ?? s.Arrived.Value,
        Latitude = s.Latitude,
        Longitude = s.Longitude,
        Source = context.Author.Source,
        ReceivedAt = context.Now,
        ReceivedBy = context.Author.UserName,
        ContentHash = hash,
    };

    public override async Task<Dictionary<Guid, (long Id, string Hash, int CadreId)>> ExistingAsync(LiaisonDb db, List<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await db.ResidenceStays.AsNoTracking().Where(v => ids.Contains(v.ClientId)).ToDictionaryAsync(v => v.ClientId, v => (v.Id, v.ContentHash, v.CadreId), ct);

    public override void Add(LiaisonDb db, List<ResidenceStay> records) => db.ResidenceStays.AddRange(records);

    public override string Village(ResidenceStay record) => record.VillageCode;

    public override (int Cadre, int Month)? Participant(ResidenceStay record) => (record.CadreId, record.Arrived.Month);

    public override long IdOf(ResidenceStay record) => record.Id;
}

/// <summary>First Secretary activities.</summary>
internal sealed class ActivityKindRecords : FieldRecordKind<ActivityInput, SecretaryActivity>
{
    public override string Name => "activity";

    public override Guid? ClientId(ActivityInput input) => input.Id;

    public override string Canonical(ActivityInput a) => FieldStore.Canonical(new { village = a.Village?.Trim(), kind = a.Kind, on = a.On, count = a.Count, people = a.People, note = Clean(a.Note) });

    public override List<Problem> Check(ActivityInput a, FieldContext context) => FieldChecks.Activity(a, context);

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
