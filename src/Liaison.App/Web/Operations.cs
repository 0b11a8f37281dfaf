using System.Collections.Concurrent;
using System.Net;
using Liaison.Data;
using Liaison.Data.Database;
using Microsoft.EntityFrameworkCore;
using Prometheus;

namespace Liaison.App.Web;

/// <summary>When each background job last finished a round, for <c>/readyz</c> and the metrics.</summary>
public sealed class Heartbeats(TimeProvider clock)
{
    private readonly DateTimeOffset _started = clock.GetUtcNow();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _beats = new();

    /// <summary>The jobs and how long each may go without a round before it counts as stuck.</summary>
    public static readonly IReadOnlyDictionary<string, TimeSpan> Jobs = new Dictionary<string, TimeSpan>
    {
        ["field-rollups"] = TimeSpan.FromMinutes(5),
        ["case-clock"] = TimeSpan.FromMinutes(16),
    };

    public void Beat(string job) => _beats[job] = clock.GetUtcNow();

    /// <summary>Seconds since the job's last round (since the start, before its first).</summary>
    public double AgeSeconds(string job) => (clock.GetUtcNow() - _beats.GetValueOrDefault(job, _started)).TotalSeconds;

    public IEnumerable<string> Stuck() => Jobs.Where(j => AgeSeconds(j.Key) > j.Value.TotalSeconds).Select(j => j.Key);
}

/// <summary>
/// What an operator watches: <c>/healthz</c> (the process answers), <c>/readyz</c> (the database
/// answers, its schema is current, the keys are the database's own, no background job is stuck:
/// 503 naming what is not), and Prometheus metrics at <c>/metrics</c> for the addresses in
/// <c>Liaison:Metrics:AllowFrom</c> (default: this machine only). Structured JSON logs with
/// <c>LIAISON_LOG_FORMAT=json</c>.
/// </summary>
public static class Operations
{
    public static readonly Counter FieldRecords = Metrics.CreateCounter("liaison_field_records_total", "Field records received through the API, by kind and outcome.", "kind", "outcome");
    private static readonly Gauge Queue = Metrics.CreateGauge("liaison_field_rollup_queue_villages", "Villages waiting for their field figures to be recounted.");
    private static readonly Gauge JobAge = Metrics.CreateGauge("liaison_background_job_last_round_age_seconds", "Seconds since a background job last finished a round.", "job");
    private static readonly Gauge OverdueCases = Metrics.CreateGauge("liaison_cases_overdue_open", "Open cases past their deadline (the case clock passes them up).");
    public static readonly Counter CaseClockCases = Metrics.CreateCounter("liaison_case_clock_cases_total", "Cases the case clock took up from visits or passed up past their deadline, by what it did.", "action");
    public static readonly Histogram CaseClockRound = Metrics.CreateHistogram("liaison_case_clock_round_seconds", "How long a round of the case clock took.");

    private static IServiceProvider? _services;
    private static int _collecting;

    public static void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Heartbeats>();
        var format = builder.Configuration["Liaison:Logging:Format"] ?? Environment.GetEnvironmentVariable("LIAISON_LOG_FORMAT");
        if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }
    }

    public static void UseRequestMetrics(WebApplication app) => app.UseHttpMetrics(o => o.ReduceStatusCodeCardinality());

    public static void Map(WebApplication app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" })).AllowAnonymous().RequireRateLimiting(Auth.AuthSetup.PublicLimit);
        app.MapGet("/readyz", ReadyAsync).AllowAnonymous().RequireRateLimiting(Auth.AuthSetup.PublicLimit);
        var allowed = AllowedScrapers(app.Configuration);
        // The registry is the process's: one callback, reading the newest app's services (test hosts come and go).
        _services = app.Services;
        if (Interlocked.Exchange(ref _collecting, 1) == 0)
        {
            Metrics.DefaultRegistry.AddBeforeCollectCallback(async ct => await CollectAsync(_services!, ct));
        }
        // Not for everyone: request rates and queue depths tell an outsider how the programme runs.
        app.Use((context, next) => !context.Request.Path.StartsWithSegments("/metrics") || allowed(context.Connection.RemoteIpAddress) ? next() : NotFound(context));
        app.MapMetrics("/metrics").AllowAnonymous();
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    /// <summary>Loopback by default; <c>Liaison:Metrics:AllowFrom</c> (or <c>LIAISON_METRICS_ALLOW</c>) lists addresses and networks.</summary>
    private static Func<IPAddress?, bool> AllowedScrapers(IConfiguration config)
    {
        var text = config["Liaison:Metrics:AllowFrom"] ?? Environment.GetEnvironmentVariable("LIAISON_METRICS_ALLOW") ?? "127.0.0.1/8, ::1/128";
        var networks = text.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Contains('/', StringComparison.Ordinal) ? System.Net.IPNetwork.Parse(t) : new System.Net.IPNetwork(IPAddress.Parse(t), IPAddress.Parse(t).GetAddressBytes().Length * 8))
            .ToList();
        return address => address is not null && networks.Any(n => n.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address));
    }

    private static async Task CollectAsync(IServiceProvider services, CancellationToken ct)
    {
        var beats = services.GetRequiredService<Heartbeats>();
        foreach (var job in Heartbeats.Jobs.Keys)
        {
            JobAge.WithLabels(job).Set(beats.AgeSeconds(job));
        }
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LiaisonDb>();
            Queue.Set(await db.FieldDirty.CountAsync(ct));
            var today = Domain.Shared.ChinaTime.Today(services.GetRequiredService<TimeProvider>());
            OverdueCases.Set(await Data.Access.Scoped.Operator(db).Cases.CountAsync(c => Domain.Cases.CaseLifecycle.OpenStatuses.Contains(c.Status) && c.DueOn < today, ct));
        }
#pragma warning disable CA1031 // The database's own gauges stay as they were; /readyz says why.
        catch (Exception e) when (DatabaseProblems.IsTransient(e) || e is InvalidOperationException)
#pragma warning restore CA1031
        {
        }
    }

    private static async Task<IResult> ReadyAsync(LiaisonDb db, DatabaseTarget target, Heartbeats beats, CancellationToken ct)
    {
        var problems = new List<string>();
        try
        {
            if (!await db.Database.CanConnectAsync(ct))
            {
                problems.Add("database: unreachable");
            }
            else
            {
                if ((await Schema.PendingAsync(db, ct)).Count > 0)
                {
                    problems.Add("schema: migrations pending (liaison db migrate)");
                }
                var ring = Data.Privacy.PersonalDataKeys.Current;
                foreach (var k in await db.KeyRecords.AsNoTracking().ToListAsync(ct))
                {
                    var fingerprint = k.Purpose == Data.Privacy.KeyGuard.Audit
                        ? ring.AuditKey is null ? null : Data.Privacy.PersonalDataKeys.FingerprintOf(ring.AuditKey)
                        : ring.Has(k.KeyId) ? ring.Fingerprint(k.KeyId) : null;
                    if (fingerprint != k.Fingerprint)
                    {
                        problems.Add($"keys: {k.KeyId} is not in the key file or differs");
                    }
                }
            }
        }
        catch (Exception e) when (DatabaseProblems.Describe(e, target)?.En is { } said)
        {
            problems.Add("database: " + said);
        }
        catch (Data.Privacy.KeysUnavailableException e)
        {
            problems.Add("keys: " + e.Describe().En);
        }
        problems.AddRange(beats.Stuck().Select(j => $"background: {j} has not finished a round for {beats.AgeSeconds(j):0} s"));
        return problems.Count == 0
            ? TypedResults.Ok(new { status = "ready" })
            : TypedResults.Json(new { status = "not ready", problems }, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
