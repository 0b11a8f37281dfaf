using Liaison.Data.Audit;
using Liaison.Data.Liaisons;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Policy;

/// <summary>The policy in force for a year: the newest stored version, else the city's default (<see cref="ProgrammePolicy.Default"/>).</summary>
public sealed record EffectivePolicy(ProgrammePolicy Policy, int Version, DateTimeOffset? SetAt, string? SetBy)
{
    public bool IsDefault => Version == 0;
}

/// <summary>Refused: the document breaks the rules listed.</summary>
/// <summary>A policy document refused; nothing stored. Its problems as every refusal's: the rule as the code, the path as the field.</summary>
public sealed class PolicyRefusedException(IReadOnlyList<PolicyProblem> problems)
    : RefusedException(problems.Select(p => p.Common()).ToList(), "政策文件被拒绝，未作任何更改：", "Policy refused; nothing was changed:")
{
    /// <summary>The problems with their rules and places, as found.</summary>
    public IReadOnlyList<PolicyProblem> PolicyProblems { get; } = problems;
}

public static class PolicyStore
{
    public static async Task<EffectivePolicy> GetAsync(LiaisonDb db, int year, CancellationToken ct)
    {
        var stored = await db.PolicyVersions.AsNoTracking().Where(p => p.Year == year).OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);
        if (stored is null)
        {
            return new EffectivePolicy(ProgrammePolicy.Default(year, await CityStore.GetAsync(db, ct)), 0, null, null);
        }
        var (policy, problems) = PolicyDocument.Parse(stored.Document);
        // Stored documents passed validation when set; one that no longer does was edited behind Liaison's back.
        return policy is null
            ? throw new InvalidOperationException($"stored policy {year} v{stored.Version} is invalid: {string.Join("; ", problems.Select(p => p.Message(true)))}")
            : new EffectivePolicy(policy, stored.Version, stored.SetAt, stored.SetBy);
    }

    public static async Task<List<PolicyVersion>> VersionsAsync(LiaisonDb db, int year, CancellationToken ct) =>
        await db.PolicyVersions.AsNoTracking().Where(p => p.Year == year).OrderByDescending(p => p.Version).ToListAsync(ct);

    /// <summary>
    /// Validates a document (its own rules, then whether the current roster can meet its quotas)
    /// and stores it as the year's next version, audited. Throws <see cref="PolicyRefusedException"/>.
    /// </summary>
    public static async Task<EffectivePolicy> SetAsync(LiaisonDb db, TimeProvider clock, Actor actor, string json, CancellationToken ct)
    {
        var city = await CityStore.GetAsync(db, ct);
        var (policy, problems) = PolicyDocument.Parse(json, year => ProgrammePolicy.Default(year, city));
        if (policy is null)
        {
            throw new PolicyRefusedException(problems);
        }
        var world = await LiaisonStore.LoadWorldAsync(db, policy, withTies: false, ct);
        var infeasible = PolicyFeasibility.Check(world);
        if (infeasible.Count > 0)
        {
            throw new PolicyRefusedException(infeasible);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var before = await GetAsync(db, policy.Year, ct);
        var version = new PolicyVersion
        {
            Year = policy.Year,
            Version = before.Version + 1,
            Document = PolicyDocument.ToJson(policy),
            SetAt = clock.GetUtcNow(),
            SetBy = actor.Name,
        };
        db.PolicyVersions.Add(version);
        await db.SaveChangesAsync(ct);
        // Which villages need a First Secretary is the policy's word; so are who should take part and what taking part asks.
        var (was, now) = (before.Policy.Participation, policy.Participation);
        var participation = was.MinimumVisits != now.MinimumVisits || was.MinimumDays != now.MinimumDays || !was.UnitLevels.Order().SequenceEqual(now.UnitLevels.Order());
        await Reporting.RollupStore.RefreshAsync(db, Reporting.RollupFamily.Secretaries
            | (participation ? Reporting.RollupFamily.People | Reporting.RollupFamily.Participation : 0), ct);
        await AuditLog.AppendAsync(db, clock, actor,
            new AuditRecord("policy.set", "policy", $"{policy.Year}/v{version.Version}", null, before.IsDefault ? null : PolicyDocument.ToJson(before.Policy), version.Document), ct);
        await tx.CommitAsync(ct);
        return new EffectivePolicy(policy, version.Version, version.SetAt, version.SetBy);
    }
}
