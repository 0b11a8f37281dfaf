using System.Security.Cryptography;
using System.Text.Json;
using Liaison.Data.Audit;
using Liaison.Data.Divisions;
using Liaison.Data.People;
using Liaison.Data.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Tests;

/// <summary>A key file that is missing, another one, or a different key under the same id is refused before anything is read or written.</summary>
public class KeyGuardTests
{
    /// <summary>A database holding one household (so, encrypted personal data) whose keys are recorded.</summary>
    private static async Task<(TestDb Db, TestFiles Files)> WithOneHouseholdAsync(string provider)
    {
        var t = await TestDb.CreateAsync(provider);
        var files = new TestFiles();
        await using var db = t.Open();
        await DivisionImporter.ImportAsync(db, TimeProvider.System, files.Text("d.csv", DivisionImportTests.Base), null, null, default);
        await new HouseholdImporter(TimeProvider.System).ImportAsync(db, files.Text("h.csv", "村代码,门牌号,户主姓名,户主电话,家庭人口\n370830100201,1号,王芳,13912345678,4\n"), null, default);
        await KeyGuard.EnsureAsync(db, TimeProvider.System, Actor.Cli, default);
        return (t, files);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_missing_key_file_is_refused_and_none_is_made(string provider)
    {
        var (t, files) = await WithOneHouseholdAsync(provider);
        await using (t)
        using (files)
        {
            await using var db = t.Open();
            var missing = Path.Combine(files.Dir, "keys", "missing.json");

            var e = await Assert.ThrowsAsync<KeysUnavailableException>(() => KeyGuard.EnsureAsync(db, TimeProvider.System, Actor.Cli, missing, default));

            Assert.Equal(KeyProblem.FileMissing, e.Problem);
            Assert.False(File.Exists(missing));
            Assert.Contains(missing, e.Describe().En, StringComparison.Ordinal);
            Assert.Contains("密钥文件", e.Describe().Zh, StringComparison.Ordinal);
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Another_key_file_is_refused_naming_the_key_it_lacks(string provider)
    {
        var (t, files) = await WithOneHouseholdAsync(provider);
        await using (t)
        using (files)
        {
            await using var db = t.Open();
            var other = Path.Combine(files.Dir, "other.json");
            PersonalDataKeys.Create(other);

            var e = await Assert.ThrowsAsync<KeysUnavailableException>(() => KeyGuard.EnsureAsync(db, TimeProvider.System, Actor.Cli, other, default));

            Assert.Equal(KeyProblem.KeyMissing, e.Problem);
            Assert.Equal(PersonalDataKeys.Current.Primary, e.Detail);
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_same_key_id_with_another_key_is_refused(string provider)
    {
        var (t, files) = await WithOneHouseholdAsync(provider);
        await using (t)
        using (files)
        {
            await using var db = t.Open();
            var forged = files.Text("forged.json", JsonSerializer.Serialize(new
            {
                primary = PersonalDataKeys.Current.Primary,
                keys = new Dictionary<string, string> { [PersonalDataKeys.Current.Primary] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
                audit = Convert.ToBase64String(PersonalDataKeys.Current.AuditKey!),
            }));

            var e = await Assert.ThrowsAsync<KeysUnavailableException>(() => KeyGuard.EnsureAsync(db, TimeProvider.System, Actor.Cli, forged, default));

            Assert.Equal(KeyProblem.KeyDifferent, e.Problem);
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_empty_database_gets_a_new_key_file_and_records_its_keys_by_fingerprint(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        using var files = new TestFiles();
        await using var db = t.Open();
        var path = Path.Combine(files.Dir, "new", "keys.json");

        var ring = await KeyGuard.EnsureAsync(db, TimeProvider.System, Actor.Cli, path, default);

        Assert.True(File.Exists(path));
        var recorded = await db.KeyRecords.AsNoTracking().ToListAsync();
        Assert.Contains(recorded, k => k.KeyId == ring.Primary && k.Fingerprint == ring.Fingerprint(ring.Primary));
        Assert.Contains(recorded, k => k.Purpose == KeyGuard.Audit);
        // The fingerprint is not the key.
        Assert.DoesNotContain(recorded, k => k.Fingerprint.Contains(Convert.ToHexStringLower(File.ReadAllBytes(path)[..8]), StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_value_copied_into_another_column_or_clear_text_does_not_read(string provider)
    {
        var (t, files) = await WithOneHouseholdAsync(provider);
        await using (t)
        using (files)
        {
            await using var db = t.Open();
            await new UnitImporter(TimeProvider.System).ImportAsync(db, files.Text("u.csv", "单位编码,单位名称,层级,类别,所属行政区划代码\nU1,汶上县公安局,县级,政法部门,370830\n"), null, default);
            await new CadreImporter(TimeProvider.System).ImportAsync(db, files.Text("c.csv", "干部编号,姓名,单位编码,职级,出生年份,性别,手机号码\nC1,李强,U1,一般干部,1985,男,13800000001\n"), null, default);
            // The household head's phone, as stored, copied into the cadre's phone column.
            await db.Database.ExecuteSqlRawAsync("UPDATE cadres SET phone = (SELECT head_phone FROM households LIMIT 1)");
            await Assert.ThrowsAnyAsync<CryptographicException>(() => db.Cadres.AsNoTracking().Select(c => c.Phone).FirstAsync());

            await db.Database.ExecuteSqlRawAsync("UPDATE cadres SET phone = '13800000001'");
            await Assert.ThrowsAnyAsync<CryptographicException>(() => db.Cadres.AsNoTracking().Select(c => c.Phone).FirstAsync());

            var report = await KeyGuard.ReportAsync(db, default);
            Assert.Equal(1, report.Clear);
            Assert.Equal(3, report.Values); // the head's name and phone, the cadre's phone
        }
    }

    [Fact]
    public void Key_ids_are_unique_and_values_are_bound_to_their_column_and_row()
    {
        using var files = new TestFiles();
        var a = PersonalDataKeys.Create(Path.Combine(files.Dir, "a.json"));
        var b = PersonalDataKeys.Create(Path.Combine(files.Dir, "b.json"));
        Assert.NotEqual(a.Primary, b.Primary);

        var stored = a.Protect("王芳", "households.head_name", "370811001001\u001f12");
        Assert.StartsWith("p3:", stored, StringComparison.Ordinal);
        Assert.Equal("王芳", a.Unprotect(stored, "households.head_name", "370811001001\u001f12"));
        Assert.Throws<AuthenticationTagMismatchException>(() => a.Unprotect(stored, "cases.person_name", "370811001001\u001f12"));
        Assert.Throws<AuthenticationTagMismatchException>(() => a.Unprotect(stored, "households.head_name", "370811001001\u001f13"));
        Assert.Throws<CryptographicException>(() => a.Unprotect("王芳", "households.head_name", "370811001001\u001f12"));
        Assert.Throws<CryptographicException>(() => b.Unprotect(stored, "households.head_name", "370811001001\u001f12"));
        Assert.Throws<IOException>(() => PersonalDataKeys.Create(Path.Combine(files.Dir, "a.json")));
    }
}
