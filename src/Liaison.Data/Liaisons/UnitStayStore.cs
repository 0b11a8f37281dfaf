using Liaison.Data.Audit;
using Liaison.Data.Field;
using Liaison.Domain.Field;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Liaisons;

/// <summary>What the unit's administrator or an office enters for a concentrated stay: the dates, what was done, who went (staff numbers).</summary>
public sealed record UnitStayInput(DateOnly? Arrived, DateOnly? Left, string? What, IReadOnlyList<string> Members);

/// <summary>
/// What became of a unit's stay: the record, and each member's own stay stored now, stored before
/// (the same form sent again), or refused with the reasons the phone would have given.
/// </summary>
public sealed record UnitStayOutcome(UnitStay Stay, int Stored, int Already, IReadOnlyList<(string Cadre, IReadOnlyList<Problem> Problems)> Refused);

/// <summary>
/// 联建单位集中驻村 (issue 20): a pairing's concentrated stay recorded for the unit's members at once.
/// Each member's stay goes through the field store as if entered by the village work group for them
/// (the same checks, stored exactly once: its id is drawn from the pairing, member and dates, so a
/// form sent twice stores nothing new), and so counts for the member, their unit's participation
/// and the pairing's planned stays.
/// </summary>
public static class UnitStayStore
{
    public static async Task<UnitStayOutcome> RecordAsync(LiaisonDb db, TimeProvider clock, FieldAuthor by, LiaisonTie tie, UnitStayInput input, CancellationToken ct,
        CadreScopeCache? cache = null)
    {
        var problems = new List<Problem>();
        if (tie.Kind != TieKind.Pairing || !tie.IsCurrent || tie.UnitId is null)
        {
            problems.Add(new Problem("tie", "只能为当前的联建村记录单位集中驻村", "a unit's stay is recorded for a current pairing only") { Code = "not-pairing" });
        }
        if (input.Arrived is not { } arrived || input.Left is not { } left)
        {
            problems.Add(new Problem("arrived", "请填写到村和离村日期", "give the days of arrival and departure") { Code = "required" });
            (arrived, left) = (default, default);
        }
        else if (left < arrived || left.DayNumber - arrived.DayNumber + 1 > UnitStay.MaxDays)
        {
            problems.Add(new Problem("left", $"离村日期须在到村日期之后，且不超过 {UnitStay.MaxDays} 天", $"departure comes after arrival, at most {UnitStay.MaxDays} days later") { Code = "range" });
        }
        var what = RefusedException.Text(problems, "what", input.What, UnitStay.MaxWhat, required: true) ?? "";
        var codes = input.Members.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var members = await db.Cadres.AsNoTracking().Where(c => codes.Contains(c.Code) && c.UnitId == tie.UnitId && c.Status == CadreStatus.Active)
            .Select(c => new { c.Id, c.Code }).ToListAsync(ct);
        if (codes.Count == 0)
        {
            problems.Add(new Problem("members", "请选择参加驻村的干部", "choose the cadres who went") { Code = "required" });
        }
        foreach (var stranger in codes.Except(members.Select(m => m.Code), StringComparer.Ordinal))
        {
            problems.Add(new Problem("members", $"{stranger} 不是本单位的在职干部", $"{stranger} is not an active cadre of the unit") { Code = "not-member" });
        }
        RefusedException.ThrowIfAny(problems);

        int stored = 0, already = 0;
        var refused = new List<(string, IReadOnlyList<Problem>)>();
        foreach (var m in members.OrderBy(m => m.Code, StringComparer.Ordinal))
        {
            var author = by with { CadreId = m.Id };
            var stay = new StayInput(ClientId(tie.Id, m.Id, arrived, left), tie.DivisionCode, arrived, left);
            var result = (await FieldStore.SaveStaysAsync(db, clock, author, [stay], ct, cache))[0];
            switch (result.Outcome)
            {
                case RecordOutcome.Stored: stored++; break;
                case RecordOutcome.Duplicate: already++; break;
                default: refused.Add((m.Code, result.Problems)); break;
            }
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var record = await db.UnitStays.FirstOrDefaultAsync(s => s.TieId == tie.Id && s.Arrived == arrived, ct);
        var before = record is null ? null : new { record.Left, record.What, record.Members };
        if (record is null)
        {
            record = new UnitStay { TieId = tie.Id, UnitId = tie.UnitId!.Value, VillageCode = tie.DivisionCode, Arrived = arrived, What = what, RecordedBy = by.UserName };
            db.UnitStays.Add(record);
        }
        (record.Left, record.What, record.RecordedBy, record.RecordedAt) = (left, what, by.UserName, clock.GetUtcNow());
        record.Members = await db.ResidenceStays.CountAsync(s => s.VillageCode == tie.DivisionCode && s.Arrived == arrived && s.Left == left
            && db.Cadres.Any(c => c.Id == s.CadreId && c.UnitId == tie.UnitId), ct);
        await db.SaveChangesAsync(ct);
        await AuditLog.AppendAsync(db, clock, new Actor(by.UserName), new AuditRecord("pairing.stay", "unit-stay", record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            tie.DivisionCode, before, new { tie = tie.Id, arrived, left, what, members = members.Select(m => m.Code), stored, already, refused = refused.Select(r => r.Item1) }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new UnitStayOutcome(record, stored, already, refused);
    }

    /// <summary>A pairing's recorded stays, newest first.</summary>
    public static async Task<List<UnitStay>> OfTieAsync(LiaisonDb db, long tieId, CancellationToken ct) =>
        await db.UnitStays.AsNoTracking().Where(s => s.TieId == tieId).OrderByDescending(s => s.Arrived).ToListAsync(ct);

    /// <summary>The member's stay's id, the same whenever the same stay is entered again: what makes the form exactly-once.</summary>
    private static Guid ClientId(long tie, int cadre, DateOnly arrived, DateOnly left) =>
        FieldStore.EntryId(FormattableString.Invariant($"unit-stay:{tie}:{cadre}:{arrived:yyyy-MM-dd}:{left:yyyy-MM-dd}"));
}
