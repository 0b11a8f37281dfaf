using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Domain.Divisions;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Policy;

/// <summary>
/// Whose programme the database holds: the recorded city (<c>liaison city set</c>, the demo), else
/// the one city-level division the database holds (a county's code list keeps its city above it),
/// else none. The default policy, the public pages' telephone and the examples of templates and
/// placeholders all come from here, so nothing of Jining's reaches another city's database.
/// </summary>
public static class CityStore
{
    public static async Task<CityIdentity?> GetAsync(LiaisonDb db, CancellationToken ct)
    {
        var stored = await db.City.AsNoTracking().FirstOrDefaultAsync(ct);
        return stored is not null ? new CityIdentity(stored.Code, stored.Name, stored.Title, stored.Telephone, stored.IsDemo) : await SeenAsync(db, ct);
    }

    /// <summary>The city the divisions show: the only city-level division, if there is exactly one.</summary>
    private static async Task<CityIdentity?> SeenAsync(LiaisonDb db, CancellationToken ct)
    {
        using var whole = Unscoped.Section("the city a database holds is the whole tree's top, the same for every account");
        var cities = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.City).Select(d => new { d.Code, d.Name }).Take(2).ToListAsync(ct);
        return cities.Count == 1 ? new CityIdentity(cities[0].Code, cities[0].Name) : null;
    }

    /// <summary>
    /// The first import of a city-level division records the city (its code and name; no telephone,
    /// no title: those are the office's to set), audited, in the import's transaction. A city already
    /// recorded (<c>liaison city set</c>, the demo, an earlier import) is never overridden, and a list
    /// of several cities records none.
    /// </summary>
    public static async Task<CityIdentity?> RecordFromImportAsync(LiaisonDb db, TimeProvider clock, Actor actor, IReadOnlyList<Division> imported, CancellationToken ct)
    {
        var cities = imported.Where(d => d.Level == DivisionLevel.City).Take(2).ToList();
        if (cities.Count != 1 || await db.City.AnyAsync(ct))
        {
            return null;
        }
        var city = cities[0];
        var record = new CityRecord { Code = city.Code, Name = city.Name, SetAt = clock.GetUtcNow(), SetBy = actor.Name };
        db.City.Add(record);
        await db.SaveChangesAsync(ct);
        var after = new CityIdentity(record.Code, record.Name, record.Title, record.Telephone, record.IsDemo);
        await AuditLog.AppendAsync(db, clock, actor, new AuditRecord("city.set", "city", city.Code, city.Code, null, new { after, source = "import.divisions" }), ct);
        return after;
    }

    /// <summary>
    /// Records the city (<c>liaison city set</c>, the demo): a city-level division of the database;
    /// the name defaults to the division's, a telephone given must be one people can call. Audited.
    /// </summary>
    public static async Task<CityIdentity> SetAsync(LiaisonDb db, TimeProvider clock, Actor actor, string code, string? name, string? title, string? telephone, bool isDemo, CancellationToken ct)
    {
        code = code.Trim();
        using var whole = Unscoped.Section("the city is checked against the whole tree");
        var division = await db.Divisions.AsNoTracking().Where(d => d.Code == code).Select(d => new { d.Name, d.Level }).FirstOrDefaultAsync(ct)
            ?? throw new RefusedException(new Problem("code", $"行政区划 {code} 不存在：请先导入行政区划", $"no division {code}: import the divisions first") { Code = "unknown-division" });
        if (division.Level != DivisionLevel.City)
        {
            throw new RefusedException(new Problem("code", $"{code}（{division.Name}）不是地级市", $"{code} ({division.Name}) is not a prefecture-level city") { Code = "not-a-city" });
        }
        telephone = PublicTelephone.Clean(telephone);
        if (telephone is not null && !PublicTelephone.IsValid(telephone))
        {
            throw new RefusedException(new Problem("telephone", PublicTelephone.Expected.Zh + $"：“{telephone}”", PublicTelephone.Expected.En + $": '{telephone}'") { Code = "telephone" });
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var before = await GetAsync(db, ct);
        var record = await db.City.FirstOrDefaultAsync(ct);
        if (record is null)
        {
            record = new CityRecord { Code = code, Name = "", SetBy = "" };
            db.City.Add(record);
        }
        record.Code = code;
        record.Name = string.IsNullOrWhiteSpace(name) ? division.Name : name.Trim();
        record.Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        record.Telephone = telephone;
        record.IsDemo = isDemo;
        record.SetAt = clock.GetUtcNow();
        record.SetBy = actor.Name;
        await db.SaveChangesAsync(ct);
        var after = new CityIdentity(record.Code, record.Name, record.Title, record.Telephone, record.IsDemo);
        await AuditLog.AppendAsync(db, clock, actor, new AuditRecord("city.set", "city", code, code, before, after), ct);
        await tx.CommitAsync(ct);
        return after;
    }
}
