using Liaison.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Import;

/// <summary>A unit as a file names it: its id, code, level and the division it belongs to.</summary>
public sealed record FoundUnit(int Id, string Code, UnitLevel Level, string DivisionCode);

/// <summary>
/// Finds the unit a cell names, as offices write it: by its code, else by its exact name (spaces
/// aside), inside the uploader's jurisdiction when it has one — a county's roster names its own
/// 县公安局, not each county's. A name of several units is refused with their codes.
/// </summary>
public sealed class UnitFinder
{
    private readonly Dictionary<string, FoundUnit> _byCode;
    private readonly Dictionary<string, List<FoundUnit>> _byName;
    private readonly string? _within;

    private UnitFinder(IReadOnlyList<(FoundUnit Unit, string Name)> units, string? within)
    {
        _byCode = units.ToDictionary(u => u.Unit.Code, u => u.Unit, StringComparer.Ordinal);
        _byName = units.GroupBy(u => CellNormaliser.Name(u.Name), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(u => u.Unit).ToList(), StringComparer.Ordinal);
        ById = units.ToDictionary(u => u.Unit.Id, u => u.Unit);
        _within = within;
    }

    /// <summary>Every unit by its id.</summary>
    public IReadOnlyDictionary<int, FoundUnit> ById { get; }

    /// <summary>Every unit of the database (<paramref name="openOnly"/>: the open ones); <paramref name="within"/>: the uploader's jurisdiction, for names.</summary>
    public static async Task<UnitFinder> LoadAsync(LiaisonDb db, string? within, CancellationToken ct, bool openOnly = false)
    {
        var units = await db.Units.AsNoTracking().Where(u => !openOnly || u.Status == UnitStatus.Open)
            .Select(u => new { u.Id, u.Code, u.Name, u.Level, u.DivisionCode }).ToListAsync(ct);
        return new(units.Select(u => (new FoundUnit(u.Id, u.Code, u.Level, u.DivisionCode), u.Name)).ToList(), within);
    }

    /// <summary>The unit the cell of <paramref name="key"/> names; null (a problem on the row, unless empty and not required) when none or several.</summary>
    public FoundUnit? Find(RowReader row, string key, bool required)
    {
        var raw = required ? row.Required(key) : row.Optional(key);
        if (raw.Length == 0)
        {
            return null;
        }
        var code = CellNormaliser.Code(raw);
        if (_byCode.TryGetValue(code, out var unit))
        {
            row.Normalised(key, raw, code);
            return unit;
        }
        var name = CellNormaliser.Name(raw);
        if (_byName.TryGetValue(name, out var all))
        {
            var named = _within is { } within && all.Where(u => Domain.Divisions.DivisionCode.IsInSubtree(u.DivisionCode, within)).ToList() is { Count: > 0 } own ? own : all;
            if (named.Count > 1)
            {
                row.Problem(key, ImportReason.AmbiguousUnit, name, string.Join("、", named.Select(u => u.Code).Order(StringComparer.Ordinal)));
                return null;
            }
            row.Normalised(key, raw, named[0].Code);
            return named[0];
        }
        row.Problem(key, ImportReason.UnknownUnit, raw);
        return null;
    }
}
