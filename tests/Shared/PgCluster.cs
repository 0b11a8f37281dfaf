using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Liaison.Tests.Shared;

/// <summary>
/// A throwaway PostgreSQL cluster for the whole test run of one test project: started on first use
/// in /tmp on a free port, stopped and removed when the process ends. Each test gets its own
/// database in it. Shared by the test projects.
/// </summary>
public static class PgCluster
{
    private static readonly Lazy<string> Started = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static string _dir = "";
    private static int _databases;

    /// <summary>The connection string of the cluster's maintenance database.</summary>
    public static string AdminConnectionString => Started.Value;

    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "t" + Environment.ProcessId + "_" + Interlocked.Increment(ref _databases);
        await using var c = new NpgsqlConnection(AdminConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
        await cmd.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ToString();
    }

    private static string Start()
    {
        RemoveStale();
        _dir = Path.Combine("/tmp", "liaison-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_dir);
        var root = Environment.UserName == "root";
        if (root)
        {
            Run(false, "chown", "postgres:postgres", _dir);
        }
        var port = FreePort();
        var bin = PgBin();
        Run(root, Path.Combine(bin, "initdb"), "-D", $"{_dir}/data", "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        Run(root, Path.Combine(bin, "pg_ctl"), "-D", $"{_dir}/data", "-l", $"{_dir}/log", "-w", "-t", "60", "-o",
            $"-p {port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c max_wal_size=256MB -c min_wal_size=32MB", "start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(root, bin);
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20";
    }

    /// <summary>
    /// Clusters of earlier runs whose server is gone: a test host killed before its exit handler
    /// finished leaves its cluster (a few GB) behind, and on a developer's machine they add up.
    /// </summary>
    private static void RemoveStale()
    {
        foreach (var dir in Directory.EnumerateDirectories("/tmp", "liaison-pg-*"))
        {
            var pidFile = Path.Combine(dir, "data", "postmaster.pid");
            var running = File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) && Directory.Exists($"/proc/{pid}");
            if (!running && Directory.GetLastWriteTimeUtc(dir) < TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-10))
            {
                try
                {
                    Directory.Delete(dir, true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Another run's, or not ours to remove: leave it.
                }
            }
        }
    }

    /// <summary>
    /// Restarts the server (fast shutdown: every connection is cut), as an operator's restart or a
    /// failover does. Only for a test project whose tests do not share the cluster while it runs.
    /// </summary>
    public static void Restart()
    {
        _ = Started.Value;
        Run(Environment.UserName == "root", Path.Combine(PgBin(), "pg_ctl"), "-D", $"{_dir}/data", "-m", "fast", "-w", "-t", "60", "restart");
    }

    private static void Stop(bool root, string bin)
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            Run(root, Path.Combine(bin, "pg_ctl"), "-D", $"{_dir}/data", "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already gone: nothing to stop.
        }
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
            // Best effort: /tmp is cleaned by the machine anyway.
        }
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var p = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return p;
    }

    private static string PgBin() => Directory.GetDirectories("/usr/lib/postgresql")
        .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
        .Select(d => Path.Combine(d, "bin"))
        .First(d => File.Exists(Path.Combine(d, "initdb")));

    private static void Run(bool asPostgres, string file, params string[] args)
    {
        var psi = new ProcessStartInfo(asPostgres ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres)
        {
            foreach (var x in new[] { "-u", "postgres", "--", file })
            {
                psi.ArgumentList.Add(x);
            }
        }
        foreach (var x in args)
        {
            psi.ArgumentList.Add(x);
        }
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed ({p.ExitCode}): {error}");
        }
        _ = output;
    }
}
