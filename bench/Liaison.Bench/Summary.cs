using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Liaison.Bench;

/// <summary>
/// Turns the raw timings that bench/run.sh records (one tab-separated line per timed command:
/// bench, role, rep, wall seconds, rows, the command's own "seconds", status) into the markdown
/// table and the JSON file of a run. Medians, not means: the machine is shared and noisy.
/// </summary>
internal static class Summary
{
    private sealed record Sample(string Bench, string Role, int Rep, double Wall, long Rows, double? Internal, string Status)
    {
        public bool Ok => Status == "ok";
        public double Rate => Rows / Wall;
    }

    /// <summary>
    /// One benchmark: where its anchor samples come from, whether it is judged in seconds (lower is
    /// better, target a limit on the figure) or in rows per second (target a share of the anchor's rate).
    /// </summary>
    private sealed record Definition(string Name, string Title, string Figure, string Anchor, string AnchorBench, bool Rate, double Target, string? FigureBench = null, bool RatioTarget = false,
        bool AbsoluteRate = false)
    {
        /// <summary>Where the figure's samples come from: its own name unless it compares another's figure with a second anchor.</summary>
        public string FigureSamples => FigureBench ?? Name;

        public string TargetText => AbsoluteRate
            ? $"≥ {Target.ToString("N0", CultureInfo.InvariantCulture)} rows/s"
            : Rate
            ? $"≥ {Target.ToString("P0", CultureInfo.InvariantCulture)} of anchor rate"
            : RatioTarget ? $"≤ {Target.ToString("0.0", CultureInfo.InvariantCulture)}× the anchor" : $"≤ {Target.ToString(CultureInfo.InvariantCulture)} s";
    }

    private static readonly Definition[] Definitions =
    [
        new("divisions", "national divisions → PostgreSQL (665,276 rows)", "liaison import divisions china-2023.csv.gz", "psql \\copy of the same rows (plain CSV)", "divisions", Rate: false, Target: 20),
        new("households", "city households → PostgreSQL (1.81 M rows)", "liaison import households", "psql \\copy of the same rows, names and phones in clear", "households", Rate: true, Target: 0.70),
        new("households-stored", "city households → PostgreSQL, against the rows as stored", "liaison import households", "psql \\copy of the same rows as the table stores them (names and phones encrypted, about 3× the bytes)", "households-stored", Rate: true, Target: 0.70, FigureBench: "households"),
        new("seed-sqlite", "demo seed --scale city → SQLite", "liaison demo seed --scale city", "psql \\copy of the households rows (from households)", "households", Rate: false, Target: 90),
        new("seed-postgres", "demo seed --scale city → PostgreSQL", "liaison demo seed --scale city", "psql \\copy of the households rows (from households)", "households", Rate: false, Target: 90),
        new("plan-sqlite", "plan liaisons, city demo, SQLite", "liaison plan liaisons (from nothing: 11,000 ties)", "liaison db status on the same database (process start, connection, schema check)", "plan-sqlite", Rate: false, Target: 10),
        new("check-sqlite", "check, city demo, SQLite", "liaison check (the plan just made)", "liaison db status on the same database", "check-sqlite", Rate: false, Target: 2),
        new("plan-postgres", "plan liaisons, city demo, PostgreSQL", "liaison plan liaisons (from nothing: 11,000 ties)", "liaison db status on the same database (process start, connection, schema check)", "plan-postgres", Rate: false, Target: 10),
        new("check-postgres", "check, city demo, PostgreSQL", "liaison check (the plan just made)", "liaison db status on the same database", "check-postgres", Rate: false, Target: 2),
        new("match-cycle", "plan first-secretaries on the city demo (3,373 selected, SciPy's total from the exported pairs equal)", "liaison plan first-secretaries --export-costs", "liaison db status on the same database (process start, schema check); target: a person waits at most 10 s (ours, not the issue's)", "match-cycle", Rate: false, Target: 10),
        new("match-all", "First Secretary match, 3,377 × 4,927, every pair allowed (solve only)", "Liaison.Domain.Secretaries.Assignment.Solve (liaison-bench lsap)", "SciPy linear_sum_assignment (bench/lsap.py)", "match-all", Rate: false, Target: 1.0, RatioTarget: true),
        new("field-activity", "demo activity, the city's year (about 1.57 M visits) → PostgreSQL", "liaison demo activity", "liaison db status on the same database", "field-activity", Rate: false, Target: 120),
        new("field-single", "visits through the API, one per request, 32 clients, PostgreSQL", "POST /api/v1/field/visits (token sign-in, validation, audit, rollup queue)", "bare ASP.NET Core + Npgsql INSERT endpoint, same load", "field-single", Rate: true, Target: 2_000, AbsoluteRate: true),
        new("field-single-p99", "visits through the API, one per request: p99 latency", "POST /api/v1/field/visits", "bare endpoint's p99", "field-single-p99", Rate: false, Target: 0.1),
        new("field-batch", "visits through the API, batches of 500, 4 clients, PostgreSQL", "POST /api/v1/field/visits with arrays", "bare ASP.NET Core + Npgsql COPY endpoint, same batches", "field-batch", Rate: true, Target: 20_000, AbsoluteRate: true),
        new("field-batch1000", "visits through the API, batches of 1,000 (the API's largest), 4 clients, PostgreSQL", "POST /api/v1/field/visits with arrays", "bare ASP.NET Core + Npgsql COPY endpoint, same batches", "field-batch1000", Rate: true, Target: 20_000, AbsoluteRate: true),
        new("report-city", "campaign report, the city (demo with a year of activity), warm, in process", "CampaignReport.ForDivisionAsync (rollups)", "the same figures counted from the raw records by PostgreSQL, one SQL statement", "report-city", Rate: false, Target: 0.020),
        new("report-city-duckdb", "campaign report, the city, against DuckDB", "CampaignReport.ForDivisionAsync (rollups)", "the same SQL in DuckDB (in memory, the tables loaded before timing)", "report-city-duckdb", Rate: false, Target: 0.020, FigureBench: "report-city"),
        new("report-township", "campaign report, a township, warm, in process", "CampaignReport.ForDivisionAsync (rollups)", "the same figures counted from the raw records by PostgreSQL", "report-township", Rate: false, Target: 0.010),
        new("report-township-duckdb", "campaign report, a township, against DuckDB", "CampaignReport.ForDivisionAsync (rollups)", "the same SQL in DuckDB", "report-township-duckdb", Rate: false, Target: 0.010, FigureBench: "report-township"),
        new("report-page", "dashboard page /reports/CITY end to end (HTTP, signed in as the city office)", "GET /reports/3708", "GET /healthz on the same server and client", "report-page", Rate: false, Target: 0.2),
        new("report-verify", "report verify, the whole city", "liaison report verify", "liaison db status on the same database", "report-verify", Rate: false, Target: 30),
        new("year-demo-assessment", "demo assessment, the city's last year (observation, comments, ballots) → PostgreSQL; targets ours", "liaison demo assessment", "liaison db status on the same database", "year-demo-assessment", Rate: false, Target: 120),
        new("year-run-first-secretaries", "assessment run, First Secretaries, the whole city (3,373) from a year's records", "liaison assessment run --group first-secretaries", "liaison db status on the same database", "year-run-first-secretaries", Rate: false, Target: 60),
        new("year-publish-first-secretaries", "assessment publish, First Secretaries, the whole city", "liaison assessment publish", "liaison db status on the same database", "year-publish-first-secretaries", Rate: false, Target: 10),
        new("year-run-stationed-cadres", "assessment run, stationed and liaison cadres, the whole city (about 9,800)", "liaison assessment run --group stationed-cadres", "liaison db status on the same database", "year-run-stationed-cadres", Rate: false, Target: 60),
        new("year-publish-stationed-cadres", "assessment publish, stationed and liaison cadres, the whole city", "liaison assessment publish", "liaison db status on the same database", "year-publish-stationed-cadres", Rate: false, Target: 10),
        new("year-run-unit-pairing", "assessment run, units' pairing, the whole city (about 800 units: stays, help plans, members, ratings)", "liaison assessment run --group unit-pairing", "liaison db status on the same database", "year-run-unit-pairing", Rate: false, Target: 60),
        new("year-publish-unit-pairing", "assessment publish, units' pairing", "liaison assessment publish", "liaison db status on the same database", "year-publish-unit-pairing", Rate: false, Target: 10),
        new("year-run-township-work", "assessment run, townships' work, the whole city (158 townships by the report's rates)", "liaison assessment run --group township-work", "liaison db status on the same database", "year-run-township-work", Rate: false, Target: 60),
        new("year-publish-township-work", "assessment publish, townships' work", "liaison assessment publish", "liaison db status on the same database", "year-publish-township-work", Rate: false, Target: 10),
        new("year-run-county-work", "assessment run, counties' work (12 counties by the report's rates)", "liaison assessment run --group county-work", "liaison db status on the same database", "year-run-county-work", Rate: false, Target: 60),
        new("year-publish-county-work", "assessment publish, counties' work", "liaison assessment publish", "liaison db status on the same database", "year-publish-county-work", Rate: false, Target: 10),
        new("year-close", "year close, the city (report archived, records frozen)", "liaison year close", "liaison db status on the same database", "year-close", Rate: false, Target: 30),
        new("year-open", "year open, the next year from the last (ties, First Secretaries, the plan again)", "liaison year open", "liaison db status on the same database", "year-open", Rate: false, Target: 60),
        new("match-county", "First Secretary match, 3,377 × 4,927, county-restricted (solve only)", "Liaison.Domain.Secretaries.Assignment.Solve (liaison-bench lsap)", "SciPy linear_sum_assignment (bench/lsap.py)", "match-county", Rate: false, Target: 1.0, RatioTarget: true),
    ];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static int Run(string rawPath, string markdownPath, string jsonPath, IEnumerable<string> meta)
    {
        var samples = File.ReadLines(rawPath).Where(l => l.Length > 0).Select(Parse).ToList();
        var info = meta.Select(m => m.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
        var rows = new List<object>();
        var md = new StringBuilder();
        md.Append("| benchmark | figure (median) | anchor (median) | ratio | target | result |\n");
        md.Append("| --- | --- | --- | --- | --- | --- |\n");
        var phases = new StringBuilder();
        phases.Append("| benchmark | wall clock (median) | inside the command (JSON `seconds`, median) | outside: process start, schema check (median) |\n");
        phases.Append("| --- | --- | --- | --- |\n");
        foreach (var d in Definitions)
        {
            var figure = samples.Where(s => s.Bench == d.FigureSamples && s.Role == "figure").ToList();
            if (figure.Count == 0)
            {
                continue;
            }
            var anchor = samples.Where(s => s.Bench == d.AnchorBench && s.Role == "anchor").ToList();
            var failed = figure.Concat(anchor).FirstOrDefault(s => !s.Ok);
            double? f = null, ratio = null;
            // An anchor that ran is shown even when the figure failed: it says what the figure should approach.
            double? a = anchor.Count == 0 || anchor.Any(s => !s.Ok) ? null : Median(anchor.Select(s => d.Rate ? s.Rate : s.Wall));
            string result;
            if (failed is not null)
            {
                result = $"ERROR ({failed.Role} rep {failed.Rep}: {failed.Status.Trim()})";
            }
            else
            {
                f = Median(figure.Select(s => d.Rate ? s.Rate : s.Wall));
                ratio = a is null ? null : f / a;
                var pass = d.AbsoluteRate ? f >= d.Target : d.Rate ? ratio >= d.Target : d.RatioTarget ? ratio <= d.Target : f <= d.Target;
                result = pass ? "pass" : "FAIL";
            }
            var unit = d.Rate ? " rows/s" : " s";
            md.Append(CultureInfo.InvariantCulture, $"| {d.Title} | {Show(f, d.Rate)}{(f is null ? "" : unit)} | {Show(a, d.Rate)}{(a is null ? "" : unit)} | ");
            md.Append(ratio is null ? "–" : d.Rate ? ratio.Value.ToString("P1", CultureInfo.InvariantCulture) : ratio.Value.ToString("0.00", CultureInfo.InvariantCulture) + "×");
            md.Append(CultureInfo.InvariantCulture, $" | {d.TargetText} | {result} |\n");
            var okFigure = figure.Where(s => s.Ok).ToList();
            if (okFigure.Count > 0)
            {
                var wall = Median(okFigure.Select(s => s.Wall));
                var inside = okFigure.All(s => s.Internal is not null) ? Median(okFigure.Select(s => s.Internal!.Value)) : (double?)null;
                var outside = inside is null ? (double?)null : Median(okFigure.Select(s => s.Wall - s.Internal!.Value));
                phases.Append(CultureInfo.InvariantCulture, $"| {d.Title} | {wall:0.00} s | {Show(inside, false)} s | {Show(outside, false)} s |\n");
            }
            rows.Add(new
            {
                benchmark = d.Name,
                title = d.Title,
                figure = d.Figure,
                anchor = d.Anchor,
                unit = d.Rate ? "rows/s" : "s",
                figureMedian = f,
                anchorMedian = a,
                ratio,
                target = d.TargetText,
                result,
                figureSamples = figure,
                anchorSamples = anchor,
            });
        }
        var markdown = md + "\nRatio: figure median ÷ anchor median. Figures are wall clock including process start.\n\n" + phases;
        File.WriteAllText(markdownPath, markdown, new UTF8Encoding(false));
        File.WriteAllText(jsonPath, JsonSerializer.Serialize(new { run = info, results = rows }, Json) + "\n", new UTF8Encoding(false));
        Console.Write(markdown);
        return 0;
    }

    private static Sample Parse(string line)
    {
        var f = line.Split('\t');
        if (f.Length != 7)
        {
            throw new FormatException($"raw timing line has {f.Length} fields, not 7: {line}");
        }
        return new Sample(f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture),
            long.Parse(f[4], CultureInfo.InvariantCulture), f[5].Length == 0 ? null : double.Parse(f[5], CultureInfo.InvariantCulture), f[6]);
    }

    internal static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    private static string Show(double? value, bool rate) =>
        value is null ? "–" : rate ? value.Value.ToString("N0", CultureInfo.InvariantCulture)
        // Milliseconds need more places than minutes.
        : value.Value.ToString(value.Value < 0.1 ? "0.0000" : "0.00", CultureInfo.InvariantCulture);
}
