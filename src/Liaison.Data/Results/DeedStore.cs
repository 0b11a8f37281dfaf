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
/// number or a unit's code), the source of funds, the evidence, and the case it settles (its tracking code)
/// or the public commitment it fulfils, if any.
/// </summary>
public sealed record DeedInput(string? VillageCode, string? Kind, DateOnly? On, IReadOnlyList<DeedAmount> Quantities,
    string? CadreCode = null, string? UnitCode = null, string? Source = null, string? Evidence = null, string? CaseCode = null, long? CommitmentId = null);

/// <summary>A deed from the phone's queue: the id the phone made, the village, and what the office's form asks.</summary>
public sealed record DeedFieldInput(Guid? Id, string? Village, string? Kind, DateOnly? On, IReadOnlyList<DeedAmount>? Quantities,
    string? Source = null, string? Evidence = null, string? CaseCode = null, long? CommitmentId = null);

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
                        CommitmentId: input.CommitmentId), ct, id)).Id;
            });
    }

    /// <summary>
    /// Records a deed. <paramref name="ownCadre"/>: a cadre recording their own deed (the input's cadre is
    /// ignored); <paramref name="clientId"/>: the phone's id, kept unique so a resend is recognised.
    /// </summary>
    public static async Task<Deed> RecordAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, int? ownCadre, DeedInput input, CancellationToken ct,
        Guid? clientId = null)
    {
        using var outside = Unscoped.Section(Reach);
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var problems = new List<Problem>();
        var village = input.VillageCode?.Trim() ?? "";
        await Divisions.VillageReach.CheckAsync(db, actor.Covers, village, problems, ct);
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
        if (ownCadre is null && string.IsNullOrWhiteSpace(input.CadreCode) && string.IsNullOrWhiteSpace(input.UnitCode))
        {
            problems.Add(Deed.NoDoer);
        }
        long? caseId = null;
        if (!string.IsNullOrWhiteSpace(input.CaseCode))
        {
            // A deed settles a case of its own village only: the case's tracking code as villagers see it.
            var code = input.CaseCode.Trim();
            caseId = await db.Cases.AsNoTracking().Where(c => c.TrackingCode == code && c.VillageCode == village).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
            if (caseId is null)
            {
                problems.Add(new Problem("caseCode", $"本村没有查询码为 {code} 的群众诉求", $"no case with tracking code {code} in this village") { Code = "unknown" });
            }
        }
        if (input.CommitmentId is { } promised && !await db.Commitments.AsNoTracking().AnyAsync(c => c.Id == promised && c.VillageCode == village, ct))
        {
            problems.Add(new Problem("commitmentId", $"本村没有编号为 {promised} 的公开承诺", $"no public commitment {promised} in this village") { Code = "unknown" });
        }
        var source = RefusedException.Text(problems, "source", input.Source, Deed.MaxSource, required: false);
        var evidence = RefusedException.Text(problems, "evidence", input.Evidence, Deed.MaxEvidence, required: false);
        RefusedException.ThrowIfAny(problems);

        var deed = new Deed
        {
            Year = year,
            VillageCode = village,
            Kind = rules.Find(input.Kind)!.Code,
            On = input.On!.Value,
            CadreId = cadre,
            UnitId = unit,
            Source = source,
            Evidence = evidence,
            CaseId = caseId,
            CommitmentId = input.CommitmentId,
            ClientId = clientId,
            RecordedBy = actor.UserName,
            RecordedAt = now,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Deeds.Add(deed);
        await db.SaveChangesAsync(ct);
        db.DeedQuantities.AddRange(input.Quantities.Select(q => new DeedQuantityValue { DeedId = deed.Id, Code = q.Code, Value = q.Value }));
        await db.SaveChangesAsync(ct);
        // The village's figures are recounted by the drainer, as for every field record.
        await Field.FieldRollups.MarkAsync(db, [village], ct);
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord("deed.record", "deed",
            deed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), village, null,
            new { deed.Kind, deed.On, deed.CadreId, deed.UnitId, quantities = input.Quantities.ToDictionary(q => q.Code, q => q.Value) }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return deed;
    }
}
