using System.Globalization;
using System.Security.Cryptography;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Liaisons;
using Liaison.Domain.Divisions;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Liaison.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Supervision;

/// <summary>A sample as asked for: the division, the period of the visits, the design; the size from the policy's precision unless given, the seed drawn unless given.</summary>
public sealed record SampleInput(string? DivisionCode, DateOnly? From, DateOnly? To, SampleDesign Design, int? Size = null, int? Seed = null);

/// <summary>A call's answers as recorded by the caller.</summary>
public sealed record CallInput(CallOutcome Outcome, bool? Visited = null, bool? WhenMatches = null, bool? ProblemTakenUp = null, int? Satisfaction = null, string? Note = null);

/// <summary>A sample drawn: the record, the reached households the margin needs and how many were drawn.</summary>
public sealed record DrawnSample(CallSample Sample, long Needed, int Drawn);

/// <summary>
/// 电话调查 (issue 22): draws a sample of the visits recorded under a division in a period, sized for
/// the policy's precision (<see cref="SupervisionRules.SampleSize"/>) and reproducible (the seed and
/// each stratum's size kept), and records the callers' answers, each audited. The call list is the
/// samplers' alone: every read and write checks that the actor's scope holds the sample's division.
/// </summary>
public static class CallSampleStore
{
    private static readonly string[] PhoneField = ["headPhone"];

    private const string Reach = "the call sample store: the actor's reach is decided on the sample's division";

    /// <summary>At most this many calls in one sample: a city's year at ±1 point is about 10,000.</summary>
    public const int MaxSize = 20_000;

    public static async Task<DrawnSample> DrawAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, SampleInput input, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var problems = new List<Problem>();
        var division = input.DivisionCode?.Trim() ?? "";
        if (!actor.Covers(division) || !await db.Divisions.AsNoTracking().AnyAsync(d => d.Code == division, ct))
        {
            problems.Add(SupervisionRefusals.OutOfReach("divisionCode", division));
        }
        if (input.From is not { } from || input.To is not { } to || from > to || to > today)
        {
            problems.Add(new Problem("to", "抽样期间须写明起止日期，起不晚于止，止不晚于今天", "the period needs a start and an end, the start not after the end, the end not after today") { Code = "range" });
        }
        if (input.Size is < 1 or > MaxSize)
        {
            problems.Add(new Problem("size", $"样本量须在 1 到 {MaxSize} 之间", $"a sample holds 1 to {MaxSize} calls") { Code = "range" });
        }
        RefusedException.ThrowIfAny(problems);

        var rules = (await Policy.PolicyStore.GetAsync(db, input.To!.Value.Year, ct)).Policy.Supervision;
        // The frame in a fixed order (by id), so that the same seed draws the same visits again.
        var frame = (await db.HouseholdVisits.AsNoTracking()
            .Where(v => v.VillageCode.StartsWith(division) && v.VisitedOn >= input.From!.Value && v.VisitedOn <= input.To!.Value)
            .Join(db.Cadres.AsNoTracking(), v => v.CadreId, c => c.Id, (v, c) => new { v.Id, v.HouseholdId, v.VillageCode, v.CadreId, c.UnitId })
            .OrderBy(v => v.Id)
            .ToListAsync(ct)).Select(v => new FrameVisit(v.Id, v.HouseholdId, v.VillageCode, v.CadreId, v.UnitId)).ToList();
        if (frame.Count == 0)
        {
            throw new RefusedException(new Problem("to", "该期间没有记录的入户走访，无可抽取", "no visits were recorded in the period: nothing to draw") { Code = "empty" });
        }
        var (needed, drawn) = rules.SampleSize(frame.Count);
        var size = input.Size ?? (int)Math.Min(drawn, MaxSize);
        var sample = new CallSample
        {
            DivisionCode = division,
            From = input.From!.Value,
            To = input.To!.Value,
            Design = input.Design,
            Seed = input.Seed ?? RandomNumberGenerator.GetInt32(1, int.MaxValue),
            FrameSize = frame.Count,
            Margin = rules.Margin,
            Confidence = rules.Confidence,
            DrawnBy = actor.UserName,
            DrawnAt = now,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A sample by flags: the villages with flags not yet reviewed are a stratum of their own.
        var flagged = input.Design == SampleDesign.Flags
            ? (await db.Flags.AsNoTracking().Where(f => f.VillageCode.StartsWith(division) && f.Status == FlagStatus.Open).Select(f => f.VillageCode).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal)
            : null;
        var picked = await WriteAsync(db, sample, frame, size, ct, flagged);
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord("supervision.sample", "call-sample",
            sample.Id.ToString(CultureInfo.InvariantCulture), division, null,
            new { sample.From, sample.To, sample.Design, sample.Seed, sample.FrameSize, Size = picked.Count }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new DrawnSample(sample, needed, picked.Count);
    }

    /// <summary>Records (or corrects) a call's answers. Reached needs the answer to "did a cadre visit"; satisfaction is 1–5.</summary>
    public static async Task<SampleCall> RecordAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, long callId, CallInput input, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var call = await FindCallAsync(db, actor, callId, ct);
        var problems = new List<Problem>();
        if (input.Outcome == CallOutcome.Reached && input.Visited is null)
        {
            problems.Add(new Problem("visited", "已接通的电话须记录“干部是否上门走访”", "a reached household's answer to \"did a cadre visit\" is needed") { Code = "required" });
        }
        if (input.Satisfaction is < 1 or > 5)
        {
            problems.Add(new Problem("satisfaction", "满意度为 1 到 5", "satisfaction is 1 to 5") { Code = "range" });
        }
        var note = RefusedException.Text(problems, "note", input.Note, SampleCall.MaxNote, required: false);
        RefusedException.ThrowIfAny(problems);

        var before = new { call.Outcome, call.Visited, call.WhenMatches, call.ProblemTakenUp, call.Satisfaction };
        var reached = input.Outcome == CallOutcome.Reached;
        call.Outcome = input.Outcome;
        // An unreached household answered nothing: no answer is kept that it did not give.
        (call.Visited, call.WhenMatches, call.ProblemTakenUp, call.Satisfaction) = reached
            ? (input.Visited, input.Visited == true ? input.WhenMatches : null, input.ProblemTakenUp, input.Satisfaction)
            : (null, null, null, null);
        call.Note = note;
        call.CalledBy = input.Outcome == CallOutcome.Pending ? null : actor.UserName;
        call.CalledAt = input.Outcome == CallOutcome.Pending ? null : clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await FindingStore.MarkAsync(db, call.VillageCode, ct);
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord("supervision.call", "sample-call",
            call.Id.ToString(CultureInfo.InvariantCulture), call.VillageCode, before,
            new { call.Outcome, call.Visited, call.WhenMatches, call.ProblemTakenUp, call.Satisfaction }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return call;
    }

    /// <summary>The household's telephone for one call, revealed to the caller and audited as a reveal of personal data.</summary>
    public static async Task<string?> RevealAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, long callId, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var call = await FindCallAsync(db, actor, callId, ct);
        var phone = await db.Households.AsNoTracking().Where(h => h.Id == call.HouseholdId).Select(h => h.HeadPhone).FirstOrDefaultAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord("personal-data.reveal", "household",
            call.HouseholdId.ToString(CultureInfo.InvariantCulture), call.VillageCode, null, new { fields = PhoneField, call = call.Id }), ct);
        await tx.CommitAsync(ct);
        return phone;
    }

    /// <summary>A call of a sample the actor's scope holds (tracked), or refused as not found; the masses' evaluation by telephone takes its household.</summary>
    internal static async Task<SampleCall> FindCallAsync(LiaisonDb db, OfficeActor actor, long callId, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var call = await db.SampleCalls.FirstOrDefaultAsync(c => c.Id == callId, ct);
        var division = call is null ? null : await db.CallSamples.AsNoTracking().Where(s => s.Id == call.SampleId).Select(s => s.DivisionCode).FirstOrDefaultAsync(ct);
        return call is not null && division is not null && actor.Covers(division) ? call
            : throw new RefusedException(SupervisionRefusals.NotFound("电话", "call", callId));
    }

    /// <summary>
    /// Stores a sample and its draw from <paramref name="frame"/> (in a fixed order): the calls, and each
    /// stratum's size in the frame and in the sample, so the weights do not move when visits come late.
    /// Inside the caller's transaction; the demo's year of supervision draws with it too.
    /// </summary>
    internal static async Task<List<SampleCall>> WriteAsync(LiaisonDb db, CallSample sample, IReadOnlyList<FrameVisit> frame, int size, CancellationToken ct,
        IReadOnlySet<string>? flagged = null)
    {
        Func<FrameVisit, string> stratum = sample.Design switch
        {
            SampleDesign.Township => v => v.VillageCode[..DivisionCode.LengthOf(DivisionLevel.Township)],
            SampleDesign.Village => v => v.VillageCode,
            SampleDesign.Cadre => v => v.CadreId.ToString(CultureInfo.InvariantCulture),
            SampleDesign.Unit => v => "U" + v.UnitId.ToString(CultureInfo.InvariantCulture),
            SampleDesign.Flags => v => flagged?.Contains(v.VillageCode) == true ? "flagged" : "other",
            _ => _ => "",
        };
        var picked = sample.Design == SampleDesign.Simple ? Sampling.Simple(frame, size, sample.Seed) : Sampling.Stratified(frame, stratum, size, sample.Seed);
        db.CallSamples.Add(sample);
        await db.SaveChangesAsync(ct);
        var drawnBy = picked.GroupBy(stratum).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        db.SampleStrata.AddRange(frame.GroupBy(stratum).Select(g => new SampleStratum
        {
            SampleId = sample.Id,
            Key = g.Key,
            Population = g.Count(),
            Drawn = drawnBy.GetValueOrDefault(g.Key),
        }));
        var calls = picked.Select(v => new SampleCall
        {
            SampleId = sample.Id,
            VisitId = v.Id,
            HouseholdId = v.HouseholdId,
            VillageCode = v.VillageCode,
            CadreId = v.CadreId,
            Stratum = stratum(v),
        }).ToList();
        db.SampleCalls.AddRange(calls);
        await db.SaveChangesAsync(ct);
        return calls;
    }
}

/// <summary>A visit of a sample's frame: what a call about it needs.</summary>
internal sealed record FrameVisit(long Id, long HouseholdId, string VillageCode, int CadreId, int UnitId);
