using Liaison.Data.Audit;
using Liaison.Data.Database;
using Liaison.Data.Database.Sql;
using Liaison.Data.Import;
using Liaison.Data.People;
using Liaison.Data.Reporting;
using Liaison.Domain.Divisions;
using Liaison.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Demo;

/// <summary>What <c>liaison demo seed</c> wrote.</summary>
public sealed record DemoSeedResult(long Divisions, long Units, long Cadres, long Households, double Seconds);

/// <summary>Writes a generated demo city into an empty database, in one transaction.</summary>
public static class DemoSeeder
{
    public static async Task<DemoSeedResult> SeedAsync(LiaisonDb db, TimeProvider clock, DemoScale scale, int seed, Action<ImportProgress>? progress, CancellationToken ct, Actor? actor = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        if (await db.Units.AnyAsync(ct) || await db.Cadres.AnyAsync(ct) || await db.Households.AnyAsync(ct))
        {
            throw new InvalidOperationException("the database already holds units, cadres or households: seed the demo into a new database");
        }
        progress?.Invoke(new ImportProgress("generate", 0, 1));
        var city = DemoGenerator.Generate(scale, seed);
        var total = city.HouseholdTotal;
        await db.Database.OpenConnectionAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        progress?.Invoke(new ImportProgress("divisions", 0, 1));
        await DatabaseSql.For(db).UpsertAsync(TableSpec.For<Division>(db, [nameof(Division.Code)],
                nameof(Division.Code), nameof(Division.Name), nameof(Division.Level), nameof(Division.ParentCode), nameof(Division.VillageKind),
                nameof(Division.Latitude), nameof(Division.Longitude), nameof(Division.VillageType), nameof(Division.PartyOrgGrade)),
            city.Divisions, null, ct);
        // The demo's village profiles are this year's, from the demo (the divisions' current columns hold the same).
        var profileYear = Domain.Shared.ChinaTime.Today(clock).Year;
        var now = clock.GetUtcNow();
        var by = (actor ?? Actor.Cli).Name;
        await DatabaseSql.For(db).UpsertAsync(TableSpec.For<VillageProfile>(db, [nameof(VillageProfile.VillageCode), nameof(VillageProfile.Year)],
                nameof(VillageProfile.VillageCode), nameof(VillageProfile.Year), nameof(VillageProfile.Types), nameof(VillageProfile.Grade),
                nameof(VillageProfile.Latitude), nameof(VillageProfile.Longitude), nameof(VillageProfile.Source), nameof(VillageProfile.UpdatedAt),
                nameof(VillageProfile.UpdatedBy), nameof(VillageProfile.Version)),
            city.Divisions.Where(d => d.Level == DivisionLevel.Village).Select(d => new VillageProfile
            {
                VillageCode = d.Code,
                Year = profileYear,
                Types = d.VillageType,
                Grade = d.PartyOrgGrade,
                Latitude = d.Latitude,
                Longitude = d.Longitude,
                Source = ProfileSource.Demo,
                UpdatedAt = now,
                UpdatedBy = by,
                Version = Guid.NewGuid(),
            }), null, ct);

        // The demo is Jining's, and says so: its default policy and public pages are Jining's.
        var jining = city.Divisions.First(d => d.Level == DivisionLevel.City);
        db.City.Add(new Policy.CityRecord { Code = jining.Code, Name = jining.Name, Telephone = "0537-12380", IsDemo = true, SetAt = clock.GetUtcNow(), SetBy = (actor ?? Actor.Cli).Name });
        await db.SaveChangesAsync(ct);

        progress?.Invoke(new ImportProgress("units", 0, 1));
        await DatabaseSql.For(db).UpsertAsync(TableSpec.For<Unit>(db, [nameof(Unit.Code)],
            nameof(Unit.Code), nameof(Unit.Name), nameof(Unit.Level), nameof(Unit.Category), nameof(Unit.DivisionCode)), city.Units, null, ct);
        var unitIds = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, ct);

        progress?.Invoke(new ImportProgress("cadres", 0, city.Cadres.Count));
        foreach (var (cadre, unitCode) in city.Cadres)
        {
            cadre.UnitId = unitIds[unitCode];
        }
        await DatabaseSql.For(db).UpsertAsync(CadreImporter.CadreSpec(db), city.Cadres.Select(c => c.Cadre),
            n => progress?.Invoke(new ImportProgress("cadres", n, city.Cadres.Count)), ct);

        await DatabaseSql.For(db).UpsertAsync(HouseholdImporter.HouseholdSpec(db), city.Households(),
            n => progress?.Invoke(new ImportProgress("households", n, total)), ct);

        progress?.Invoke(new ImportProgress("rollups", 0, 1));
        await RollupStore.RefreshAsync(db, ct);
        await AuditLog.AppendAsync(db, clock, actor ?? Actor.Cli,
            new AuditRecord("demo.seed", "demo", scale.ToString().ToLowerInvariant(), null, null,
                new { scale = scale.ToString().ToLowerInvariant(), seed, divisions = city.Divisions.Count, units = city.Units.Count, cadres = city.Cadres.Count, households = total }), ct);
        await tx.CommitAsync(ct);
        progress?.Invoke(new ImportProgress("done", 1, 1));
        return new DemoSeedResult(city.Divisions.Count, city.Units.Count, city.Cadres.Count, total, Math.Round(watch.Elapsed.TotalSeconds, 3));
    }
}
