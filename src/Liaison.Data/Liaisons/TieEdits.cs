using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Reporting;
using Liaison.Domain.Liaisons;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Liaisons;

/// <summary>What a person asks to change in the plan. Every change carries a reason.</summary>
public abstract record TieEdit(string Reason)
{
    /// <summary>Move a tie to another division: the old tie ends, a new hand-made one starts, its stays move along.</summary>
    public sealed record Move(long TieId, string DivisionCode, string Reason) : TieEdit(Reason);

    /// <summary>End a tie.</summary>
    public sealed record End(long TieId, string Reason) : TieEdit(Reason);

    /// <summary>Lock a tie against the planner, or unlock it.</summary>
    public sealed record Lock(long TieId, bool Locked, string Reason) : TieEdit(Reason);

    /// <summary>A new hand-made tie of a cadre (or, for a pairing, of the cadre's unit).</summary>
    public sealed record Add(int Year, TieKind Kind, string CadreCode, string DivisionCode, string Reason) : TieEdit(Reason);
}

/// <summary>The outcome: saved or refused, and the violations the change brings (the check runs at once).</summary>
public sealed record TieEditResult(bool Saved, LiaisonTie? Tie, IReadOnlyList<Violation> NewViolations, Problem? Refusal = null);

/// <summary>
/// Hand edits of the plan: re-checked against the policy before anything is written; a change
/// that breaks a rule is refused or saved with the violation shown, as the year's policy says.
/// Each saved change is audited with the tie before and after.
/// </summary>
public static class TieEdits
{
    public const int MaxReason = 500;

    public static async Task<TieEditResult> ApplyAsync(LiaisonDb db, TimeProvider clock, Actor actor, TieEdit edit, DateOnly today, CancellationToken ct)
    {
        using var outside = Unscoped.Section("a tie edit: the office's reach is decided on the tie and the division it names");
        if (string.IsNullOrWhiteSpace(edit.Reason) || edit.Reason.Length > MaxReason)
        {
            return Refused("reason", $"请填写调整理由（不超过 {MaxReason} 字）", $"give a reason for the change (at most {MaxReason} characters)");
        }
        var reason = edit.Reason.Trim();
        LiaisonTie? old = null;
        if (edit is TieEdit.Move or TieEdit.End or TieEdit.Lock)
        {
            var id = edit switch { TieEdit.Move m => m.TieId, TieEdit.End e => e.TieId, TieEdit.Lock l => l.TieId, _ => 0 };
            old = await db.LiaisonTies.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
            if (old is null || !old.IsCurrent)
            {
                return Refused("tie", "该联系安排不存在或已结束", "the tie does not exist or has ended");
            }
        }
        var year = old?.Year ?? ((TieEdit.Add)edit).Year;
        var (world, policy) = await LiaisonStore.LoadAsync(db, year, ct);
        var now = clock.GetUtcNow();
        LiaisonTie? created = null;
        switch (edit)
        {
            case TieEdit.Move m:
                if (!world.Places.ContainsKey(m.DivisionCode))
                {
                    return Refused("division", $"行政区划 {m.DivisionCode} 不存在", $"division {m.DivisionCode} does not exist");
                }
                created = Copy(old!, m.DivisionCode, today, now, actor, reason);
                break;
            case TieEdit.Add a:
                var cadre = world.Cadres.FirstOrDefault(c => c.Code == a.CadreCode);
                if (cadre is null)
                {
                    return Refused("cadre", $"干部 {a.CadreCode} 不存在", $"cadre {a.CadreCode} does not exist");
                }
                if (!world.Places.ContainsKey(a.DivisionCode))
                {
                    return Refused("division", $"行政区划 {a.DivisionCode} 不存在", $"division {a.DivisionCode} does not exist");
                }
                created = new LiaisonTie
                {
                    Year = a.Year,
                    Kind = a.Kind,
                    CadreId = a.Kind == TieKind.Pairing ? null : cadre.Id,
                    UnitId = a.Kind == TieKind.Pairing ? cadre.UnitId : null,
                    DivisionCode = a.DivisionCode,
                    Since = LiaisonTie.StartsOn(a.Year, today),
                    Origin = TieOrigin.Manual,
                    Reason = reason,
                    ChangedAt = now,
                    ChangedBy = actor.Name,
                };
                break;
        }

        // The check before and after the change, in memory: the violations the change brings are the new ones.
        var ties = world.Ties.Where(t => edit is not (TieEdit.Move or TieEdit.End) || t.Id != old!.Id).ToList();
        if (created is not null)
        {
            ties.Add(created);
        }
        var before = LiaisonChecker.Check(world).Violations.Select(Key).ToHashSet();
        var changed = new LiaisonWorld(world.Policy, world.Places.Values, world.Units.Values, world.Cadres, ties, world.Ties.SelectMany(t => world.Stays[t.Id]));
        var brought = LiaisonChecker.Check(changed).Violations.Where(v => !before.Contains(Key(v))).ToList();
        if (brought.Count > 0 && policy.Policy.Edits.OnViolation == EditViolationHandling.Refuse)
        {
            return new TieEditResult(false, null, brought, new Problem("rules", "按本年度政策，违反规则的调整不予保存", "this year's policy refuses changes that break a rule"));
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        string action;
        switch (edit)
        {
            case TieEdit.Lock l:
                action = l.Locked ? "liaison-tie.lock" : "liaison-tie.unlock";
                await db.LiaisonTies.Where(t => t.Id == old!.Id).ExecuteUpdateAsync(u => u
                    .SetProperty(t => t.Locked, l.Locked).SetProperty(t => t.ChangedAt, now).SetProperty(t => t.ChangedBy, actor.Name), ct);
                break;
            default:
                action = edit switch { TieEdit.Move => "liaison-tie.move", TieEdit.End => "liaison-tie.end", _ => "liaison-tie.add" };
                if (old is not null)
                {
                    await db.LiaisonTies.Where(t => t.Id == old.Id).ExecuteUpdateAsync(u => u
                        .SetProperty(t => t.Until, today).SetProperty(t => t.EndReason, reason)
                        .SetProperty(t => t.ChangedAt, now).SetProperty(t => t.ChangedBy, actor.Name), ct);
                }
                if (created is not null)
                {
                    db.LiaisonTies.Add(created);
                    await db.SaveChangesAsync(ct);
                    if (old is not null)
                    {
                        // The stays were planned for the tie's work, which goes on in the new place.
                        await db.PlannedStays.Where(s => s.TieId == old.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.TieId, created.Id), ct);
                    }
                }
                await RollupStore.RefreshAsync(db, RollupFamily.Liaisons, ct);
                // Who has a residence minimum where, and who visits, changes with the tie.
                await Field.FieldRollups.MarkAsync(db, new[] { old?.DivisionCode, created?.DivisionCode }.OfType<string>().Where(c => c.Length == 12), ct);
                break;
        }
        var after = created ?? (old is null ? null : await db.LiaisonTies.AsNoTracking().FirstAsync(t => t.Id == old.Id, ct));
        await AuditLog.AppendAsync(db, clock, actor, new AuditRecord(action, "liaison-tie", (created ?? old)!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (created ?? old)!.DivisionCode, old is null ? null : Snapshot(old), new { tie = after is null ? null : Snapshot(after), reason }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new TieEditResult(true, created ?? after, brought);
    }

    private static TieEditResult Refused(string field, string zh, string en) => new(false, null, [], new Problem(field, zh, en));

    private static string Key(Violation v) => v.Rule.Id + "|" + v.DetailZh;

    private static LiaisonTie Copy(LiaisonTie old, string divisionCode, DateOnly today, DateTimeOffset now, Actor actor, string reason) => new()
    {
        Year = old.Year,
        Kind = old.Kind,
        CadreId = old.CadreId,
        UnitId = old.UnitId,
        DivisionCode = divisionCode,
        Since = LiaisonTie.StartsOn(old.Year, today),
        Origin = TieOrigin.Manual,
        Locked = old.Locked,
        Reason = reason,
        ChangedAt = now,
        ChangedBy = actor.Name,
    };

    private static object Snapshot(LiaisonTie t) => new
    {
        id = t.Id,
        year = t.Year,
        kind = t.Kind.ToString(),
        cadreId = t.CadreId,
        unitId = t.UnitId,
        division = t.DivisionCode,
        since = t.Since,
        until = t.Until,
        origin = t.Origin.ToString(),
        locked = t.Locked,
        reason = t.Reason,
        endReason = t.EndReason,
    };
}
