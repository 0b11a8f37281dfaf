using System.Globalization;
using System.Text;
using Liaison.Data.Demo;
using Liaison.Domain.People;

namespace Liaison.Bench;

/// <summary>
/// Prepares the input files of bench/run.sh, deterministically and before any timing starts:
/// <list type="bullet">
/// <item><c>households-csv SEED LIAISON.csv COPY.csv</c>: the city-scale demo households, once as the
/// import template (Chinese headers, 是/否 cells) and once as plain CSV for <c>psql \copy</c>.</item>
/// <item><c>divisions-csv IN.csv[.gz] OUT.csv</c>: the NBS division list with level and village_kind
/// words turned into the integers the divisions table stores, for <c>psql \copy</c>.</item>
/// <item><c>summarize RAW.tsv OUT.md OUT.json [KEY=VALUE...]</c>: medians and ratios of a run (see <see cref="Summary"/>).</item>
/// </list>
/// </summary>
internal static class Program
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static int Main(string[] args)
    {
        try
        {
            return args switch
            {
                ["households-csv", var seed, var liaison, var copy] => Households(int.Parse(seed, CultureInfo.InvariantCulture), liaison, copy),
                ["divisions-csv", var input, var output] => Divisions(input, output),
                ["summarize", var raw, var markdown, var json, .. var meta] => Summary.Run(raw, markdown, json, meta),
                ["fs-matrix", var seed, var output, var variant] when variant is "all" or "county" => MatchBench.Matrix(int.Parse(seed, CultureInfo.InvariantCulture), output, variant),
                ["lsap", var input] => MatchBench.Solve(input),
                ["field-load", var url, var tokens, var seconds, var concurrency, var batch] => FieldLoad.RunAsync(url, tokens, FieldLoad.Seconds(seconds),
                    int.Parse(concurrency, CultureInfo.InvariantCulture), int.Parse(batch, CultureInfo.InvariantCulture)).GetAwaiter().GetResult(),
                ["bare-server", var connection, var port] => FieldLoad.BareServerAsync(connection, int.Parse(port, CultureInfo.InvariantCulture)).GetAwaiter().GetResult(),
                ["report-time", var db, var code, var n] => ReportBench.ReportTimeAsync(db, code, int.Parse(n, CultureInfo.InvariantCulture)).GetAwaiter().GetResult(),
                ["report-anchor", var engine, var source, var prefix, var year, var n] => ReportBench.AnchorAsync(engine, source, prefix,
                    int.Parse(year, CultureInfo.InvariantCulture), int.Parse(n, CultureInfo.InvariantCulture)).GetAwaiter().GetResult(),
                ["report-tables"] => ReportTables(),
                ["page-time", var url, var user, var password, var path, var n] => ReportBench.PageTimeAsync(url, user, password, path, int.Parse(n, CultureInfo.InvariantCulture)).GetAwaiter().GetResult(),
                ["soak", var url, var pid, var tokens, var officeToken, var officeUser, var officePassword, var village, var division, var minutes, var rate] =>
                    Soak.RunAsync(url, int.Parse(pid, CultureInfo.InvariantCulture), tokens, officeToken, officeUser, officePassword, village, division,
                        double.Parse(minutes, CultureInfo.InvariantCulture), int.Parse(rate, CultureInfo.InvariantCulture)).GetAwaiter().GetResult(),
                _ => Usage(),
            };
        }
        catch (Exception e) when (e is IOException or FormatException or InvalidDataException)
        {
            Console.Error.WriteLine("liaison-bench: " + e.Message);
            return 3;
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: liaison-bench households-csv SEED LIAISON.csv COPY.csv | divisions-csv IN.csv[.gz] OUT.csv | fs-matrix SEED OUT.bin all|county | lsap FILE | field-load URL TOKENS|- SECONDS CONCURRENCY BATCH | bare-server CONNECTION PORT | report-time DB CODE N | report-anchor postgres|duckdb SOURCE PREFIX YEAR N | report-tables | page-time URL USER PASSWORD PATH N | soak URL PID TOKENS OFFICE-TOKEN OFFICE-USER OFFICE-PASSWORD VILLAGE DIVISION MINUTES RATE | summarize RAW.tsv OUT.md OUT.json [KEY=VALUE...]");
        return 1;
    }

    /// <summary>"table columns" lines for run.sh to export the report anchor's tables for DuckDB.</summary>
    private static int ReportTables()
    {
        foreach (var (table, columns) in ReportBench.Tables)
        {
            Console.WriteLine($"{table}\t{columns}");
        }
        return 0;
    }

    private static StreamWriter Create(string path) => new(path, append: false, Utf8, bufferSize: 1 << 16) { NewLine = "\n" };

    private static int Households(int seed, string liaisonPath, string copyPath)
    {
        var city = DemoGenerator.Generate(DemoScale.City, seed);
        var categories = HouseholdCategories.All;
        long n = 0;
        using (var liaison = Create(liaisonPath))
        using (var copy = Create(copyPath))
        {
            liaison.WriteLine("村代码,门牌号,户主姓名,户主电话,家庭人口,老党员,老干部,老模范,困难户,富裕户,上访户");
            copy.WriteLine("village_code,house_no,head_name,head_phone,member_count,categories");
            var line = new StringBuilder(128);
            foreach (var h in city.Households())
            {
                var members = h.MemberCount.ToString(CultureInfo.InvariantCulture);
                line.Clear().Append(Field(h.VillageCode)).Append(',').Append(Field(h.HouseNo)).Append(',').Append(Field(h.HeadName))
                    .Append(',').Append(Field(h.HeadPhone ?? "")).Append(',').Append(members);
                foreach (var c in categories)
                {
                    line.Append(',').Append((h.Categories & c) != 0 ? "是" : "否");
                }
                liaison.WriteLine(line);
                line.Clear().Append(Field(h.VillageCode)).Append(',').Append(Field(h.HouseNo)).Append(',').Append(Field(h.HeadName))
                    .Append(',').Append(Field(h.HeadPhone ?? "")).Append(',').Append(members)
                    .Append(',').Append(((int)h.Categories).ToString(CultureInfo.InvariantCulture));
                copy.WriteLine(line);
                n++;
            }
        }
        if (n != city.HouseholdTotal)
        {
            throw new InvalidDataException($"wrote {n} households, the generator announced {city.HouseholdTotal}");
        }
        Console.WriteLine($"{{\"households\":{n}}}");
        return 0;
    }

    private static int Divisions(string input, string output)
    {
        using var reader = new StreamReader(Open(input), Utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var writer = Create(output);
        var header = Csv.Read(reader) ?? throw new InvalidDataException(input + " is empty");
        if (!header.SequenceEqual(["code", "name", "level", "parent_code", "village_kind"]))
        {
            throw new InvalidDataException($"{input}: header {string.Join(",", header)} is not code,name,level,parent_code,village_kind");
        }
        writer.WriteLine("code,name,level,parent_code,village_kind");
        long n = 0;
        while (Csv.Read(reader) is { } row)
        {
            if (row.Count != 5)
            {
                throw new InvalidDataException($"{input}: record {n + 2} has {row.Count} fields");
            }
            var level = row[2] switch
            {
                "province" => 1,
                "city" => 2,
                "county" => 3,
                "township" => 4,
                "village" => 5,
                var other => throw new InvalidDataException($"{input}: unknown level '{other}'"),
            };
            var kind = row[4] switch
            {
                "village" => "1",
                "community" => "2",
                // As the importer does: a village-level row without a kind is judged by its name.
                "" when level == 5 => Liaison.Data.Divisions.DivisionImporter.VillageKindOf(row[1]) == Liaison.Domain.Divisions.VillageKind.Village ? "1" : "2",
                "" => "",
                var other => throw new InvalidDataException($"{input}: unknown village_kind '{other}'"),
            };
            writer.Write(Field(row[0]));
            writer.Write(',');
            writer.Write(Field(row[1]));
            writer.Write(',');
            writer.Write(level.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(Field(row[3]));
            writer.Write(',');
            writer.WriteLine(kind);
            n++;
        }
        Console.WriteLine($"{{\"divisions\":{n}}}");
        return 0;
    }

    private static Stream Open(string path)
    {
        var file = File.OpenRead(path);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress)
            : file;
    }

    /// <summary>A CSV field: quoted only when it must be. An empty unquoted field is NULL to psql's CSV format.</summary>
    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
