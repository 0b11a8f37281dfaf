using System.Globalization;
using Liaison.Data.Access;
using Liaison.Domain.Policy;
using Liaison.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Supervision;

/// <summary>A village or cadre tested against the rest, with its name: flagged for inspection when its adjusted p-value is at most α.</summary>
public sealed record FlaggedGroup(string Key, string Name, GroupTest Test);

/// <summary>A sample's results: the estimate (null until a household is reached), the villages and cadres flagged, and the test named.</summary>
public sealed record SampleResult(CallSample Sample, VerificationResult? Estimate, IReadOnlyList<FlaggedGroup> Villages, IReadOnlyList<FlaggedGroup> Cadres, string Method, double Alpha)
{
    /// <summary>The satisfaction of the households reached who gave one (1–5), its mean and count.</summary>
    public (double Mean, int Count) Satisfaction { get; init; }

    /// <summary>Of the households who raised a problem, the share who say it was taken up, and their count.</summary>
    public (double Share, int Count) ProblemsTakenUp { get; init; }
}

/// <summary>
/// 核实结果 (issue 22): a sample's estimate read through the reader's scope — the confirmation rate with
/// its interval by the sample's design (<see cref="Verification"/>), and the villages and cadres whose
/// unconfirmed share is significantly above the rest's (<see cref="Outliers"/>, the policy's α and correction).
/// </summary>
public static class SampleResults
{
    public static async Task<SampleResult?> ReadAsync(Scoped scoped, long sampleId, SupervisionRules rules, CancellationToken ct)
    {
        if (await scoped.CallSamples.FirstOrDefaultAsync(s => s.Id == sampleId, ct) is not { } sample)
        {
            return null;
        }
        var db = scoped.Db;
        var calls = await db.SampleCalls.AsNoTracking().Where(c => c.SampleId == sampleId)
            .Select(c => new { c.Stratum, c.VillageCode, c.CadreId, c.Outcome, c.Visited, c.Satisfaction, c.ProblemTakenUp }).ToListAsync(ct);
        var strata = await db.SampleStrata.AsNoTracking().Where(s => s.SampleId == sampleId).ToListAsync(ct);
        var byStratum = calls.GroupBy(c => c.Stratum, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var tallies = strata.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s =>
        {
            var own = byStratum.GetValueOrDefault(s.Key) ?? [];
            return new StratumCalls(s.Key, s.Population, s.Drawn, own.Count(c => c.Outcome == CallOutcome.Reached), own.Count(c => c.Outcome == CallOutcome.Reached && c.Visited == true));
        }).ToList();
        var called = calls.Count(c => c.Outcome != CallOutcome.Pending);
        var estimate = Verification.Estimate(tallies, called, sample.Design != SampleDesign.Simple, sample.Confidence);

        var reached = calls.Where(c => c.Outcome == CallOutcome.Reached).ToList();
        // Each village, and each cadre, against the rest of the households reached.
        List<GroupTest> Flagged(IEnumerable<IGrouping<string, bool?>> groups) =>
            Outliers.AboveTheRest(groups.Select(g => new CallGroup(g.Key, g.Count(), g.Count(visited => visited == false))).ToList(), rules.Alpha, rules.Correction)
                .Where(t => t.Flagged).ToList();
        var villageTests = Flagged(reached.GroupBy(c => c.VillageCode, c => c.Visited, StringComparer.Ordinal));
        var cadreTests = Flagged(reached.GroupBy(c => c.CadreId.ToString(CultureInfo.InvariantCulture), c => c.Visited, StringComparer.Ordinal));
        var villageCodes = villageTests.Select(t => t.Key).ToList();
        var villageNames = await scoped.Names.Where(d => villageCodes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        var cadreIds = cadreTests.Select(t => int.Parse(t.Key, CultureInfo.InvariantCulture)).ToList();
        var cadres = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id.ToString(CultureInfo.InvariantCulture), c => $"{c.Name}（{c.Code}）", ct);
        var rated = reached.Where(c => c.Satisfaction is not null).ToList();
        var problems = reached.Where(c => c.ProblemTakenUp is not null).ToList();
        return new SampleResult(sample, estimate,
            villageTests.OrderBy(t => t.Adjusted).Select(t => new FlaggedGroup(t.Key, villageNames.GetValueOrDefault(t.Key, t.Key), t)).ToList(),
            cadreTests.OrderBy(t => t.Adjusted).Select(t => new FlaggedGroup(t.Key, cadres.GetValueOrDefault(t.Key, t.Key), t)).ToList(),
            Outliers.Method(rules.Correction), rules.Alpha)
        {
            Satisfaction = (rated.Count == 0 ? 0 : rated.Average(c => c.Satisfaction!.Value), rated.Count),
            ProblemsTakenUp = (problems.Count == 0 ? 0 : (double)problems.Count(c => c.ProblemTakenUp == true) / problems.Count, problems.Count),
        };
    }
}
