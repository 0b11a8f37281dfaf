using Liaison.Data.Access;
using Liaison.Domain.Divisions;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Web;

/// <summary>
/// Where a division sits, as people read it: "汶上县 › 中都街道", its ancestors from the county down (and
/// itself when asked), names being public. One home for the search results, the village's public page
/// and the printed notices.
/// </summary>
public static class DivisionPaths
{
    public static async Task<Dictionary<string, string?>> OfAsync(Scoped scoped, IEnumerable<string> codes, bool includeSelf, CancellationToken ct)
    {
        var list = codes.Distinct().ToList();
        // From the county down: the province and the city are the same for everyone using one database.
        var chains = list.ToDictionary(c => c, c => DivisionCode.Ancestors(c).Where(a => a.Length > 4).Concat(includeSelf ? [c] : []).OrderBy(a => a.Length).ToList());
        var wanted = chains.Values.SelectMany(c => c).Distinct().ToList();
        var names = await scoped.Names.Where(d => wanted.Contains(d.Code)).Select(d => new { d.Code, d.Name }).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        return chains.ToDictionary(c => c.Key, c => c.Value.Count == 0 ? null : (string?)string.Join(" › ", c.Value.Select(a => names.GetValueOrDefault(a, a))));
    }

    /// <summary>One division's path ("" for one with no county above it).</summary>
    public static async Task<string> OfAsync(Scoped scoped, string code, CancellationToken ct) =>
        (await OfAsync(scoped, [code], includeSelf: false, ct))[code] ?? "";
}
