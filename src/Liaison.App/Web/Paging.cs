using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Web;

/// <summary>
/// One page of a long list: which page, how many a page holds, how many in all. Lists keep their
/// filters, order and page in the URL, so a view can be bookmarked, shared and exported as it is.
/// </summary>
public sealed record Paging(int Page, int Size, int Total, string Key = "page")
{
    public const int DefaultSize = 20;

    public int Pages => Math.Max(1, (Total + Size - 1) / Size);
    public int Skip => (Page - 1) * Size;

    /// <summary>The page asked for, kept within 1 … the last page; <paramref name="key"/> names it in the URL (two lists on a page page apart).</summary>
    public static Paging Of(int? page, int total, int size = DefaultSize, string key = "page") =>
        new(Math.Clamp(page ?? 1, 1, Math.Max(1, (total + size - 1) / size)), size, total, key);

    /// <summary>One page of an ordered query, and the paging that says which of how many.</summary>
    public static async Task<(List<T> Rows, Paging Paging)> PageAsync<T>(IQueryable<T> ordered, int? page, int size, string key, CancellationToken ct)
    {
        var paging = Of(page, await ordered.CountAsync(ct), size, key);
        return (await ordered.Skip(paging.Skip).Take(paging.Size).ToListAsync(ct), paging);
    }

    /// <summary>The page numbers to offer: the first, the last and a few around this one (0 marks a gap).</summary>
    public IEnumerable<int> Window()
    {
        var shown = new SortedSet<int> { 1, Pages };
        for (var p = Page - 2; p <= Page + 2; p++)
        {
            if (p >= 1 && p <= Pages)
            {
                shown.Add(p);
            }
        }
        var last = 0;
        foreach (var p in shown)
        {
            if (p > last + 1)
            {
                yield return 0;
            }
            yield return p;
            last = p;
        }
    }

    /// <summary>This request's URL with <paramref name="key"/> set to <paramref name="value"/> (null removes it); a new filter or order starts at page 1.</summary>
    public static string With(HttpRequest request, string key, string? value)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value).ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (!key.EndsWith("page", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var page in query.Keys.Where(k => k.EndsWith("page", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                query.Remove(page);
            }
        }
        query.Remove("handler");
        if (value is null)
        {
            query.Remove(key);
        }
        else
        {
            query[key] = value;
        }
        return QueryHelpers.AddQueryString(request.Path, query.Where(q => q.Value.Length > 0).Select(q => new KeyValuePair<string, string?>(q.Key, q.Value)));
    }
}
