using System.Text.Json;
using Liaison.App.Cli;

namespace Liaison.App.Tests;

/// <summary>The First Secretary cycle as a script runs it: calls, candidates, selection, the match and its exported costs.</summary>
[Collection("console")]
public sealed class FirstSecretaryCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("liaison-fs-cli-").FullName;

    private string Db => "sqlite:" + Path.Combine(_dir, "fs.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<JsonDocument> JsonAsync(params string[] args)
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync([.. args, "--db", Db, "--json"]);
        Assert.True(code == ExitCodes.Ok, $"{string.Join(' ', args)}: exit {code}: {stdout}{stderr}");
        return JsonDocument.Parse(stdout);
    }

    [Fact]
    public async Task The_match_prints_assigned_unassigned_and_total_and_exports_every_allowed_pair_with_integer_costs()
    {
        (await JsonAsync("demo", "seed")).Dispose();
        using var calls = await JsonAsync("secretaries", "calls", "--year", "2026");
        Assert.True(calls.RootElement.GetProperty("quota").GetInt32() > 0);
        (await JsonAsync("demo", "candidates", "--year", "2026")).Dispose();
        using var selection = await JsonAsync("secretaries", "select", "--year", "2026");
        var selected = selection.RootElement.GetProperty("selected").GetInt32();
        var costs = Path.Combine(_dir, "costs.csv");

        using var match = await JsonAsync("plan", "first-secretaries", "--year", "2026", "--export-costs", costs);

        var root = match.RootElement;
        Assert.Equal(selected, root.GetProperty("assigned").GetInt32());
        Assert.Equal(0, root.GetProperty("unassigned").GetArrayLength());
        var total = root.GetProperty("totalCost").GetInt64();
        Assert.True(total > 0);
        var lines = await File.ReadAllLinesAsync(costs);
        Assert.Equal("cadre_id,village_code,cost", lines[0]);
        Assert.Equal(root.GetProperty("exportedPairs").GetInt64(), lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^C\d{6},\d{12},\d+$", l));
        Assert.Equal(selected, lines.Skip(1).Select(l => l.Split(',')[0]).Distinct().Count());

        var first = lines[1].Split(',');
        var (code, why, _) = await CliRunner.RunAsync("secretaries", "why-not", first[0], first[1], "--year", "2026", "--db", Db, "--lang", "en");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("Cost of this village: category", why, StringComparison.Ordinal);
    }
}
