using System.Linq.Expressions;
using Liaison.Domain.Reporting;

namespace Liaison.Data.Reporting.Formulas;

/// <summary>
/// What the families count: every village or only <see cref="Villages"/> (the drainer's marked
/// ones, a division's for a period the rollups cannot answer), the whole year or
/// <see cref="Period"/>'s months, everyone's work or only that of <see cref="UnitId"/>'s cadres
/// (a unit's report).
/// </summary>
public sealed record FormulaScope(IReadOnlyCollection<string>? Villages = null, ReportPeriod? Period = null, int? UnitId = null)
{
    public static FormulaScope All { get; } = new();

    /// <summary>Every village, the visits counted from themselves rather than their tallies: <c>report verify</c>.</summary>
    public static FormulaScope Recount { get; } = new() { FromVisits = true };

    /// <summary>
    /// Whether visits are counted from the visits themselves (<see cref="Field.VisitTallies.OneEach"/>)
    /// instead of the tallies their writers keep (decision 0017): the same formulas, checked against the records.
    /// </summary>
    public bool FromVisits { get; init; }

    /// <summary>
    /// The divisions whose units' cadres the participation family counts (a division's subtree, for a
    /// period the rollups cannot answer); null: every unit. The other families go by <see cref="Villages"/>.
    /// </summary>
    public IReadOnlyCollection<string>? UnitDivisions { get; init; }

    /// <summary>
    /// Cadres still waiting for the participation drainer (<c>report verify</c>): they stand as it last
    /// left them rather than as recounted, as pending villages do for the field family.
    /// </summary>
    public IReadOnlySet<int>? PendingCadres { get; init; }

    /// <summary>Whether a month 1–12 is counted: every month unless a period narrows the year.</summary>
    public bool Counts(int month) => Period is null || Period.Contains(month);

    /// <summary>
    /// The records of a kind that fall within the scope, given where each was done, by whom and in
    /// which China month: the one place a family's rows are narrowed to villages, a unit and months.
    /// Records that do not name their cadre pass no <paramref name="cadre"/> and are narrowed to a unit by their caller.
    /// </summary>
    internal IQueryable<T> Narrow<T>(IQueryable<T> rows, LiaisonDb db,
        Expression<Func<T, string>> village, Expression<Func<T, int?>>? cadre, Expression<Func<T, int>> month)
    {
        if (Villages is { } villages)
        {
            rows = rows.Where(Compose(village, code => villages.Contains(code)));
        }
        if (UnitId is { } unit && cadre is not null)
        {
            var cadres = CadresOf(db, unit);
            rows = rows.Where(Compose(cadre, id => cadres.Contains(id)));
        }
        if (Period is { IsWholeYear: false } period)
        {
            var (from, to) = (period.FromMonth, period.ToMonth);
            rows = rows.Where(Compose(month, m => m >= from && m <= to));
        }
        return rows;
    }

    /// <summary>The ids of a unit's cadres, as a subquery: what a unit's report counts the work of.</summary>
    internal static IQueryable<int?> CadresOf(LiaisonDb db, int unit) => db.Cadres.Where(c => c.UnitId == unit).Select(c => (int?)c.Id);

    /// <summary><c>x =&gt; test(value(x))</c>, as one expression the database evaluates.</summary>
    private static Expression<Func<T, bool>> Compose<T, TValue>(Expression<Func<T, TValue>> value, Expression<Func<TValue, bool>> test) =>
        Expression.Lambda<Func<T, bool>>(Rebind.Body(test, value.Body), value.Parameters[0]);
}
