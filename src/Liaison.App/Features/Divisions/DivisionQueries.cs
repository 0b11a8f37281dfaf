using Liaison.Data;
using Liaison.Domain.Divisions;
using Liaison.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Divisions;

/// <summary>A division with its stored figures.</summary>
public sealed record DivisionFigures(Division Division, IReadOnlyDictionary<string, long> Figures)
{
    public long this[string indicator] => Figures.GetValueOrDefault(indicator);
}

/// <summary>
/// Every read of the division tree for pages and the API goes through here: the one place where
/// an account's jurisdiction will narrow what can be seen.
/// </summary>
public sealed class DivisionQueries(LiaisonDb db)
{
    public const int PageSize = 50;

    public Task<Division?> FindAsync(string code, CancellationToken ct) =>
        db.Divisions.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, ct);

    /// <summary>The node a dashboard starts from: down from the top while there is only one way to go.</summary>
    public async Task<Division?> HomeAsync(CancellationToken ct)
    {
        var current = await SingleChildAsync(null, ct);
        while (current is not null && current.Level < DivisionLevel.Township)
        {
            var next = await SingleChildAsync(current.Code, ct);
            if (next is null)
            {
                break;
            }
            current = next;
        }
        return current;
    }

    private async Task<Division?> SingleChildAsync(string? parent, CancellationToken ct)
    {
        var two = await db.Divisions.AsNoTracking().Where(d => d.ParentCode == parent).OrderBy(d => d.Code).Take(2).ToListAsync(ct);
        return two.Count == 1 ? two[0] : null;
    }

    public async Task<IReadOnlyDictionary<string, long>> FiguresAsync(string code, CancellationToken ct) =>
        await db.Rollups.AsNoTracking().Where(r => r.DivisionCode == code).ToDictionaryAsync(r => r.IndicatorId, r => r.Value, ct);

    public async Task<Dictionary<string, string>> NamesAsync(IReadOnlyCollection<string> codes, CancellationToken ct) =>
        await db.Divisions.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);

    public async Task<List<Division>> AncestorsAsync(Division division, CancellationToken ct)
    {
        var codes = DivisionCode.Ancestors(division.Code).ToList();
        var found = await db.Divisions.AsNoTracking().Where(d => codes.Contains(d.Code)).ToListAsync(ct);
        return found.OrderBy(d => d.Level).ToList();
    }

    public async Task<List<DivisionFigures>> ChildrenAsync(string? code, CancellationToken ct)
    {
        var children = await db.Divisions.AsNoTracking().Where(d => d.ParentCode == code).OrderBy(d => d.Code).ToListAsync(ct);
        var codes = children.Select(c => c.Code).ToList();
        var figures = (await db.Rollups.AsNoTracking().Where(r => codes.Contains(r.DivisionCode)).ToListAsync(ct))
            .ToLookup(r => r.DivisionCode);
        return children.Select(c => new DivisionFigures(c, figures[c.Code].ToDictionary(r => r.IndicatorId, r => r.Value))).ToList();
    }

    /// <summary>By name (any part) or by code (its start); villages last, at most <paramref name="limit"/>.</summary>
    public async Task<List<Division>> SearchAsync(string text, int limit, CancellationToken ct)
    {
        var q = text.Trim();
        if (q.Length == 0)
        {
            return [];
        }
        var query = db.Divisions.AsNoTracking();
        query = q.All(char.IsAsciiDigit)
            ? query.Where(d => d.Code.StartsWith(q))
            : query.Where(d => d.Name.Contains(q));
        return await query.OrderBy(d => d.Level).ThenBy(d => d.Code).Take(limit).ToListAsync(ct);
    }

    /// <summary>A page of a village's households, by house number order of entry; optionally filtered by house number.</summary>
    public async Task<(List<Household> Rows, int Total)> HouseholdsAsync(string villageCode, int page, string? houseNo, CancellationToken ct)
    {
        var query = db.Households.AsNoTracking().Where(h => h.VillageCode == villageCode);
        if (!string.IsNullOrWhiteSpace(houseNo))
        {
            var q = houseNo.Trim();
            query = query.Where(h => h.HouseNo.Contains(q));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(h => h.Id).Skip(Math.Max(0, page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return (rows, total);
    }
}
