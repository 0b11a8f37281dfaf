using System.Globalization;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Liaisons;
using Liaison.Data.Policy;
using Liaison.Domain.Divisions;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Policy;
using Liaison.Domain.Secretaries;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Secretaries;

/// <summary>What a match run did.</summary>
public sealed record MatchRun(int Year, MatchResult Result, int Kept, int Added, int Ended, MatchCosts Model, double Seconds);

/// <summary>The First Secretary cycle in the database: calls, selection, the match and its postings.</summary>
public static class SecretaryStore
{
    /// <summary>Why this store reads outside a scope: see <see cref="Unscoped"/>.</summary>
    private const string Reach = "the First Secretary cycle: city-wide steps (the city office), or a call or posting the caller found in reach";

    /// <summary>Opens the year's calls sized by the policy, unless they are open already; returns them.</summary>
    public static async Task<List<SecretaryCall>> OpenCallsAsync(LiaisonDb db, TimeProvider clock, Actor actor, int year, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var existing = await db.SecretaryCalls.Where(c => c.Year == year).OrderBy(c => c.Level).ThenBy(c => c.DivisionCode).ToListAsync(ct);
        if (existing.Count > 0)
        {
            return existing;
        }
        var (world, policy) = await LiaisonStore.LoadAsync(db, year, ct);
        var rules = policy.Policy.FirstSecretaries;
        var city = world.Places.Values.Where(p => p.Level == DivisionLevel.City).Select(p => p.Code).Order(StringComparer.Ordinal).FirstOrDefault()
            ?? throw new RefusedException(new Problem("divisions", "行政区划中没有市：请先导入行政区划", "no city in the divisions: import divisions first"));
        var sizes = Calls.Size(rules, city, world.Counties, world.Townships, Needy(world, rules));
        var now = clock.GetUtcNow();
        var calls = sizes.Select(s => new SecretaryCall { Year = year, Level = s.Level, DivisionCode = s.DivisionCode, Quota = s.Quota, OpenedAt = now }).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.SecretaryCalls.AddRange(calls);
        await db.SaveChangesAsync(ct);
        await Reporting.RollupStore.RefreshAsync(db, Reporting.RollupFamily.Secretaries, ct);
        await AuditLog.AppendAsync(db, clock, actor, new AuditRecord("secretaries.calls", "secretary-call", year.ToString(CultureInfo.InvariantCulture), null, null,
            new { calls = calls.Count, quota = calls.Sum(c => c.Quota), byLevel = calls.GroupBy(c => c.Level.ToString()).ToDictionary(g => g.Key, g => g.Sum(c => c.Quota)) }), ct);
        await tx.CommitAsync(ct);
        return calls;
    }

    /// <summary>Why the year has no calls (none were opened because no village needs one, or the policy gives none), in words.</summary>
    public static async Task<Term> WhyNoCallsAsync(LiaisonDb db, int year, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var (world, policy) = await LiaisonStore.LoadAsync(db, year, ct);
        return Calls.WhyNone(policy.Policy.FirstSecretaries, world.Places.Values);
    }

    private static List<Place> Needy(LiaisonWorld world, FirstSecretaryRules rules) =>
        world.Places.Values.Where(rules.Needs).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();

    /// <summary>
    /// 公开报名: a cadre of the call's sending level and division registers (once a year), with the
    /// home village or township to avoid. Returns the refusal, or null when registered. Audited.
    /// </summary>
    public static async Task<Problem?> RegisterAsync(LiaisonDb db, TimeProvider clock, Actor actor, int callId, string cadreCode, string? homeDivision, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var call = await db.SecretaryCalls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct);
        var cadre = await (from c in db.Cadres.AsNoTracking()
                           join u in db.Units.AsNoTracking() on c.UnitId equals u.Id
                           where c.Code == cadreCode.Trim()
                           select new { c.Id, c.Name, c.Status, u.Level, u.DivisionCode }).FirstOrDefaultAsync(ct);
        if (call is null || cadre is null)
        {
            return new Problem("cadre", $"没有编号为 {cadreCode} 的干部", $"no cadre with staff number {cadreCode}");
        }
        if (cadre.Status != CadreStatus.Active)
        {
            var status = RegistryWords.CadreStatuses[cadre.Status];
            return new Problem("cadre", $"{cadre.Name} {status.Zh}，不能报名", $"{cadre.Name} is {status.En} and cannot register") { Code = "not-active" };
        }
        if ((int)cadre.Level != (int)call.Level || cadre.DivisionCode != call.DivisionCode)
        {
            return new Problem("cadre", $"{cadre.Name} 不是本次选派单位（{call.DivisionCode}）的干部", $"{cadre.Name} does not serve in a unit of this call ({call.DivisionCode})");
        }
        if (homeDivision is { Length: > 0 } home && !await db.Divisions.AnyAsync(d => d.Code == home, ct))
        {
            return new Problem("home", $"家乡行政区划 {home} 不存在", $"home division {home} does not exist");
        }
        var year = call.Year;
        if (await db.SecretaryCandidates.AnyAsync(c => c.CadreId == cadre.Id && db.SecretaryCalls.Any(k => k.Id == c.CallId && k.Year == year), ct))
        {
            return new Problem("cadre", $"{cadre.Name} 本年度已报名", $"{cadre.Name} has registered this year already");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var candidate = new SecretaryCandidate { CallId = callId, CadreId = cadre.Id, HomeDivisionCode = string.IsNullOrWhiteSpace(homeDivision) ? null : homeDivision.Trim() };
        db.SecretaryCandidates.Add(candidate);
        await db.SaveChangesAsync(ct);
        await AuditLog.AppendAsync(db, clock, actor, new AuditRecord("secretaries.register", "secretary-candidate", candidate.Id.ToString(CultureInfo.InvariantCulture), call.DivisionCode, null,
            new { call = callId, cadre = cadreCode, home = candidate.HomeDivisionCode }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return null;
    }

    /// <summary>The unit panel's scores on the four criteria, 0–100 each. Returns the refusal, or null. Audited with the scores before.</summary>
    public static async Task<Problem?> ScoreAsync(LiaisonDb db, TimeProvider clock, Actor actor, int candidateId, int political, int innovation, int massWork, int coordination, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        if (new[] { political, innovation, massWork, coordination }.Any(x => x is < 0 or > 100))
        {
            return new Problem("scores", "每项评分须在 0–100 之间", "each score lies between 0 and 100");
        }
        var candidate = await db.SecretaryCandidates.FirstOrDefaultAsync(c => c.Id == candidateId, ct);
        if (candidate is null)
        {
            return new Problem("candidate", "没有这名人选", "no such candidate");
        }
        var before = new { candidate.PoliticalQuality, candidate.Innovation, candidate.MassWork, candidate.Coordination };
        (candidate.PoliticalQuality, candidate.Innovation, candidate.MassWork, candidate.Coordination) = (political, innovation, massWork, coordination);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await AuditLog.AppendAsync(db, clock, actor, new AuditRecord("secretaries.score", "secretary-candidate", candidateId.ToString(CultureInfo.InvariantCulture), null, before,
            new { political, innovation, massWork, coordination }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return null;
    }

    /// <summary>
    /// A hand change of a posting, with a reason: moved to another village, recalled (召回), or
    /// recalled and replaced by another selected cadre (替换) named by staff number. A new posting is
    /// checked at once against the hard rules (the call's jurisdiction, home avoidance, a village that
    /// needs one and has no other First Secretary, a cadre with no other posting) and is hand-made, so
    /// the match keeps it. The old posting ends. <paramref name="inScope"/> says whether the actor may
    /// act for a division (the replacement's call). Returns the refusal, or null. Audited.
    /// </summary>
    public static async Task<Problem?> ChangePostingAsync(LiaisonDb db, TimeProvider clock, Actor actor, long postingId, PostingChange change, DateOnly today,
        Func<string, bool> inScope, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var reason = change.Reason.Trim();
        if (reason.Length == 0 || reason.Length > 500)
        {
            return new Problem("reason", "请填写理由（不超过 500 字）", "give a reason (at most 500 characters)");
        }
        var posting = await db.SecretaryPostings.FirstOrDefaultAsync(p => p.Id == postingId && p.Until == null, ct);
        if (posting is null)
        {
            return new Problem("posting", "该任职不存在或已结束", "the posting does not exist or has ended");
        }
        SecretaryPosting? next = null;
        if (change.Village is { } village)
        {
            (next, var refusal) = await NewPostingAsync(db, posting.Year, posting.CadreId, posting.CallId, village, posting.Id, ct);
            if (refusal is not null)
            {
                return refusal;
            }
        }
        else if (change.Replacement is { } code)
        {
            var replacement = await (from k in db.SecretaryCandidates.AsNoTracking()
                                     join c in db.SecretaryCalls.AsNoTracking() on k.CallId equals c.Id
                                     join cadre in db.Cadres.AsNoTracking() on k.CadreId equals cadre.Id
                                     where cadre.Code == code.Trim() && c.Year == posting.Year
                                     select new { k.CadreId, k.CallId, k.Status, c.DivisionCode, cadre.Name }).FirstOrDefaultAsync(ct);
            if (replacement is null || replacement.Status != CandidateStatus.Selected)
            {
                return new Problem("replacement", $"{code} 不是本年度已选中的第一书记人选", $"{code} is not a selected First Secretary candidate of this year");
            }
            if (!inScope(replacement.DivisionCode))
            {
                return new Problem("replacement", $"{replacement.Name} 的选派单位不在你的管辖范围内", $"{replacement.Name}'s call lies outside your jurisdiction");
            }
            (next, var refusal) = await NewPostingAsync(db, posting.Year, replacement.CadreId, replacement.CallId, posting.VillageCode, posting.Id, ct);
            if (refusal is not null)
            {
                return refusal;
            }
        }
        if (next is not null)
        {
            next.Since = today;
            next.Reason = reason;
            next.ChangedAt = clock.GetUtcNow();
            next.ChangedBy = actor.Name;
        }
        var before = new { posting.Id, posting.CadreId, posting.VillageCode, posting.Since };
        var kind = change.Village is not null ? "move" : change.Replacement is not null ? "replace" : "recall";
        posting.Until = today;
        posting.EndReason = kind switch { "move" => "调整：", "replace" => "召回并替换：", _ => "召回：" } + reason;
        posting.ChangedAt = clock.GetUtcNow();
        posting.ChangedBy = actor.Name;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (next is not null)
        {
            db.SecretaryPostings.Add(next);
        }
        await db.SaveChangesAsync(ct);
        await Reporting.RollupStore.RefreshAsync(db, Reporting.RollupFamily.Secretaries, ct);
        await Field.FieldRollups.MarkAsync(db, new[] { posting.VillageCode, next?.VillageCode }.OfType<string>(), ct);
        await AuditLog.AppendAsync(db, clock, actor, new AuditRecord("secretaries." + kind, "secretary-posting",
            posting.Id.ToString(CultureInfo.InvariantCulture), posting.VillageCode, before, new { cadre = next?.CadreId, village = next?.VillageCode, posting = next?.Id, reason }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return null;
    }

    /// <summary>
    /// A hand-made posting of a cadre (of a call) to a village, checked against the hard rules; the
    /// posting <paramref name="replacing"/> is about to end, so its cadre and village count as free.
    /// </summary>
    private static async Task<(SecretaryPosting? Posting, Problem? Refusal)> NewPostingAsync(LiaisonDb db, int year, int cadreId, int callId, string villageCode,
        long replacing, CancellationToken ct)
    {
        var (world, policy) = await LiaisonStore.LoadAsync(db, year, ct);
        var call = await db.SecretaryCalls.AsNoTracking().FirstAsync(c => c.Id == callId, ct);
        var home = await db.SecretaryCandidates.AsNoTracking().Where(c => c.CallId == callId && c.CadreId == cadreId).Select(c => c.HomeDivisionCode).FirstOrDefaultAsync(ct);
        var open = db.SecretaryPostings.Where(p => p.Year == year && p.Until == null && p.Id != replacing);
        var facts = new HandPostingFacts(villageCode, world.Places.GetValueOrDefault(villageCode),
            await open.AnyAsync(p => p.VillageCode == villageCode, ct), await open.AnyAsync(p => p.CadreId == cadreId, ct));
        var cadre = world.CadresById[cadreId];
        var candidate = new MatchCandidate(cadre.Id, cadre.Code, cadre.Name, world.UnitOf(cadre)!, call.Level, call.DivisionCode, home);
        var model = Model(world, policy.Policy.FirstSecretaries);
        if (HandPosting.Check(policy.Policy.FirstSecretaries, model, candidate, facts) is { } refusal)
        {
            return (null, refusal);
        }
        var terms = model.Terms(candidate, facts.Village!);
        return (new SecretaryPosting
        {
            Year = year,
            CadreId = cadreId,
            CallId = callId,
            VillageCode = villageCode,
            Manual = true,
            CostCategory = terms.Category,
            CostNeed = terms.Need,
            CostDistance = terms.Distance,
            CostSpread = terms.Spread,
            Reason = "",
            ChangedAt = default,
            ChangedBy = "",
        }, null);
    }

    /// <summary>任职: the day the secretary took up the post, membership moved, released from the unit, heading the work group. Returns the refusal, or null. Audited.</summary>
    public static async Task<Problem?> AppointAsync(LiaisonDb db, TimeProvider clock, Actor actor, long postingId, DateOnly appointedOn, bool membershipMoved, bool decoupled, bool headsWorkGroup, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var posting = await db.SecretaryPostings.FirstOrDefaultAsync(p => p.Id == postingId && p.Until == null, ct);
        if (posting is null)
        {
            return new Problem("posting", "该任职不存在或已结束", "the posting does not exist or has ended");
        }
        if (appointedOn.Year < posting.Year - 1 || appointedOn.Year > posting.Year + 1)
        {
            return new Problem("appointedOn", $"任职日期须在 {posting.Year} 年度前后", $"the appointment date must lie near the year {posting.Year}");
        }
        var before = new { posting.AppointedOn, posting.MembershipMoved, posting.DecoupledFromUnit, posting.HeadsWorkGroup };
        (posting.AppointedOn, posting.MembershipMoved, posting.DecoupledFromUnit, posting.HeadsWorkGroup) = (appointedOn, membershipMoved, decoupled, headsWorkGroup);
        posting.ChangedAt = clock.GetUtcNow();
        posting.ChangedBy = actor.Name;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await AuditLog.AppendAsync(db, clock, actor, new AuditRecord("secretaries.appoint", "secretary-posting", postingId.ToString(CultureInfo.InvariantCulture), posting.VillageCode, before,
            new { appointedOn, membershipMoved, decoupled, headsWorkGroup }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return null;
    }

    /// <summary>Records the sending unit's support to the village of a posting. Returns the refusal, or null. Audited.</summary>
    public static async Task<Problem?> AddSupportAsync(LiaisonDb db, TimeProvider clock, Actor actor, long postingId, SupportKind kind, decimal amount, string description, DateOnly on, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        if (!Enum.IsDefined(kind) || amount <= 0 || amount > 1_000_000_000 || string.IsNullOrWhiteSpace(description) || description.Length > 500)
        {
            return new Problem("support", "须填写类别、大于零的数量和说明（不超过 500 字）", "a kind, an amount above zero and a description (at most 500 characters) are needed");
        }
        var posting = await db.SecretaryPostings.AsNoTracking().FirstOrDefaultAsync(p => p.Id == postingId, ct);
        if (posting is null)
        {
            return new Problem("posting", "没有这项任职", "no such posting");
        }
        var support = new SecretarySupport { PostingId = postingId, Kind = kind, Amount = amount, Description = description.Trim(), On = on, RecordedAt = clock.GetUtcNow(), RecordedBy = actor.Name };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.SecretarySupports.Add(support);
        await db.SaveChangesAsync(ct);
        await Reporting.RollupStore.RefreshAsync(db, Reporting.RollupFamily.Secretaries, ct);
        await AuditLog.AppendAsync(db, clock, actor, new AuditRecord("secretaries.support", "secretary-support", support.Id.ToString(CultureInfo.InvariantCulture), posting.VillageCode, null,
            new { posting = postingId, kind = kind.ToString(), amount, description = support.Description, on }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return null;
    }

    /// <summary>Fills every call's quota on merit; each candidate's outcome and reason are stored. Audited.</summary>
    public static async Task<(int Selected, int NotSelected)> SelectAsync(LiaisonDb db, TimeProvider clock, Actor actor, int year, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var policy = (await PolicyStore.GetAsync(db, year, ct)).Policy;
        var calls = await db.SecretaryCalls.Where(c => c.Year == year).ToListAsync(ct);
        var callIds = calls.Select(c => c.Id).ToList();
        var candidates = await db.SecretaryCandidates.Where(c => callIds.Contains(c.CallId)).ToListAsync(ct);
        var cadreIds = candidates.Select(c => c.CadreId).Distinct().ToList();
        // A cadre who retired, left, died or was suspended since registering is not selected: the candidate stays, with the reason.
        var inactive = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id) && c.Status != CadreStatus.Active).ToDictionaryAsync(c => c.Id, c => c.Status, ct);
        foreach (var gone in candidates.Where(c => inactive.ContainsKey(c.CadreId)))
        {
            gone.Status = CandidateStatus.NotSelected;
            gone.StatusReason = $"{RegistryWords.CadreStatuses[inactive[gone.CadreId]].Zh}，不参加选拔";
        }
        candidates = candidates.Where(c => !inactive.ContainsKey(c.CadreId)).ToList();
        var cadres = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id))
            .Select(c => new RosterCadre(c.Id, c.Code, c.Name, c.UnitId, c.Rank, c.IsPolice, c.IsReserve, c.IsNewlyPromoted, c.BirthYear)).ToDictionaryAsync(c => c.Id, ct);
        var servedLastYear = await ServedInAsync(db, year - 1, cadreIds, ct);
        // The villages in need, for the avoidance rule: a candidate whose home township holds all of a call's is not selected.
        var world = await LiaisonStore.LoadWorldAsync(db, policy, withTies: false, ct);
        var needy = Needy(world, policy.FirstSecretaries).Select(v => v.Code).ToList();
        var outcomes = calls.SelectMany(call => Selection.Select(call,
            candidates.Where(c => c.CallId == call.Id).Select(c => new Applicant(c, cadres[c.CadreId], servedLastYear.Contains(c.CadreId))), policy.FirstSecretaries,
            needy.Where(v => DivisionCode.IsInSubtree(v, call.DivisionCode)).ToList())).ToList();
        foreach (var o in outcomes)
        {
            o.Candidate.Status = o.Selected ? CandidateStatus.Selected : CandidateStatus.NotSelected;
            o.Candidate.StatusReason = o.ReasonZh;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var selected = outcomes.Count(o => o.Selected);
        await AuditLog.AppendAsync(db, clock, actor, new AuditRecord("secretaries.select", "secretary-candidate", year.ToString(CultureInfo.InvariantCulture), null, null,
            new { selected, notSelected = outcomes.Count - selected }), ct);
        await tx.CommitAsync(ct);
        return (selected, outcomes.Count - selected);
    }

    /// <summary>Which of these cadres held a First Secretary posting in the year.</summary>
    public static async Task<HashSet<int>> ServedInAsync(LiaisonDb db, int year, IReadOnlyCollection<int> cadreIds, CancellationToken ct)
    {
        // The candidates' postings anywhere: eligibility looks at the person, not at a place.
        using var outside = Unscoped.Section(Reach);
        return (await db.SecretaryPostings.AsNoTracking().Where(p => p.Year == year && cadreIds.Contains(p.CadreId)).Select(p => p.CadreId).Distinct().ToListAsync(ct)).ToHashSet();
    }

    /// <summary>
    /// The match of the year's selected cadres to the villages that need one. Postings made by hand
    /// stay (their cadre and village are out of the match); match postings that still hold stay;
    /// the rest end and the new ones start. Audited.
    /// </summary>
    public static Task<MatchRun> MatchAsync(LiaisonDb db, TimeProvider clock, Actor actor, int year, DateOnly today, CancellationToken ct) =>
        MatchAsync(db, clock, actor, year, today, LiaisonTie.StartsOn(year, today), ct);

    /// <summary>The same, with the new postings starting on <paramref name="startsOn"/> (as <see cref="LiaisonStore.PlanAsync(LiaisonDb, TimeProvider, Actor, int, DateOnly, DateOnly, CancellationToken)"/>).</summary>
    public static async Task<MatchRun> MatchAsync(LiaisonDb db, TimeProvider clock, Actor actor, int year, DateOnly today, DateOnly startsOn, CancellationToken ct)
    {
        if (LiaisonTie.StartProblem(year, startsOn) is { } notInYear)
        {
            throw new RefusedException(notInYear);
        }
        using var outside = Unscoped.Section(Reach);
        var started = clock.GetTimestamp();
        var input = await PrepareAsync(db, year, ct);
        var (selected, current, model) = (input.Selected, input.Current, input.Model);
        var result = Matcher.Match(model, input.Candidates, input.Villages);

        var callOf = selected.ToDictionary(c => c.CadreId, c => c.CallId);
        var now = clock.GetUtcNow();
        var wanted = result.Pairs.ToDictionary(p => (p.Candidate.CadreId, p.Village.Code));
        var keep = current.Where(p => !p.Manual && wanted.ContainsKey((p.CadreId, p.VillageCode))).ToList();
        var end = current.Where(p => !p.Manual && !wanted.ContainsKey((p.CadreId, p.VillageCode))).ToList();
        var keptKeys = keep.Select(p => (p.CadreId, p.VillageCode)).ToHashSet();
        var added = result.Pairs.Where(p => !keptKeys.Contains((p.Candidate.CadreId, p.Village.Code))).Select(p => new SecretaryPosting
        {
            Year = year,
            CadreId = p.Candidate.CadreId,
            CallId = callOf[p.Candidate.CadreId],
            VillageCode = p.Village.Code,
            Since = startsOn,
            CostCategory = p.Terms.Category,
            CostNeed = p.Terms.Need,
            CostDistance = p.Terms.Distance,
            CostSpread = p.Terms.Spread,
            Reason = Explain(p),
            ChangedAt = now,
            ChangedBy = actor.Name,
        }).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var p in end)
        {
            p.Until = today;
            p.EndReason = "重新匹配：不在新的最优方案中";
            p.ChangedAt = now;
            p.ChangedBy = actor.Name;
        }
        db.SecretaryPostings.AddRange(added);
        await db.SaveChangesAsync(ct);
        await Reporting.RollupStore.RefreshAsync(db, Reporting.RollupFamily.Secretaries | Reporting.RollupFamily.Field, ct);
        await AuditLog.AppendAsync(db, clock, actor, new AuditRecord("plan.first-secretaries", "secretary-posting", year.ToString(CultureInfo.InvariantCulture), null, null,
            new { added = added.Count, kept = keep.Count, ended = end.Select(p => p.Id), unplaced = result.Unplaced.Select(u => u.Candidate.CadreCode), totalCost = result.TotalCost }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new MatchRun(year, result, keep.Count, added.Count, end.Count, model, clock.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>What the match of a year works on: the selected cadres not posted by hand, the villages that need one and are not taken by hand, the cost model.</summary>
    public sealed record MatchInput(List<SecretaryCandidate> Selected, List<SecretaryPosting> Current, MatchCosts Model, List<MatchCandidate> Candidates, List<Place> Villages);

    public static async Task<MatchInput> PrepareAsync(LiaisonDb db, int year, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var (world, policy) = await LiaisonStore.LoadAsync(db, year, ct);
        var rules = policy.Policy.FirstSecretaries;
        var calls = await db.SecretaryCalls.AsNoTracking().Where(c => c.Year == year).ToDictionaryAsync(c => c.Id, ct);
        var callIds = calls.Keys.ToList();
        var selected = (await db.SecretaryCandidates.AsNoTracking().Where(c => callIds.Contains(c.CallId) && c.Status == CandidateStatus.Selected).OrderBy(c => c.Id).ToListAsync(ct))
            .DistinctBy(c => c.CadreId).ToList(); // one posting a year, whatever calls a cadre was selected in
        var current = await db.SecretaryPostings.Where(p => p.Year == year && p.Until == null).ToListAsync(ct);
        var manual = current.Where(p => p.Manual).ToList();
        var takenCadres = manual.Select(p => p.CadreId).ToHashSet();
        var takenVillages = manual.Select(p => p.VillageCode).ToHashSet(StringComparer.Ordinal);
        var candidates = selected.Where(c => !takenCadres.Contains(c.CadreId) && world.CadresById.ContainsKey(c.CadreId))
            .OrderBy(c => world.CadresById[c.CadreId].Code, StringComparer.Ordinal)
            .Select(c =>
            {
                var cadre = world.CadresById[c.CadreId];
                var call = calls[c.CallId];
                return new MatchCandidate(cadre.Id, cadre.Code, cadre.Name, world.UnitOf(cadre)!, call.Level, call.DivisionCode, c.HomeDivisionCode);
            }).ToList();
        var villages = Needy(world, rules).Where(v => !takenVillages.Contains(v.Code)).ToList();
        return new MatchInput(selected, current, Model(world, rules), candidates, villages);
    }

    /// <summary>"Why not this village?" for a cadre of the year's match: the rule against it, or its cost terms and what it would add to the optimum.</summary>
    public static async Task<(WhyNot Answer, MatchedPair? Posting)> WhyNotAsync(LiaisonDb db, int year, string cadreCode, string villageCode, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var input = await PrepareAsync(db, year, ct);
        var row = input.Candidates.FindIndex(c => c.CadreCode == cadreCode);
        var column = input.Villages.FindIndex(v => v.Code == villageCode);
        if (row < 0)
        {
            throw new RefusedException(new Problem("cadre", $"{cadreCode} 不是 {year} 年度参加匹配的第一书记（未选中，或已手工安排）", $"{cadreCode} is not a selected First Secretary of {year} in the match (not selected, or posted by hand)"));
        }
        if (column < 0)
        {
            // Not among the match's villages: a rule may still be the first answer.
            var place = await db.Divisions.AsNoTracking().Where(d => d.Code == villageCode)
                .Select(d => new Place(d.Code, d.Name, d.Level, d.VillageKind, d.VillageType, d.PartyOrgGrade, d.Latitude, d.Longitude)).FirstOrDefaultAsync(ct);
            if (place is not null && input.Model.Check(input.Candidates[row], place) is var rule and not Forbidden.None)
            {
                return (new WhyNot(rule, null, null, null), null);
            }
            throw new RefusedException(new Problem("village", $"{villageCode} 不是 {year} 年度需要第一书记的村，或已手工安排", $"{villageCode} is not a village that needs a First Secretary in {year}, or it is taken by hand"));
        }
        var result = Matcher.Match(input.Model, input.Candidates, input.Villages);
        return (Matcher.WhyNot(input.Model, result, row, column), result.Pairs.FirstOrDefault(p => p.Candidate.CadreCode == cadreCode));
    }

    /// <summary>The cost model of the year: the policy's weights, the villages' need points, the townships where each unit already has ties.</summary>
    public static MatchCosts Model(LiaisonWorld world, FirstSecretaryRules rules)
    {
        var need = world.Townships.SelectMany(t => VillageRanking.Rank(world.Policy.Backward, world.AllVillagesOfTownship(t.Code)))
            .ToDictionary(r => r.Village.Code, r => r.Need, StringComparer.Ordinal);
        var unitTownships = world.Ties.Where(t => t.DivisionCode.Length >= 9)
            .Select(t => (Unit: t.UnitId ?? (t.CadreId is { } c && world.CadresById.TryGetValue(c, out var cadre) ? cadre.UnitId : 0), Township: t.DivisionCode[..9]))
            .Where(x => x.Unit != 0).Distinct().ToLookup(x => x.Unit, x => x.Township);
        return new MatchCosts(rules, world.Places, need, unitTownships);
    }

    private static string Explain(MatchedPair p)
    {
        var t = p.Terms;
        var fit = t.Category == 0 ? "单位类别与村情相符" : "单位类别与村情不完全相符";
        return $"{fit}；费用：类别 {t.Category} + 需要 {t.Need} + 距离 {t.Distance} + 分散 {t.Spread} = {t.Total}";
    }

    /// <summary>Every allowed pair of the match as CSV <c>cadre_id,village_code,cost</c> (integer costs), for checking optimality with another solver.</summary>
    public static async Task<long> ExportCostsAsync(MatchResult result, string path, CancellationToken ct)
    {
        await using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        await writer.WriteLineAsync("cadre_id,village_code,cost");
        long n = 0;
        for (var i = 0; i < result.Rows.Count; i++)
        {
            for (var j = 0; j < result.Columns.Count; j++)
            {
                var cost = result.Costs[i, j];
                if (double.IsFinite(cost))
                {
                    await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{result.Rows[i].CadreCode},{result.Columns[j].Code},{(long)cost}"));
                    n++;
                }
            }
        }
        return n;
    }
}
