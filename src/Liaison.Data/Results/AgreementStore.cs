using System.Globalization;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Liaisons;
using Liaison.Data.Policy;
using Liaison.Domain.Results;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Results;

/// <summary>A target as entered: its area (the policy's code), what is to be achieved, the measure and value (optional), and the day.</summary>
public sealed record TargetInput(string? Area, string? Text, string? Measure, decimal? Value, DateOnly? Due);

/// <summary>Who acts as the agreement's party: the First Secretary (their cadre) or the paired unit (its administrator's unit).</summary>
public sealed record AgreementParty(int? Cadre, int? Unit);

/// <summary>
/// 年度目标责任书 (issue 21): the township office drafts a First Secretary's agreement for the year (or,
/// where the policy says, a paired unit's) and revises it while unsigned; its party agrees to it as it
/// stands; the office signs it once;
/// a signed one changes only by an amendment with its reason; targets are marked met. Each step is
/// audited and marks the village for the rollups; a refusal names its field and changes nothing.
/// </summary>
public static class AgreementStore
{
    private const string Reach = "the agreement store: the actor's reach is decided on the agreement's village";

    /// <summary>
    /// Drafts the agreement for <paramref name="year"/> of the First Secretary in post in
    /// <paramref name="village"/> — or, given <paramref name="unitCode"/> and where the year's policy has
    /// the pairings sign too, of that unit paired with the village: one a year for each.
    /// </summary>
    public static async Task<Agreement> DraftAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, string? village, int year, IReadOnlyList<TargetInput> targets, CancellationToken ct,
        string? unitCode = null)
    {
        using var outside = Unscoped.Section(Reach);
        var now = clock.GetUtcNow();
        var code = village?.Trim() ?? "";
        var problems = new List<Problem>();
        var (secretary, unit) = (default(int?), default(int?));
        if (await Divisions.VillageReach.CheckAsync(db, actor.Covers, code, problems, ct))
        {
            if (string.IsNullOrWhiteSpace(unitCode))
            {
                secretary = await db.SecretaryPostings.AsNoTracking().Where(p => p.VillageCode == code && p.Year == year && p.Until == null)
                    .Select(p => (int?)p.CadreId).FirstOrDefaultAsync(ct);
                if (secretary is null)
                {
                    problems.Add(new Problem("villageCode", $"{year} 年该村没有在岗的第一书记", $"the village has no First Secretary in post in {year}") { Code = "no-secretary" });
                }
            }
            else
            {
                unit = await PairedUnitAsync(db, year, code, unitCode.Trim(), problems, ct);
            }
            if ((secretary ?? unit) is not null && await db.Agreements.AnyAsync(a => a.Year == year && a.VillageCode == code && a.CadreId == secretary && a.UnitId == unit, ct))
            {
                problems.Add(new Problem("villageCode", $"该村{(unit is null ? "第一书记" : "该联建单位")} {year} 年的目标责任书已起草，请在原稿上修改",
                    $"the {(unit is null ? "First Secretary's" : "unit's")} agreement for {year} is drafted already: revise it")
                { Code = "twice" });
            }
        }
        var lines = await TargetsAsync(db, year, targets, problems, ct);
        RefusedException.ThrowIfAny(problems);

        var agreement = new Agreement { Year = year, VillageCode = code, CadreId = secretary, UnitId = unit, DraftedBy = actor.UserName, DraftedAt = now };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync(ct);
        lines.ForEach(t => t.AgreementId = agreement.Id);
        db.AgreementTargets.AddRange(lines);
        await db.SaveChangesAsync(ct);
        await FinishAsync(db, clock, actor, "agreement.draft", agreement, null, new { agreement.CadreId, agreement.UnitId, targets = lines.Count }, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return agreement;
    }

    /// <summary>The unit of a pairing agreement: the year's policy has pairings sign, and the unit is paired with the village this year.</summary>
    private static async Task<int?> PairedUnitAsync(LiaisonDb db, int year, string village, string unitCode, List<Problem> problems, CancellationToken ct)
    {
        if (!(await PolicyStore.GetAsync(db, year, ct)).Policy.Agreements.ForPairings)
        {
            problems.Add(new Problem("unit", $"{year} 年的政策未要求联建单位签订目标责任书（agreements.forPairings）", $"the {year} policy does not have the pairings sign agreements (agreements.forPairings)") { Code = "pairings-off" });
            return null;
        }
        var unit = await db.Units.AsNoTracking().Where(u => u.Code == unitCode).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        if (unit is null || !await db.LiaisonTies.AnyAsync(t => t.Year == year && t.Until == null && t.Kind == Domain.Liaisons.TieKind.Pairing && t.UnitId == unit && t.DivisionCode == village, ct))
        {
            problems.Add(new Problem("unit", $"{year} 年单位 {unitCode} 没有与该村联建", $"unit {unitCode} is not paired with the village in {year}") { Code = "not-paired" });
            return null;
        }
        return unit;
    }

    /// <summary>
    /// Replaces the targets: while unsigned, a revision (an agreed draft goes back to the First
    /// Secretary); once signed, an amendment, which needs its reason.
    /// </summary>
    public static async Task<Agreement> ReviseAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, long id, IReadOnlyList<TargetInput> targets, string? reason, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var agreement = await FindAsync(db, actor, null, id, ct);
        var problems = new List<Problem>();
        var lines = await TargetsAsync(db, agreement.Year, targets, problems, ct);
        var why = RefusedException.Text(problems, "reason", reason, 200, required: agreement.Status == AgreementStatus.Concluded);
        RefusedException.ThrowIfAny(problems);

        var before = await db.AgreementTargets.Where(t => t.AgreementId == id).OrderBy(t => t.Line).ToListAsync(ct);
        var signed = agreement.Status == AgreementStatus.Concluded;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.AgreementTargets.RemoveRange(before);
        lines.ForEach(t => t.AgreementId = id);
        db.AgreementTargets.AddRange(lines);
        if (signed)
        {
            agreement.Amendments++;
        }
        else
        {
            (agreement.Status, agreement.AgreedAt) = (AgreementStatus.Draft, null);
        }
        await db.SaveChangesAsync(ct);
        await FinishAsync(db, clock, actor, signed ? "agreement.amend" : "agreement.revise", agreement,
            new { targets = before.Select(t => new { t.Area, t.Text, t.Measure, t.Value, t.Due }) },
            new { targets = lines.Select(t => new { t.Area, t.Text, t.Measure, t.Value, t.Due }), reason = why }, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return agreement;
    }

    /// <summary>The First Secretary agrees to the draft as it stands: their own agreement only.</summary>
    public static Task<Agreement> AgreeAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, int ownCadre, long id, CancellationToken ct) =>
        AgreeAsync(db, clock, actor, new AgreementParty(ownCadre, null), id, ct);

    /// <summary>The party agrees to the draft as it stands: the First Secretary or the paired unit's administrator, their own agreement only.</summary>
    public static async Task<Agreement> AgreeAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, AgreementParty party, long id, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var agreement = await FindAsync(db, actor, party, id, ct);
        if (agreement.Status != AgreementStatus.Draft)
        {
            throw new RefusedException([new Problem("status", "只有起草中的目标责任书需要确认", "only a draft is agreed to") { Code = agreement.Status == AgreementStatus.Concluded ? "signed" : "agreed" }]);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        (agreement.Status, agreement.AgreedAt) = (AgreementStatus.Agreed, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await FinishAsync(db, clock, actor, "agreement.agree", agreement, null, new { agreement.Status }, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return agreement;
    }

    /// <summary>Signed by the township, once, after the First Secretary agreed: the day (not in the future) and who signed for the township.</summary>
    public static async Task<Agreement> SignAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, long id, DateOnly? on, string? signer, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var agreement = await FindAsync(db, actor, null, id, ct);
        var problems = new List<Problem>();
        if (agreement.Status == AgreementStatus.Concluded)
        {
            problems.Add(new Problem("status", $"该目标责任书已于 {agreement.SignedOn:yyyy-MM-dd} 签订，不能再次签订；修改请附理由修订", $"signed on {agreement.SignedOn:yyyy-MM-dd} already; it is not signed twice — amend it with a reason") { Code = "signed" });
        }
        else if (agreement.Status != AgreementStatus.Agreed)
        {
            problems.Add(new Problem("status", "第一书记（或联建单位）确认后才能签订", "it is signed once the First Secretary (or the paired unit) has agreed") { Code = "not-agreed" });
        }
        var today = ChinaTime.Today(clock);
        if (on is not { } day || day > today || day.Year < agreement.Year - 1)
        {
            problems.Add(new Problem("signedOn", "签订日期不能晚于今天", "the day of signing is not in the future") { Code = "range" });
        }
        var name = RefusedException.Text(problems, "townshipSigner", signer, Agreement.MaxSigner, required: true);
        RefusedException.ThrowIfAny(problems);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        (agreement.Status, agreement.SignedOn, agreement.TownshipSigner) = (AgreementStatus.Concluded, on, name);
        await db.SaveChangesAsync(ct);
        await FinishAsync(db, clock, actor, "agreement.sign", agreement, null, new { agreement.SignedOn, agreement.TownshipSigner }, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return agreement;
    }

    /// <summary>A target of a signed agreement met on a day: by the office, or by its First Secretary.</summary>
    public static async Task<AgreementTarget> MeetAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, int? ownCadre, long targetId, DateOnly? on, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var target = await db.AgreementTargets.FirstOrDefaultAsync(t => t.Id == targetId, ct)
            ?? throw new RefusedException([new Problem("target", $"没有编号为 {targetId} 的目标", $"no target {targetId}") { Code = "not-found" }]);
        var agreement = await FindAsync(db, actor, ownCadre is { } own ? new AgreementParty(own, null) : null, target.AgreementId, ct);
        var problems = new List<Problem>();
        if (agreement.Status != AgreementStatus.Concluded)
        {
            problems.Add(new Problem("status", "签订后的目标才计完成", "targets are met once the agreement is signed") { Code = "not-signed" });
        }
        if (target.MetOn is not null)
        {
            problems.Add(new Problem("target", "该目标已标记完成", "the target is met already") { Code = "twice" });
        }
        if (on is not { } day || day > ChinaTime.Today(clock) || day < agreement.SignedOn)
        {
            problems.Add(new Problem("metOn", "完成日期须在签订之后、今天及以前", "the day lies between the signing and today") { Code = "range" });
        }
        RefusedException.ThrowIfAny(problems);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        target.MetOn = on;
        await db.SaveChangesAsync(ct);
        await FinishAsync(db, clock, actor, "agreement.target-met", agreement, null, new { target = target.Id, target.Text, target.MetOn }, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return target;
    }

    private static async Task<Agreement> FindAsync(LiaisonDb db, OfficeActor actor, AgreementParty? party, long id, CancellationToken ct)
    {
        var agreement = await db.Agreements.FirstOrDefaultAsync(a => a.Id == id, ct);
        // Another party's agreement is as absent as one out of reach.
        return agreement is null || !actor.Covers(agreement.VillageCode) || (party is not null && (agreement.CadreId != party.Cadre || agreement.UnitId != party.Unit))
            ? throw new RefusedException([new Problem("id", $"没有编号为 {id} 的目标责任书，或不在你的范围内", $"no agreement {id} within your reach") { Code = "not-found" }])
            : agreement;
    }

    /// <summary>The targets judged: at least one, each in an area of the year's policy, with its text and a day in the year or the next.</summary>
    private static async Task<List<AgreementTarget>> TargetsAsync(LiaisonDb db, int year, IReadOnlyList<TargetInput> targets, List<Problem> problems, CancellationToken ct)
    {
        var rules = (await PolicyStore.GetAsync(db, year, ct)).Policy.Agreements;
        if (targets.Count is 0 or > Agreement.MaxTargets)
        {
            problems.Add(new Problem("targets", $"目标任务须有 1 到 {Agreement.MaxTargets} 项", $"an agreement has 1 to {Agreement.MaxTargets} targets") { Code = "count" });
        }
        var lines = new List<AgreementTarget>();
        for (var i = 0; i < targets.Count; i++)
        {
            var (t, field) = (targets[i], $"targets[{i}]");
            var area = rules.Find(t.Area);
            if (area is null)
            {
                problems.Add(new Problem(field + ".area", $"没有“{t.Area}”这个领域，可选：{string.Join("、", rules.Areas.Select(a => a.Code))}",
                    $"no area \"{t.Area}\"; the areas are: {string.Join(", ", rules.Areas.Select(a => a.Code))}")
                { Code = "unknown" });
            }
            var text = RefusedException.Text(problems, field + ".text", t.Text, AgreementTarget.MaxText, required: true);
            var measure = RefusedException.Text(problems, field + ".measure", t.Measure, AgreementTarget.MaxMeasure, required: false);
            if (t.Value is < 0 or > 1_000_000_000_000m)
            {
                problems.Add(new Problem(field + ".value", "目标值须为非负数", "the value is not negative") { Code = "range" });
            }
            if (t.Due is not { } due || due.Year < year || due.Year > year + 1)
            {
                problems.Add(new Problem(field + ".due", $"完成时限须在 {year} 年或次年内", $"the day lies in {year} or the year after") { Code = "range" });
            }
            lines.Add(new AgreementTarget { Line = i + 1, Area = area?.Code ?? "", Text = text ?? "", Measure = measure, Value = t.Value, Due = t.Due ?? default });
        }
        return lines;
    }

    private static async Task FinishAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, string action, Agreement agreement, object? before, object? after, CancellationToken ct)
    {
        await Field.FieldRollups.MarkAsync(db, [agreement.VillageCode], ct);
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord(action, "agreement",
            agreement.Id.ToString(CultureInfo.InvariantCulture), agreement.VillageCode, before, after), ct);
    }
}
