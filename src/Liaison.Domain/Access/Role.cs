using Liaison.Domain.Shared;

namespace Liaison.Domain.Access;

/// <summary>What an account is for. Each account has exactly one role and one scope.</summary>
public enum Role
{
    /// <summary>系统管理员: everything, everywhere.</summary>
    Admin = 1,
    /// <summary>驻村办: the programme office of a city, county or township (the township party committee works here too).</summary>
    Office = 2,
    /// <summary>单位管理员: a department's own cadres.</summary>
    UnitAdmin = 3,
    /// <summary>干部: their own records and the villages they are tied to.</summary>
    Cadre = 4,
    /// <summary>督查: supervision, reading over a division subtree.</summary>
    Inspector = 5,
}

/// <summary>What a role may do; checked by policies named after each value.</summary>
public enum Ability
{
    /// <summary>Read the divisions, figures and records within scope.</summary>
    Read,
    /// <summary>See villagers' names and phones and cadres' phones unmasked (each reveal is audited).</summary>
    RevealPersonalData,
    /// <summary>Read the audit log within scope.</summary>
    ReadAudit,
    /// <summary>Manage accounts: the administrator everyone's, an office those of its jurisdiction (<see cref="AccountRules"/>).</summary>
    ManageAccounts,
    /// <summary>Change the liaison plan by hand (each change with a reason, audited).</summary>
    EditPlan,
    /// <summary>See the supervisors' views of field work: plausibility flags and who is behind.</summary>
    Supervise,
    /// <summary>Take up the masses' cases, disputes and errands within scope (a unit's admin: those assigned to the unit).</summary>
    HandleCases,
    /// <summary>Keep the registries one record at a time: add and correct cadres, households and units, and record their changes (hire, transfer, retirement, move, merger …).</summary>
    EditRegistries,
    /// <summary>Record a pairing's concentrated stay for the unit's members at once (a unit's admin: their own unit's pairings; an office: those of its jurisdiction).</summary>
    RecordUnitStays,
    /// <summary>Record a night session (夜谈夜访) held in a village within scope, its escalated matters taken up as cases.</summary>
    RecordNightSessions,
    /// <summary>Record what the programme accounts for in villages within scope: practical deeds (实事好事); a cadre records their own.</summary>
    RecordResults,
    /// <summary>Draft and issue notices of criticism and commendation, order rectifications and accept them (通报、限期整改): offices at the county or city level (the stores check the level).</summary>
    IssueNotices,
    /// <summary>Run the year-end assessment, adjust and publish it, answer appeals, and read the masses' evaluation and its refusals (年度考核): offices.</summary>
    Assess,
}

public static class Roles
{
    private static readonly Dictionary<Role, Ability[]> Grants = new()
    {
        [Role.Admin] = [Ability.Read, Ability.RevealPersonalData, Ability.ReadAudit, Ability.ManageAccounts, Ability.EditPlan, Ability.Supervise, Ability.HandleCases, Ability.EditRegistries, Ability.RecordUnitStays, Ability.RecordNightSessions, Ability.RecordResults, Ability.IssueNotices, Ability.Assess],
        [Role.Office] = [Ability.Read, Ability.RevealPersonalData, Ability.ReadAudit, Ability.ManageAccounts, Ability.EditPlan, Ability.Supervise, Ability.HandleCases, Ability.EditRegistries, Ability.RecordUnitStays, Ability.RecordNightSessions, Ability.RecordResults, Ability.IssueNotices, Ability.Assess],
        [Role.UnitAdmin] = [Ability.Read, Ability.HandleCases, Ability.RecordUnitStays],
        [Role.Cadre] = [Ability.Read, Ability.RevealPersonalData, Ability.HandleCases, Ability.RecordNightSessions, Ability.RecordResults],
        [Role.Inspector] = [Ability.Read, Ability.Supervise],
    };

    public static bool May(Role role, Ability ability) => Grants.TryGetValue(role, out var p) && p.Contains(ability);

    public static IReadOnlyList<Role> With(Ability ability) => Grants.Where(g => g.Value.Contains(ability)).Select(g => g.Key).ToList();

    public static bool TryParse(string text, out Role role)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "admin" or "系统管理员": role = Role.Admin; return true;
            case "office" or "驻村办": role = Role.Office; return true;
            case "unit-admin" or "unitadmin" or "单位管理员": role = Role.UnitAdmin; return true;
            case "cadre" or "干部": role = Role.Cadre; return true;
            case "inspector" or "督查": role = Role.Inspector; return true;
            default: role = default; return false;
        }
    }

    /// <summary>The role's key, for commands, the API and the audit log: admin, office, unit-admin, cadre, inspector.</summary>
    public static string Name(Role role) => role switch
    {
        Role.UnitAdmin => "unit-admin",
        _ => role.ToString().ToLowerInvariant(),
    };

    /// <summary>The role's name for people.</summary>
    public static Term Label(Role role) => role switch
    {
        Role.Admin => Words.Administrator,
        Role.Office => new("驻村办", "programme office"),
        Role.UnitAdmin => new("单位管理员", "unit administrator"),
        Role.Cadre => Words.Cadre,
        Role.Inspector => new("督查", "inspector"),
        _ => Term.Same(role.ToString()),
    };

    /// <summary>A role's name for people from its key (as <see cref="TryParse"/> reads it), else the key itself.</summary>
    public static Term Label(string key) => TryParse(key, out var role) ? Label(role) : Term.Same(key);
}
