using Liaison.Data.Policy;
using Liaison.Domain.Divisions;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Secretaries;
using Microsoft.EntityFrameworkCore;
using I = Liaison.Domain.Reporting.Indicators;

namespace Liaison.Data.Reporting.Formulas;

/// <summary>
/// The plan's figures: the newest year's ties, counted at the villages they tie (a leader's county
/// and township links are not contact points of their own), and its First Secretaries in post with
/// their units' support. Reports for other years read the ties themselves.
/// </summary>
internal static class PlanFormulas
{
    public static Family<TieRow> Ties { get; } = new Family<TieRow>()
        .Count(I.CityLeaderPoints, t => t.Kind == TieKind.ContactPoint && t.Rank == CadreRank.CityLeader)
        .Count(I.CountyLeaderPoints, t => t.Kind == TieKind.ContactPoint && t.Rank == CadreRank.CountyLeader)
        .Count(I.UnitLeaderPoints, t => t.Kind == TieKind.ContactPoint && t.Rank == CadreRank.UnitLeader)
        .Count(I.Pairings, t => t.Kind == TieKind.Pairing)
        .Count(I.BackwardTaken, t => t.Kind == TieKind.BackwardVillage)
        .Count(I.PoliceLiaisons, t => t.Kind == TieKind.Police)
        .Count(I.StationedCadres, t => t.Kind == TieKind.Stationed)
        .Count(I.TiesWithCadre, t => t.HasCadre)
        .One(I.CoveredVillages);

    /// <summary>First Secretaries in post, by the level that sent them.</summary>
    public static Family<PostingRow> Postings { get; } = new Family<PostingRow>()
        .Count(I.SecretariesCity, p => p.Level == DispatchLevel.City)
        .Count(I.SecretariesCounty, p => p.Level == DispatchLevel.County)
        .Count(I.SecretariesTownship, p => p.Level == DispatchLevel.Township)
        .One(I.VillagesWithSecretary);

    public static Family<SupportRow> Supports { get; } = new Family<SupportRow>()
        .Count(I.SupportRecords)
        .Amount(I.SupportFunds, s => s.Kind == SupportKind.Funds ? s.Amount : 0m);

    /// <summary>Counted in C# from the policy's rule, not by a family: which villages need a First Secretary.</summary>
    public static IEnumerable<Domain.Reporting.Indicator> Needs => [I.VillagesNeedingSecretary, I.NeedyVillagesWithSecretary];

    /// <summary>The ties of the newest plan year; with a unit, those of its cadres and its own (a pairing is the unit's party organisation's).</summary>
    public static async Task TiesAsync(LiaisonDb db, int? year, int? unitId, LeafCells cells, CancellationToken ct)
    {
        if (year is null)
        {
            return;
        }
        var ties = db.LiaisonTies.AsNoTracking().Where(t => t.Until == null && t.Year == year);
        if (unitId is { } unit)
        {
            ties = ties.Where(t => t.UnitId == unit || FormulaScope.CadresOf(db, unit).Contains(t.CadreId));
        }
        var rows = from t in ties
                   join d in db.Divisions on t.DivisionCode equals d.Code
                   where d.Level == DivisionLevel.Village
                   from c in db.Cadres.Where(c => c.Id == t.CadreId).DefaultIfEmpty()
                   select new TieRow { DivisionCode = t.DivisionCode, Kind = t.Kind, Rank = c == null ? null : (CadreRank?)c.Rank, HasCadre = t.CadreId != null };
        await Ties.ReadAsync(rows, t => t.DivisionCode, null, cells, ct);
    }

    /// <summary>
    /// The newest year's First Secretaries in post (with a unit: those it sent) and its units'
    /// support to their villages; without a unit, also the villages needing one under the policy.
    /// </summary>
    public static async Task SecretariesAsync(LiaisonDb db, int? unitId, LeafCells cells, CancellationToken ct)
    {
        if (await db.SecretaryPostings.Where(p => p.Until == null).MaxAsync(p => (int?)p.Year, ct) is not { } year)
        {
            await NeedsAsync(db, unitId, cells, ct);
            return;
        }
        var postings = db.SecretaryPostings.AsNoTracking().Where(p => p.Year == year);
        if (unitId is { } unit)
        {
            postings = postings.Where(p => FormulaScope.CadresOf(db, unit).Contains(p.CadreId));
        }
        var inPost = from p in postings.Where(p => p.Until == null)
                     join c in db.SecretaryCalls on p.CallId equals c.Id
                     select new PostingRow { VillageCode = p.VillageCode, Level = c.Level };
        await Postings.ReadAsync(inPost, p => p.VillageCode, null, cells, ct);
        // Support stays with the village for the year, also after its secretary was recalled.
        var supports = from s in db.SecretarySupports.AsNoTracking()
                       join p in postings on s.PostingId equals p.Id
                       select new SupportRow { VillageCode = p.VillageCode, Kind = s.Kind, Amount = s.Amount };
        await Supports.ReadAsync(supports, s => s.VillageCode, null, cells, ct);
        await NeedsAsync(db, unitId, cells, ct);
    }

    /// <summary>Villages needing a First Secretary under the policy of the newest year with calls, and those of them with one in post.</summary>
    private static async Task NeedsAsync(LiaisonDb db, int? unitId, LeafCells cells, CancellationToken ct)
    {
        if (unitId is not null || await db.SecretaryCalls.MaxAsync(c => (int?)c.Year, ct) is not { } year)
        {
            return;
        }
        var rules = (await PolicyStore.GetAsync(db, year, ct)).Policy.FirstSecretaries;
        var villages = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Village && d.WithdrawnOn == null)
            .Select(d => new Place(d.Code, d.Name, d.Level, d.VillageKind, d.VillageType, d.PartyOrgGrade, null, null)).ToListAsync(ct);
        foreach (var village in villages.Where(rules.Needs))
        {
            cells.Add(village.Code, I.VillagesNeedingSecretary, 0, 1);
            if (cells.Has(village.Code, I.VillagesWithSecretary))
            {
                cells.Add(village.Code, I.NeedyVillagesWithSecretary, 0, 1);
            }
        }
    }
}
