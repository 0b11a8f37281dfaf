using Liaison.Domain.Access;
using Microsoft.AspNetCore.Identity;

namespace Liaison.Data.Accounts;

/// <summary>A person who signs in: one role, one scope (a division subtree, a unit, or everything).</summary>
public sealed class Account : IdentityUser<int>
{
    public Role Role { get; set; }

    /// <summary>The root of the account's division subtree; null with a unit scope or for everything.</summary>
    public string? ScopeDivisionCode { get; set; }

    /// <summary>Set when the scope is a unit.</summary>
    public int? ScopeUnitId { get; set; }

    /// <summary>The cadre this account belongs to, for the cadre role.</summary>
    public int? CadreId { get; set; }

    public string DisplayName { get; set; } = "";

    /// <summary>A disabled account cannot sign in, and its sessions and tokens stop working at once.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>Set by a reset: the temporary password works once, for choosing a new one.</summary>
    public bool MustChangePassword { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A bearer token for scripts and the phone app. Only its SHA-256 is stored.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public required string Name { get; set; }
    /// <summary>Hex SHA-256 of the token; the token itself is shown once, when made.</summary>
    public required string TokenHash { get; set; }
    /// <summary>The token's first characters, to tell tokens apart in lists.</summary>
    public required string Prefix { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
