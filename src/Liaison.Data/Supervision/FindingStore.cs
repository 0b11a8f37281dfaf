using System.Globalization;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Liaisons;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Liaison.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Supervision;

/// <summary>A finding as entered: its kind's code, where, who and which unit (by staff number and unit code), what and the evidence; the severity the kind's unless given.</summary>
public sealed record FindingInput(string? Kind, string? Text, string? Evidence = null, string? CadreCode = null, string? UnitCode = null, int? Severity = null, string? DivisionCode = null);

/// <summary>
/// 问题 (issue 22): the one writer of findings, whatever they came from (an inspection, a document
/// review, the calls, a flag confirmed): the kind from the policy's catalogue, the severity 1–3, the
/// cadre and unit named by their codes, refused by field or written with its audit entry.
/// </summary>
public static class FindingStore
{
    /// <summary>Checks a finding and makes its record (not yet saved); problems are added under <paramref name="prefix"/>.</summary>
    internal static async Task<Finding?> PrepareAsync(LiaisonDb db, SupervisionRules rules, string actor, DateTimeOffset now, DateOnly on, FindingSource source, long sourceId, string where,
        FindingInput input, List<Problem> problems, string prefix, CancellationToken ct)
    {
        var before = problems.Count;
        var kind = rules.Find(input.Kind);
        if (kind is null)
        {
            problems.Add(new Problem(prefix + "kind", $"问题类别“{input.Kind}”不在政策的类别中", $"\"{input.Kind}\" is not a finding kind of the policy") { Code = "unknown" });
        }
        if (input.Severity is < 1 or > 3)
        {
            problems.Add(new Problem(prefix + "severity", "严重程度为 1 到 3", "severity is 1 to 3") { Code = "range" });
        }
        var text = RefusedException.Text(problems, prefix + "text", input.Text, Finding.MaxText, required: true);
        var evidence = RefusedException.Text(problems, prefix + "evidence", input.Evidence, Finding.MaxEvidence, required: false);
        int? cadre = null, unit = null;
        if (input.CadreCode?.Trim() is { Length: > 0 } cadreCode)
        {
            var found = await db.Cadres.AsNoTracking().Where(c => c.Code == cadreCode).Select(c => new { c.Id, c.UnitId }).FirstOrDefaultAsync(ct);
            if (found is null)
            {
                problems.Add(new Problem(prefix + "cadre", $"没有工号为 {cadreCode} 的干部", $"no cadre with staff number {cadreCode}") { Code = "unknown" });
            }
            (cadre, unit) = (found?.Id, found?.UnitId);
        }
        if (input.UnitCode?.Trim() is { Length: > 0 } unitCode)
        {
            unit = await db.Units.AsNoTracking().Where(u => u.Code == unitCode).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
            if (unit is null)
            {
                problems.Add(new Problem(prefix + "unit", $"没有编码为 {unitCode} 的单位", $"no unit with code {unitCode}") { Code = "unknown" });
            }
        }
        return problems.Count > before ? null : new Finding
        {
            Source = source,
            SourceId = sourceId,
            DivisionCode = where,
            Kind = kind!.Code,
            Severity = input.Severity ?? kind.Severity,
            CadreId = cadre,
            UnitId = unit,
            Text = text!,
            Evidence = evidence,
            On = on,
            RecordedBy = actor,
            RecordedAt = now,
        };
    }

    /// <summary>Marks a village for the drainer when the change is counted at it (a township's or unit's is not).</summary>
    internal static Task MarkAsync(LiaisonDb db, string? division, CancellationToken ct) =>
        division is { Length: 12 } village ? Field.FieldRollups.MarkAsync(db, [village], ct) : Task.CompletedTask;

    internal static Task AuditAsync(LiaisonDb db, TimeProvider clock, string actor, Finding f, CancellationToken ct) =>
        AuditLog.AppendAsync(db, clock, new Actor(actor), new AuditRecord("supervision.finding", "finding", f.Id.ToString(CultureInfo.InvariantCulture), f.DivisionCode, null,
            new { f.Source, f.SourceId, f.Kind, f.Severity, f.CadreId, f.UnitId, f.Text }), ct);

    /// <summary>
    /// A finding of the telephone verification: made for a village (or division) of a sample the actor
    /// holds, from what the calls found there — a flagged village, say.
    /// </summary>
    public static async Task<Finding> FromCallsAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, long sampleId, FindingInput input, CancellationToken ct)
    {
        using var outside = Unscoped.Section("the finding store: the actor's reach is decided on the sample's division");
        var sample = await db.CallSamples.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sampleId, ct);
        if (sample is null || !actor.Covers(sample.DivisionCode))
        {
            throw new RefusedException(SupervisionRefusals.NotFound("电话核实样本", "call sample", sampleId));
        }
        var where = input.DivisionCode?.Trim() ?? sample.DivisionCode;
        var problems = new List<Problem>();
        if (!Domain.Divisions.DivisionCode.IsInSubtree(where, sample.DivisionCode) || !await db.Divisions.AnyAsync(d => d.Code == where, ct))
        {
            problems.Add(SupervisionRefusals.OutOfReach("divisionCode", where));
        }
        var now = clock.GetUtcNow();
        var rules = (await Policy.PolicyStore.GetAsync(db, sample.To.Year, ct)).Policy.Supervision;
        var finding = await PrepareAsync(db, rules, actor.UserName, now, ChinaTime.DateOf(now), FindingSource.Calls, sampleId, where, input, problems, "", ct);
        RefusedException.ThrowIfAny(problems);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Findings.Add(finding!);
        await db.SaveChangesAsync(ct);
        await MarkAsync(db, where, ct);
        await AuditAsync(db, clock, actor.UserName, finding!, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return finding!;
    }
}
