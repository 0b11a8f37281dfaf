using System.Globalization;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Results;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Results;

/// <summary>A commitment as entered: the village, the promise, its deadline, and the cadre who makes it (a staff number; a cadre account makes its own).</summary>
public sealed record CommitmentInput(string? VillageCode, string? Text, DateOnly? Deadline, string? CadreCode = null);

/// <summary>A step of a commitment as entered: progress on the way (open), kept (done) or given up (dropped, the text its public reason), on a day.</summary>
public sealed record CommitmentStepInput(CommitmentStatus Status, string? Text, DateOnly? On);

/// <summary>
/// 公开承诺 (issue 21): makes a commitment for a village within reach, records its progress, its
/// keeping or its giving up (the reason public), each with its audit entry and the village's mark for
/// the rollups — or refuses by field and changes nothing. A cadre acts on their own commitments only;
/// an office on those of its villages.
/// </summary>
public static class CommitmentStore
{
    private const string Reach = "the commitment store: the actor's reach is decided on the commitment's village";

    public static async Task<Commitment> MakeAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, int? ownCadre, CommitmentInput input, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var problems = new List<Problem>();
        var village = input.VillageCode?.Trim() ?? "";
        await Divisions.VillageReach.CheckAsync(db, actor.Covers, village, problems, ct);
        var text = RefusedException.Text(problems, "text", input.Text, Commitment.MaxText, required: true);
        if (input.Deadline is not { } deadline || deadline < today || deadline > today.AddDays(Commitment.MaxDaysAhead))
        {
            problems.Add(new Problem("deadline", $"承诺期限须在今天到 {Commitment.MaxDaysAhead} 天后之间，不能早于今天", $"the deadline lies between today and {Commitment.MaxDaysAhead} days ahead, never in the past") { Code = "range" });
        }
        var cadre = ownCadre;
        if (cadre is null)
        {
            var code = input.CadreCode?.Trim() ?? "";
            cadre = code.Length == 0 ? null : await db.Cadres.AsNoTracking().Where(c => c.Code == code && c.Status == CadreStatus.Active).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
            if (code.Length == 0)
            {
                problems.Add(new Problem("cadre", "请写明作出承诺的干部", "name the cadre who makes the commitment") { Code = "required" });
            }
            else if (cadre is null)
            {
                problems.Add(People.CadreRefusals.UnknownActive(code));
            }
        }
        RefusedException.ThrowIfAny(problems);

        var commitment = new Commitment
        {
            Year = today.Year,
            VillageCode = village,
            CadreId = cadre!.Value,
            Text = text!,
            MadeOn = today,
            Deadline = input.Deadline!.Value,
            RecordedBy = actor.UserName,
            RecordedAt = now,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Commitments.Add(commitment);
        await db.SaveChangesAsync(ct);
        await Field.FieldRollups.MarkAsync(db, [village], ct);
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord("commitment.make", "commitment",
            commitment.Id.ToString(CultureInfo.InvariantCulture), village, null, new { commitment.Text, commitment.Deadline, commitment.CadreId }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return commitment;
    }

    /// <summary>
    /// Progress on an open commitment, or its keeping or giving up. A kept one is closed on the day
    /// given (not before it was made); a dropped one needs its reason, which villagers read.
    /// Closed commitments take no further steps.
    /// </summary>
    public static async Task<Commitment> StepAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, int? ownCadre, long id, CommitmentStepInput input, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var commitment = await db.Commitments.FirstOrDefaultAsync(c => c.Id == id, ct);
        // Another's commitment is as absent as one out of reach: a cadre acts on their own only.
        if (commitment is null || !actor.Covers(commitment.VillageCode) || (ownCadre is { } own && commitment.CadreId != own))
        {
            throw new RefusedException([new Problem("id", $"没有编号为 {id} 的公开承诺，或不在你的范围内", $"no commitment {id} within your reach") { Code = "not-found" }]);
        }
        var problems = new List<Problem>();
        if (commitment.Status != CommitmentStatus.Open)
        {
            problems.Add(new Problem("status", "该承诺已办结，不能再记录", "the commitment is closed; nothing more is recorded") { Code = "closed" });
        }
        var text = RefusedException.Text(problems, "text", input.Text, input.Status == CommitmentStatus.Dropped ? Commitment.MaxText : Commitment.MaxNote,
            required: input.Status != CommitmentStatus.Done);
        var on = input.On ?? today;
        if (on > today || on < commitment.MadeOn)
        {
            problems.Add(new Problem("on", "日期须在作出承诺之后、今天及以前", "the day lies between the commitment's making and today") { Code = "range" });
        }
        RefusedException.ThrowIfAny(problems);

        var before = commitment.Status;
        if (input.Status != CommitmentStatus.Open)
        {
            (commitment.Status, commitment.ClosedOn) = (input.Status, on);
            commitment.Reason = input.Status == CommitmentStatus.Dropped ? text : null;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.CommitmentSteps.Add(new CommitmentStep { CommitmentId = id, On = on, Status = input.Status, Text = text ?? "", RecordedBy = actor.UserName, RecordedAt = now });
        await db.SaveChangesAsync(ct);
        await Field.FieldRollups.MarkAsync(db, [commitment.VillageCode], ct);
        var action = input.Status switch { CommitmentStatus.Done => "commitment.keep", CommitmentStatus.Dropped => "commitment.drop", _ => "commitment.progress" };
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord(action, "commitment", id.ToString(CultureInfo.InvariantCulture),
            commitment.VillageCode, new { Status = before }, new { commitment.Status, On = on, Text = text }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return commitment;
    }
}
