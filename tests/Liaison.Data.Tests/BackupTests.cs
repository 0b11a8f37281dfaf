using Liaison.Data.Audit;
using Liaison.Data.Database;
using Liaison.Data.Divisions;
using Liaison.Data.People;
using Liaison.Data.Privacy;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Tests;

/// <summary>A backup of a database being written to restores into an empty one with every check passing.</summary>
public class BackupTests
{
    private static async Task<DatabaseTarget> EmptyAsync(string provider, TestFiles files) =>
        provider == "postgres"
            ? new DatabaseTarget(DatabaseProvider.Postgres, await PgCluster.CreateDatabaseAsync())
            : DatabaseTarget.Sqlite(Path.Combine(files.Dir, "restored.db"));

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Backup_while_writing_restores_into_an_empty_database_and_verifies(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        using var files = new TestFiles();
        await using (var db = t.Open())
        {
            await DivisionImporter.ImportAsync(db, TimeProvider.System, files.Text("d.csv", DivisionImportTests.Base), null, null, default);
            await new HouseholdImporter(TimeProvider.System).ImportAsync(db, files.Text("h.csv", "村代码,门牌号,户主姓名,户主电话,家庭人口\n370830100201,1号,王芳,13912345678,4\n"), null, default);
            await KeyGuard.EnsureAsync(db, TimeProvider.System, Actor.Cli, default);
        }
        // Writers keep appending to the audit log while the backup is taken.
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                await using var db = t.Open();
                await using var tx = await db.Database.BeginTransactionAsync();
                await AuditLog.AppendAsync(db, TimeProvider.System, Actor.Cli, new AuditRecord("test.write", "test", (++n).ToString(System.Globalization.CultureInfo.InvariantCulture), null, null, null), default);
                await tx.CommitAsync();
            }
            return n;
        });
        await Task.Delay(100);
        var file = Path.Combine(files.Dir, "backup", "liaison.backup");
        var manifest = await Backup.BackupAsync(t.Target, file, TimeProvider.System, default);
        await stop.CancelAsync();
        Assert.True(await writer > 0);

        Assert.Equal(1, manifest.Rows["households"]);
        Assert.Equal(manifest.Rows["audit_entries"], manifest.AuditHeadEntry);
        Assert.Contains(PersonalDataKeys.Current.Primary, manifest.KeyIds);
        Assert.False(File.ReadAllText(BackupManifest.PathOf(file)).Contains(Convert.ToBase64String(PersonalDataKeys.Current.AuditKey!), StringComparison.Ordinal));

        var target = await EmptyAsync(provider, files);
        var check = await Backup.RestoreAsync(target, file, TimeProvider.System, default);

        Assert.Empty(check.RowDifferences);
        Assert.Null(check.Audit.FirstBrokenId);
        Assert.Empty(check.Rollups.Differences);
        await using var restored = target.CreateContext();
        Assert.Equal("王芳", (await restored.Households.AsNoTracking().SingleAsync()).HeadName);
        // A database of its own: another id, so its head file is its own.
        await using var source = t.Open();
        Assert.NotEqual(await source.DatabaseFacts.Select(f => f.Value).SingleAsync(), await restored.DatabaseFacts.Select(f => f.Value).SingleAsync());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Restore_refuses_a_database_that_is_not_empty_and_a_changed_backup(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        using var files = new TestFiles();
        await using (var db = t.Open())
        {
            await DivisionImporter.ImportAsync(db, TimeProvider.System, files.Text("d.csv", DivisionImportTests.Base), null, null, default);
        }
        var file = Path.Combine(files.Dir, "b.backup");
        await Backup.BackupAsync(t.Target, file, TimeProvider.System, default);
        await Assert.ThrowsAsync<BackupException>(() => Backup.BackupAsync(t.Target, file, TimeProvider.System, default));

        var e = await Assert.ThrowsAsync<BackupException>(() => Backup.RestoreAsync(t.Target, file, TimeProvider.System, default));
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);

        await File.AppendAllTextAsync(file, "x");
        var empty = await EmptyAsync(provider, files);
        e = await Assert.ThrowsAsync<BackupException>(() => Backup.RestoreAsync(empty, file, TimeProvider.System, default));
        Assert.Contains("SHA-256", e.Message, StringComparison.Ordinal);
    }
}
