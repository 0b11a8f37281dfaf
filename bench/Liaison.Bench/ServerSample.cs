using System.Globalization;

namespace Liaison.Bench;

/// <summary>
/// The server process as the soak sees it at one moment: resident memory and CPU time from /proc,
/// garbage collections, their pause time and the cases its clock passed up from its own <c>/metrics</c>
/// (counters since start), and
/// the machine's CPU time stolen by its hypervisor and spent waiting for the disk (a shared machine's
/// slow minutes are often not the server's own).
/// </summary>
internal sealed record ServerSample(long Rss, double CpuSeconds, long Gen0, long Gen1, long Gen2, double GcPauseSeconds, double StealSeconds, double IoWaitSeconds, double Escalated, double TakenUp)
{
    public static async Task<ServerSample> TakeAsync(HttpClient http, int pid)
    {
        long rss = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }
        // Fields 14 and 15 of /proc/PID/stat (after the parenthesised name): user and system time in clock ticks (100 a second on Linux).
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var cpu = (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / 100;
        var metrics = await http.GetStringAsync("/metrics");
        // The first line of /proc/stat: "cpu user nice system idle iowait irq softirq steal ...", in ticks, all CPUs together.
        var machine = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        double Ticks(int field) => double.Parse(machine[field], CultureInfo.InvariantCulture) / 100;
        return new ServerSample(rss, cpu, Gc(metrics, "0"), Gc(metrics, "1"), Gc(metrics, "2"), Value(metrics, "system_runtime_dotnet_gc_pause_time"), Ticks(8), Ticks(5),
            Value(metrics, "liaison_case_clock_cases_total{action=\"escalated\"}"), Value(metrics, "liaison_case_clock_cases_total{action=\"taken-up\"}"));
    }

    /// <summary>The minute between <paramref name="before"/> and this sample; memory as it is now.</summary>
    public ServerMinute Minus(ServerSample before) =>
        new(Rss, CpuSeconds - before.CpuSeconds, Gen0 - before.Gen0, Gen1 - before.Gen1, Gen2 - before.Gen2, (GcPauseSeconds - before.GcPauseSeconds) * 1000,
            StealSeconds - before.StealSeconds, IoWaitSeconds - before.IoWaitSeconds, Escalated - before.Escalated, TakenUp - before.TakenUp);

    private static long Gc(string metrics, string generation) =>
        (long)Value(metrics, $"dotnet_collection_count_total{{generation=\"{generation}\"}}");

    /// <summary>The value of the first exposition line that starts with <paramref name="series"/>, or 0 when the server does not export it.</summary>
    private static double Value(string metrics, string series)
    {
        foreach (var line in metrics.Split('\n'))
        {
            if (line.StartsWith(series, StringComparison.Ordinal) && line.Length > series.Length && line[series.Length] is ' ' or '{')
            {
                return double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }
        return 0;
    }
}

/// <summary>What the server did in one minute of the soak.</summary>
internal readonly record struct ServerMinute(long Rss, double CpuSeconds, long Gen0, long Gen1, long Gen2, double GcPauseMs, double StealSeconds, double IoWaitSeconds, double Escalated, double TakenUp);
