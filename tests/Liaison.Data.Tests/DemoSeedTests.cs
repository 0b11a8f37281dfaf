using Liaison.Data.Demo;
using Liaison.Data.Reporting;
using Liaison.Domain.Divisions;
using Liaison.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Tests;

public class DemoSeedTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_small_demo_is_one_county_at_full_density_and_its_rollups_match_the_raw_records(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        await using var db = t.Open();
        var result = await DemoSeeder.SeedAsync(db, TimeProvider.System, DemoScale.Small, 7, null, default);

        var villages = await db.Divisions.CountAsync(d => d.Level == DivisionLevel.Village);
        Assert.Equal(await db.Divisions.CountAsync(), result.Divisions);
        Assert.Equal(1, await db.Divisions.CountAsync(d => d.Level == DivisionLevel.County));
        Assert.Equal(result.Households, await db.Households.CountAsync());
        Assert.Equal(result.Cadres, await db.Cadres.CountAsync());
        // Full density: households per village as in the city (1.81 million over 4,927).
        Assert.InRange((double)result.Households / villages, 300, 440);
        Assert.All(await db.Households.Take(200).ToListAsync(), h => Assert.StartsWith("140", h.HeadPhone ?? "140", StringComparison.Ordinal));

        // Stored rollups equal a recount from raw records, done here without the rollup code.
        var stored = await RollupStore.ForDivisionAsync(db, "370830", default);
        Assert.Equal(await db.Households.CountAsync(h => h.VillageCode.StartsWith("370830")), stored[Indicators.Households.Id]);
        Assert.Equal(await db.Households.SumAsync(h => (long)h.MemberCount), stored[Indicators.Residents.Id]);
        Assert.Equal(await db.Cadres.CountAsync(c => c.IsPolice), stored[Indicators.PoliceOfficers.Id]);
        var township = await db.Divisions.Where(d => d.Level == DivisionLevel.Township).OrderBy(d => d.Code).Skip(3).FirstAsync();
        var townshipFigures = await RollupStore.ForDivisionAsync(db, township.Code, default);
        Assert.Equal(await db.Households.CountAsync(h => h.VillageCode.StartsWith(township.Code)), townshipFigures[Indicators.Households.Id]);
        Assert.Equal(await db.Divisions.CountAsync(d => d.ParentCode == township.Code && d.VillageKind == VillageKind.Village), townshipFigures.GetValueOrDefault(Indicators.Villages.Id));
        // And equal, all of them, to what the rollup code derives afresh.
        await using var tx = await db.Database.BeginTransactionAsync();
        var fresh = Rollup.ToAllLevels(await RollupStore.LeavesAsync(db, default));
        var all = await db.Rollups.AsNoTracking().ToListAsync();
        Assert.Equal(fresh.Count, all.Count);
        Assert.Equal(fresh.ToDictionary(v => (v.DivisionCode, v.IndicatorId), v => v.Value), all.ToDictionary(r => (r.DivisionCode, r.IndicatorId), r => r.Value));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Seeding_refuses_a_database_that_already_has_people(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        await using var db = t.Open();
        await DemoSeeder.SeedAsync(db, TimeProvider.System, DemoScale.Small, 1, null, default);
        var before = await db.Households.CountAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => DemoSeeder.SeedAsync(db, TimeProvider.System, DemoScale.Small, 2, null, default));
        Assert.Equal(before, await db.Households.CountAsync());
    }

    [Fact]
    public void The_same_seed_gives_the_same_city_and_another_seed_another()
    {
        var a = DemoGenerator.Generate(DemoScale.Small, 5);
        var b = DemoGenerator.Generate(DemoScale.Small, 5);
        var c = DemoGenerator.Generate(DemoScale.Small, 6);
        static string Fingerprint(DemoCity city) => string.Join("|", city.Households().Take(500).Select(h => $"{h.VillageCode}{h.HouseNo}{h.HeadName}{h.HeadPhone}{h.MemberCount}{(int)h.Categories}"))
            + string.Join("|", city.Cadres.Take(200).Select(x => x.Cadre.Name + x.UnitCode));
        Assert.Equal(Fingerprint(a), Fingerprint(b));
        Assert.NotEqual(Fingerprint(a), Fingerprint(c));
        Assert.Equal(a.HouseholdTotal, b.HouseholdTotal);
    }

    [Fact]
    public void The_city_demo_has_the_programmes_counts()
    {
        var city = DemoGenerator.Generate(DemoScale.City, 1);
        var p = DemoProfile.Jining;

        Assert.Equal(p.TotalCadres, city.Cadres.Count);
        Assert.Equal(p.CityLeaders, city.Cadres.Count(c => c.Cadre.Rank == Domain.People.CadreRank.CityLeader));
        Assert.Equal(p.CountyLeaders, city.Cadres.Count(c => c.Cadre.Rank == Domain.People.CadreRank.CountyLeader));
        Assert.Equal(p.TownshipLeaders, city.Cadres.Count(c => c.Cadre.Rank == Domain.People.CadreRank.TownshipLeader));
        Assert.Equal(p.PoliceOfficers, city.Cadres.Count(c => c.Cadre.IsPolice));
        Assert.Equal(city.Cadres.Count, city.Cadres.Select(c => c.Cadre.Code).Distinct().Count());
        Assert.InRange(city.HouseholdTotal, 1_750_000, 1_870_000);
        Assert.Equal(4927, city.HouseholdCounts.Count);
        var villages = city.Divisions.Where(d => d.VillageKind == VillageKind.Village).ToList();
        var backward = (double)villages.Count(v => v.PartyOrgGrade == PartyOrgGrade.Backward) / villages.Count;
        Assert.InRange(backward, p.BackwardShare - 0.02, p.BackwardShare + 0.02);
        Assert.All(Enum.GetValues<Domain.People.UnitCategory>(), cat => Assert.Contains(city.Units, u => u.Category == cat));
        Assert.All(Enum.GetValues<Domain.People.UnitLevel>(), level => Assert.Contains(city.Units, u => u.Level == level));
    }
}
