using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Liaison.Data.Audit;
using Liaison.Data.Cases;
using Liaison.Data.Divisions;
using Liaison.Data.People;
using Liaison.Data.Privacy;
using Liaison.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Tests;

/// <summary>Personal data is bound to its row: moved to another row it no longer opens, whichever way it was written.</summary>
public class RowBindingTests
{
    private const string Village = "370830100201";

    /// <summary>Two households and a dispute, entered as an office would: the household roster and the dispute form.</summary>
    private static async Task<(TestDb Db, TestFiles Files)> WithTwoHouseholdsAsync(string provider)
    {
        var t = await TestDb.CreateAsync(provider);
        var files = new TestFiles();
        await using var db = t.Open();
        await DivisionImporter.ImportAsync(db, TimeProvider.System, files.Text("d.csv", DivisionImportTests.Base), null, null, default);
        await new HouseholdImporter(TimeProvider.System).ImportAsync(db, files.Text("h.csv",
            $"村代码,门牌号,户主姓名,户主电话,家庭人口\n{Village},1号,王芳,13912345678,4\n{Village},2号,李强,13800000002,3\n"), null, default);
        await KeyGuard.EnsureAsync(db, TimeProvider.System, Actor.Cli, default);
        return (t, files);
    }

    private static Task<int> SqlAsync(LiaisonDb db, string sql) => db.Database.ExecuteSqlRawAsync(sql);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_value_copied_to_another_row_of_its_column_does_not_open(string provider)
    {
        var (t, files) = await WithTwoHouseholdsAsync(provider);
        await using (t)
        using (files)
        {
            await using var db = t.Open();
            // The bulk writer sealed both rows; copy No. 1's phone into No. 2.
            await SqlAsync(db, "UPDATE households SET head_phone = (SELECT head_phone FROM households WHERE house_no = '1号') WHERE house_no = '2号'");

            Assert.Equal("13912345678", (await db.Households.AsNoTracking().SingleAsync(h => h.HouseNo == "1号")).HeadPhone);
            await Assert.ThrowsAnyAsync<CryptographicException>(() => db.Households.AsNoTracking().SingleAsync(h => h.HouseNo == "2号"));
            // A projection of the clear text opens the row too, and fails alike.
            await Assert.ThrowsAnyAsync<CryptographicException>(() => db.Households.AsNoTracking().Where(h => h.HouseNo == "2号").Select(h => new { h.Id, h.HeadPhone }).SingleAsync());
            Assert.Equal(1, (await KeyGuard.ReportAsync(db, default)).Undecryptable);
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Values_written_through_EF_are_bound_and_follow_their_row_when_its_identity_changes(string provider)
    {
        var (t, files) = await WithTwoHouseholdsAsync(provider);
        await using (t)
        using (files)
        {
            long first, second;
            await using (var db = t.Open())
            {
                var a = await DisputeStore.AddDisputeAsync(db, TimeProvider.System, CaseActor.System, new DisputeInput(Village, DisputeKind.Family, "周大福、周小福", "家庭矛盾"), default);
                var b = await DisputeStore.AddDisputeAsync(db, TimeProvider.System, CaseActor.System, new DisputeInput(Village, DisputeKind.Land, "赵一、钱二", "地界"), default);
                (first, second) = (a.Dispute!.Id, b.Dispute!.Id);
                Assert.NotEqual(a.Dispute.Reference, b.Dispute.Reference);
                // Changing only a sealed value of a tracked row is saved (EF does not track the clear text itself).
                var household = await db.Households.SingleAsync(h => h.HouseNo == "1号");
                household.HeadPhone = "13700000001";
                await db.SaveChangesAsync();
                // A new house number re-seals the row's values to its new identity.
                var other = await db.Households.SingleAsync(h => h.HouseNo == "2号");
                other.HouseNo = "2-1号";
                await db.SaveChangesAsync();
            }
            await using (var db = t.Open())
            {
                Assert.Equal("13700000001", (await db.Households.AsNoTracking().SingleAsync(h => h.HouseNo == "1号")).HeadPhone);
                Assert.Equal("李强", (await db.Households.AsNoTracking().SingleAsync(h => h.HouseNo == "2-1号")).HeadName);
                Assert.Equal("周大福、周小福", (await db.Disputes.AsNoTracking().SingleAsync(d => d.Id == first)).Parties);

                await SqlAsync(db, $"UPDATE disputes SET parties = (SELECT parties FROM disputes WHERE id = {first}) WHERE id = {second}");
                await Assert.ThrowsAnyAsync<CryptographicException>(() => db.Disputes.AsNoTracking().SingleAsync(d => d.Id == second));
                // Copying the row's identity along with the value is a change of the row's own key columns, which the unique index refuses.
                await Assert.ThrowsAnyAsync<Exception>(() => SqlAsync(db, $"UPDATE disputes SET reference = (SELECT reference FROM disputes WHERE id = {first}) WHERE id = {second}"));
                Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Action == "keys.reencrypt"));
            }
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Values_of_the_previous_version_still_open_and_reencrypt_binds_them_to_their_row(string provider)
    {
        var (t, files) = await WithTwoHouseholdsAsync(provider);
        await using (t)
        using (files)
        {
            await using var db = t.Open();
            var id = await db.Households.Where(h => h.HouseNo == "2号").Select(h => h.Id).SingleAsync();
            // As the previous version wrote it: bound to the table and column only ("p2").
            await SqlAsync(db, $"UPDATE households SET head_name = '{ColumnBound("households.head_name", "李强")}' WHERE id = {id}");
            Assert.Equal("李强", (await db.Households.AsNoTracking().SingleAsync(h => h.Id == id)).HeadName);
            Assert.Equal(1, (await KeyGuard.ReportAsync(db, default)).Unbound);

            Assert.Equal(1, await PersonalDataColumns.ReencryptAsync(db, TimeProvider.System, Actor.Cli, default));

            var report = await KeyGuard.ReportAsync(db, default);
            Assert.Equal((0, 0L, 4L), (report.Unbound, report.Undecryptable, report.Values));
            Assert.Equal("李强", (await db.Households.AsNoTracking().SingleAsync(h => h.Id == id)).HeadName);
        }
    }

    /// <summary>A value as Liaison stored it before values were bound to rows: AES-GCM under the primary key, associated data "p2|KEY|table.column".</summary>
    private static string ColumnBound(string column, string plain)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(PersonalDataKeys.ConfiguredPath));
        var id = doc.RootElement.GetProperty("primary").GetString()!;
        var key = Convert.FromBase64String(doc.RootElement.GetProperty("keys").GetProperty(id).GetString()!);
        var data = Encoding.UTF8.GetBytes(plain);
        var output = new byte[12 + data.Length + 16];
        RandomNumberGenerator.Fill(output.AsSpan(0, 12));
        using var gcm = new AesGcm(key, 16);
        gcm.Encrypt(output.AsSpan(0, 12), data, output.AsSpan(12, data.Length), output.AsSpan(12 + data.Length), Encoding.ASCII.GetBytes($"p2|{id}|{column}"));
        return $"p2:{id}:{Convert.ToBase64String(output)}";
    }
}
