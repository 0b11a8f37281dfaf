using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Liaisons;
using Liaison.Data.Policy;
using Liaison.Domain.People;
using Liaison.Domain.Policy;
using Liaison.Domain.Results;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Results;

/// <summary>
/// A deed as entered: the village, the kind and its quantities, the day, who did it (a cadre's staff
/// number or a unit's code), the source of funds, the evidence, and what it fulfils, if anything: the
/// case it settles (its tracking code), a public commitment, a target of a responsibility agreement, or
/// a sending unit's support (<see cref="Domain.Secretaries.SecretarySupport"/>) — each of the same
/// village. <paramref name="AlsoVillages"/>: other villages the same deed served, each recorded with the
/// same quantities (the quantities are each village's), which then fulfils nothing.
/// </summary>
public sealed record DeedInput(string? VillageCode, string? Kind, DateOnly? On, IReadOnlyList<DeedAmount> Quantities,
    string? CadreCode = null, string? UnitCode = null, string? Source = null, string? Evidence = null, string? CaseCode = null, long? CommitmentId = null,
    long? AgreementTargetId = null, long? SupportId = null, IReadOnlyList<string>? AlsoVillages = null, long? TeamId = null,
    IReadOnlyList<DeedPhotoInput>? Photos = null);

/// <summary>A photo of the evidence as uploaded: the file's name (for a refusal to name it) and its bytes.</summary>
public sealed record DeedPhotoInput(string FileName, byte[] Bytes);

/// <summary>A deed from the phone's queue: the id the phone made, the village, and what the office's form asks.</summary>
public sealed record DeedFieldInput(Guid? Id, string? Village, string? Kind, DateOnly? On, IReadOnlyList<DeedAmount>? Quantities,
    string? Source = null, string? Evidence = null, string? CaseCode = null, long? CommitmentId = null, long? AgreementTargetId = null);

/// <summary>
/// 实事好事 (issue 21): records a practical deed with its quantities, judged by the catalogue of the
/// deed's year (<see cref="DeedRules.Check"/>), in a village within the recorder's reach, with its audit
/// entry — or refuses it whole, each problem named by field.
/// </summary>
public static class DeedStore
{
    private const string Reach = "a deed store: the actor's reach is decided on the village the deed names";

    /// <summary>
    /// Deeds a cadre's phone sends, each stored exactly once by its id (<see cref="Field.OneByOne"/>), as
    /// the cadre's own, in a village of their own (ties, postings, pairing, teams), judged as the form's.
    /// </summary>
    public static async Task<IReadOnlyList<Domain.Field.RecordResult>> SaveFromFieldAsync(LiaisonDb db, TimeProvider clock, Domain.Field.FieldAuthor author,
        IReadOnlyList<DeedFieldInput> inputs, Field.CadreScopeCache? cache, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var context = await Field.FieldContext.LoadAsync(db, clock, author, cache, ct);
        return await Field.OneByOne.SaveAsync(db, author, inputs, input => input.Id,
            async id => await db.Deeds.AsNoTracking().Where(d => d.ClientId == id).Select(d => new { d.Id, d.CadreId }).FirstOrDefaultAsync(ct) is { } d ? (d.Id, d.CadreId) : null,
            async (input, id) =>
            {
                var year = input.On?.Year ?? context.Today.Year;
                var actor = new OfficeActor(author.UserName, village => context.Serves(year, village));
                return (await RecordAsync(db, clock, actor, author.CadreId,
                    new DeedInput(input.Village, input.Kind, input.On, input.Quantities ?? [], Source: input.Source, Evidence: input.Evidence, CaseCode: input.CaseCode,
                        CommitmentId: input.CommitmentId, AgreementTargetId: input.AgreementTargetId), ct, id)).Id;
            });
    }

    /// <summary>
    /// Records a deed. <paramref name="ownCadre"/>: a cadre recording their own deed (the input's cadre is
    /// ignored); <paramref name="clientId"/>: the phone's id, kept unique so a resend is recognised.
    /// </summary>
    public static async Task<Deed> RecordAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, int? ownCadre, DeedInput input, CancellationToken ct,
        Guid? clientId = null) =>
        (await RecordAllAsync(db, clock, actor, ownCadre, input, ct, clientId))[0];

    /// <summary>
    /// Records a deed for its village and for each of <see cref="DeedInput.AlsoVillages"/>, all in one
    /// transaction or none: the deed's village first in the list returned.
    /// </summary>
    public static async Task<IReadOnlyList<Deed>> RecordAllAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, int? ownCadre, DeedInput input, CancellationToken ct,
        Guid? clientId = null)
    {
        using var outside = Unscoped.Section(Reach);
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var problems = new List<Problem>();
        var village = input.VillageCode?.Trim() ?? "";
        await Divisions.VillageReach.CheckAsync(db, actor.Covers, village, problems, ct);
        var others = (input.AlsoVillages ?? []).Select(v => v.Trim()).Where(v => v.Length > 0 && v != village).Distinct(StringComparer.Ordinal).ToList();
        if (others.Count > Deed.MaxVillages - 1)
        {
            problems.Add(new Problem("alsoVillages", $"一次最多登记 {Deed.MaxVillages} 个村", $"at most {Deed.MaxVillages} villages in one entry") { Code = "count" });
            others = [];
        }
        foreach (var other in others)
        {
            var refused = new List<Problem>();
            if (!await Divisions.VillageReach.CheckAsync(db, actor.Covers, other, refused, ct))
            {
                problems.Add(refused[0] with { Field = "alsoVillages" });
            }
        }
        if (others.Count > 0 && (!string.IsNullOrWhiteSpace(input.CaseCode) || input.CommitmentId is not null || input.AgreementTargetId is not null || input.SupportId is not null))
        {
            problems.Add(new Problem("alsoVillages", "一件实事关联群众诉求、公开承诺、目标任务或派出单位支持时，只记它所在的一个村", "a deed that fulfils a case, a commitment, a target or a support is recorded for that one village") { Code = "one-village" });
        }
        if (Deed.DayProblem(input.On, today) is { } day)
        {
            problems.Add(day);
        }
        var year = input.On?.Year ?? today.Year;
        var rules = (await PolicyStore.GetAsync(db, year, ct)).Policy.Deeds;
        problems.AddRange(rules.Check(input.Kind, input.Quantities));
        var (cadre, unit) = (ownCadre, default(int?));
        if (ownCadre is null && !string.IsNullOrWhiteSpace(input.CadreCode))
        {
            var code = input.CadreCode.Trim();
            cadre = await db.Cadres.AsNoTracking().Where(c => c.Code == code && c.Status == CadreStatus.Active).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
            if (cadre is null)
            {
                problems.Add(People.CadreRefusals.UnknownActive(code));
            }
        }
        if (!string.IsNullOrWhiteSpace(input.UnitCode))
        {
            var code = input.UnitCode.Trim();
            unit = await db.Units.AsNoTracking().Where(u => u.Code == code && u.Status == UnitStatus.Open).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
            if (unit is null)
            {
                problems.Add(new Problem("unit", $"没有代码为 {code} 的在册单位", $"no open unit with code {code}") { Code = "unknown" });
            }
        }
        // A work team did it where it is stationed: every village of the deed lies in the team's division.
        if (input.TeamId is { } team
            && !(await db.WorkTeams.AsNoTracking().Where(t => t.Id == team && t.Year == year).Select(t => t.DivisionCode).FirstOrDefaultAsync(ct) is { } stationed
                && others.Prepend(village).All(v => Domain.Divisions.DivisionCode.IsInSubtree(v, stationed))))
        {
            problems.Add(new Problem("team", $"{year} 年没有编号为 {team} 、派驻该村所在地的工作团队", $"no {year} work team {team} stationed where the village lies") { Code = "unknown" });
        }
        if (ownCadre is null && string.IsNullOrWhiteSpace(input.CadreCode) && string.IsNullOrWhiteSpace(input.UnitCode) && input.TeamId is null)
        {
            problems.Add(Deed.NoDoer);
        }
        var caseId = await FulfilsAsync(problems, input.CaseCode, "caseCode", code => db.Cases.AsNoTracking().Where(c => c.TrackingCode == code && c.VillageCode == village).Select(c => (long?)c.Id),
            code => (Deed.UnknownCase(code).Zh, Deed.UnknownCase(code).En), ct);
        await FulfilsAsync(problems, input.CommitmentId?.ToString(System.Globalization.CultureInfo.InvariantCulture), "commitmentId",
            _ => db.Commitments.AsNoTracking().Where(c => c.Id == input.CommitmentId && c.VillageCode == village).Select(c => (long?)c.Id),
            id => ($"本村没有编号为 {id} 的公开承诺", $"no public commitment {id} in this village"), ct);
        await FulfilsAsync(problems, input.AgreementTargetId?.ToString(System.Globalization.CultureInfo.InvariantCulture), "agreementTargetId",
            _ => from t in db.AgreementTargets.AsNoTracking()
                 join a in db.Agreements.AsNoTracking() on t.AgreementId equals a.Id
                 where t.Id == input.AgreementTargetId && a.VillageCode == village
                 select (long?)t.Id,
            id => ($"本村的目标责任书中没有编号为 {id} 的目标任务", $"no target {id} in this village's agreements"), ct);
        await FulfilsAsync(problems, input.SupportId?.ToString(System.Globalization.CultureInfo.InvariantCulture), "supportId",
            _ => from s in db.SecretarySupports.AsNoTracking()
                 join p in db.SecretaryPostings.AsNoTracking() on s.PostingId equals p.Id
                 where s.Id == input.SupportId && p.VillageCode == village
                 select (long?)s.Id,
            id => ($"本村没有编号为 {id} 的派出单位支持记录", $"no sending-unit support {id} for this village"), ct);
        var photos = Photos(input.Photos ?? [], problems);
        var source = RefusedException.Text(problems, "source", input.Source, Deed.MaxSource, required: false);
        var evidence = RefusedException.Text(problems, "evidence", input.Evidence, Deed.MaxEvidence, required: false);
        RefusedException.ThrowIfAny(problems);

        var deeds = new[] { village }.Concat(others).Select((code, i) => new Deed
        {
            Year = year,
            VillageCode = code,
            Kind = rules.Find(input.Kind)!.Code,
            On = input.On!.Value,
            CadreId = cadre,
            UnitId = unit,
            TeamId = input.TeamId,
            Source = source,
            Evidence = evidence,
            CaseId = i == 0 ? caseId : null,
            CommitmentId = i == 0 ? input.CommitmentId : null,
            AgreementTargetId = i == 0 ? input.AgreementTargetId : null,
            SupportId = i == 0 ? input.SupportId : null,
            ClientId = i == 0 ? clientId : null,
            RecordedBy = actor.UserName,
            RecordedAt = now,
        }).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Deeds.AddRange(deeds);
        await db.SaveChangesAsync(ct);
        db.DeedQuantities.AddRange(deeds.SelectMany(d => input.Quantities.Select(q => new DeedQuantityValue { DeedId = d.Id, Code = q.Code, Value = q.Value })));
        // The evidence's photos go with each village's deed, as its text does.
        db.DeedPhotos.AddRange(deeds.SelectMany(d => photos.Select((p, i) => new DeedPhoto { DeedId = d.Id, Number = i + 1, ContentType = p.ContentType, Content = p.Bytes })));
        await db.SaveChangesAsync(ct);
        // The villages' figures are recounted by the drainer, as for every field record.
        await Field.FieldRollups.MarkAsync(db, deeds.Select(d => d.VillageCode), ct);
        foreach (var deed in deeds)
        {
            await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord("deed.record", "deed",
                deed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), deed.VillageCode, null,
                new { deed.Kind, deed.On, deed.CadreId, deed.UnitId, deed.TeamId, quantities = input.Quantities.ToDictionary(q => q.Code, q => q.Value), photos = photos.Count }), ct);
        }
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return deeds;
    }

    /// <summary>The photos judged: at most <see cref="DeedPhoto.MaxPerDeed"/>, each a JPEG or PNG (by its bytes) of at most <see cref="DeedPhoto.MaxBytes"/>.</summary>
    private static List<(string ContentType, byte[] Bytes)> Photos(IReadOnlyList<DeedPhotoInput> photos, List<Problem> problems)
    {
        if (photos.Count > DeedPhoto.MaxPerDeed)
        {
            problems.Add(new Problem("photos", $"照片最多 {DeedPhoto.MaxPerDeed} 张", $"at most {DeedPhoto.MaxPerDeed} photos") { Code = "count" });
        }
        var kept = new List<(string, byte[])>();
        foreach (var photo in photos)
        {
            if (photo.Bytes.Length > DeedPhoto.MaxBytes)
            {
                problems.Add(new Problem("photos", $"照片“{photo.FileName}”超过 {DeedPhoto.MaxBytes / 1024 / 1024} MB", $"the photo \"{photo.FileName}\" is larger than {DeedPhoto.MaxBytes / 1024 / 1024} MB") { Code = "size" });
            }
            else if (DeedPhoto.TypeOf(photo.Bytes) is { } type)
            {
                kept.Add((type, photo.Bytes));
            }
            else
            {
                problems.Add(new Problem("photos", $"“{photo.FileName}”不是 JPEG 或 PNG 图片", $"\"{photo.FileName}\" is not a JPEG or PNG image") { Code = "type" });
            }
        }
        return kept;
    }

    /// <summary>What a deed fulfils, when named: found in its village (the id), or the problem on its field.</summary>
    private static async Task<long?> FulfilsAsync(List<Problem> problems, string? given, string field,
        Func<string, IQueryable<long?>> find, Func<string, (string Zh, string En)> missing, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(given))
        {
            return null;
        }
        var key = given.Trim();
        if (await find(key).FirstOrDefaultAsync(ct) is { } id)
        {
            return id;
        }
        var (zh, en) = missing(key);
        problems.Add(new Problem(field, zh, en) { Code = "unknown" });
        return null;
    }
}
