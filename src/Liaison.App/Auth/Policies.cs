using Liaison.Domain.Access;
using Microsoft.AspNetCore.Authorization;

namespace Liaison.App.Auth;

/// <summary>One authorization policy per ability; every endpoint names one (or allows anonymous access).</summary>
public static class Policies
{
    public const string Read = "read";
    public const string Reveal = "reveal";
    public const string Audit = "audit";
    public const string Accounts = "accounts";
    public const string Plan = "plan";
    public const string Supervise = "supervise";
    public const string Cases = "cases";
    public const string Registries = "registries";
    public const string UnitStays = "unit-stays";
    public const string Nights = "nights";
    public const string Results = "results";
    public const string Notices = "notices";
    public const string Assess = "assess";

    public static readonly IReadOnlyDictionary<string, Ability> Abilities = new Dictionary<string, Ability>
    {
        [Read] = Ability.Read,
        [Reveal] = Ability.RevealPersonalData,
        [Audit] = Ability.ReadAudit,
        [Accounts] = Ability.ManageAccounts,
        [Plan] = Ability.EditPlan,
        [Supervise] = Ability.Supervise,
        [Cases] = Ability.HandleCases,
        [Registries] = Ability.EditRegistries,
        [UnitStays] = Ability.RecordUnitStays,
        [Nights] = Ability.RecordNightSessions,
        [Results] = Ability.RecordResults,
        [Notices] = Ability.IssueNotices,
        [Assess] = Ability.Assess,
    };

    public static void Add(AuthorizationOptions options)
    {
        foreach (var (name, ability) in Abilities)
        {
            options.AddPolicy(name, p => p
                .AddAuthenticationSchemes(SchemeNames.Default)
                .RequireAuthenticatedUser()
                .RequireAssertion(c => LiaisonClaims.RoleOf(c.User) is { } role && Roles.May(role, ability) && LiaisonClaims.ScopeOf(c.User) is not null));
        }
        // Anything that forgets to name a policy is closed, not open.
        options.FallbackPolicy = options.GetPolicy(Read);
    }
}

public static class SchemeNames
{
    /// <summary>Chooses the bearer token when the request carries one, the sign-in cookie otherwise.</summary>
    public const string Default = "Liaison";
}
