using Liaison.Data.Access;
using Liaison.Data.Field;
using Liaison.Domain.Reporting;

namespace Liaison.Data.Reporting.Formulas;

/// <summary>
/// The one place indicators are counted from the records (decision 0014): the full refresh, the
/// drainer's recount of marked villages, a unit's report, a period the rollups cannot answer and
/// <c>report verify</c> all call <see cref="LeavesAsync"/>. Each family's lines are its formulas;
/// adding an indicator is its <see cref="Indicator"/> and one line in its family.
/// </summary>
public static class IndicatorFormulas
{
    /// <summary>
    /// Why this reads outside a scope (<see cref="Unscoped"/>): the families count whatever villages
    /// the caller names — every village for the rollups and verify, the marked ones for the drainer,
    /// a division's for a page, which reads them through <see cref="Scoped"/> first.
    /// </summary>
    private const string Reach = "the indicator formulas: the villages their caller names";

    /// <summary>
    /// Each indicator's values where they are recorded (the lowest division that carries them),
    /// counted from the records. <see cref="Rollup.ToAllLevels"/> sums them up the tree. The
    /// villages of <paramref name="scope"/> narrow the household and field families, its period the field family only; its unit
    /// narrows the people, plan and field families (a unit's own figures).
    /// </summary>
    public static async Task<List<RollupValue>> LeavesAsync(LiaisonDb db, RollupFamily families, FormulaScope scope, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var cells = new LeafCells();
        var planYear = (families & (RollupFamily.People | RollupFamily.Liaisons | RollupFamily.Field | RollupFamily.Participation)) != 0 ? await FieldRollups.YearAsync(db, ct) : null;
        if (families.HasFlag(RollupFamily.Divisions))
        {
            await RegistryFormulas.DivisionsAsync(db, cells, ct);
        }
        if (families.HasFlag(RollupFamily.People))
        {
            await RegistryFormulas.PeopleAsync(db, scope.UnitId, planYear, cells, ct);
        }
        if (families.HasFlag(RollupFamily.Households))
        {
            await RegistryFormulas.HouseholdsAsync(db, scope.Villages, cells, ct);
        }
        if (families.HasFlag(RollupFamily.Liaisons))
        {
            await PlanFormulas.TiesAsync(db, planYear, scope.UnitId, cells, ct);
        }
        if (families.HasFlag(RollupFamily.Secretaries))
        {
            await PlanFormulas.SecretariesAsync(db, scope.UnitId, cells, ct);
        }
        if (families.HasFlag(RollupFamily.Field) && scope.Villages is not { Count: 0 } && (scope.Period?.Year ?? planYear) is { } year)
        {
            await FieldFormulas.AddAsync(db, year, scope, cells, ct);
        }
        if (families.HasFlag(RollupFamily.Participation) && (scope.Period?.Year ?? planYear) is { } partYear)
        {
            await ParticipationFormulas.AddAsync(db, partYear, scope, cells, ct);
        }
        return cells.Leaves;
    }

    /// <summary>The indicators a family computes.</summary>
    public static IReadOnlyList<Indicator> IndicatorsOf(RollupFamily families)
    {
        var ids = new List<Indicator>();
        if (families.HasFlag(RollupFamily.Divisions))
        {
            ids.AddRange(RegistryFormulas.Divisions.Indicators);
        }
        if (families.HasFlag(RollupFamily.People))
        {
            ids.AddRange([.. RegistryFormulas.Units.Indicators, .. RegistryFormulas.Cadres.Indicators]);
        }
        if (families.HasFlag(RollupFamily.Households))
        {
            ids.AddRange(RegistryFormulas.Households.Indicators);
        }
        if (families.HasFlag(RollupFamily.Liaisons))
        {
            ids.AddRange(PlanFormulas.Ties.Indicators);
        }
        if (families.HasFlag(RollupFamily.Secretaries))
        {
            ids.AddRange([.. PlanFormulas.Postings.Indicators, .. PlanFormulas.Supports.Indicators, .. PlanFormulas.Needs]);
        }
        if (families.HasFlag(RollupFamily.Field))
        {
            ids.AddRange(FieldIndicators);
        }
        if (families.HasFlag(RollupFamily.Participation))
        {
            ids.AddRange(ParticipationFormulas.Indicators);
        }
        return ids;
    }

    /// <summary>The field family's indicators (cases, disputes, errands and deeds included); all are counted at villages.</summary>
    public static IReadOnlyList<Indicator> FieldIndicators { get; } =
    [
        .. FieldFormulas.Visits.Indicators, .. FieldFormulas.Visited.Indicators, .. FieldFormulas.Issues.Indicators,
        .. FieldFormulas.TiesVisiting.Indicators, .. FieldFormulas.Residences, .. FieldFormulas.Activities.Indicators,
        .. FieldFormulas.HelpPlans.Indicators, .. FieldFormulas.HelpAchieved.Indicators,
        .. FieldFormulas.SecretariesVisited.Indicators, .. FieldFormulas.Duties.Indicators,
        .. CaseFormulas.Cases.Indicators, .. CaseFormulas.Disputes.Indicators, .. CaseFormulas.Errands.Indicators,
        .. CaseFormulas.Nights.Indicators, .. ResultFormulas.Indicators, .. SupervisionFormulas.Indicators, .. AssessmentFormulas.Indicators,
    ];
}
