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
            var list = new List<Dictionary<string, object>>();
            long count = 0;
            await foreach (var row in rows.WithCancellation(ct))
            {
                var d = new Dictionary<string, object>(header.Count);
                for (var i = 0; i < header.Count; i++)
                {
                    d[header[i]] = row[i];
                }
                list.Add(d);
                count++;
            }
            if (count == 0)
            {
                // MiniExcel takes the header from the first row: an empty export still gets its header.
                list.Add(header.ToDictionary(h => h, _ => (object)""));
            }
            await MiniExcel.SaveAsAsync(path, list, sheetName: "data", overwriteFile: true, cancellationToken: ct);
            return count;
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
}
