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
/// Every read of the division tree and its households for pages and the API goes through here,
/// narrowed to a scope: what lies outside it is not found, exactly as if it did not exist.
/// A null scope (nobody signed in) sees nothing.
/// </summary>
public sealed class DivisionQueries(Data.Access.Scoped scoped)
{
    public const int PageSize = 50;

    public async Task<Division?> FindAsync(string code, CancellationToken ct) =>
        await scoped.Divisions.FirstOrDefaultAsync(d => d.Code == code, ct);

    /// <summary>The division named by <paramref name="code"/>, or the scope's home when none is named; null outside the scope.</summary>
    public async Task<Division?> FindOrHomeAsync(string? code, CancellationToken ct) => code is null ? await HomeAsync(ct) : await FindAsync(code, ct);

    /// <summary>
    /// The node a dashboard starts from: the scope's root, or for everything, down from the top
    /// while there is only one way to go.
    /// </summary>
    public async Task<Division?> HomeAsync(CancellationToken ct)
    {
        if (scoped.Scope is null)
        {
            return null;
        }
        if (scoped.Scope.DivisionCode is { } root)
        {
            return await FindAsync(root, ct);
        }
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
        var two = await scoped.Divisions.Where(d => d.ParentCode == parent).OrderBy(d => d.Code).Take(2).ToListAsync(ct);
        return two.Count == 1 ? two[0] : null;
    }

    public async Task<IReadOnlyDictionary<string, long>> FiguresAsync(string code, CancellationToken ct) =>
        await scoped.Rollups.Where(r => r.DivisionCode == code).ToDictionaryAsync(r => r.IndicatorId, r => r.Value, ct);

    /// <summary>Divisions' names (public: any division, to name what is in reach).</summary>
    public async Task<Dictionary<string, string>> NamesAsync(IReadOnlyCollection<string> codes, CancellationToken ct) =>
        await scoped.Names.Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);

    public async Task<List<Division>> AncestorsAsync(Division division, CancellationToken ct)
    {
        var codes = DivisionCode.Ancestors(division.Code).ToList();
        // Above the scope too: the path to the city is named on every page.
        var found = await scoped.Names.Where(d => codes.Contains(d.Code)).ToListAsync(ct);
        return found.OrderBy(d => d.Level).ToList();
    }

    /// <summary>The children of a division in scope; for null, the top of what the scope sees.</summary>
    public async Task<List<DivisionFigures>> ChildrenAsync(string? code, CancellationToken ct)
    {
        if (scoped.Scope is null || (code is not null && !scoped.Covers(code)))
        {
            return [];
        }
        // The top of a scope: its division, and a cadre's work teams' divisions beside it.
        var top = code is null && scoped.Scope.DivisionCode is not null;
        var roots = scoped.Scope.Roots;
        var children = await scoped.Divisions
            .Where(d => top ? roots.Contains(d.Code) : d.ParentCode == code)
            .OrderBy(d => d.Code).ToListAsync(ct);
        var codes = children.Select(c => c.Code).ToList();
        var figures = (await scoped.Rollups.Where(r => codes.Contains(r.DivisionCode)).ToListAsync(ct))
            .ToLookup(r => r.DivisionCode);
        return children.Select(c => new DivisionFigures(c, figures[c.Code].ToDictionary(r => r.IndicatorId, r => r.Value))).ToList();
    }

    /// <summary>By name (any part) or by code (its start); villages last, at most <paramref name="limit"/>.</summary>
    public async Task<List<Division>> SearchAsync(string text, int limit, CancellationToken ct)
    {
        var q = text.Trim();
        if (q.Length == 0 || scoped.Scope is null)
        {
            return [];
        }
        // A code is searched by its start: the subtree under it, within the scope.
        var query = q.All(char.IsAsciiDigit)
            ? scoped.Under(q).Divisions
            : scoped.Divisions.Where(d => d.Name.Contains(q));
        return await query.OrderBy(d => d.Level).ThenBy(d => d.Code).Take(limit).ToListAsync(ct);
    }

    /// <summary>One household of a village in scope, or null.</summary>
    public Task<Household?> HouseholdAsync(string villageCode, long id, CancellationToken ct) =>
        scoped.Households.FirstOrDefaultAsync(h => h.Id == id && h.VillageCode == villageCode, ct);

    /// <summary>A page of a village's households, by house number order of entry; optionally filtered by house number.</summary>
    public async Task<(List<Household> Rows, int Total)> HouseholdsAsync(string villageCode, int page, string? houseNo, CancellationToken ct)
    {
        var query = scoped.Households.Where(h => h.VillageCode == villageCode);
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
