using Liaison.Data.Import;
using Liaison.Domain.Divisions;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Divisions;

/// <summary>A village as a file names it: its code, name and township's name.</summary>
public sealed record FoundVillage(string Code, string Name, string Township);

/// <summary>
/// Finds the village (or community) a row names, as offices write it: by its 12-digit code, or by
/// its name — 赵庙村, 赵庙, 赵庙村委会 and 赵庙村民委员会 alike — narrowed by the township's name
/// (南阳镇 or 南阳) where several villages share it. Villages in force only, inside the uploader's
/// jurisdiction when it has one. A name of several villages is refused with their places.
/// </summary>
public sealed class VillageFinder
{
    private readonly Dictionary<string, FoundVillage> _byCode;
    private readonly Dictionary<string, List<FoundVillage>> _byName;
    private readonly string? _within;

    private VillageFinder(IReadOnlyList<FoundVillage> villages, string? within)
    {
        _byCode = villages.ToDictionary(v => v.Code, StringComparer.Ordinal);
        _byName = villages.GroupBy(v => Key(v.Name), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _within = within;
    }

    /// <summary>The villages in force; a name is read inside <paramref name="within"/> (a division code, the uploader's jurisdiction) when it has one there.</summary>
    public static async Task<VillageFinder> LoadAsync(LiaisonDb db, string? within, CancellationToken ct)
    {
        var villages = await (from v in db.Divisions.AsNoTracking()
                              join t in db.Divisions.AsNoTracking() on v.ParentCode equals t.Code
                              where v.Level == DivisionLevel.Village && v.WithdrawnOn == null
                              select new FoundVillage(v.Code, v.Name, t.Name)).ToListAsync(ct);
        return new(villages, within);
    }

    /// <summary>
    /// The village of the row: the code in <paramref name="codeKey"/> if given, else the name in
    /// <paramref name="nameKey"/> (with the township in <paramref name="townshipKey"/>); null, with the
    /// problem on the row, when it names none, several, or nothing at all.
    /// </summary>
    public FoundVillage? Find(RowReader row, string codeKey, string nameKey, string townshipKey)
    {
        var code = row.Code(codeKey, required: false);
        if (code.Length > 0)
        {
            if (_byCode.TryGetValue(code, out var byCode))
            {
                return byCode;
            }
            row.Problem(codeKey, ImportReason.UnknownVillage, code);
            return null;
        }
        var name = CellNormaliser.Name(row.Optional(nameKey));
        if (name.Length == 0)
        {
            row.Problem(codeKey, ImportReason.EmptyValue);
            return null;
        }
        var township = CellNormaliser.Name(row.Optional(townshipKey));
        var named = _byName.GetValueOrDefault(Key(name)) ?? [];
        // A county's list names its own 赵庙村, not another county's.
        if (_within is { } within && named.Where(v => DivisionCode.IsInSubtree(v.Code, within)).ToList() is { Count: > 0 } own)
        {
            named = own;
        }
        if (township.Length > 0)
        {
            named = named.Where(v => TownshipKey(v.Township) == TownshipKey(township)).ToList();
        }
        if (named.Count == 1)
        {
            row.Normalised(nameKey, name, $"{named[0].Name}（{named[0].Code}）");
            return named[0];
        }
        if (named.Count == 0)
        {
            row.Problem(nameKey, ImportReason.UnknownVillageName,
                [Term.Same(name), township.Length > 0 ? new Term($"（{township}）", $" ({township})") : Term.Same("")]);
            return null;
        }
        row.Problem(nameKey, ImportReason.AmbiguousVillage, name,
            string.Join("、", named.OrderBy(v => v.Code, StringComparer.Ordinal).Take(5).Select(v => $"{v.Township}{v.Name} {v.Code}")));
        return null;
    }

    /// <summary>A village's name without the committee's words and a final 村: 赵庙村委会, 赵庙村民委员会, 赵庙村 and 赵庙 read alike.</summary>
    private static string Key(string name)
    {
        var n = CellNormaliser.Name(name);
        foreach (var suffix in (string[])["村民委员会", "居民委员会", "村委会", "居委会"])
        {
            if (n.EndsWith(suffix, StringComparison.Ordinal))
            {
                n = n[..^suffix.Length] + (suffix[0] == '村' ? "村" : "");
                break;
            }
        }
        return n.Length > 1 && n.EndsWith('村') ? n[..^1] : n;
    }

    /// <summary>A township's name without 办事处 and its final 镇, 乡 or 街道: 南阳镇 and 南阳 read alike.</summary>
    private static string TownshipKey(string name)
    {
        var n = CellNormaliser.Name(name);
        if (n.EndsWith("办事处", StringComparison.Ordinal))
        {
            n = n[..^3];
        }
        foreach (var suffix in (string[])["街道", "镇", "乡"])
        {
            if (n.Length > suffix.Length && n.EndsWith(suffix, StringComparison.Ordinal))
            {
                return n[..^suffix.Length];
            }
        }
        return n;
    }
}
