using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Cases;
using Liaison.Domain.Cases;
using Liaison.Domain.Field;
using Liaison.Domain.People;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Field;

/// <summary>A matter raised at a night session as entered: what was raised, what became of it, and a case category when escalated.</summary>
public sealed record NightMatterInput(string? Text, NightOutcome Outcome, string? Category = null);

/// <summary>A night session as entered; <paramref name="CadreCode"/> names the cadre who held it (a staff number), if any.</summary>
public sealed record NightSessionInput(string? VillageCode, DateOnly? HeldOn, string? Topic, string? Place, int? People, string? Attendees,
    string? CadreCode, IReadOnlyList<NightMatterInput> Matters);

/// <summary>A night session from the phone's queue: the id the phone made, the village, and what the office's form asks.</summary>
public sealed record NightInput(Guid? Id, string? Village, DateOnly? HeldOn, string? Topic, string? Place, int? People, string? Attendees,
    IReadOnlyList<NightMatterInput>? Matters);

/// <summary>
/// 夜谈夜访 (issue 20): records a night session with its matters in one transaction — each escalated
/// matter taken up as a case of the night-visit channel with the session as its source, the audit
/// entry, and the village's mark for the rollups — or refuses it whole, each problem named by field.
/// </summary>
public static class NightSessionStore
{
    private const string Reach = "a night session store: the actor's reach is decided on the village the session names";
    public const int MaxMatters = 30;

    /// <summary>
    /// Sessions a cadre's phone sends, each exactly once by its id (the queue sends a record until it
    /// is answered): a session stored before under the id is answered as a duplicate, one of another
    /// cadre's refused; each new one is recorded as the cadre's in a village of their own (ties,
    /// postings, pairing, teams: <see cref="CadreScope"/>), refused by field as the form's would be.
    /// </summary>
    public static async Task<IReadOnlyList<RecordResult>> SaveFromFieldAsync(LiaisonDb db, TimeProvider clock, FieldAuthor author, IReadOnlyList<NightInput> inputs,
        CadreScopeCache? cache, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var context = await FieldContext.LoadAsync(db, clock, author, cache, ct);
        return await OneByOne.SaveAsync(db, author, inputs, input => input.Id,
            async id => await db.NightSessions.AsNoTracking().Where(s => s.ClientId == id).Select(s => new { s.Id, s.CadreId }).FirstOrDefaultAsync(ct) is { } s ? (s.Id, s.CadreId) : null,
            async (input, id) =>
            {
                var year = input.HeldOn?.Year ?? context.Today.Year;
                var actor = new CaseActor(author.UserName, village => context.Serves(year, village));
                return (await RecordAsync(db, clock, actor, author.CadreId,
                    new NightSessionInput(input.Village, input.HeldOn, input.Topic, input.Place, input.People, input.Attendees, null, input.Matters ?? []), ct, id)).Id;
            });
    }

    /// <summary>Records a session; <paramref name="ownCadre"/> (the signed-in cadre) held it when no other cadre is named; <paramref name="clientId"/>, the phone's id.</summary>
    public static async Task<NightSession> RecordAsync(LiaisonDb db, TimeProvider clock, CaseActor actor, int? ownCadre, NightSessionInput input, CancellationToken ct,
        Guid? clientId = null)
    {
        using var outside = Unscoped.Section(Reach);
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var problems = new List<Problem>();
        var village = input.VillageCode?.Trim() ?? "";
        var known = await Divisions.VillageReach.CheckAsync(db, actor.Covers, village, problems, ct);
        if (input.HeldOn is not { } held || held > today || held < today.AddDays(-NightSession.RecordWithinDays))
        {
            problems.Add(new Problem("heldOn", $"日期须在今天及之前 {NightSession.RecordWithinDays} 天内", $"the day lies within the {NightSession.RecordWithinDays} days up to today") { Code = "range" });
        }
        var topic = RefusedException.Text(problems, "topic", input.Topic, NightSession.MaxTopic, required: true);
        var place = RefusedException.Text(problems, "place", input.Place, NightSession.MaxTopic, required: false);
        var attendees = RefusedException.Text(problems, "attendees", input.Attendees, NightSession.MaxText, required: false);
        if (input.People is not (>= 1 and <= NightSession.MaxPeople))
        {
            problems.Add(new Problem("people", $"参加人数为 1 到 {NightSession.MaxPeople}", $"from 1 to {NightSession.MaxPeople} people") { Code = "range" });
        }
        var cadre = ownCadre;
        if (!string.IsNullOrWhiteSpace(input.CadreCode))
        {
            var code = input.CadreCode.Trim();
            cadre = await db.Cadres.AsNoTracking().Where(c => c.Code == code && c.Status == CadreStatus.Active).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
            if (cadre is null)
            {
                problems.Add(People.CadreRefusals.UnknownActive(code));
            }
        }

        // Blank rows of the form are no matters; each matter is checked where it stands (its row).
        var matters = input.Matters.Select((m, i) => (Row: i + 1, Input: m)).Where(m => !string.IsNullOrWhiteSpace(m.Input.Text)).ToList();
        if (matters.Count > MaxMatters)
        {
            problems.Add(new Problem("matters", $"一次最多记录 {MaxMatters} 件事项", $"at most {MaxMatters} matters a session") { Code = "too-many" });
        }
        var rules = await CaseStore.RulesAsync(db, now, ct);
        var cases = new Dictionary<int, Case>();
        foreach (var (row, m) in matters)
        {
            var field = $"matters[{row}]";
            RefusedException.Text(problems, field + ".text", m.Text, NightSession.MaxText, required: true);
            if (!Enum.IsDefined(m.Outcome))
            {
                problems.Add(new Problem(field + ".outcome", "请选择处理结果", "choose what became of it") { Code = "required" });
            }
            else if (m.Outcome == NightOutcome.Escalated && known)
            {
                var (c, refused) = await CaseStore.PrepareAsync(db, now, rules, actor,
                    new CaseInput(CaseKind.Problem, m.Category, CaseChannel.NightVisit, village, m.Text, CadreId: cadre), ct);
                problems.AddRange(refused.Where(p => p.Field != "villageCode").Select(p => p with { Field = $"{field}.{p.Field}" }));
                if (c is not null)
                {
                    cases[row] = c;
                }
            }
        }
        RefusedException.ThrowIfAny(problems);

        var session = new NightSession
        {
            VillageCode = village,
            Year = input.HeldOn!.Value.Year,
            HeldOn = input.HeldOn.Value,
            Topic = topic!,
            Place = place,
            People = input.People!.Value,
            Attendees = attendees,
            CadreId = cadre,
            Raised = matters.Count,
            Solved = matters.Count(m => m.Input.Outcome == NightOutcome.Solved),
            Explained = matters.Count(m => m.Input.Outcome == NightOutcome.Explained),
            Escalated = cases.Count,
            RecordedBy = actor.UserName,
            RecordedAt = now,
            ClientId = clientId,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.NightSessions.Add(session);
        await db.SaveChangesAsync(ct);
        foreach (var c in cases.Values)
        {
            c.NightSessionId = session.Id;
        }
        if (cases.Count > 0)
        {
            await CaseStore.WriteNewAsync(db, clock, actor, cases.Values.ToList(), ct);
        }
        db.NightMatters.AddRange(matters.Select((m, i) => new NightMatter
        {
            SessionId = session.Id,
            Line = i + 1,
            Text = m.Input.Text!.Trim(),
            Outcome = m.Input.Outcome,
            CaseId = cases.TryGetValue(m.Row, out var c) ? c.Id : null,
        }));
        await db.SaveChangesAsync(ct);
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord("night.record", "night-session",
            session.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), village, null,
            new { session.HeldOn, session.Topic, session.People, session.CadreId, session.Raised, session.Solved, session.Explained, session.Escalated }), ct);
        await FieldRollups.MarkAsync(db, [village], ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return session;
    }
}
