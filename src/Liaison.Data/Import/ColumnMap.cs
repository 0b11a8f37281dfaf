using Liaison.Domain.Shared;

namespace Liaison.Data.Import;

/// <summary>A column an import reads: its key, whether it must be present, and the headers it may have.</summary>
public sealed record ImportColumn(string Key, bool Required, string ZhHeader, string EnHeader, params string[] OtherHeaders)
{
    public string Header(UiLanguage language) => language == UiLanguage.English ? EnHeader : ZhHeader;

    public bool Matches(string header) =>
        header == ZhHeader || string.Equals(header, EnHeader, StringComparison.OrdinalIgnoreCase) || OtherHeaders.Contains(header, StringComparer.OrdinalIgnoreCase);
}

/// <summary>Where each column stands in one file, found by its header in either language.</summary>
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
        foreach (var column in columns)
        {
            var index = -1;
            for (var i = 0; i < file.Header.Count; i++)
            {
                if (column.Matches(file.Header[i]))
                {
                    index = i;
                    break;
                }
            }
            if (index >= 0)
            {
                map._columns[column.Key] = (index, file.Header[index]);
            }
            else if (column.Required)
            {
                problems.Add(1, null, ImportReason.MissingColumn, [new Term(column.ZhHeader, column.EnHeader), Term.Same(string.Join(",", file.Header))]);
            }
        }
        problems.ThrowIfAny();
        return map;
    }

    public bool Has(string key) => _columns.ContainsKey(key);

    /// <summary>The cell of a column in a row, trimmed; empty when the column or the cell is absent.</summary>
    public string Cell(TabularRow row, string key) =>
        _columns.TryGetValue(key, out var c) && c.Index < row.Cells.Count ? row.Cells[c.Index].Trim() : "";

    /// <summary>The header the file itself uses for a column, for messages.</summary>
    public string HeaderOf(string key) => _columns.TryGetValue(key, out var c) ? c.Header : key;
}
