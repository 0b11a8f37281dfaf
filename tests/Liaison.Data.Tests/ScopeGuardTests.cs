using Liaison.Data.Access;
using Liaison.Data.Divisions;
using Liaison.Data.People;
using Liaison.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Tests;

/// <summary>
/// The scoped query root and the guard that catches a read going around it, on the SQL each
/// provider really writes: a direct read of a division's records fails, the same read through
/// <see cref="Scoped"/> or inside an explained <see cref="Unscoped.Section"/> passes, and a
/// scope reads its own subtree only.
/// </summary>
public class ScopeGuardTests
{
    private const string Township = "370830100";

    private static async Task<(TestDb Db, TestFiles Files)> WithTwoTownshipsAsync(string provider)
    {
        var t = await TestDb.CreateAsync(provider);
        var files = new TestFiles();
        await using var db = t.Open();
        // Two townships, a village each, a household each: the roster as an office writes it.
        await DivisionImporter.ImportAsync(db, TimeProvider.System, files.Text("d.csv", DivisionImportTests.Base
            + "370830101,次丘镇,township,370830,\n370830101201,西村村委会,village,370830101,village\n"), null, null, default);
        await new HouseholdImporter(TimeProvider.System).ImportAsync(db, files.Text("h.csv",
            "村代码,门牌号,户主姓名,户主电话,家庭人口\n370830100201,1号,王芳,,4\n370830101201,1号,李强,,3\n"), null, default);
        return (t, files);
    }

    private static LiaisonDb Guarded(TestDb t, ScopeGuard guard)
    {
        var options = new DbContextOptionsBuilder<LiaisonDb>();
        t.Target.Configure(options);
        options.AddInterceptors(guard);
        return new LiaisonDb(options.Options);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_direct_read_of_a_divisions_records_fails_and_the_scoped_one_reads_its_subtree(string provider)
    {
        var (t, files) = await WithTwoTownshipsAsync(provider);
        await using (t)
        using (files)
        {
            var guard = new ScopeGuard(ScopeGuardMode.Fail);
            await using var db = Guarded(t, guard);

            var direct = await Assert.ThrowsAsync<UnscopedReadException>(() => db.Households.CountAsync());
            Assert.Contains("households", direct.Message, StringComparison.Ordinal);
            // A join reaches the watched table too, whichever side it is on.
            await Assert.ThrowsAsync<UnscopedReadException>(() => db.Cadres.Where(c => db.LiaisonTies.Any(x => x.CadreId == c.Id)).CountAsync());
            Assert.Equal(2, guard.Findings.Count);

            var township = new Scoped(db, Scope.Division(Township));
            Assert.Equal(["王芳"], await township.Households.Select(h => h.HeadName).ToListAsync());
            Assert.Equal(["370830100201"], await township.Under("370830").Households.Select(h => h.VillageCode).ToListAsync());
            Assert.Empty(await township.Under("370830101").Households.ToListAsync());
            Assert.Equal(2, await Scoped.Operator(db).Households.CountAsync());
            Assert.Equal(0, await new Scoped(db, null).Households.CountAsync());

            using (Unscoped.Section("a test reading every household"))
            {
                Assert.Equal(2, await db.Households.CountAsync());
            }
            // Tables that belong to no division, and writes, are not the guard's business.
            Assert.Equal(0, await db.ApiTokens.CountAsync());
            Assert.Equal(2, guard.Findings.Count);
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_cadres_scope_reads_its_work_teams_villages_too_and_a_picked_division_narrows_it(string provider)
    {
        var (t, files) = await WithTwoTownshipsAsync(provider);
        await using (t)
        using (files)
        {
            await using var db = Guarded(t, new ScopeGuard(ScopeGuardMode.Fail));
            // A cadre of the first township's village serving in the second township's work team.
            var cadre = new Scoped(db, Scope.Division("370830100201").WithTeams(["370830101"]));
            Assert.Equal(["李强", "王芳"], await cadre.Households.OrderBy(h => h.VillageCode == "370830100201").Select(h => h.HeadName).ToListAsync());
            Assert.True(cadre.Covers("370830101201"));
            // Picked: the team's village alone; the county above both keeps both; another township reads nothing.
            Assert.Equal(["李强"], await cadre.Under("370830101201").Households.Select(h => h.HeadName).ToListAsync());
            Assert.Equal(2, await cadre.Under("370830").Households.CountAsync());
            Assert.Empty(await cadre.Under("370830102").Households.ToListAsync());
            Assert.False(cadre.Under("370830102").Covers("370830101201"));
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Logging_lets_the_read_run_and_remembers_it(string provider)
    {
        var (t, files) = await WithTwoTownshipsAsync(provider);
        await using (t)
        using (files)
        {
            var guard = new ScopeGuard(ScopeGuardMode.Log);
            await using var db = Guarded(t, guard);
            Assert.Equal(2, await db.Households.CountAsync());
            Assert.StartsWith("households: SELECT", Assert.Single(guard.Findings), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Only_reads_of_watched_tables_without_the_tag_are_findings()
    {
        HashSet<string> watched = ["households", "cases"];
        Assert.Equal("households", ScopeGuard.UnscopedTable("SELECT h.id FROM households AS h", watched));
        Assert.Equal("cases", ScopeGuard.UnscopedTable("SELECT \"c\".\"id\" FROM \"cadres\" AS \"c\"\nINNER JOIN \"cases\" AS \"x\" ON 1 = 1", watched));
        Assert.Equal("households", ScopeGuard.UnscopedTable("-- some other tag\n\nWITH x AS (SELECT 1) SELECT * FROM households", watched));
        Assert.Null(ScopeGuard.UnscopedTable("-- scoped\n\nSELECT h.id FROM households AS h", watched));
        Assert.Null(ScopeGuard.UnscopedTable("-- unrelated\n-- scoped\n\nSELECT 1 FROM \"households\"", watched));
        Assert.Null(ScopeGuard.UnscopedTable("UPDATE households SET member_count = 1", watched));
        Assert.Null(ScopeGuard.UnscopedTable("INSERT INTO cases (id) VALUES (1) RETURNING id", watched));
        // A column or a schema-qualified name is not a table read.
        Assert.Null(ScopeGuard.UnscopedTable("SELECT households_count FROM unit_figures", watched));
        Assert.Null(ScopeGuard.UnscopedTable("SELECT 1 FROM households_archive", watched));
    }
}
