using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Web;

/// <summary>
/// What the signed-in layout shows around every page: whose scope this is ("汶上县 · 驻村办"), read
/// once per request through the scoped query root.
/// </summary>
public sealed class Frame(Auth.Jurisdiction jurisdiction, Data.Access.Scoped scoped, Data.LiaisonDb db, TimeProvider clock)
{
    public async Task<string?> ScopeLabelAsync(CancellationToken ct)
    {
        if (jurisdiction.Role is not { } role || jurisdiction.Scope is not { } scope)
        {
            return null;
        }
        var roleName = Ui.T(Domain.Access.Roles.Label(role));
        if (scope.UnitId is { } unit)
        {
            var name = await scoped.Units.Where(u => u.Id == unit).Select(u => u.Name).FirstOrDefaultAsync(ct);
            return $"{name} · {roleName}";
        }
        if (scope.DivisionCode is { } code)
        {
            var name = await scoped.Divisions.Where(d => d.Code == code).Select(d => d.Name).FirstOrDefaultAsync(ct);
            return $"{name ?? code} · {roleName}";
        }
        return $"{Ui.T(Words.All)} · {roleName}";
    }

    /// <summary>
    /// A place of the account's own tree to show in a search box's example ("如：中都街道、370830"):
    /// placeholders come from the database's divisions, never from one city's.
    /// </summary>
    public async Task<(string Name, string Code)?> ExamplePlaceAsync(CancellationToken ct)
    {
        var root = jurisdiction.Scope?.DivisionCode;
        var level = root is null ? Domain.Divisions.DivisionLevel.County : (Domain.Divisions.DivisionCode.LevelOfLength(root.Length) ?? Domain.Divisions.DivisionLevel.Village) + 1;
        var place = await scoped.Divisions.Where(d => d.Level == level).OrderBy(d => d.Code).Select(d => new { d.Name, d.Code }).FirstOrDefaultAsync(ct);
        return place is null ? null : (place.Name, place.Code);
    }

    /// <summary>The programme's supervision telephone, from this year's policy: the public pages show it on every page.</summary>
    public async Task<string?> TelephoneAsync(CancellationToken ct)
    {
        var policy = await Data.Policy.PolicyStore.GetAsync(db, ChinaTime.Today(clock).Year, ct);
        return string.IsNullOrWhiteSpace(policy.Policy.Public.Telephone) ? null : policy.Policy.Public.Telephone;
    }
}
