using System.Globalization;
using Liaison.Domain.Shared;

namespace Liaison.Data.Import;

/// <summary>One field of a row that an import changes: the column, the value stored now and the file's.</summary>
public sealed record FieldChange(Term Column, Term Before, Term After);

/// <summary>A row of the file that changes a stored record: its line, its key, and what changes.</summary>
public sealed record RowChange(long Line, string Key, IReadOnlyList<FieldChange> Fields);

/// <summary>A row of the file that adds a record.</summary>
public sealed record RowAdded(long Line, string Key);

/// <summary>A stored record that a complete-scope import ends (not in the file): its key, and what ending it means.</summary>
public sealed record RowEnded(string Key, Term Reason);

/// <summary>
/// What an import would do, or did (docs/IMPORTS.md): the sheet and header row read, rows to add,
/// to change (with what changes) and unchanged, records to end (an import declared complete for a
/// scope: those of the scope the file does not list), every refusal (the first ones listed, all
/// counted), every cell normalised (the first ones as examples, all counted, per column), where
/// reading stopped at a footer. A preview writes nothing (<see cref="Written"/> false); a page
/// shows it and asks for confirmation, the CLI prints it (<c>--preview</c>, <c>--json</c>).
/// </summary>
public sealed record ImportPreview
{
    /// <summary>How many added and changed rows are listed; the rest are counted.</summary>
    public const int ListLimit = 50;

    public required string File { get; init; }
    /// <summary>The kind of record, as the audit log names it: units, cadres, households, candidates, divisions.</summary>
    public required string Entity { get; init; }
    public string Format { get; init; } = "";
    public string? Sheet { get; init; }
    public long HeaderLine { get; init; }
    public bool TwoRowHeader { get; init; }
    public IReadOnlyList<string> Header { get; init; } = [];

    /// <summary>Rows read without a problem.</summary>
    public long Rows { get; init; }
    public long Adds { get; init; }
    public long Changes { get; init; }
    public long Unchanged { get; init; }
    public IReadOnlyList<RowAdded> Added { get; init; } = [];
    public IReadOnlyList<RowChange> Changed { get; init; } = [];
    public long Ends { get; init; }
    public IReadOnlyList<RowEnded> Ended { get; init; } = [];

    /// <summary>Every problem found; <see cref="Problems"/> lists the first ones (and past them a line with the total).</summary>
    public long ProblemCount { get; init; }
    public IReadOnlyList<ImportProblem> Problems { get; init; } = [];

    public long NormalisationCount { get; init; }
    public IReadOnlyList<Normalisation> Normalisations { get; init; } = [];
    public IReadOnlyDictionary<string, long> NormalisedByColumn { get; init; } = new Dictionary<string, long>();

    public FooterNote? Footer { get; init; }
    /// <summary>Empty and comma-only rows skipped.</summary>
    public long SkippedRows { get; init; }

    /// <summary>False for a preview: nothing was written.</summary>
    public bool Written { get; init; }

    /// <summary>Whether the import may be confirmed: no problem found.</summary>
    public bool Acceptable => ProblemCount == 0;

    /// <summary>The problems in both languages, with file, line and column.</summary>
    public IReadOnlyList<Term> ProblemMessages => Problems.Select(p => p.Message()).ToList();

    /// <summary>What was read and where, in both languages: the sheet and header, skipped rows, the footer.</summary>
    public IReadOnlyList<Term> Notes
    {
        get
        {
            var notes = new List<Term>();
            var rows = TwoRowHeader
                ? new Term($"第 {HeaderLine - 1}–{HeaderLine} 行（两行表头）", $"rows {HeaderLine - 1}–{HeaderLine} (a two-row header)")
                : new Term($"第 {HeaderLine} 行", $"row {HeaderLine}");
            notes.Add(Sheet is { Length: > 0 }
                ? new Term($"读取工作表“{Sheet}”，表头在{rows.Zh}（{Format}）", $"read the sheet '{Sheet}', header on {rows.En} ({Format})")
                : new Term($"表头在{rows.Zh}（{Format}）", $"header on {rows.En} ({Format})"));
            if (SkippedRows > 0)
            {
                notes.Add(new Term($"跳过 {SkippedRows} 个空行（或只有逗号的行）", $"skipped {SkippedRows} empty (or comma-only) rows"));
            }
            if (Footer is { } f)
            {
                notes.Add(f.RowsAfter > 0
                    ? new Term($"第 {f.Line} 行是表尾（{f.Text}），读取到此为止；其后还有 {f.RowsAfter} 行未读取，请检查", $"row {f.Line} is a footer ({f.Text}): reading stopped there; {f.RowsAfter} non-empty rows after it were not read, check them")
                    : new Term($"第 {f.Line} 行是表尾（{f.Text}），读取到此为止", $"row {f.Line} is a footer ({f.Text}): reading stopped there"));
            }
            if (NormalisationCount > 0)
            {
                var byColumn = string.Join("，", NormalisedByColumn.Select(kv => $"{kv.Key} {kv.Value}"));
                var byColumnEn = string.Join(", ", NormalisedByColumn.Select(kv => $"{kv.Key} {kv.Value}"));
                notes.Add(new Term($"规范化了 {NormalisationCount} 个单元格（{byColumn}）", $"normalised {NormalisationCount} cells ({byColumnEn})"));
            }
            return notes;
        }
    }

    /// <summary>One normalisation in words: "第 3 行，列“手机号”：+86 139 1234 5678 → 13912345678".</summary>
    public static Term Describe(Normalisation n) => new(
        $"第 {n.Line.ToString(CultureInfo.InvariantCulture)} 行，列“{n.Column}”：{n.Before} → {n.After}",
        $"line {n.Line.ToString(CultureInfo.InvariantCulture)}, column {n.Column}: {n.Before} → {n.After}");

    /// <summary>
    /// The preview of a file an importer reads whole before comparing (work teams, deeds): the file
    /// opened with its columns and given to <paramref name="read"/>; a file refused as a whole (not
    /// found, no header, a missing column) is a preview with that refusal.
    /// </summary>
    internal static async Task<ImportPreview> ReadAsync(string path, string entity, IReadOnlyList<ImportColumn> layout, Func<TabularFile, Task<ImportPreview>> read)
    {
        var name = Path.GetFileName(path);
        TabularFile? file = null;
        try
        {
            file = TabularFile.Open(path, allowXlsx: true, allowGb18030: true, layout);
            return await read(file);
        }
        catch (ImportRefusedException e)
        {
            return Refused(file, name, entity, new ImportProblems(name), e);
        }
    }

    /// <summary>A preview of a file refused as a whole (not found, no header, a missing column): the problems found so far and the refusal's.</summary>
    internal static ImportPreview Refused(TabularFile? file, string name, string entity, ImportProblems problems, ImportRefusedException refusal)
    {
        foreach (var p in refusal.ImportProblems)
        {
            problems.Add(p.Line, p.Column, p.Reason, p.Args);
        }
        return Of(file, name, entity, problems, written: false);
    }

    /// <summary>What the file and its reading said, without rows: for a refusal before any row was read.</summary>
    internal static ImportPreview Of(TabularFile? file, string name, string entity, ImportProblems problems, bool written) => new()
    {
        File = name,
        Entity = entity,
        Format = file?.Format ?? "",
        Sheet = file?.Sheet,
        HeaderLine = file?.HeaderLine ?? 0,
        TwoRowHeader = file?.TwoRowHeader ?? false,
        Header = file?.Header ?? [],
        ProblemCount = problems.Count,
        Problems = problems.Refused(),
        NormalisationCount = problems.NormalisationCount,
        Normalisations = problems.Normalisations,
        NormalisedByColumn = problems.NormalisedByColumn,
        Footer = file?.Footer,
        SkippedRows = file?.SkippedRows ?? 0,
        Written = written,
    };
}
