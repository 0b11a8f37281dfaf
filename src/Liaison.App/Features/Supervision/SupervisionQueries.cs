using Liaison.App.Web;
using Liaison.Data.Access;
using Liaison.Data.Supervision;
using Liaison.Domain.Policy;
using Liaison.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Supervision;

public sealed record RoundRow(InspectionRound Round, int Villages, int Inspected);

public sealed record SampleRow(CallSample Sample, int Drawn, int Called, int Reached, int Confirmed);

public sealed record FindingRow(Finding Finding, string Where, string? Cadre, string? Unit);

/// <summary>A division's supervision in figures: what the page's cards and the report's section show.</summary>
public sealed record SupervisionFigures(int Rounds, int Planned, int Inspected, int Present, int PresenceChecked, int Calls, int Reached, int Confirmed,
    IReadOnlyList<(string Kind, int Count)> FindingsByKind, int NoticesIssued, int Criticisms, int Commendations, int OrdersOpen, int OrdersOverdue, int OrdersClosed, int OrdersOnTime);

/// <summary>
/// 督查 reads of a division for its supervisors: rounds, samples, findings, notices and orders issued
/// under it, all through the reader's scope (a round or sample is read only where the scope holds its
/// whole division, so those inspected never see one).
/// </summary>
public sealed class SupervisionQueries(Data.LiaisonDb db, Scoped scoped)
{
    public async Task<(List<RoundRow> Rows, Paging Paging)> RoundsAsync(string code, int? page, CancellationToken ct)
    {
        var (rounds, paging) = await Paging.PageAsync(scoped.Under(code).InspectionRounds.OrderByDescending(r => r.PlannedFor).ThenByDescending(r => r.Id), page, 20, "rpage", ct);
        var ids = rounds.Select(r => r.Id).ToList();
        var counts = await db.Inspections.AsNoTracking().Where(i => ids.Contains(i.RoundId)).GroupBy(i => i.RoundId)
            .Select(g => new { g.Key, All = g.Count(), Done = g.Count(i => i.InspectedOn != null) }).ToDictionaryAsync(g => g.Key, ct);
        return (rounds.Select(r => new RoundRow(r, counts.GetValueOrDefault(r.Id)?.All ?? 0, counts.GetValueOrDefault(r.Id)?.Done ?? 0)).ToList(), paging);
    }

    public async Task<(List<SampleRow> Rows, Paging Paging)> SamplesAsync(string code, int? page, CancellationToken ct)
    {
        var (samples, paging) = await Paging.PageAsync(scoped.Under(code).CallSamples.OrderByDescending(s => s.Id), page, 20, "spage", ct);
        var ids = samples.Select(s => s.Id).ToList();
        var counts = await db.SampleCalls.AsNoTracking().Where(c => ids.Contains(c.SampleId)).GroupBy(c => c.SampleId)
            .Select(g => new
            {
                g.Key,
                All = g.Count(),
                Called = g.Count(c => c.Outcome != CallOutcome.Pending),
                Reached = g.Count(c => c.Outcome == CallOutcome.Reached),
                Confirmed = g.Count(c => c.Outcome == CallOutcome.Reached && c.Visited == true),
            }).ToDictionaryAsync(g => g.Key, ct);
        return (samples.Select(s => counts.GetValueOrDefault(s.Id) is { } c ? new SampleRow(s, c.All, c.Called, c.Reached, c.Confirmed) : new SampleRow(s, 0, 0, 0, 0)).ToList(), paging);
    }

    /// <summary>The findings made under the division, newest first, a page of them with where and whom in words.</summary>
    public async Task<(List<FindingRow> Rows, Paging Paging)> FindingsAsync(string code, int? page, CancellationToken ct)
    {
        var (findings, paging) = await Paging.PageAsync(scoped.Under(code).Findings.OrderByDescending(f => f.RecordedAt).ThenByDescending(f => f.Id), page, 50, "fpage", ct);
        return (await NameAsync(findings, ct), paging);
    }

    /// <summary>Findings named in words: the place, the cadre, the unit.</summary>
    public async Task<List<FindingRow>> NameAsync(List<Finding> findings, CancellationToken ct)
    {
        var places = findings.Select(f => f.DivisionCode).Distinct().ToList();
        var names = await scoped.Names.Where(d => places.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        var cadreIds = findings.Where(f => f.CadreId != null).Select(f => f.CadreId!.Value).Distinct().ToList();
        var cadres = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => $"{c.Name}（{c.Code}）", ct);
        var unitIds = findings.Where(f => f.UnitId != null).Select(f => f.UnitId!.Value).Distinct().ToList();
        var units = await scoped.UnitNames.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return findings.Select(f => new FindingRow(f, names.GetValueOrDefault(f.DivisionCode, f.DivisionCode),
            f.CadreId is { } c ? cadres.GetValueOrDefault(c) : null, f.UnitId is { } u ? units.GetValueOrDefault(u) : null)).ToList();
    }

    public async Task<SupervisionFigures> FiguresAsync(string code, DateOnly today, CancellationToken ct)
    {
        var under = scoped.Under(code);
        var roundIds = under.InspectionRounds.Select(r => r.Id);
        var inspections = db.Inspections.AsNoTracking().Where(i => roundIds.Contains(i.RoundId));
        var sampleIds = under.CallSamples.Select(s => s.Id);
        var calls = db.SampleCalls.AsNoTracking().Where(c => sampleIds.Contains(c.SampleId));
        var kinds = await under.Findings.GroupBy(f => f.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var notices = await under.Notices.Where(n => n.Status == NoticeStatus.Issued).GroupBy(n => n.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var orders = await under.Orders.Select(o => new { o.Status, o.Due, o.ClosedOn }).ToListAsync(ct);
        return new SupervisionFigures(
            await roundIds.CountAsync(ct),
            await inspections.CountAsync(ct),
            await inspections.CountAsync(i => i.InspectedOn != null, ct),
            await inspections.CountAsync(i => i.Present == true, ct),
            await inspections.CountAsync(i => i.Present != null, ct),
            await calls.CountAsync(c => c.Outcome != CallOutcome.Pending, ct),
            await calls.CountAsync(c => c.Outcome == CallOutcome.Reached, ct),
            await calls.CountAsync(c => c.Outcome == CallOutcome.Reached && c.Visited == true, ct),
            kinds.OrderByDescending(k => k.Count).Select(k => (k.Key, k.Count)).ToList(),
            notices.Sum(n => n.Count),
            notices.Where(n => n.Key == NoticeKind.Criticism).Sum(n => n.Count),
            notices.Where(n => n.Key == NoticeKind.Commendation).Sum(n => n.Count),
            orders.Count(o => o.Status != OrderStatus.Accepted),
            orders.Count(o => o.Status != OrderStatus.Accepted && today > o.Due),
            orders.Count(o => o.Status == OrderStatus.Accepted),
            orders.Count(o => o.Status == OrderStatus.Accepted && o.ClosedOn <= o.Due));
    }

    /// <summary>A sample's results, when the scope holds its division.</summary>
    public Task<SampleResult?> ResultAsync(long id, SupervisionRules rules, CancellationToken ct) => SampleResults.ReadAsync(scoped, id, rules, ct);
}
