using Liaison.Data.Audit;
using Liaison.Data.Divisions;
using Liaison.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Tests;

public class AuditLogTests
{
    /// <summary>Three imports by three people: three audit entries. Shared with <see cref="SealedAuditTests"/>.</summary>
    internal static async Task<(TestDb, LiaisonDb, TestFiles)> WithThreeImportsAsync(string provider)
    {
        var t = await TestDb.CreateAsync(provider);
        var files = new TestFiles();
        var db = t.Open();
        await DivisionImporter.ImportAsync(db, TimeProvider.System, files.Text("d.csv", DivisionImportTests.Base), null, null, default, new Actor("alice"));
        await new UnitImporter(TimeProvider.System).ImportAsync(db, files.Text("u.csv", "单位编码,单位名称,层级,类别,所属行政区划代码\nU1,汶上县公安局,县级,政法部门,370830\n"), null, default, new Actor("bob"));
        await new HouseholdImporter(TimeProvider.System).ImportAsync(db, files.Text("h.csv", "村代码,门牌号,户主姓名,家庭人口\n370830100201,1号,王芳,4\n"), null, default, new Actor("carol"));
        return (t, db, files);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Every_import_is_recorded_with_who_what_and_the_files_hash_and_the_chain_verifies(string provider)
    {
        var (t, db, files) = await WithThreeImportsAsync(provider);
        await using (t)
        await using (db)
        using (files)
        {
            var entries = await db.AuditEntries.OrderBy(e => e.Id).ToListAsync();
            // The first division list holding one city records the city, in the import's transaction, by who imported it.
            Assert.Equal(["city.set", "import.divisions", "import.units", "import.households"], entries.Select(e => e.Action));
            Assert.Equal(["alice", "alice", "bob", "carol"], entries.Select(e => e.Actor));
            Assert.Contains("\"rows\":1", entries[3].After, StringComparison.Ordinal);
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(files.Dir, "h.csv"))));
            Assert.Contains(sha, entries[3].After, StringComparison.Ordinal);
            Assert.Equal(AuditLog.Genesis, entries[0].PreviousHash);
            Assert.Equal(entries[0].Hash, entries[1].PreviousHash);

            var result = await AuditLog.VerifyAsync(db, default);
            Assert.Null(result.FirstBrokenId);
            Assert.Equal(4, result.Entries);
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Altering_any_field_of_a_stored_entry_by_hand_is_detected_at_that_entry(string provider)
    {
        foreach (var column in new[] { "actor", "after", "at", "entity_key" })
        {
            var (t, db, files) = await WithThreeImportsAsync(provider);
            await using (t)
            await using (db)
            using (files)
            {
                // One in the middle of the chain: the units import (one row).
                var second = await db.AuditEntries.Where(e => e.Action == "import.units").Select(e => e.Id).SingleAsync();
                var change = column switch
                {
                    "actor" => "actor = 'mallory'",
                    "after" => "after = replace(after, '\"rows\":1', '\"rows\":2')",
                    // Ten milliseconds later: an interval on PostgreSQL; on SQLite the stored number keeps the offset in its low 11 bits.
                    "at" => provider == "postgres" ? "at = at + interval '10 milliseconds'" : "at = at + 2048 * 10000",
                    _ => "entity_key = 'other.csv'",
                };
#pragma warning disable EF1002 // the statement is made of constants of this test
                await db.Database.ExecuteSqlRawAsync($"UPDATE audit_entries SET {change} WHERE id = {second}");
#pragma warning restore EF1002

                var result = await AuditLog.VerifyAsync(db, default);
                Assert.True(second == result.FirstBrokenId, $"{provider} {column}: {result.FirstBrokenId} {result.Reason}");
            }
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Deleting_an_entry_breaks_the_link_of_the_next(string provider)
    {
        var (t, db, files) = await WithThreeImportsAsync(provider);
        await using (t)
        await using (db)
        using (files)
        {
            var ids = await db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
            await db.AuditEntries.Where(e => e.Id == ids[1]).ExecuteDeleteAsync();

            var result = await AuditLog.VerifyAsync(db, default);
            Assert.Equal(ids[2], result.FirstBrokenId);
            Assert.StartsWith("link", result.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_refused_import_leaves_no_audit_entry()
    {
        await using var t = await TestDb.CreateAsync("sqlite");
        using var files = new TestFiles();
        await using var db = t.Open();
        await Assert.ThrowsAsync<Import.ImportRefusedException>(() => DivisionImporter.ImportAsync(db, TimeProvider.System, files.Text("bad.csv", "code,name\n1,x\n"), null, null, default));
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }
}
