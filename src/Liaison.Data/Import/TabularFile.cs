using System.Globalization;
using Liaison.Domain.Shared;
using MiniExcelLibs;

namespace Liaison.Data.Import;

/// <summary>One data row of a table: the line (CSV) or row number (xlsx) it came from, and its cells.</summary>
public readonly record struct TabularRow(long Line, IReadOnlyList<string> Cells);

/// <summary>Where reading stopped before the end: a footer row (合计, 填表人 …), and how many non-empty rows came after it, unread.</summary>
public sealed record FooterNote(long Line, string Text, long RowsAfter);

/// <summary>
/// A table file read as a header and rows, whatever its format: CSV (.csv, .csv.gz; UTF-8, GBK /
/// GB18030, UTF-16), Excel's "Unicode text" (.txt, UTF-16 with tabs), .xlsx and .xls. As offices
/// send them (docs/IMPORTS.md): the header is found among the first rows, below title and blank
/// rows, as one row or two (a merged group row above the real one), on whichever sheet holds it;
/// empty and comma-only rows are skipped; reading stops at a footer row (合计, 填表人 …).
/// </summary>
public sealed class TabularFile
{
    /// <summary>The header is looked for among this many first rows of each sheet.</summary>
    public const int HeaderSearchRows = 10;

    private static readonly string[] FooterWords =
    [
        "合计", "总计", "共计", "填表人", "填报人", "制表人", "审核人", "审批人", "填表单位", "填报单位", "制表单位",
        "填表日期", "填报日期", "制表日期", "单位负责人", "负责人", "注：", "说明：", "备注：",
    ];

    /// <summary>The first characters of <see cref="FooterWords"/>, to pass over a data row at a glance.</summary>
    private static readonly System.Buffers.SearchValues<char> FooterStarts = System.Buffers.SearchValues.Create([.. FooterWords.Select(w => w[0]).Distinct()]);

    private readonly IEnumerable<TabularRow> _rows;

    private TabularFile(string path, HeaderFound header, IEnumerable<TabularRow> rows, Func<double>? fraction, string? sheet, string format)
    {
        ReadFraction = fraction ?? (() => 0);
        Path = path;
        Name = System.IO.Path.GetFileName(path);
        Header = header.Cells;
        HeaderLine = header.Line;
        TwoRowHeader = header.TwoRows;
        Sheet = sheet;
        Format = format;
        _rows = rows;
    }

    public string Path { get; }
    public string Name { get; }
    public IReadOnlyList<string> Header { get; }

    /// <summary>The line (row) of the header; of its lower row when it has two.</summary>
    public long HeaderLine { get; }

    /// <summary>The header was two rows: a group row above, merged over the real headers.</summary>
    public bool TwoRowHeader { get; }

    /// <summary>The sheet the table was read from (a workbook's), null for a text file.</summary>
    public string? Sheet { get; }

    /// <summary>The format as read, for people: "xlsx", "xls", "CSV UTF-8", "CSV GB18030", "UTF-16 text".</summary>
    public string Format { get; }

    /// <summary>Set once the rows have been read, when they ended at a footer row.</summary>
    public FooterNote? Footer { get; private set; }

    /// <summary>Empty and comma-only rows skipped, counted as the rows are read.</summary>
    public long SkippedRows { get; private set; }

    /// <summary>How much of the file has been read, 0 to 1, for progress bars.</summary>
    public Func<double> ReadFraction { get; }

    /// <summary>The data rows, read lazily once; the cell list of a CSV row is reused between rows.</summary>
    public IEnumerable<TabularRow> Rows
    {
        get
        {
            using var e = _rows.GetEnumerator();
            while (e.MoveNext())
            {
                var row = e.Current;
                if (IsEmpty(row.Cells))
                {
                    SkippedRows++;
                    continue;
                }
                if (FooterWord(row.Cells) is { } word)
                {
                    var line = row.Line;
                    long after = 0;
                    while (e.MoveNext())
                    {
                        if (!IsEmpty(e.Current.Cells))
                        {
                            after++;
                        }
                    }
                    Footer = new FooterNote(line, word, after);
                    yield break;
                }
                yield return row;
            }
        }
    }

    public static bool IsXlsx(string path) => path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    public static bool IsXls(string path) => path.EndsWith(".xls", StringComparison.OrdinalIgnoreCase);

    public static bool IsCsv(string path) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>Excel's "Unicode text" and other tab-separated text.</summary>
    public static bool IsTabText(string path) =>
        path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase);

    /// <summary>Opens a file, taking its first non-empty row as the header; <paramref name="allowGb18030"/> accepts GBK/GB18030 text besides UTF-8 and UTF-16.</summary>
    public static TabularFile Open(string path, bool allowXlsx, bool allowGb18030) => Open(path, allowXlsx, allowGb18030, null);

    /// <summary>
    /// Opens a file and finds its header: the row (or two rows) among the first
    /// <see cref="HeaderSearchRows"/> of a sheet that names most of <paramref name="columns"/>, on the
    /// sheet where they are named most.
    /// </summary>
    public static TabularFile Open(string path, bool allowXlsx, bool allowGb18030, IReadOnlyList<ImportColumn>? columns)
    {
        var name = System.IO.Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new ImportRefusedException(new ImportProblem(name, null, null, ImportReason.FileNotFound));
        }
        if (allowXlsx && IsXlsx(path))
        {
            return OpenWorkbook(path, name, columns, XlsxSheets(path, name), "xlsx");
        }
        if (allowXlsx && IsXls(path))
        {
            return OpenWorkbook(path, name, columns, XlsSheets(path, name), "xls");
        }
        if (!IsCsv(path) && !(allowXlsx && IsTabText(path)))
        {
            var ext = System.IO.Path.GetExtension(path);
            throw new ImportRefusedException(new ImportProblem(name, null, null, ImportReason.UnsupportedFormat, ext.Length == 0 ? name : ext));
        }
        var (reader, encodingName, fraction) = TextSource.Open(path, allowGb18030);
        var tab = encodingName == "UTF-16" || IsTabText(path);
        var csv = new CsvRecordReader(reader, name, encodingName, delimiter: tab ? '\t' : ',');
        // The first rows are read ahead to find the header among them; the rest streams.
        var first = new List<TabularRow>();
        var cells = new List<string>();
        while (first.Count < HeaderSearchRows && csv.Read(cells))
        {
            first.Add(new TabularRow(csv.RecordLine, cells.ToList()));
        }
        if (first.Count == 0)
        {
            reader.Dispose();
            throw new ImportRefusedException(new ImportProblem(name, 1, null, ImportReason.EmptyFile));
        }
        var header = FindHeader(first, columns);
        if (header is null)
        {
            reader.Dispose();
            throw columns is null ? new ImportRefusedException(new ImportProblem(name, 1, null, ImportReason.EmptyFile)) : NoHeader(name, columns);
        }
        var format = tab ? (encodingName == "UTF-16" ? "UTF-16 text" : "text " + encodingName) : "CSV " + encodingName;
        return new TabularFile(path, header, TextRows(first.Skip(header.Index + 1).ToList(), reader, csv), fraction, null, format);
    }

    private static IEnumerable<TabularRow> TextRows(List<TabularRow> ahead, TextReader reader, CsvRecordReader csv)
    {
        using (reader)
        {
            foreach (var row in ahead)
            {
                yield return row;
            }
            var cells = new List<string>();
            while (csv.Read(cells))
            {
                yield return new TabularRow(csv.RecordLine, cells);
            }
        }
    }

    /// <summary>A sheet of a workbook, its rows read whole (row numbers from 1, empty rows kept as empty).</summary>
    private sealed record SheetRows(string Name, List<TabularRow> Rows);

    private static TabularFile OpenWorkbook(string path, string name, IReadOnlyList<ImportColumn>? columns, List<SheetRows> sheets, string format)
    {
        if (sheets.All(s => s.Rows.All(r => IsEmpty(r.Cells))))
        {
            throw new ImportRefusedException(new ImportProblem(name, 1, null, ImportReason.EmptyFile));
        }
        // The sheet whose header names most columns (an instruction sheet first names none); else the first with anything in it.
        var (sheet, header) = sheets
            .Select(s => (Sheet: s, Header: FindHeader(s.Rows.Take(HeaderSearchRows).ToList(), columns)))
            .Where(x => x.Header is not null)
            .OrderByDescending(x => x.Header!.Score).ThenBy(x => sheets.IndexOf(x.Sheet))
            .Select(x => (x.Sheet, x.Header!))
            .FirstOrDefault();
        if (sheet is null || header.Score == 0)
        {
            if (columns is not null)
            {
                throw NoHeader(name, columns);
            }
            sheet = sheets.First(s => s.Rows.Any(r => !IsEmpty(r.Cells)));
            header = FirstRow(sheet.Rows)!;
        }
        var data = sheet.Rows.Skip(header.Index + 1).ToList();
        var width = header.Cells.Count;
        var done = 0;
        var rows = data.Select(r => { done++; return r.Cells.Count > width ? r with { Cells = r.Cells.Take(width).ToList() } : r; });
        return new TabularFile(path, header, rows, () => data.Count == 0 ? 1 : (double)done / data.Count, sheet.Name, format);
    }

    /// <summary>No row of any sheet names a column: the refusal lists the columns looked for, not an instruction sheet's text.</summary>
    private static ImportRefusedException NoHeader(string name, IReadOnlyList<ImportColumn> columns)
    {
        var required = columns.Where(c => c.Required).ToList();
        return new(new ImportProblem(name, null, null, ImportReason.NoHeader,
        [
            Term.Same(HeaderSearchRows.ToString(CultureInfo.InvariantCulture)),
            new Term(string.Join("、", required.Select(c => c.ZhHeader)), string.Join(", ", required.Select(c => c.EnHeader))),
        ]));
    }

    private static List<SheetRows> XlsxSheets(string path, string name)
    {
        try
        {
            var sheets = new List<SheetRows>();
            foreach (var sheetName in MiniExcel.GetSheetNames(path))
            {
                var rows = MiniExcel.Query(path, useHeaderRow: false, sheetName: sheetName).Cast<IDictionary<string, object?>>()
                    .Select((r, i) => new TabularRow(i + 1, r.Values.Select(CellText).ToList()))
                    .ToList();
                sheets.Add(new SheetRows(sheetName, rows));
            }
            return sheets;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or ArgumentException)
        {
            throw new ImportRefusedException(new ImportProblem(name, null, null, ImportReason.UnsupportedFormat, ".xlsx (" + e.Message + ")"));
        }
    }

    /// <summary>An .xls workbook (Excel 97–2003), read by ExcelDataReader; its text in the workbook's code page (GBK for Chinese Excel).</summary>
    private static List<SheetRows> XlsSheets(string path, string name)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = ExcelDataReader.ExcelReaderFactory.CreateReader(stream);
            var sheets = new List<SheetRows>();
            do
            {
                var rows = new List<TabularRow>();
                long line = 0;
                while (reader.Read())
                {
                    var cells = new List<string>(reader.FieldCount);
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        cells.Add(CellText(reader.GetValue(i)));
                    }
                    rows.Add(new TabularRow(++line, cells));
                }
                sheets.Add(new SheetRows(reader.Name ?? "", rows));
            }
            while (reader.NextResult());
            return sheets;
        }
        catch (Exception e) when (e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or IOException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw new ImportRefusedException(new ImportProblem(name, null, null, ImportReason.UnsupportedFormat, ".xls (" + e.Message + ")"));
        }
    }

    /// <summary>The header found: where (index among the rows read, line), its cells, whether of two rows, how many columns it names.</summary>
    private sealed record HeaderFound(int Index, long Line, IReadOnlyList<string> Cells, bool TwoRows, int Score);

    /// <summary>
    /// The row among <paramref name="rows"/> that names most columns, alone or under the row above
    /// it (a cell of the lower row where it has one, else the upper's: a group header merged over
    /// several columns, and the headers merged down over both rows, read as one row). Null when no
    /// columns are given or none is named.
    /// </summary>
    private static HeaderFound? FindHeader(List<TabularRow> rows, IReadOnlyList<ImportColumn>? columns)
    {
        if (columns is null)
        {
            return FirstRow(rows);
        }
        HeaderFound? best = null;
        for (var i = 0; i < rows.Count && i < HeaderSearchRows; i++)
        {
            if (IsEmpty(rows[i].Cells))
            {
                continue;
            }
            var one = Clean(rows[i].Cells);
            var candidate = new HeaderFound(i, rows[i].Line, one, false, Score(one, columns));
            if (i > 0 && !IsEmpty(rows[i - 1].Cells))
            {
                var upper = rows[i - 1].Cells;
                var lower = rows[i].Cells;
                var merged = Clean(Enumerable.Range(0, Math.Max(upper.Count, lower.Count))
                    .Select(c => c < lower.Count && CellNormaliser.Trim(lower[c]).Length > 0 ? lower[c] : c < upper.Count ? upper[c] : "").ToList());
                var score = Score(merged, columns);
                if (score > candidate.Score)
                {
                    candidate = new HeaderFound(i, rows[i].Line, merged, true, score);
                }
            }
            if (candidate.Score > 0 && (best is null || candidate.Score > best.Score))
            {
                best = candidate;
            }
        }
        return best;
    }

    private static int Score(IReadOnlyList<string> header, IReadOnlyList<ImportColumn> columns) =>
        columns.Count(c => header.Any(h => h.Length > 0 && c.Matches(h)));

    private static HeaderFound? FirstRow(List<TabularRow> rows)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (!IsEmpty(rows[i].Cells))
            {
                return new HeaderFound(i, rows[i].Line, Clean(rows[i].Cells), false, 0);
            }
        }
        return null;
    }

    /// <summary>The header's cells cleaned (BOM, whitespace at the ends, line breaks inside), trailing empty ones dropped.</summary>
    private static List<string> Clean(IReadOnlyList<string> cells)
    {
        var header = cells.Select(CleanHeader).ToList();
        // Trailing columns without a header are the spreadsheet's empty width, not data.
        while (header.Count > 0 && header[^1].Length == 0)
        {
            header.RemoveAt(header.Count - 1);
        }
        return header;
    }

    private static bool IsEmpty(IReadOnlyList<string> cells)
    {
        foreach (var c in cells)
        {
            if (CellNormaliser.Trim(c).Length > 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The footer word the row's first non-empty cell starts with, if any.</summary>
    private static string? FooterWord(IReadOnlyList<string> cells)
    {
        foreach (var c in cells)
        {
            var t = CellNormaliser.Trim(c);
            if (t.Length == 0)
            {
                continue;
            }
            // Almost every row starts with a code or a number: no footer word starts so.
            if (t.Length > 40 || !FooterStarts.Contains(t[0]))
            {
                return null;
            }
            var folded = CellNormaliser.RemoveSpaces(t).Replace(':', '：');
            foreach (var word in FooterWords)
            {
                if (folded.StartsWith(word, StringComparison.Ordinal))
                {
                    return word.TrimEnd('：');
                }
            }
            return null;
        }
        return null;
    }

    private static string CellText(object? value) => value switch
    {
        null => "",
        string s => s,
        DateTime d => d.TimeOfDay == TimeSpan.Zero
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string CleanHeader(string h) => CellNormaliser.Trim(h.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal));
}
