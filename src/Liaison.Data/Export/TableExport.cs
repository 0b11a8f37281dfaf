using System.Text;
using MiniExcelLibs;

namespace Liaison.Data.Export;

/// <summary>Writes a header and rows of text as xlsx (by the file's extension) or UTF-8 CSV with a BOM, for Excel and WPS.</summary>
public static class TableExport
{
    public static async Task<long> WriteAsync(string path, IReadOnlyList<string> header, IAsyncEnumerable<string[]> rows, CancellationToken ct)
    {
        if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            var list = new List<string[]>();
            await foreach (var row in rows.WithCancellation(ct))
            {
                list.Add(row);
            }
            await MiniExcel.SaveAsAsync(path, Sheet(header, list), sheetName: "data", overwriteFile: true, cancellationToken: ct);
            return list.Count;
        }
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteLineAsync(string.Join(",", header.Select(SpreadsheetText.ForCsv)));
        long n = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            await writer.WriteLineAsync(string.Join(",", row.Select(SpreadsheetText.ForCsv)));
            n++;
        }
        return n;
    }

    /// <summary>The same as an xlsx file in memory, for a page's "export this view".</summary>
    public static async Task<byte[]> XlsxAsync(IReadOnlyList<string> header, IEnumerable<string[]> rows, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, Sheet(header, rows.ToList()), sheetName: "data", cancellationToken: ct);
        return stream.ToArray();
    }

    private static List<Dictionary<string, object>> Sheet(IReadOnlyList<string> header, List<string[]> rows)
    {
        var list = rows.Select(row =>
        {
            var d = new Dictionary<string, object>(header.Count);
            for (var i = 0; i < header.Count; i++)
            {
                d[header[i]] = row[i];
            }
            return d;
        }).ToList();
        if (list.Count == 0)
        {
            // MiniExcel takes the header from the first row: an empty export still gets its header.
            list.Add(header.ToDictionary(h => h, _ => (object)""));
        }
        return list;
    }
}
