namespace Liaison.Domain.Access;

/// <summary>
/// Who may manage whose account: the administrator everyone's; a programme office the accounts of
/// its own jurisdiction (offices of its divisions and below, their inspectors, the units of its
/// divisions and their cadres), never an administrator. A county office has no IT staff at hand,
/// so it does this itself, and no further than it reads.
/// </summary>
public static class AccountRules
{
    /// <summary>The roles an account of <paramref name="manager"/>'s role may create.</summary>
    public static IReadOnlyList<Role> Creatable(Role manager) => manager switch
    {
        Role.Admin => [Role.Admin, Role.Office, Role.UnitAdmin, Role.Cadre, Role.Inspector],
        _ when Roles.May(manager, Ability.ManageAccounts) => [Role.Office, Role.UnitAdmin, Role.Cadre, Role.Inspector],
        _ => [],
    };

    /// <summary>
    /// Whether a manager may create, change or list an account of <paramref name="role"/> whose
    /// jurisdiction lies at <paramref name="division"/> (its division, or its unit's; null: everything).
    /// </summary>
    public static bool MayManage(Role manager, Scope managerScope, Role role, string? division) =>
        Creatable(manager).Contains(role) && (division is null ? managerScope.IsEverything : managerScope.Covers(division));
}
