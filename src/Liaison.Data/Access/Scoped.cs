using System.Linq.Expressions;
using Liaison.Data.Audit;
using Liaison.Domain.Access;
using Liaison.Domain.Cases;
using Liaison.Domain.Divisions;
using Liaison.Domain.Field;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Secretaries;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Access;

/// <summary>
/// The one way to read what belongs to a division: every query root here is narrowed to a scope
/// (an account's jurisdiction, or the operator's everything) and tagged, so that a query that did
/// not come through here can be told apart in the SQL (<see cref="Tag"/>). <see cref="Under"/>
/// narrows further to a division a person picked, and never widens: a division outside the scope
/// reads nothing. Pages and endpoints get one per request from the signed-in account; commands get
/// one from <c>--as</c> or, for the operator's own commands, <see cref="Operator"/>.
/// </summary>
public sealed class Scoped
{
    /// <summary>The comment EF writes before the SQL of every query made here ("-- scoped").</summary>
    public const string Tag = "scoped";

    private readonly LiaisonDb _db;

    // The roots of the visible subtrees (null: everything), read by the queries as parameters: the
    // scope's own division and, for a cadre's account, its work teams' (Scope.Teams); one picked by Under.
    private readonly IReadOnlyList<string>? _roots;
    private readonly bool _nothing;
    // Whether Under narrowed the scope to a division a person picked.
    private readonly bool _narrowed;

    private Scoped(LiaisonDb db, Scope? scope, IReadOnlyList<string>? roots, bool nothing, bool narrowed)
    {
        _db = db;
        Scope = scope;
        _roots = roots;
        _nothing = nothing;
        _narrowed = narrowed;
    }

    /// <summary>Narrowed to <paramref name="scope"/>; no scope (not signed in, or a unit that is gone) reads nothing.</summary>
    public Scoped(LiaisonDb db, Scope? scope)
        : this(db, scope, scope is null || scope.IsEverything ? null : scope.Roots, scope is null, false)
    {
    }

    /// <summary>Everything: the server's operator running a command of their own (audited as such by the command).</summary>
    public static Scoped Operator(LiaisonDb db) => new(db, Scope.Everything);

    /// <summary>What the programme publishes to villagers (contact points, First Secretaries): the whole city's, read by anyone.</summary>
    public static Scoped Public(LiaisonDb db) => new(db, Scope.Everything);

    public Scope? Scope { get; }

    /// <summary>The context behind, for Data's own reads of what belongs to no division (months of rollups, settings).</summary>
    internal LiaisonDb Db => _db;

    /// <summary>The kinds of record read only through here (or inside an <see cref="Unscoped.Section"/>): what <see cref="ScopeGuard"/> watches.</summary>
    public static IReadOnlyList<Type> Entities { get; } =
    [
        typeof(Division), typeof(VillageProfile), typeof(Unit), typeof(Household), typeof(HouseholdVisit), typeof(VisitTally), typeof(Case), typeof(Dispute), typeof(Errand),
        typeof(LiaisonTie), typeof(SecretaryCall), typeof(SecretaryPosting), typeof(Reporting.DivisionRollup), typeof(AuditEntry),
        typeof(NightSession), typeof(Domain.Results.Deed), typeof(Domain.Results.Commitment), typeof(Domain.Results.Agreement), typeof(Domain.Results.GradingRound), typeof(Domain.Results.Rectification),
        typeof(Domain.Supervision.InspectionRound), typeof(Domain.Supervision.Finding), typeof(Domain.Supervision.CallSample), typeof(Domain.Supervision.Notice), typeof(Domain.Supervision.RectificationOrder), typeof(Domain.Supervision.StoredFlag), typeof(Domain.Supervision.DocumentReview),
        typeof(Domain.Assessment.AssessmentRun), typeof(Domain.Assessment.AssessmentResult), typeof(Domain.Assessment.MassRating), typeof(Domain.Assessment.MassBallot), typeof(Domain.Assessment.ObservationScore),
    ];

    /// <summary>Whether a record of this division is within reach.</summary>
    public bool Covers(string divisionCode) => !_nothing && (_roots is null || _roots.Any(r => DivisionCode.IsInSubtree(divisionCode, r)));

    /// <summary>
    /// Narrowed to <paramref name="divisionCode"/>'s subtree as well (a filter a person picked); null
    /// leaves it as it is. A division outside the scope reads nothing; one above it keeps the parts of
    /// the scope under it.
    /// </summary>
    public Scoped Under(string? divisionCode)
    {
        if (divisionCode is null || _nothing)
        {
            return this;
        }
        if (Covers(divisionCode))
        {
            // The scope's own division picked is no narrowing of a unit's held cases (UnitCases).
            return new Scoped(_db, Scope, [divisionCode], false, divisionCode != Scope?.DivisionCode);
        }
        // Not covered, so not everything: the roots under the picked division stay.
        var roots = _roots!;
        var under = roots.Where(r => DivisionCode.IsInSubtree(r, divisionCode)).ToList();
        return under.Count == roots.Count ? this
            : under.Count == 0 ? new Scoped(_db, Scope, roots, true, true)
            : new Scoped(_db, Scope, under, false, true);
    }

    /// <summary>The same reader with nothing in reach (a figure a role does not see).</summary>
    public Scoped None => new(_db, Scope, _roots, true, _narrowed);

    public IQueryable<Division> Divisions => Within(_db.Divisions, d => d.Code);

    /// <summary>Village profiles by year (村情), by their village.</summary>
    public IQueryable<VillageProfile> VillageProfiles => Within(_db.VillageProfiles, p => p.VillageCode);

    /// <summary>
    /// Every division, to name the records read here (a case's village, a tie's township): codes and
    /// names are public — the public pages list the whole city's. Never what decides what is in reach.
    /// </summary>
    public IQueryable<Division> Names => _db.Divisions.AsNoTracking().TagWith(Tag);

    /// <summary>Every unit, to name the records read here (a case's holder, a cadre's unit): units' names are public too (the contact cards).</summary>
    public IQueryable<Unit> UnitNames => _db.Units.AsNoTracking().TagWith(Tag);

    public IQueryable<Unit> Units => Within(_db.Units, u => u.DivisionCode);
    public IQueryable<Household> Households => Within(_db.Households, h => h.VillageCode);
    public IQueryable<HouseholdVisit> HouseholdVisits => Within(_db.HouseholdVisits, v => v.VillageCode);

    /// <summary>The visits as the indicators read them (decision 0017): a row per household, cadre and month, by their village.</summary>
    public IQueryable<VisitTally> VisitTallies => Within(_db.VisitTallies, t => t.VillageCode);

    public IQueryable<Case> Cases => Within(_db.Cases, c => c.VillageCode);

    /// <summary>夜谈夜访 sessions, by their village; their matters are read through them.</summary>
    public IQueryable<NightSession> NightSessions => Within(_db.NightSessions, s => s.VillageCode);

    /// <summary>
    /// The cases the scope's unit holds (a unit's admin works on those rather than on its villages'):
    /// none for a division's scope. Narrowed by <see cref="Under"/>, the held cases of that division's villages.
    /// </summary>
    public IQueryable<Case> UnitCases
    {
        get
        {
            if (Scope?.UnitId is not { } unit || _nothing)
            {
                return Within(_db.Cases.Where(_ => false), c => c.VillageCode);
            }
            var held = _db.Cases.Where(c => c.HolderUnitId == unit);
            return !_narrowed ? held.AsNoTracking().TagWith(Tag) : Within(held, c => c.VillageCode);
        }
    }

    /// <summary>
    /// The people within reach: the cadres of a unit in scope, and those who take part in a place in
    /// it — tied there, posted there as First Secretary, members of a unit paired with it or of a work
    /// team stationed in it. What the plan's person page shows and the people picker offers.
    /// </summary>
    public IQueryable<Cadre> People
    {
        get
        {
            var units = Units.Select(u => u.Id);
            var tied = Ties.Where(t => t.CadreId != null).Select(t => t.CadreId!.Value);
            var paired = Ties.Where(t => t.Kind == TieKind.Pairing && t.UnitId != null).Select(t => t.UnitId!.Value);
            var posted = Postings.Select(p => p.CadreId);
            var teams = Within(_db.WorkTeams, t => t.DivisionCode).Select(t => t.Id);
            var members = _db.WorkTeamMembers.Where(m => teams.Contains(m.TeamId)).Select(m => m.CadreId);
            return _db.Cadres.AsNoTracking().TagWith(Tag)
                .Where(c => units.Contains(c.UnitId) || paired.Contains(c.UnitId) || tied.Contains(c.Id) || posted.Contains(c.Id) || members.Contains(c.Id));
        }
    }

    /// <summary>Practical deeds (实事好事), by their village; their quantities are read through them.</summary>
    public IQueryable<Domain.Results.Deed> Deeds => Within(_db.Deeds, d => d.VillageCode);

    /// <summary>Public commitments (公开承诺), by their village; their steps are read through them.</summary>
    public IQueryable<Domain.Results.Commitment> Commitments => Within(_db.Commitments, c => c.VillageCode);

    /// <summary>Target-responsibility agreements (目标责任书), by their village; their targets are read through them.</summary>
    public IQueryable<Domain.Results.Agreement> Agreements => Within(_db.Agreements, a => a.VillageCode);

    /// <summary>Grading rounds (分类定级), by their township; their villages' grades are read through them.</summary>
    public IQueryable<Domain.Results.GradingRound> GradingRounds => Within(_db.GradingRounds, r => r.TownshipCode);

    /// <summary>Rectification plans of backward organisations, by their village.</summary>
    public IQueryable<Domain.Results.Rectification> Rectifications => Within(_db.Rectifications, r => r.VillageCode);

    /// <summary>Inspection rounds, by the division drawn from: only a scope holding the whole division reads one, so those inspected never learn its day.</summary>
    public IQueryable<Domain.Supervision.InspectionRound> InspectionRounds => Within(_db.InspectionRounds, r => r.DivisionCode);

    /// <summary>Findings, by the village or division where they were made.</summary>
    public IQueryable<Domain.Supervision.Finding> Findings => Within(_db.Findings, f => f.DivisionCode);

    /// <summary>Call samples, by the division sampled: the call list is the samplers' alone, as the rounds are.</summary>
    public IQueryable<Domain.Supervision.CallSample> CallSamples => Within(_db.CallSamples, s => s.DivisionCode);

    /// <summary>Document reviews, by the village, township or unit's division reviewed.</summary>
    public IQueryable<Domain.Supervision.DocumentReview> DocumentReviews => Within(_db.DocumentReviews, r => r.DivisionCode);

    /// <summary>Plausibility flags kept with their review, by their village.</summary>
    public IQueryable<Domain.Supervision.StoredFlag> Flags => Within(_db.Flags, f => f.VillageCode);

    /// <summary>Notices of criticism and commendation, by the issuing office's division.</summary>
    public IQueryable<Domain.Supervision.Notice> Notices => Within(_db.Notices, n => n.DivisionCode);

    /// <summary>Rectification orders, by the issuing office's division.</summary>
    public IQueryable<Domain.Supervision.RectificationOrder> Orders => Within(_db.RectificationOrders, o => o.DivisionCode);

    /// <summary>Assessment runs, by the division assessed: an office under it reads its villages' results, not the run's whole list.</summary>
    public IQueryable<Domain.Assessment.AssessmentRun> AssessmentRuns => Within(_db.AssessmentRuns, r => r.DivisionCode);

    /// <summary>Assessment results, by the village the person served.</summary>
    public IQueryable<Domain.Assessment.AssessmentResult> AssessmentResults => Within(_db.AssessmentResults, r => r.VillageCode);

    /// <summary>The masses' ratings, by their village (never with the household: ballots keep only a keyed hash).</summary>
    public IQueryable<Domain.Assessment.MassRating> MassRatings => Within(_db.MassRatings, r => r.VillageCode);

    /// <summary>On-site observation scores, by their village.</summary>
    public IQueryable<Domain.Assessment.ObservationScore> ObservationScores => Within(_db.ObservationScores, o => o.VillageCode);

    public IQueryable<Dispute> Disputes => Within(_db.Disputes, d => d.VillageCode);
    public IQueryable<Errand> Errands => Within(_db.Errands, e => e.VillageCode);
    public IQueryable<LiaisonTie> Ties => Within(_db.LiaisonTies, t => t.DivisionCode);
    /// <summary>First Secretary calls, by the division that issues them (a city's call: the city office's).</summary>
    public IQueryable<SecretaryCall> Calls => Within(_db.SecretaryCalls, c => c.DivisionCode);
    public IQueryable<SecretaryPosting> Postings => Within(_db.SecretaryPostings, p => p.VillageCode);
    public IQueryable<Reporting.DivisionRollup> Rollups => Within(_db.Rollups, r => r.DivisionCode);

    /// <summary>Audit entries of the divisions in scope; entries of no division (accounts, settings) are the operator's alone.</summary>
    public IQueryable<AuditEntry> AuditEntries => _roots is null && !_nothing
        ? _db.AuditEntries.AsNoTracking().TagWith(Tag)
        : Within(_db.AuditEntries.Where(e => e.DivisionCode != null), e => e.DivisionCode!);

    private IQueryable<T> Within<T>(IQueryable<T> query, Expression<Func<T, string>> code)
        where T : class
    {
        query = query.AsNoTracking().TagWith(Tag);
        if (_nothing)
        {
            return query.Where(_ => false);
        }
        if (_roots is null)
        {
            return query;
        }
        // code.StartsWith(root) || …, each root read from a closure so that EF sends it as a parameter.
        Expression? any = null;
        foreach (var root in _roots)
        {
            Expression<Func<string>> parameter = () => root;
            var startsWith = Expression.Call(code.Body, typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!, parameter.Body);
            any = any is null ? startsWith : Expression.OrElse(any, startsWith);
        }
        return query.Where(Expression.Lambda<Func<T, bool>>(any!, code.Parameters));
    }
}
