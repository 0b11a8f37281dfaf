using Liaison.Data;
using Liaison.Data.Access;
using Liaison.Data.People;
using Liaison.Domain.Divisions;
using Liaison.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.People;

/// <summary>A cadre on the registry pages, with the unit and its division named.</summary>
public sealed record CadreView(Cadre Cadre, Unit Unit, string DivisionName);

/// <summary>A unit on the registry pages: its division's name, its cadres, the unit it merged into.</summary>
public sealed record UnitView(Unit Unit, string DivisionName, List<Cadre> Cadres, Unit? MergedInto);

/// <summary>A household on the registry pages: its village, the households it merged into or split from, its visits (newest first).</summary>
public sealed record HouseholdView(Household Household, Division Village, Household? MergedInto, Household? SplitFrom, List<VisitLine> Visits);

/// <summary>A visit to a household, by whom, when: the history kept whatever the household became.</summary>
public sealed record VisitLine(DateOnly On, string CadreCode, string CadreName);

/// <summary>
/// Reads of the registries for their pages, narrowed to a scope: a unit where its division is in
/// scope, a cadre where the unit is, a household where its village is.
/// </summary>
public sealed class PeopleQueries(LiaisonDb db, Scoped scoped)
{
    private const int VisitsShown = 50;

    public async Task<CadreView?> CadreAsync(string code, CancellationToken ct)
    {
        var found = await (from c in db.Cadres.AsNoTracking()
                           join u in scoped.Units on c.UnitId equals u.Id
                           join d in scoped.Names on u.DivisionCode equals d.Code
                           where c.Code == code
                           select new { c, u, d.Name }).FirstOrDefaultAsync(ct);
        return found is null ? null : new CadreView(found.c, found.u, found.Name);
    }

    public async Task<UnitView?> UnitAsync(string code, CancellationToken ct)
    {
        var found = await (from u in scoped.Units
                           join d in scoped.Names on u.DivisionCode equals d.Code
                           where u.Code == code
                           select new { u, d.Name }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }
        var cadres = await db.Cadres.AsNoTracking().Where(c => c.UnitId == found.u.Id).OrderBy(c => c.Status).ThenBy(c => c.Code).ToListAsync(ct);
        var into = found.u.MergedIntoId is { } id ? await scoped.UnitNames.FirstOrDefaultAsync(u => u.Id == id, ct) : null;
        return new UnitView(found.u, found.Name, cadres, into);
    }

    /// <summary>The units in scope, by code or name, open ones first.</summary>
    public async Task<(List<Unit> Rows, int Total)> UnitsAsync(string? text, int page, int size, CancellationToken ct)
    {
        var query = scoped.Units;
        if (!string.IsNullOrWhiteSpace(text))
        {
            var q = text.Trim();
            query = query.Where(u => u.Code.StartsWith(q) || u.Name.Contains(q));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(u => u.Status).ThenBy(u => u.DivisionCode).ThenBy(u => u.Code).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return (rows, total);
    }

    public async Task<HouseholdView?> HouseholdAsync(long id, CancellationToken ct)
    {
        var household = await scoped.Households.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (household is null)
        {
            return null;
        }
        var village = await scoped.Names.FirstAsync(d => d.Code == household.VillageCode, ct);
        var links = await db.HouseholdLinks.AsNoTracking().Where(l => l.HouseholdId == id).ToDictionaryAsync(l => l.Kind, l => l.OtherId, ct);
        var into = links.TryGetValue(HouseholdLinkKind.MergedInto, out var m) ? await scoped.Households.FirstOrDefaultAsync(h => h.Id == m, ct) : null;
        var from = links.TryGetValue(HouseholdLinkKind.SplitFrom, out var s) ? await scoped.Households.FirstOrDefaultAsync(h => h.Id == s, ct) : null;
        var visits = await (from v in scoped.HouseholdVisits
                            join c in db.Cadres.AsNoTracking() on v.CadreId equals c.Id
                            where v.HouseholdId == id
                            orderby v.VisitedOn descending, v.Id descending
                            select new VisitLine(v.VisitedOn, c.Code, c.Name)).Take(VisitsShown).ToListAsync(ct);
        return new HouseholdView(household, village, into, from, visits);
    }

    /// <summary>A record's history (the caller read the record through this scope first).</summary>
    public Task<List<RegistryEvent>> HistoryAsync(RegistryKind kind, long id, CancellationToken ct) => RegistryStore.HistoryAsync(db, kind, id, ct);
}
