using Liaison.Data.Divisions;
using Liaison.Data.Import;
using Liaison.Domain.Divisions;

namespace Liaison.Data.Demo;

/// <summary>Jining's real division tree (NBS 2023), shipped inside the program: see Demo/SOURCE.md.</summary>
public static class JiningDivisions
{
    public const string CityCode = "3708";

    /// <summary>Reads the embedded file. It is ours and known good, so a bad line is a bug, not a user error.</summary>
    public static List<Division> Load()
    {
        using var stream = typeof(JiningDivisions).Assembly.GetManifestResourceStream("jining-3708.csv")
            ?? throw new InvalidOperationException("jining-3708.csv is not embedded");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var csv = new CsvRecordReader(reader, "jining-3708.csv", "UTF-8");
        var cells = new List<string>();
        csv.Read(cells); // header
        var list = new List<Division>();
        while (csv.Read(cells))
        {
            if (!DivisionCode.TryParseLevel(cells[2], out var level))
            {
                throw new InvalidDataException($"jining-3708.csv line {csv.RecordLine}: level {cells[2]}");
            }
            list.Add(new Division
            {
                Code = cells[0],
                Name = cells[1],
                Level = level,
                ParentCode = cells[3].Length == 0 ? null : cells[3],
                VillageKind = level == DivisionLevel.Village
                    ? (cells[4] == "village" ? VillageKind.Village : cells[4] == "community" ? VillageKind.Community : DivisionImporter.VillageKindOf(cells[1]))
                    : null,
            });
        }
        return list;
    }
}
