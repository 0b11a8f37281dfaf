using System.Globalization;
using System.Text.Json;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Liaisons;
using Liaison.Data.Policy;
using Liaison.Domain.Assessment;
using Liaison.Domain.Liaisons;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Liaison.Domain.Supervision;
using Liaison.Domain.Years;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Years;

/// <summary>What opening a year carried from the last: ties, First Secretaries, open cases and orders, and why others did not carry.</summary>
public sealed record YearOpening(int Year, bool PolicyCarried, int TiesCarried, int BackwardTiesLeft, int SecretariesCarried, int SecretariesTermEnded,
    int SecretariesRecalled, int OpenCases, int OpenOrders, PlanRun Plan);

/// <summary>
/// 年度关账与开年 (issue 23): <see cref="CloseAsync"/> closes a year after its assessment is published
/// — the year's records frozen (<see cref="YearLock"/>), the city's report archived —; <see
/// cref="OpenAsync"/> begins the next from it: the policy carried (to be reviewed), the ties that
/// continue, the First Secretaries whose term continues (not those graded last), open cases and
/// rectification orders carried on, and the plan made again so that the backward villages are ranked
/// afresh from the year's grading and every tie that changed says why.
/// </summary>
public static class YearStore
{
    private const string Reach = "the year's close and opening: the whole city's records, by an office that holds the city";

    public static async Task<ProgrammeYear> CloseAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, int year, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var city = (await CityStore.GetAsync(db, ct))?.Code;
        var problems = new List<Problem>();
        if (city is null || !actor.Covers(city))
        {
            problems.Add(new Problem("year", "关账须由全市的驻村办办理", "a year is closed by the city's office") { Code = "out-of-reach" });
        }
        if (year > today.Year || (year == today.Year && today.Month < 12))
        {
            problems.Add(new Problem("year", $"{year} 年度还没有结束", $"{year} has not ended") { Code = "range" });
        }
        var record = await db.ProgrammeYears.FirstOrDefaultAsync(y => y.Year == year, ct);
        if (record?.ClosedAt is not null)
        {
            problems.Add(new Problem("year", $"{year} 年度已关账", $"{year} is closed already") { Code = "closed" });
        }
        var policy = (await PolicyStore.GetAsync(db, year, ct)).Policy;
        var published = await db.AssessmentRuns.AsNoTracking().Where(r => r.Year == year && r.Status == RunStatus.Published).Select(r => r.Group).Distinct().ToListAsync(ct);
        var missing = policy.Assessment.Schemes.Select(s => s.Group).Except(published).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new Problem("assessment", $"{year} 年度考核尚未公布：{string.Join("、", missing.Select(g => AssessmentGroups.Name(g).Zh))}",
                $"the {year} assessment is not published for: {string.Join(", ", missing.Select(g => AssessmentGroups.Name(g).En))}")
            { Code = "assessment" });
        }
        RefusedException.ThrowIfAny(problems);

        // The archive is the year as it stands: every village marked for recounting (the publication marks them all) is recounted first.
        await Field.FieldRollups.DrainAllAsync(db, ct);
        var figures = await Reporting.CampaignReports.FiguresAsync(Scoped.Public(db), city!, Domain.Reporting.ReportPeriod.WholeYear(year), ct);
        record ??= db.ProgrammeYears.Add(new ProgrammeYear { Year = year }).Entity;
        record.ClosedAt = now;
        record.ClosedBy = actor.UserName;
        record.ReportJson = JsonSerializer.Serialize(figures.Values);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord("year.close", "programme-year", year.ToString(CultureInfo.InvariantCulture), city, null,
            new { year, Indicators = figures.Values.Count }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return record;
    }

    /// <summary>
    /// 记录更正: a closed year reopened by the city's office with a written reason, so that a record
    /// found wrong may be amended through the ordinary forms (each change audited by its own store);
    /// closing it again archives the report anew. The report archived at the close before goes into the
    /// audit record of the reopening, so no archive is lost.
    /// </summary>
    public static async Task<ProgrammeYear> ReopenAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, int year, string? reason, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var city = (await CityStore.GetAsync(db, ct))?.Code;
        var problems = new List<Problem>();
        if (city is null || !actor.Covers(city))
        {
            problems.Add(new Problem("year", "重新打开年度须由全市的驻村办办理", "a year is reopened by the city's office") { Code = "out-of-reach" });
        }
        var record = await db.ProgrammeYears.FirstOrDefaultAsync(y => y.Year == year, ct);
        if (record?.ClosedAt is null)
        {
            problems.Add(new Problem("year", $"{year} 年度没有关账", $"{year} is not closed") { Code = "not-closed" });
        }
        var why = RefusedException.Text(problems, "reason", reason, ProgrammeYear.MaxReason, required: true);
        RefusedException.ThrowIfAny(problems);
        var before = new { record!.ClosedAt, record.ClosedBy, Report = record.ReportJson is { } json ? JsonSerializer.Deserialize<JsonElement>(json) : default(JsonElement?) };
        record.ClosedAt = null;
        record.ClosedBy = null;
        record.ReopenedAt = clock.GetUtcNow();
        record.ReopenedBy = actor.UserName;
        record.ReopenReason = why;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord("year.reopen", "programme-year", year.ToString(CultureInfo.InvariantCulture), city, before,
            new { year, reason = why }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return record;
    }

    public static async Task<YearOpening> OpenAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, int year, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var last = year - 1;
        var city = (await CityStore.GetAsync(db, ct))?.Code;
        var problems = new List<Problem>();
        if (city is null || !actor.Covers(city))
        {
            problems.Add(new Problem("year", "开年须由全市的驻村办办理", "a year is opened by the city's office") { Code = "out-of-reach" });
        }
        if (await db.ProgrammeYears.AsNoTracking().FirstOrDefaultAsync(y => y.Year == last, ct) is not { ClosedAt: not null })
        {
            problems.Add(new Problem("year", $"请先关闭 {last} 年度（liaison year close {last}）", $"close {last} first (liaison year close {last})") { Code = "not-closed" });
        }
        if (await db.ProgrammeYears.AsNoTracking().AnyAsync(y => y.Year == year && y.OpenedAt != null, ct))
        {
            problems.Add(new Problem("year", $"{year} 年度已开年", $"{year} is open already") { Code = "opened" });
        }
        if (year > today.Year + 1)
        {
            problems.Add(new Problem("year", $"{year} 年度还太早", $"{year} is too far ahead") { Code = "range" });
        }
        RefusedException.ThrowIfAny(problems);
        var startsOn = LiaisonTie.StartsOn(year, today);

        // The policy carries over when the new year has none of its own: the office reviews it.
        var policyCarried = !await db.PolicyVersions.AnyAsync(p => p.Year == year, ct);
        if (policyCarried)
        {
            var old = (await PolicyStore.GetAsync(db, last, ct)).Policy;
            await PolicyStore.SetAsync(db, clock, new Actor(actor.UserName), PolicyDocument.ToJson(old with { Year = year }), ct);
        }
        var policy = (await PolicyStore.GetAsync(db, year, ct)).Policy;

        // Ties that continue: every current tie of the year before but the backward villages', which are ranked again.
        var ties = await db.LiaisonTies.AsNoTracking().Where(t => t.Year == last && t.Until == null).ToListAsync(ct);
        // A cadre (or a pairing's unit) the new year already ties in that way keeps the new year's tie: a plan made before the opening stands.
        var existing = (await db.LiaisonTies.AsNoTracking().Where(t => t.Year == year && t.Until == null).Select(t => new { t.Kind, t.CadreId, t.UnitId }).ToListAsync(ct))
            .Select(t => (t.Kind, t.CadreId, t.UnitId)).ToHashSet();
        var carried = ties.Where(t => t.Kind != TieKind.BackwardVillage && !existing.Contains((t.Kind, t.CadreId, t.UnitId)))
            .Select(t => new LiaisonTie
            {
                Year = year,
                Kind = t.Kind,
                CadreId = t.CadreId,
                UnitId = t.UnitId,
                DivisionCode = t.DivisionCode,
                Since = startsOn,
                Origin = t.Origin,
                Locked = t.Locked,
                Reason = $"延续 {last} 年度联系",
                ReasonEn = $"carried from {last}",
                ChangedAt = now,
                ChangedBy = actor.UserName,
            }).ToList();

        // First Secretaries whose term continues, unless graded in the last band.
        var postings = await db.SecretaryPostings.AsNoTracking().Where(p => p.Year == last && p.Until == null).ToListAsync(ct);
        var fsRun = await db.AssessmentRuns.AsNoTracking().Where(r => r.Year == last && r.Group == AssessmentGroups.FirstSecretaries && r.Status == RunStatus.Published)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        var lastBand = policy.Assessment.For(AssessmentGroups.FirstSecretaries)?.Bands[^1].Code;
        var recalled = fsRun is null || !policy.FirstSecretaries.RecallLastGrade ? []
            : (await db.AssessmentResults.AsNoTracking().Where(r => r.RunId == fsRun.Id && r.Grade == lastBand).Select(r => r.CadreId).ToListAsync(ct)).ToHashSet();
        var posted = (await db.SecretaryPostings.AsNoTracking().Where(p => p.Year == year && p.Until == null).Select(p => p.CadreId).ToListAsync(ct)).ToHashSet();
        int TermStart(Domain.Secretaries.SecretaryPosting p) => (p.AppointedOn ?? p.Since).Year;
        var continuing = postings.Where(p => year - TermStart(p) < policy.FirstSecretaries.TermYears && !recalled.Contains(p.CadreId) && !posted.Contains(p.CadreId)).ToList();
        var termEnded = postings.Count(p => year - TermStart(p) >= policy.FirstSecretaries.TermYears);
        var recalledCount = postings.Count(p => year - TermStart(p) < policy.FirstSecretaries.TermYears && recalled.Contains(p.CadreId));

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.LiaisonTies.AddRange(carried);
            db.SecretaryPostings.AddRange(continuing.Select(p => new Domain.Secretaries.SecretaryPosting
            {
                Year = year,
                CadreId = p.CadreId,
                CallId = p.CallId,
                VillageCode = p.VillageCode,
                Since = startsOn,
                Manual = p.Manual,
                AppointedOn = p.AppointedOn ?? p.Since,
                MembershipMoved = p.MembershipMoved,
                DecoupledFromUnit = p.DecoupledFromUnit,
                HeadsWorkGroup = p.HeadsWorkGroup,
                CostCategory = p.CostCategory,
                CostNeed = p.CostNeed,
                CostDistance = p.CostDistance,
                CostSpread = p.CostSpread,
                Reason = $"任期延续（{TermStart(p)} 年起，任期 {policy.FirstSecretaries.TermYears} 年）",
                ChangedAt = now,
                ChangedBy = actor.UserName,
            }));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();

        // The plan made again: it keeps the carried ties that still hold, ends the others with the reason, ranks the backward villages afresh.
        var plan = await LiaisonStore.PlanAsync(db, clock, new Actor(actor.UserName), year, today, startsOn, ct);
        var openCases = await db.Cases.CountAsync(c => c.ClosedAt == null && c.MergedIntoId == null, ct);
        var openOrders = await db.RectificationOrders.CountAsync(o => o.Status != OrderStatus.Accepted, ct);
        var opening = new YearOpening(year, policyCarried, carried.Count, ties.Count(t => t.Kind == TieKind.BackwardVillage), continuing.Count, termEnded, recalledCount, openCases, openOrders, plan);

        var record = await db.ProgrammeYears.FirstOrDefaultAsync(y => y.Year == year, ct) ?? db.ProgrammeYears.Add(new ProgrammeYear { Year = year }).Entity;
        record.OpenedAt = now;
        record.OpenedBy = actor.UserName;
        record.CarriedJson = JsonSerializer.Serialize(new
        {
            opening.PolicyCarried,
            opening.TiesCarried,
            opening.BackwardTiesLeft,
            opening.SecretariesCarried,
            opening.SecretariesTermEnded,
            opening.SecretariesRecalled,
            opening.OpenCases,
            opening.OpenOrders,
            PlanAdded = plan.Outcome.Added.Count,
            PlanEnded = plan.Outcome.Ended.Count,
        });
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord("year.open", "programme-year", year.ToString(CultureInfo.InvariantCulture), city, null,
                JsonSerializer.Deserialize<JsonElement>(record.CarriedJson)), ct);
            await tx.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();
        return opening;
    }
}
