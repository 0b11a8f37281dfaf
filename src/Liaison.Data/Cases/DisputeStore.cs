using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Field;
using Liaison.Domain.Cases;
using Liaison.Domain.Divisions;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Cases;

/// <summary>A dispute as entered: the parties, what it is about, who mediates.</summary>
public sealed record DisputeInput(string? VillageCode, DisputeKind Kind, string? Parties, string? Summary, string? MediatorName = null, int? MediatorCadreId = null, DateOnly? ReportedOn = null);

/// <summary>An errand as entered: what the villager needs done, by whom.</summary>
public sealed record ErrandInput(string? VillageCode, ErrandKind Kind, string? What, long? HouseholdId = null, int? CadreId = null, DateOnly? RequestedOn = null);

/// <summary>
/// 矛盾纠纷 and 民生代办: recorded in a village of the actor's jurisdiction, their steps appended
/// as they happen, and closed with an outcome. Each write is audited and marks its village for the rollups.
/// </summary>
public static class DisputeStore
{
    /// <summary>Why this store reads outside a scope: see <see cref="Unscoped"/>.</summary>
    private const string Reach = "a dispute or errand store: the actor's reach is decided on the village it names";

    public static async Task<(Dispute? Dispute, List<Problem> Problems)> AddDisputeAsync(LiaisonDb db, TimeProvider clock, CaseActor actor, DisputeInput input, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var problems = await VillageProblemsAsync(db, actor, input.VillageCode, ct);
        var parties = CaseStore.Clean(input.Parties);
        var summary = CaseStore.Clean(input.Summary);
        Require(problems, "parties", parties, 1_000, "当事人");
        Require(problems, "summary", summary, CaseInput.MaxDescription, "纠纷情况");
        var today = ChinaTime.Today(clock);
        if (input.ReportedOn is { } on && on > today)
        {
            problems.Add(new("reportedOn", "日期在今天之后", "the date lies in the future"));
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        var d = new Dispute
        {
            VillageCode = input.VillageCode!.Trim(),
            Kind = input.Kind,
            Parties = parties!,
            Summary = summary!,
            MediatorName = CaseStore.Clean(input.MediatorName),
            MediatorCadreId = input.MediatorCadreId,
            ReportedOn = input.ReportedOn ?? today,
            Year = (input.ReportedOn ?? today).Year,
            EnteredBy = actor.UserName,
        };
        await WriteAsync(db, clock, actor, "dispute.add", d.VillageCode, () => db.Disputes.Add(d), () => (d.Id, new { d.Kind, d.ReportedOn, d.MediatorName }), ct);
        return (d, []);
    }

    /// <summary>A mediation step, or the outcome: mediated (with the agreement's date), referred (to whom), unresolved.</summary>
    public static async Task<List<Problem>> UpdateDisputeAsync(LiaisonDb db, TimeProvider clock, CaseActor actor, long id, string? step, DisputeOutcome? outcome, string? referredTo, DateOnly? agreementOn, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var d = await db.Disputes.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null || !actor.Covers(d.VillageCode))
        {
            return [new("id", $"没有编号为 {id} 的纠纷", $"no dispute {id}")];
        }
        var text = CaseStore.Clean(step);
        if (text is null && outcome is null)
        {
            return [new("step", "请写明调解经过或结果", "write the mediation step or the outcome")];
        }
        if (d.Outcome != DisputeOutcome.Open && outcome is not null)
        {
            return [new("outcome", "此纠纷已有结果", "this dispute has its outcome already")];
        }
        if (outcome == DisputeOutcome.Referred && CaseStore.Clean(referredTo) is null)
        {
            return [new("referredTo", "转交时须写明转往何处（法院、派出所、仲裁等）", "name where it was referred (court, police, arbitration ...)")];
        }
        if (outcome == DisputeOutcome.Mediated && agreementOn is null)
        {
            return [new("agreementOn", "调解成功须填写协议日期", "a mediated dispute needs the agreement's date")];
        }
        var today = ChinaTime.Today(clock);
        if (text is not null)
        {
            d.Steps = Append(d.Steps, today, text);
        }
        if (outcome is { } o)
        {
            d.Outcome = o;
            d.ReferredTo = CaseStore.Clean(referredTo);
            d.AgreementOn = agreementOn;
            d.ClosedOn = today;
        }
        if (d.Steps is { Length: > CaseInput.MaxDescription })
        {
            return [new("step", "调解经过已超过 2000 字", "the steps exceed 2,000 characters")];
        }
        await WriteAsync(db, clock, actor, "dispute.update", d.VillageCode, () => { }, () => (d.Id, new { d.Outcome, d.ReferredTo, d.AgreementOn, step = text }), ct);
        return [];
    }

    public static async Task<(Errand? Errand, List<Problem> Problems)> AddErrandAsync(LiaisonDb db, TimeProvider clock, CaseActor actor, ErrandInput input, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var problems = await VillageProblemsAsync(db, actor, input.VillageCode, ct);
        var what = CaseStore.Clean(input.What);
        Require(problems, "what", what, CaseInput.MaxNote, "代办事项");
        if (input.HouseholdId is { } h && !await db.Households.AnyAsync(x => x.Id == h && x.VillageCode == input.VillageCode, ct))
        {
            problems.Add(new("householdId", $"农户 {h} 不在村 {input.VillageCode}", $"household {h} does not live in {input.VillageCode}"));
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        var today = ChinaTime.Today(clock);
        var e = new Errand
        {
            VillageCode = input.VillageCode!.Trim(),
            Kind = input.Kind,
            What = what!,
            HouseholdId = input.HouseholdId,
            CadreId = input.CadreId,
            RequestedOn = input.RequestedOn ?? today,
            Year = (input.RequestedOn ?? today).Year,
            EnteredBy = actor.UserName,
        };
        await WriteAsync(db, clock, actor, "errand.add", e.VillageCode, () => db.Errands.Add(e), () => (e.Id, new { e.Kind, e.RequestedOn, e.CadreId }), ct);
        return (e, []);
    }

    public static async Task<List<Problem>> FinishErrandAsync(LiaisonDb db, TimeProvider clock, CaseActor actor, long id, bool done, string? result, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var e = await db.Errands.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null || !actor.Covers(e.VillageCode))
        {
            return [new("id", $"没有编号为 {id} 的代办事项", $"no errand {id}")];
        }
        if (e.Status != ErrandStatus.Open)
        {
            return [new("status", "此代办事项已办完", "this errand is finished already")];
        }
        var text = CaseStore.Clean(result);
        if (text is null)
        {
            return [new("result", "请写明办理结果", "write the result")];
        }
        (e.Status, e.Result, e.DoneOn) = (done ? ErrandStatus.Done : ErrandStatus.Failed, text, ChinaTime.Today(clock));
        await WriteAsync(db, clock, actor, "errand.finish", e.VillageCode, () => { }, () => (e.Id, new { e.Status, e.Result }), ct);
        return [];
    }

    private static async Task<List<Problem>> VillageProblemsAsync(LiaisonDb db, CaseActor actor, string? village, CancellationToken ct)
    {
        var code = village?.Trim();
        if (code is null || !await db.Divisions.AnyAsync(d => d.Code == code && d.Level == DivisionLevel.Village, ct))
        {
            return [new("villageCode", $"村代码 {code} 不存在", $"no village {code}")];
        }
        return actor.Covers(code) ? [] : [new("villageCode", $"{code} 不在你的管辖范围内", $"{code} lies outside your jurisdiction")];
    }

    private static void Require(List<Problem> problems, string field, string? text, int max, string name)
    {
        if (text is null)
        {
            problems.Add(new(field, $"请填写{name}", $"{field} is required"));
        }
        else if (text.Length > max)
        {
            problems.Add(new(field, $"{name}不超过 {max} 字", $"{field} has at most {max} characters"));
        }
    }

    private static string Append(string? steps, DateOnly on, string text) =>
        (steps is null ? "" : steps + "\n") + $"{on:yyyy-MM-dd} {text.Replace('\n', ' ')}";

    private static async Task WriteAsync(LiaisonDb db, TimeProvider clock, CaseActor actor, string action, string village, Action change, Func<(long Id, object After)> record, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        change();
        await db.SaveChangesAsync(ct);
        var (id, after) = record();
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord(action, action.Split('.')[0], id.ToString(System.Globalization.CultureInfo.InvariantCulture), village, null, after), ct);
        await FieldRollups.MarkAsync(db, [village], ct);
        await tx.CommitAsync(ct);
    }
}
