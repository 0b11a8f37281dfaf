using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Liaison.Bench;

/// <summary>
/// Issue 6's throughput benchmark: <c>field-load</c> posts household visits to an endpoint for a
/// fixed time from several concurrent clients, one record or a batch per request, and prints the
/// visits stored per second and the latency percentiles; <c>bare-server</c> is the anchor, a bare
/// ASP.NET Core + Npgsql endpoint that inserts the same JSON with no sign-in, validation, audit or
/// rollups.
/// </summary>
internal static class FieldLoad
{
    private sealed record Visit(Guid Id, long Household, DateTimeOffset VisitedAt, string? Note);

    /// <summary>
    /// field-load URL TOKENS|- SECONDS CONCURRENCY BATCH: TOKENS holds one bearer token per line; each
    /// client posts for its token's cadre, to the households <c>/api/v1/field/me</c> lists (with "-",
    /// no sign-in, households 1..1000). Every answer must be a success.
    /// </summary>
    public static async Task<int> RunAsync(string url, string tokensPath, double seconds, int concurrency, int batch)
    {
        var tokens = tokensPath == "-" ? [null] : File.ReadAllLines(tokensPath).Where(l => l.Length > 0).Select(l => (string?)l.Trim()).ToArray();
        var origin = new Uri(url).GetLeftPart(UriPartial.Authority);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        var households = new List<long[]>();
        foreach (var token in tokens)
        {
            if (token is null)
            {
                households.Add(Enumerable.Range(1, 1000).Select(i => (long)i).ToArray());
                continue;
            }
            using var request = new HttpRequestMessage(HttpMethod.Get, origin + "/api/v1/field/me");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            using var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            households.Add(me.RootElement.GetProperty("villages").EnumerateArray()
                .SelectMany(v => v.GetProperty("householdList").EnumerateArray().Select(h => h.GetProperty("id").GetInt64())).ToArray());
        }
        var now = TimeProvider.System.GetUtcNow().AddMinutes(-30);
        async Task<(long Visits, List<double> Latencies, string? Error)> Client(int index, TimeSpan length, CancellationToken stop)
        {
            var rng = new Random(index);
            var token = tokens[index % tokens.Length];
            var mine = households[index % households.Count];
            var latencies = new List<double>();
            long visits = 0;
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < length && !stop.IsCancellationRequested)
            {
                var records = Enumerable.Range(0, batch).Select(_ => new Visit(Guid.NewGuid(), mine[rng.Next(mine.Length)], now.AddSeconds(-rng.Next(3600)), null)).ToList();
                using var request = new HttpRequestMessage(HttpMethod.Post, url)
                {
                    Content = batch == 1 ? JsonContent.Create(records[0]) : JsonContent.Create(records),
                };
                if (token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request, stop);
                var body = await response.Content.ReadAsStringAsync(stop);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode || (batch > 1 && body.Contains("\"refused\"", StringComparison.Ordinal) && !body.Contains("\"refused\":0", StringComparison.Ordinal)))
                {
                    return (visits, latencies, $"{(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
                }
                visits += batch;
            }
            return (visits, latencies, null);
        }
        // Warm up (JIT, connections, caches), then measure.
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => Client(i, TimeSpan.FromSeconds(2), default)));
        var measured = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => Client(i, TimeSpan.FromSeconds(seconds), default)));
        var elapsed = measured.Elapsed.TotalSeconds;
        var error = results.Select(r => r.Error).FirstOrDefault(e => e is not null);
        var all = results.SelectMany(r => r.Latencies).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
        var total = results.Sum(r => r.Visits);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            visits = total,
            requests = all.Length,
            seconds = Math.Round(elapsed, 3),
            perSecond = Math.Round(total / elapsed),
            p50Ms = Math.Round(Percentile(0.50), 2),
            p99Ms = Math.Round(Percentile(0.99), 2),
            error,
        }));
        return error is null ? 0 : 2;
    }

    /// <summary>bare-server CONNECTION PORT: the anchor endpoint, until killed.</summary>
    public static async Task<int> BareServerAsync(string connection, int port)
    {
        await using var source = NpgsqlDataSource.Create(connection);
        await using (var create = source.CreateCommand("CREATE TABLE IF NOT EXISTS bare_visits (id uuid PRIMARY KEY, household bigint NOT NULL, visited_at timestamptz NOT NULL, note text)"))
        {
            await create.ExecuteNonQueryAsync();
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapPost("/visits", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
            if (body.RootElement.ValueKind == JsonValueKind.Object)
            {
                var v = body.RootElement.Deserialize<Visit>(options)!;
                await using var insert = source.CreateCommand("INSERT INTO bare_visits (id, household, visited_at, note) VALUES ($1, $2, $3, $4)");
                insert.Parameters.Add(new NpgsqlParameter { Value = v.Id });
                insert.Parameters.Add(new NpgsqlParameter { Value = v.Household });
                insert.Parameters.Add(new NpgsqlParameter { Value = v.VisitedAt.ToUniversalTime() });
                insert.Parameters.Add(new NpgsqlParameter { Value = (object?)v.Note ?? DBNull.Value });
                await insert.ExecuteNonQueryAsync();
                return Results.Created((string?)null, new { status = "stored" });
            }
            var visits = body.RootElement.Deserialize<List<Visit>>(options)!;
            await using var connection = await source.OpenConnectionAsync();
            await using (var copy = await connection.BeginBinaryImportAsync("COPY bare_visits (id, household, visited_at, note) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var v in visits)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(v.Id);
                    await copy.WriteAsync(v.Household);
                    await copy.WriteAsync(v.VisitedAt.ToUniversalTime());
                    if (v.Note is null)
                    {
                        await copy.WriteNullAsync();
                    }
                    else
                    {
                        await copy.WriteAsync(v.Note);
                    }
                }
                await copy.CompleteAsync();
            }
            return Results.Ok(new { stored = visits.Count, refused = 0 });
        });
        await app.RunAsync();
        return 0;
    }

    public static double Seconds(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
