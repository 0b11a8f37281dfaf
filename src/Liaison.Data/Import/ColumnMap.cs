using Liaison.Domain.Shared;

namespace Liaison.Data.Import;

/// <summary>A column an import reads: its key, whether it must be present, and the headers it may have.</summary>
/// <remarks>Besides its own headers, a column takes those of <see cref="HeaderSynonyms"/> for its Chinese header.</remarks>
public sealed record ImportColumn(string Key, bool Required, string ZhHeader, string EnHeader, params string[] OtherHeaders)
{
    public string Header(UiLanguage language) => language == UiLanguage.English ? EnHeader : ZhHeader;

    /// <summary>The column's name in both languages, for messages and previews.</summary>
    public Term Name => new(ZhHeader, EnHeader);

    /// <summary>Every header taken for the column, in the order preferred: its own, then the synonyms'.</summary>
    public IEnumerable<string> Headers => new[] { ZhHeader, EnHeader }.Concat(OtherHeaders).Concat(HeaderSynonyms.Of(ZhHeader));

    public bool Matches(string header)
    {
        if (header == ZhHeader || string.Equals(header, EnHeader, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var clean = HeaderSynonyms.Clean(header);
        return Headers.Any(h => string.Equals(HeaderSynonyms.Clean(h), clean, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>Where each column stands in one file, found by its header in either language or a synonym offices use.</summary>
public sealed class ColumnMap
{
    private readonly Dictionary<string, (int Index, string Header)> _columns = [];

    private ColumnMap()
    {
    }

    public static ColumnMap Bind(TabularFile file, IReadOnlyList<ImportColumn> columns)
    {
        var map = new ColumnMap();
        var problems = new ImportProblems(file.Name);
        var clean = file.Header.Select(HeaderSynonyms.Clean).ToList();
        var taken = new HashSet<int>();
        foreach (var column in columns)
        {
            var index = -1;
            // The preferred header first: a file with both 职级 and 职务 gives the role from 职级.
            foreach (var candidate in column.Headers.Select(HeaderSynonyms.Clean).Where(h => h.Length > 0))
            {
                for (var i = 0; i < clean.Count && index < 0; i++)
                {
                    if (!taken.Contains(i) && string.Equals(clean[i], candidate, StringComparison.OrdinalIgnoreCase))
                    {
                        index = i;
                    }
                }
                if (index >= 0)
                {
                    break;
                }
            }
            if (index >= 0)
            {
                taken.Add(index);
                map._columns[column.Key] = (index, file.Header[index]);
            }
            else if (column.Required)
            {
                problems.Add(file.HeaderLine, null, ImportReason.MissingColumn, [new Term(column.ZhHeader, column.EnHeader), Term.Same(string.Join(",", file.Header))]);
            }
        }
        problems.ThrowIfAny();
        return map;
    }

    public bool Has(string key) => _columns.ContainsKey(key);

    /// <summary>The cell of a column in a row, trimmed of whitespace of every kind; empty when the column or the cell is absent.</summary>
    public string Cell(TabularRow row, string key) =>
        _columns.TryGetValue(key, out var c) && c.Index < row.Cells.Count ? CellNormaliser.Trim(row.Cells[c.Index]) : "";

    /// <summary>The header the file itself uses for a column, for messages.</summary>
    public string HeaderOf(string key) => _columns.TryGetValue(key, out var c) ? c.Header : key;
}
