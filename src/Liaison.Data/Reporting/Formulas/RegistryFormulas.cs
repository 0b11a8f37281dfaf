using Liaison.Domain.Divisions;
using Liaison.Domain.People;
using Microsoft.EntityFrameworkCore;
using I = Liaison.Domain.Reporting.Indicators;

namespace Liaison.Data.Reporting.Formulas;

/// <summary>
/// The registries' figures: divisions, units and cadres, households. Stocks: a period does not change
/// them. Only what is still on the registry counts — open units, active cadres, current households;
/// the others keep their rows (visits, cases and ties point at them) and drop out of the figures here.
/// </summary>
internal static class RegistryFormulas
{
    /// <summary>Divisions are counted at their parent: a village carries no "villages" figure itself.</summary>
    public static Family<Division> Divisions { get; } = new Family<Division>()
        .Count(I.Counties, d => d.Level == DivisionLevel.County)
        .Count(I.Townships, d => d.Level == DivisionLevel.Township)
        .Count(I.Villages, d => d.Level == DivisionLevel.Village && d.VillageKind != VillageKind.Community)
        .Count(I.Communities, d => d.Level == DivisionLevel.Village && d.VillageKind == VillageKind.Community)
        .Count(I.BackwardVillages, d => d.Level == DivisionLevel.Village && d.PartyOrgGrade == PartyOrgGrade.Backward);

    public static Family<Unit> Units { get; } = new Family<Unit>().Count(I.Units);

    /// <summary>Cadres at the division of their unit.</summary>
    public static Family<CadreRow> Cadres { get; } = new Family<CadreRow>()
        .Count(I.Cadres)
        .Count(I.CadresExpected, c => c.Expected)
        .Count(I.PoliceOfficers, c => c.IsPolice)
        .Count(I.ReserveCadres, c => c.IsReserve);

    public static Family<Household> Households { get; } = new Family<Household>()
        .Count(I.Households)
        .Sum(I.Residents, h => h.MemberCount)
        .Count(I.ThreeOldsHouseholds, h => (h.Categories & HouseholdCategories.ThreeOlds) != 0)
        .Count(I.ThreeKindsHouseholds, h => (h.Categories & HouseholdCategories.ThreeHouseholds) != 0)
        .Count(I.PoorHouseholds, h => (h.Categories & HouseholdCategory.Poor) != 0);

    public static Task DivisionsAsync(LiaisonDb db, LeafCells cells, CancellationToken ct) =>
        Divisions.ReadAsync(db.Divisions.AsNoTracking().Where(d => d.ParentCode != null && d.Level >= DivisionLevel.County && d.WithdrawnOn == null), d => d.ParentCode!, null, cells, ct);

    /// <summary>
    /// Units and their cadres; with a unit, that unit's cadres only (a unit does not count itself).
    /// The cadres expected to take part follow the policy of the plan's year (none before there is a plan).
    /// </summary>
    public static async Task PeopleAsync(LiaisonDb db, int? unitId, int? planYear, LeafCells cells, CancellationToken ct)
    {
        var levels = planYear is { } year ? (await Policy.PolicyStore.GetAsync(db, year, ct)).Policy.Participation.UnitLevels.ToList() : [];
        if (unitId is null)
        {
            await Units.ReadAsync(db.Units.AsNoTracking().Where(u => u.Status == UnitStatus.Open), u => u.DivisionCode, null, cells, ct);
        }
        var active = db.Cadres.AsNoTracking().Where(c => c.Status == CadreStatus.Active);
        var cadres = unitId is { } unit ? active.Where(c => c.UnitId == unit) : active;
        var rows = from c in cadres
                   join u in db.Units.AsNoTracking() on c.UnitId equals u.Id
                   select new CadreRow { DivisionCode = u.DivisionCode, IsPolice = c.IsPolice, IsReserve = c.IsReserve, Expected = levels.Contains(u.Level) };
        await Cadres.ReadAsync(rows, c => c.DivisionCode, null, cells, ct);
    }

    /// <summary>The current households of every village, or of <paramref name="villages"/> only (a one-record change recounts its villages).</summary>
    public static Task HouseholdsAsync(LiaisonDb db, IReadOnlyCollection<string>? villages, LeafCells cells, CancellationToken ct)
    {
        var current = db.Households.AsNoTracking().Where(h => h.Status == HouseholdStatus.Current);
        return Households.ReadAsync(villages is null ? current : current.Where(h => villages.Contains(h.VillageCode)), h => h.VillageCode, null, cells, ct);
    }
}
