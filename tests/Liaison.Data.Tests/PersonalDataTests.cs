using System.Data.Common;
using Liaison.Data.Audit;
using Liaison.Data.Demo;
using Liaison.Data.Privacy;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Tests;

/// <summary>No personal data is stored in clear text: read straight from the raw tables.</summary>
public class PersonalDataTests
{
    private static async Task<List<string?>> RawAsync(LiaisonDb db, string sql)
    {
        var list = new List<string?>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await using DbDataReader r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            list.Add(r.IsDBNull(0) ? null : r.GetString(0));
        }
        return list;
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Names_and_phones_are_encrypted_in_the_raw_tables_and_read_back_in_clear(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        await using var db = t.Open();
        await DemoSeeder.SeedAsync(db, TimeProvider.System, DemoScale.Small, 3, null, default);
        // A case with the person's name and phone, and a dispute with its parties (the demo seed has neither).
        var village = await db.Divisions.Where(d => d.Code.Length == 12).OrderBy(d => d.Code).Select(d => d.Code).FirstAsync();
        var clock = new FixedClock(new DateTimeOffset(2026, 6, 15, 10, 0, 0, TimeSpan.FromHours(8)));
        Assert.True((await Cases.CaseStore.CreateAsync(db, clock, Cases.CaseActor.System,
            new Cases.CaseInput(Domain.Cases.CaseKind.Help, null, Domain.Cases.CaseChannel.Phone, village, "求助", PersonName: "周大福", PersonPhone: "14012345678"), default)).Ok);
        Assert.Empty((await Cases.DisputeStore.AddDisputeAsync(db, clock, Cases.CaseActor.System,
            new Cases.DisputeInput(village, Domain.Cases.DisputeKind.Family, "周大福、周小福", "家庭矛盾"), default)).Problems);

        Assert.Equal(["cadres.phone", "cases.person_name", "cases.person_phone", "disputes.parties", "households.head_name", "households.head_phone"],
            PersonalDataColumns.All(db).Select(c => c.Table + "." + c.Name).OrderBy(x => x, StringComparer.Ordinal));
        foreach (var column in PersonalDataColumns.All(db))
        {
            var raw = await RawAsync(db, $"SELECT {column.Name} FROM {column.Table} WHERE {column.Name} IS NOT NULL");
            Assert.NotEmpty(raw);
            Assert.All(raw, v => Assert.StartsWith("p3:", v, StringComparison.Ordinal));
            Assert.DoesNotContain(raw, v => v!.Contains("140", StringComparison.Ordinal) && v.Length < 20);
        }
        var expected = DemoGenerator.Generate(DemoScale.Small, 3).Households().First();
        var stored = await db.Households.AsNoTracking().OrderBy(h => h.Id).FirstAsync();
        Assert.Equal(expected.HeadName, stored.HeadName);
        Assert.Equal(expected.HeadPhone, stored.HeadPhone);
        Assert.DoesNotContain(expected.HeadName, string.Join("|", await RawAsync(db, "SELECT head_name FROM households")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_rotation_old_values_still_read_and_reencrypt_moves_them_to_the_new_key()
    {
        var path = Path.Combine(Path.GetTempPath(), "liaison-rotation-" + Guid.NewGuid().ToString("N") + ".json");
        var ring = PersonalDataKeys.Create(path);
        var old = ring.Protect("13812345678", "cadres.phone", "C1");
        var newId = PersonalDataKeys.Rotate(path);
        var rotated = PersonalDataKeys.Load(path);

        Assert.NotEqual(ring.Primary, newId);
        Assert.Equal(newId, rotated.Primary);
        Assert.Equal("13812345678", rotated.Unprotect(old, "cadres.phone", "C1"));
        Assert.False(rotated.IsCurrent(old));
        Assert.True(rotated.IsCurrent(rotated.Protect("x", "cadres.phone", "C1")));
        Assert.NotEqual(rotated.Protect("same", "cadres.phone", "C1"), rotated.Protect("same", "cadres.phone", "C1"));
        // Sealed with the associated data encoded on the stack, read with it built as a string: the same bytes, also for a row of Chinese text.
        var household = rotated.Protect("王芳", "households.head_name", "370811001001\u001f12号");
        Assert.Equal("王芳", rotated.Unprotect(household, "households.head_name", "370811001001\u001f12号"));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => rotated.Unprotect(household, "households.head_name", "370811001001\u001f13号"));
        Assert.Equal(ring.AuditKey, rotated.AuditKey);
        File.Delete(path);
        await Task.CompletedTask;
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Reencrypt_rewrites_clear_text_left_from_before_and_audits_it(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        await using var db = t.Open();
        await DemoSeeder.SeedAsync(db, TimeProvider.System, DemoScale.Small, 1, null, default);
        var first = await db.Households.AsNoTracking().OrderBy(h => h.Id).FirstAsync();
        await db.Database.ExecuteSqlRawAsync("UPDATE households SET head_name = '张三' WHERE id = {0}", first.Id);

        var n = await PersonalDataColumns.ReencryptAsync(db, TimeProvider.System, Actor.Cli, default);

        Assert.Equal(1, n);
        var raw = await RawAsync(db, $"SELECT head_name FROM households WHERE id = {first.Id}");
        Assert.StartsWith("p3:", raw.Single(), StringComparison.Ordinal);
        Assert.Equal("张三", (await db.Households.AsNoTracking().SingleAsync(h => h.Id == first.Id)).HeadName);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "keys.reencrypt"));
    }
}
