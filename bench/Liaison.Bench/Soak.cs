using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Liaison.Bench;

/// <summary>
/// Issue 16's soak: <c>soak URL SERVER-PID TOKENS OFFICE-TOKEN OFFICE-USER OFFICE-PASSWORD VILLAGE DIVISION MINUTES SINGLE-PER-SECOND</c>
/// runs a mixed load against a running <c>liaison serve</c> for MINUTES: single visits at a steady
/// rate (bearer tokens, one record a request), a batch of 200 visits every 5 s, the campaign report
/// through the API twice a second, a case created and accepted by an office (cookie, forms) every
/// 2 s, and the public contact-card form as fast as its limit lets through (429s intended). Each
/// minute it prints the server's resident memory, the single visits' p99 and the errors (anything
/// but a success, and but the intake's 429s) as one JSON line, after a warm-up minute (minute 0).
/// </summary>
internal static class Soak
{
    public static async Task<int> RunAsync(string url, int serverPid, string tokensPath, string officeToken, string officeUser, string officePassword,
        string village, string division, double minutes, int singlePerSecond)
    {
        var tokens = File.ReadAllLines(tokensPath).Where(l => l.Length > 0).ToArray();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        var households = new List<long[]>();
        foreach (var token in tokens)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/field/me");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            using var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            households.Add(me.RootElement.GetProperty("villages").EnumerateArray()
                .SelectMany(v => v.GetProperty("householdList").EnumerateArray().Select(h => h.GetProperty("id").GetInt64())).ToArray());
        }
        using var officeHandler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var office = new HttpClient(officeHandler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        await ReportBench.SignInAsync(office, officeUser, officePassword);

        var minute = new MinuteStats();
        // One more minute first, reported as minute 0 and left out of the verdict: a server just
        // started compiles and fills its pools under its first requests, as the field benchmark's warm-up allows.
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(minutes + 1));
        var visitedAt = TimeProvider.System.GetUtcNow().AddHours(-1);
        var loops = new List<Task>
        {
            Paced(1.0 / singlePerSecond, async i =>
            {
                var k = (int)(i % tokens.Length);
                var body = new { id = Guid.NewGuid(), household = households[k][(int)(i / tokens.Length % households[k].Length)], visitedAt };
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/field/visits") { Content = JsonContent.Create(body) };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[k]);
                var watch = Stopwatch.StartNew();
                using var response = await http.SendAsync(request, stop.Token);
                minute.Single(watch.Elapsed.TotalMilliseconds, response.IsSuccessStatusCode, (int)response.StatusCode);
            }, stop.Token),
            Paced(5, async i =>
            {
                var k = (int)(i % tokens.Length);
                var batch = Enumerable.Range(0, 200).Select(j => new { id = Guid.NewGuid(), household = households[k][j % households[k].Length], visitedAt }).ToList();
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/field/visits") { Content = JsonContent.Create(batch) };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[k]);
                using var response = await http.SendAsync(request, stop.Token);
                minute.Other("batch", response.IsSuccessStatusCode, (int)response.StatusCode);
            }, stop.Token),
            Paced(0.5, async _ =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/campaign?division={division}");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", officeToken);
                using var response = await http.SendAsync(request, stop.Token);
                minute.Other("report", response.IsSuccessStatusCode, (int)response.StatusCode);
            }, stop.Token),
            Paced(2, async i =>
            {
                var page = await office.GetStringAsync("/cases", stop.Token);
                using var created = await office.PostAsync("/cases?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["kind"] = "Problem", ["channel"] = "Phone", ["village"] = village, ["description"] = $"浸泡测试 {i}：路灯不亮",
                    ["__RequestVerificationToken"] = ReportBench.FormToken(page),
                }), stop.Token);
                var ok = created.StatusCode == HttpStatusCode.Redirect && created.Headers.Location?.OriginalString is { } at && at.StartsWith("/cases/", StringComparison.Ordinal);
                if (ok)
                {
                    var at2 = created.Headers.Location!.OriginalString;
                    var detail = await office.GetStringAsync(at2, stop.Token);
                    using var accepted = await office.PostAsync(at2, new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["action"] = "Accept", ["note"] = "受理", ["__RequestVerificationToken"] = ReportBench.FormToken(detail),
                    }), stop.Token);
                    ok = (int)accepted.StatusCode < 400;
                }
                minute.Other("case", ok, (int)created.StatusCode);
            }, stop.Token),
            Paced(0.2, async i =>
            {
                // A new visitor each time (no cookies kept), as villagers are.
                using var anonymous = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
                using var form = await anonymous.GetAsync($"/public/report/{village}", stop.Token);
                if (form.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    minute.Intake(429);
                    return;
                }
                using var sent = await anonymous.PostAsync($"/public/report/{village}", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Kind"] = "Problem", ["Description"] = $"浸泡测试群众来信 {i}", ["__RequestVerificationToken"] = ReportBench.FormToken(await form.Content.ReadAsStringAsync(stop.Token)),
                }), stop.Token);
                minute.Intake((int)sent.StatusCode);
            }, stop.Token),
        };
        var started = Stopwatch.StartNew();
        var index = -1;
        var last = await ServerSample.TakeAsync(http, serverPid);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMinutes(1) - TimeSpan.FromTicks(started.Elapsed.Ticks % TimeSpan.TicksPerMinute), stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
            var sample = await ServerSample.TakeAsync(http, serverPid);
            Console.WriteLine(minute.Flush(++index, sample.Minus(last)));
            last = sample;
        }
        await Task.WhenAll(loops);
        return 0;
    }

    /// <summary>Runs the step every <paramref name="seconds"/>, each on its own (a slow answer does not slow the pace), until stopped.</summary>
    private static async Task Paced(double seconds, Func<long, Task> step, CancellationToken stop)
    {
        var running = new List<Task>();
        var clock = Stopwatch.StartNew();
        for (long i = 0; !stop.IsCancellationRequested; i++)
        {
            var due = TimeSpan.FromSeconds(i * seconds) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(due, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            var n = i;
            running.Add(Task.Run(async () =>
            {
                try
                {
                    await step(n);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidDataException)
                {
                    if (!stop.IsCancellationRequested)
                    {
                        Console.Error.WriteLine("soak: " + e.Message);
                    }
                }
            }, CancellationToken.None));
            running.RemoveAll(t => t.IsCompleted);
        }
        await Task.WhenAll(running);
    }

    /// <summary>One minute's counts, taken and reset at the minute's end.</summary>
    private sealed class MinuteStats
    {
        private readonly Lock _gate = new();
        private List<double> _single = [];
        private readonly Dictionary<string, long> _counts = [];
        // When the minute began (UTC), to lay it beside the database's log.
        private DateTimeOffset _since = TimeProvider.System.GetUtcNow();

        public void Single(double ms, bool ok, int status)
        {
            lock (_gate)
            {
                _single.Add(ms);
                Count(ok ? "single" : $"error-single-{status}");
            }
        }

        public void Other(string what, bool ok, int status)
        {
            lock (_gate)
            {
                Count(ok ? what : $"error-{what}-{status}");
            }
        }

        /// <summary>The contact-card form: filed (a redirect to the tracking page), or refused by its limit (429), as intended.</summary>
        public void Intake(int status)
        {
            lock (_gate)
            {
                Count(status == 429 ? "intake-429" : status < 400 ? "intake" : $"error-intake-{status}");
            }
        }

        private void Count(string key) => _counts[key] = _counts.GetValueOrDefault(key) + 1;

        public string Flush(int minute, ServerMinute server)
        {
            lock (_gate)
            {
                var sorted = _single.Order().ToList();
                var p99 = sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(0.99 * sorted.Count) - 1)];
                var now = TimeProvider.System.GetUtcNow();
                var line = JsonSerializer.Serialize(new
                {
                    minute,
                    warmUp = minute == 0,
                    from = _since.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                    to = now.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                    rssBytes = server.Rss,
                    // What the server did in the minute, to see what a slow minute coincides with.
                    server = new { cpuSeconds = Math.Round(server.CpuSeconds, 1), gen0 = server.Gen0, gen1 = server.Gen1, gen2 = server.Gen2, gcPauseMs = Math.Round(server.GcPauseMs, 1), escalated = server.Escalated, takenUp = server.TakenUp },
                    machine = new { stealSeconds = Math.Round(server.StealSeconds, 1), ioWaitSeconds = Math.Round(server.IoWaitSeconds, 1) },
                    singleP99Ms = Math.Round(p99, 1),
                    singleMedianMs = sorted.Count == 0 ? 0 : Math.Round(sorted[sorted.Count / 2], 1),
                    singleMaxMs = sorted.Count == 0 ? 0 : Math.Round(sorted[^1], 1),
                    // How many waited long: a stall of the whole server shows as many, one slow request as one.
                    singleOver100Ms = sorted.Count(ms => ms > 100),
                    errors = _counts.Where(kv => kv.Key.StartsWith("error", StringComparison.Ordinal)).Sum(kv => kv.Value),
                    counts = new SortedDictionary<string, long>(_counts, StringComparer.Ordinal),
                });
                _single = [];
                _counts.Clear();
                _since = now;
                return line;
            }
        }
    }
}
