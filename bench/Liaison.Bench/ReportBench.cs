using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Liaison.Data.Database;
using Liaison.Data.Reporting;
using Liaison.Domain.Cases;
using Npgsql;

namespace Liaison.Bench;

/// <summary>
/// The report benchmark (issue 8), each printing one JSON line {"seconds": median, "figures": {...}}:
/// <list type="bullet">
/// <item><c>report-time DB CODE N</c>: <see cref="CampaignReport.ForDivisionAsync"/> in this process, warm (N timed calls after at least N untimed and 5 s of them).</item>
/// <item><c>report-anchor postgres|duckdb SOURCE PREFIX YEAR N</c>: the same figures counted from the raw
/// records in one SQL statement, by PostgreSQL (SOURCE a connection string) or by DuckDB in memory
/// (SOURCE a folder of the tables as CSV, loaded before timing).</item>
/// <item><c>page-time URL USER PASSWORD PATH N</c>: a signed-in GET of a page end to end over HTTP.</item>
/// </list>
/// The figures let run.sh check that the report and both anchors say the same.
/// </summary>
internal static partial class ReportBench
{
    /// <summary>The figures compared: each in the report and in the anchor's SQL.</summary>
    private static readonly string[] Compared = ["visits", "households_visited", "households", "visit_issues", "cases_collected", "cases_completed", "disputes", "errands", "ties_with_cadre"];

    /// <summary>How long the report is run untimed before it is timed.</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    public static async Task<int> ReportTimeAsync(string db, string code, int n)
    {
        var target = DatabaseTarget.Parse(db);
        await using var context = target.CreateContext();
        var times = new List<double>();
        CampaignReport? report = null;
        // Warm as a server that has run a while is: at least N calls and WarmUp untimed, so that the
        // runtime has compiled the report's code to its fast tier (twenty calls left it half-way).
        var warming = Stopwatch.StartNew();
        for (var i = 0; i < n || warming.Elapsed < WarmUp; i++)
        {
            report = await CampaignReport.ForDivisionAsync(Liaison.Data.Access.Scoped.Operator(context), TimeProvider.System, code, null, default);
        }
        for (var i = 0; i < n; i++)
        {
            var watch = Stopwatch.StartNew();
            report = await CampaignReport.ForDivisionAsync(Liaison.Data.Access.Scoped.Operator(context), TimeProvider.System, code, null, default);
            watch.Stop();
            times.Add(watch.Elapsed.TotalSeconds);
        }
        Print(Summary.Median(times), Compared.ToDictionary(id => id, id => report!.Figures[id]));
        return 0;
    }

    private static string AnchorSql(string prefix, int year)
    {
        if (!prefix.All(char.IsAsciiDigit))
        {
            throw new FormatException($"'{prefix}' is not a division code");
        }
        string V(string column) => $"{column} LIKE '{prefix}%'";
        var notCounted = $"{(int)CaseStatus.Merged}, {(int)CaseStatus.Withdrawn}";
        var completed = $"{(int)CaseStatus.Resolved}, {(int)CaseStatus.Adopted}";
        return $"""
            SELECT
              (SELECT count(*) FROM household_visits WHERE year = {year} AND {V("village_code")}),
              (SELECT count(DISTINCT household_id) FROM household_visits WHERE year = {year} AND {V("village_code")}),
              (SELECT count(*) FROM households WHERE {V("village_code")}),
              (SELECT count(*) FROM visit_issues i JOIN household_visits v ON v.id = i.visit_id WHERE v.year = {year} AND {V("v.village_code")}),
              (SELECT count(*) FROM cases WHERE year = {year} AND {V("village_code")} AND status NOT IN ({notCounted})),
              (SELECT count(*) FROM cases WHERE year = {year} AND {V("village_code")} AND status IN ({completed})),
              (SELECT count(*) FROM disputes WHERE year = {year} AND {V("village_code")}),
              (SELECT count(*) FROM errands WHERE year = {year} AND {V("village_code")}),
              (SELECT count(*) FROM liaison_ties WHERE year = {year} AND until IS NULL AND cadre_id IS NOT NULL AND length(division_code) = 12 AND {V("division_code")})
            """;
    }

    /// <summary>The tables and columns the anchor reads, as run.sh exports them from PostgreSQL for DuckDB.</summary>
    public static readonly (string Table, string Columns)[] Tables =
    [
        ("household_visits", "id, year, village_code, household_id"),
        ("households", "id, village_code"),
        ("visit_issues", "id, visit_id"),
        ("cases", "id, year, village_code, status"),
        ("disputes", "id, year, village_code"),
        ("errands", "id, year, village_code"),
        ("liaison_ties", "id, year, until, cadre_id, division_code"),
    ];

    public static async Task<int> AnchorAsync(string engine, string source, string prefix, int year, int n)
    {
        var sql = AnchorSql(prefix, year);
        System.Data.Common.DbConnection connection = engine switch
        {
            "postgres" => new NpgsqlConnection(source),
            "duckdb" => new DuckDBConnection("Data Source=:memory:"),
            _ => throw new FormatException($"engine '{engine}': postgres or duckdb"),
        };
        await using (connection)
        {
            await connection.OpenAsync();
            if (engine == "duckdb")
            {
                foreach (var (table, columns) in Tables)
                {
                    await using var load = connection.CreateCommand();
                    var file = Path.Combine(source, table + ".csv").Replace("'", "''", StringComparison.Ordinal);
                    // Codes are text (a 12-digit village code read as a number would lose LIKE).
                    var codes = columns.Split(", ").Where(c => c.EndsWith("_code", StringComparison.Ordinal)).Select(c => $"'{c}': 'VARCHAR'").ToList();
                    var types = codes.Count == 0 ? "" : $", types = {{{string.Join(", ", codes)}}}";
                    load.CommandText = $"CREATE TABLE {table} AS SELECT * FROM read_csv('{file}', header = true{types})";
                    await load.ExecuteNonQueryAsync();
                }
            }
            var times = new List<double>();
            long[] values = [];
            for (var i = 0; i < 2 * n; i++)
            {
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = sql;
                cmd.CommandTimeout = 0;
                var watch = Stopwatch.StartNew();
                await using (var reader = await cmd.ExecuteReaderAsync())
                {
                    await reader.ReadAsync();
                    values = Enumerable.Range(0, Compared.Length).Select(c => Convert.ToInt64(reader.GetValue(c), CultureInfo.InvariantCulture)).ToArray();
                }
                watch.Stop();
                if (i >= n)
                {
                    times.Add(watch.Elapsed.TotalSeconds);
                }
            }
            Print(Summary.Median(times), Compared.Select((id, i) => (id, values[i])).ToDictionary(p => p.id, p => p.Item2));
        }
        return 0;
    }

    public static async Task<int> PageTimeAsync(string url, string user, string password, string path, int n)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(url) };
        await SignInAsync(client, user, password);
        var times = new List<double>();
        long bytes = 0;
        for (var i = 0; i < 2 * n; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidDataException($"GET {path}: {(int)response.StatusCode}");
            }
            bytes = body.Length;
            if (i >= n)
            {
                times.Add(watch.Elapsed.TotalSeconds);
            }
        }
        Print(Summary.Median(times), new Dictionary<string, long> { ["bytes"] = bytes });
        return 0;
    }

    /// <summary>Signs a cookie-keeping client in through the sign-in form, as a browser does.</summary>
    public static async Task SignInAsync(HttpClient client, string user, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        var login = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user,
            ["Password"] = password,
            ["__RequestVerificationToken"] = FormToken(form),
        }));
        if (login.StatusCode != HttpStatusCode.Redirect || login.Headers.Location?.OriginalString != "/")
        {
            throw new InvalidDataException($"sign-in as {user} failed: {(int)login.StatusCode}");
        }
    }

    /// <summary>The anti-forgery token of a page's form.</summary>
    public static string FormToken(string html) => Token().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private static void Print(double seconds, Dictionary<string, long> figures) =>
        Console.WriteLine(JsonSerializer.Serialize(new { seconds = Math.Round(seconds, 6), figures }));
}
