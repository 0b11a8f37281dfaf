using System.Globalization;
using System.Security.Cryptography;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Liaisons;
using Liaison.Domain.Divisions;
using Liaison.Domain.Shared;
using Liaison.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Supervision;

/// <summary>A round as planned: the division, a title, the day, how many villages and how drawn (or which, named), the seed unless drawn here.</summary>
public sealed record RoundInput(string? DivisionCode, string? Title, DateOnly? PlannedFor, int Count, DrawMethod Method, int? Seed = null,
    IReadOnlyList<string>? Villages = null, long? RecheckOrderId = null);

/// <summary>What the inspector saw in a village, and the findings made there; the phone's id when sent from the phone.</summary>
public sealed record InspectionInput(DateOnly? InspectedOn, bool? Present, bool? TiesMatch, bool? Noticeboard, bool? ContactCards, bool? SuggestionBox, bool? RecordsBook,
    int VillagersAsked, string? Note, IReadOnlyList<FindingInput> Findings, Guid? ClientId = null);

/// <summary>
/// 暗访检查 (issue 22): plans a round of unannounced inspections — its villages drawn reproducibly from
/// the division's open villages (the seed kept) or named — and records what was found in each village,
/// with its findings, once (a record sent twice from a phone is kept once). Only an actor whose scope
/// holds the round's whole division plans or records, so no one inspected learns the day from here.
/// </summary>
public static class InspectionStore
{
    private const string Reach = "the inspection store: the actor's reach is decided on the round's division";

    public static async Task<(InspectionRound Round, IReadOnlyList<string> Villages)> PlanAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, RoundInput input, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var problems = new List<Problem>();
        var division = input.DivisionCode?.Trim() ?? "";
        if (!actor.Covers(division) || !await db.Divisions.AsNoTracking().AnyAsync(d => d.Code == division && d.Level < DivisionLevel.Village, ct))
        {
            problems.Add(SupervisionRefusals.OutOfReach("divisionCode", division));
        }
        var title = RefusedException.Text(problems, "title", input.Title, InspectionRound.MaxTitle, required: true);
        if (input.PlannedFor is not { } day || day < today || day > today.AddDays(366))
        {
            problems.Add(new Problem("plannedFor", "检查日期须在今天到一年以内", "the day lies between today and a year ahead") { Code = "range" });
        }
        var named = input.Method == DrawMethod.Named;
        if (!named && input.Count is < 1 or > InspectionRound.MaxVillages)
        {
            problems.Add(new Problem("count", $"抽取村数为 1 到 {InspectionRound.MaxVillages}", $"a round draws 1 to {InspectionRound.MaxVillages} villages") { Code = "range" });
        }
        // The division's open villages, in a fixed order so that the same seed draws the same again.
        var open = problems.Any(p => p.Field == "divisionCode") ? [] : await db.Divisions.AsNoTracking()
            .Where(d => d.Code.StartsWith(division) && d.Level == DivisionLevel.Village && d.WithdrawnOn == null)
            .OrderBy(d => d.Code).Select(d => d.Code).ToListAsync(ct);
        var seed = input.Seed ?? RandomNumberGenerator.GetInt32(1, int.MaxValue);
        IReadOnlyList<string> villages = [];
        if (named)
        {
            var asked = (input.Villages ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            var known = open.ToHashSet(StringComparer.Ordinal);
            problems.AddRange(asked.Where(v => !known.Contains(v)).Select(v => SupervisionRefusals.OutOfReach("villages", v)));
            if (asked.Count is 0 or > InspectionRound.MaxVillages)
            {
                problems.Add(new Problem("villages", $"请列出 1 到 {InspectionRound.MaxVillages} 个村", $"name 1 to {InspectionRound.MaxVillages} villages") { Code = "range" });
            }
            villages = asked;
        }
        RefusedException.ThrowIfAny(problems);
        if (input.Method == DrawMethod.ByRisk)
        {
            // The villages with something to look at: flags not yet reviewed, or the calls' findings of the past year.
            var since = today.AddYears(-1);
            var flagged = await db.Flags.AsNoTracking().Where(f => f.VillageCode.StartsWith(division) && f.Status == FlagStatus.Open).Select(f => f.VillageCode)
                .Union(db.Findings.AsNoTracking().Where(f => f.DivisionCode.StartsWith(division) && f.Source == FindingSource.Calls && f.On >= since).Select(f => f.DivisionCode))
                .ToListAsync(ct);
            var risky = open.Where(flagged.ToHashSet(StringComparer.Ordinal).Contains).ToList();
            var first = Sampling.Simple(risky, input.Count, seed);
            villages = [.. first, .. Sampling.Simple(open.Except(first, StringComparer.Ordinal).ToList(), input.Count - first.Count, unchecked(seed + 1))];
        }
        else if (!named)
        {
            villages = input.Method == DrawMethod.ByTownship
                ? Sampling.Stratified(open, v => v[..DivisionCode.LengthOf(DivisionLevel.Township)], input.Count, seed)
                : Sampling.Simple(open, input.Count, seed);
        }
        if (villages.Count == 0)
        {
            throw new RefusedException(new Problem("divisionCode", "该区划下没有村可抽", "no village to draw under the division") { Code = "empty" });
        }
        if (input.RecheckOrderId is { } orderId)
        {
            var issuer = await db.RectificationOrders.AsNoTracking().Where(o => o.Id == orderId).Select(o => o.DivisionCode).FirstOrDefaultAsync(ct);
            if (issuer is null || !actor.Covers(issuer))
            {
                throw new RefusedException(SupervisionRefusals.NotFound("整改通知", "rectification order", orderId));
            }
        }

        var round = new InspectionRound
        {
            DivisionCode = division,
            Title = title!,
            PlannedFor = input.PlannedFor!.Value,
            Method = input.Method,
            Seed = seed,
            RecheckOrderId = input.RecheckOrderId,
            PlannedBy = actor.UserName,
            PlannedAt = now,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.InspectionRounds.Add(round);
        await db.SaveChangesAsync(ct);
        db.Inspections.AddRange(villages.Select(v => new Inspection { RoundId = round.Id, VillageCode = v }));
        await db.SaveChangesAsync(ct);
        // Audited under the round's division: the audit log of a township under it does not show it either.
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord("supervision.round", "inspection-round", round.Id.ToString(CultureInfo.InvariantCulture),
            division, null, new { round.Title, round.PlannedFor, round.Method, round.Seed, Villages = villages }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return (round, villages);
    }

    /// <summary>Records an inspection of a round's village and its findings; the same phone record sent again returns the one stored.</summary>
    public static async Task<Inspection> RecordAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, long inspectionId, InspectionInput input, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        if (input.ClientId is { } client && await db.Inspections.AsNoTracking().FirstOrDefaultAsync(i => i.ClientId == client, ct) is { } stored)
        {
            return stored.Id == inspectionId ? stored
                : throw new RefusedException(new Problem("clientId", "该记录编号已用于另一村的检查", "the record's id was used for another village's inspection") { Code = "conflict" });
        }
        var inspection = await db.Inspections.FirstOrDefaultAsync(i => i.Id == inspectionId, ct);
        var round = inspection is null ? null : await db.InspectionRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == inspection.RoundId, ct);
        if (inspection is null || round is null || !actor.Covers(round.DivisionCode))
        {
            throw new RefusedException(SupervisionRefusals.NotFound("暗访检查", "inspection", inspectionId));
        }
        var problems = new List<Problem>();
        if (inspection.InspectedOn is not null)
        {
            problems.Add(new Problem("id", "该村的检查已记录", "this village's inspection is recorded already") { Code = "closed" });
        }
        if (input.InspectedOn is not { } on || on > today || on < ChinaTime.DateOf(round.PlannedAt))
        {
            problems.Add(new Problem("inspectedOn", "检查日期须在计划之后、今天及以前", "the day lies between the planning and today") { Code = "range" });
        }
        if (input.VillagersAsked is < 0 or > 1000)
        {
            problems.Add(new Problem("villagersAsked", "询问群众人数为 0 到 1000", "villagers asked: 0 to 1000") { Code = "range" });
        }
        var note = RefusedException.Text(problems, "note", input.Note, Inspection.MaxNote, required: false);
        var rules = (await Policy.PolicyStore.GetAsync(db, today.Year, ct)).Policy.Supervision;
        var findings = new List<Finding>();
        for (var i = 0; i < input.Findings.Count; i++)
        {
            if (await FindingStore.PrepareAsync(db, rules, actor.UserName, now, input.InspectedOn ?? today, FindingSource.Inspection, inspectionId, inspection.VillageCode, input.Findings[i], problems,
                    string.Create(CultureInfo.InvariantCulture, $"findings[{i}]."), ct) is { } f)
            {
                findings.Add(f);
            }
        }
        RefusedException.ThrowIfAny(problems);

        (inspection.InspectedOn, inspection.Present, inspection.TiesMatch, inspection.Noticeboard) = (input.InspectedOn, input.Present, input.TiesMatch, input.Noticeboard);
        (inspection.ContactCards, inspection.SuggestionBox, inspection.RecordsBook) = (input.ContactCards, input.SuggestionBox, input.RecordsBook);
        (inspection.VillagersAsked, inspection.Note, inspection.ClientId, inspection.RecordedBy, inspection.RecordedAt) = (input.VillagersAsked, note, input.ClientId, actor.UserName, now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Findings.AddRange(findings);
        await db.SaveChangesAsync(ct);
        await FindingStore.MarkAsync(db, inspection.VillageCode, ct);
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord("supervision.inspect", "inspection", inspection.Id.ToString(CultureInfo.InvariantCulture),
            inspection.VillageCode, null, new
            {
                inspection.InspectedOn,
                inspection.Present,
                inspection.TiesMatch,
                inspection.Noticeboard,
                inspection.ContactCards,
                inspection.SuggestionBox,
                inspection.RecordsBook,
                inspection.VillagersAsked,
                Findings = findings.Count
            }), ct);
        foreach (var f in findings)
        {
            await FindingStore.AuditAsync(db, clock, actor.UserName, f, ct);
        }
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return inspection;
    }
}
