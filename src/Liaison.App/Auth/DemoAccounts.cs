using Liaison.Data;
using Liaison.Data.Audit;
using Liaison.Domain.Access;
using Liaison.Domain.Divisions;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Auth;

/// <summary>One account per role on the demo, scoped to real divisions of the seeded county.</summary>
public static class DemoAccounts
{
    /// <summary>Creates them; returns (user name, role, scope, password) for the first start to print.</summary>
    public static async Task<List<(string Name, Role Role, string Scope, string Password)>> CreateAsync(LiaisonDb db, AccountAdmin admin, CancellationToken ct)
    {
        // The operator's demo: the first county of whatever was seeded, under an office at each level a
        // case can be passed up to (CaseLifecycle.Above): township, county and the city at the top.
        var all = Data.Access.Scoped.Operator(db);
        var city = await all.Divisions.Where(d => d.Level == DivisionLevel.City).OrderBy(d => d.Code).FirstAsync(ct);
        var county = await all.Divisions.Where(d => d.Level == DivisionLevel.County).OrderBy(d => d.Code).FirstAsync(ct);
        var township = await all.Divisions.Where(d => d.ParentCode == county.Code).OrderBy(d => d.Code).FirstAsync(ct);
        var village = await all.Divisions.Where(d => d.ParentCode == township.Code && d.Level == DivisionLevel.Village).OrderBy(d => d.Code).FirstAsync(ct);
        var unit = await all.Units.Where(u => u.DivisionCode == county.Code).OrderBy(u => u.Code).FirstAsync(ct);
        (string Name, Role Role, string Scope, string Display)[] wanted =
        [
            ("admin", Role.Admin, "*", "系统管理员"),
            ("city-office", Role.Office, city.Code, city.Name + "下派干部管理办公室"),
            ("county-office", Role.Office, county.Code, county.Name + "驻村办"),
            ("township-office", Role.Office, township.Code, township.Name + "党委"),
            ("unit-admin", Role.UnitAdmin, "unit:" + unit.Code, unit.Name + "管理员"),
            ("cadre", Role.Cadre, village.Code, village.Name + "驻村干部"),
            ("inspector", Role.Inspector, county.Code, county.Name + "督查组"),
        ];
        var made = new List<(string, Role, string, string)>();
        // The cadre account records the stays and visits of a cadre tied to its village.
        var cadre = await Data.Field.FieldQueries.CadreOfVillageAsync(db, village.Code, ct);
        foreach (var (name, role, scope, display) in wanted)
        {
            var password = await admin.AddAsync(new NewAccount(name, role, scope, display, Cadre: role == Role.Cadre ? cadre : null), Actor.System, ct);
            made.Add((name, role, scope, password));
        }
        return made;
    }
}
