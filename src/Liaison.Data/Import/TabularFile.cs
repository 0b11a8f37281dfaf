using System.Globalization;
using MiniExcelLibs;

namespace Liaison.Data.Import;

/// <summary>One data row of a table: the line (CSV) or row number (xlsx) it came from, and its cells.</summary>
public readonly record struct TabularRow(long Line, IReadOnlyList<string> Cells);

/// <summary>A CSV (.csv, .csv.gz) or xlsx file read as a header and rows, whatever its format.</summary>
public sealed class TabularFile
{
    private TabularFile(string path, IReadOnlyList<string> header, IEnumerable<TabularRow> rows, Func<double>? fraction)
    {
        ReadFraction = fraction ?? (() => 0);
        Path = path;
        Name = System.IO.Path.GetFileName(path);
        Header = header;
        Rows = rows;
    }

    public string Path { get; }
    public string Name { get; }
    public IReadOnlyList<string> Header { get; }

    /// <summary>How much of the file has been read, 0 to 1, for progress bars.</summary>
    public Func<double> ReadFraction { get; }

    /// <summary>The data rows, read lazily once; the cell list of a CSV row is reused between rows.</summary>
    public IEnumerable<TabularRow> Rows { get; }

    public static bool IsXlsx(string path) => path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    public static bool IsCsv(string path) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>Opens a file; <paramref name="allowGb18030"/> accepts GBK/GB18030 CSV besides UTF-8.</summary>
    public static TabularFile Open(string path, bool allowXlsx, bool allowGb18030)
    {
        var name = System.IO.Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new ImportRefusedException(new ImportProblem(name, null, null, ImportReason.FileNotFound));
        }
        if (allowXlsx && IsXlsx(path))
        {
            return OpenXlsx(path, name);
        }
        if (!IsCsv(path))
        {
            var ext = System.IO.Path.GetExtension(path);
            throw new ImportRefusedException(new ImportProblem(name, null, null, ImportReason.UnsupportedFormat, ext.Length == 0 ? name : ext));
        }
        var (reader, encodingName, fraction) = TextSource.Open(path, allowGb18030);
        var csv = new CsvRecordReader(reader, name, encodingName);
        var header = new List<string>();
        if (!csv.Read(header))
        {
            reader.Dispose();
            throw new ImportRefusedException(new ImportProblem(name, 1, null, ImportReason.EmptyFile));
        }
        return new TabularFile(path, header.Select(CleanHeader).ToList(), CsvRows(reader, csv), fraction);
    }

    private static IEnumerable<TabularRow> CsvRows(TextReader reader, CsvRecordReader csv)
    {
        using (reader)
        {
            var cells = new List<string>();
            while (csv.Read(cells))
            {
                yield return new TabularRow(csv.RecordLine, cells);
            }
        }
    }

    private static TabularFile OpenXlsx(string path, string name)
    {
        List<IDictionary<string, object?>> rows;
        try
        {
            rows = MiniExcel.Query(path, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException)
        {
            throw new ImportRefusedException(new ImportProblem(name, null, null, ImportReason.UnsupportedFormat, ".xlsx (" + e.Message + ")"));
        }
        if (rows.Count == 0)
        {
            throw new ImportRefusedException(new ImportProblem(name, 1, null, ImportReason.EmptyFile));
        }
        var keys = rows[0].Keys.ToList();
        var header = keys.Select(k => CleanHeader(CellText(rows[0][k]))).ToList();
        // Trailing columns without a header are the spreadsheet's empty width, not data.
        while (header.Count > 0 && header[^1].Length == 0)
        {
            header.RemoveAt(header.Count - 1);
        }
        var width = header.Count;
        var done = 0;
        var data = rows.Skip(1)
            .Select((r, i) => new TabularRow(i + 2, keys.Take(width).Select(k => CellText(r.TryGetValue(k, out var v) ? v : null)).ToList()))
            .Where(r => r.Cells.Any(c => c.Length > 0))
            .Select(r => { done++; return r; });
        return new TabularFile(path, header, data, () => (double)done / rows.Count);
    }

    private static string CellText(object? value) => value switch
    {
        null => "",
        string s => s,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string CleanHeader(string h) => h.Trim().TrimStart('\uFEFF').Trim();
}
