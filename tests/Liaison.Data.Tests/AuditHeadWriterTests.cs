using Liaison.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Tests;

/// <summary>The writer is the process's own: its tests run alone, so that no other test's commits hand it their heads.</summary>
[CollectionDefinition("audit-head-writer", DisableParallelization = true)]
public class AuditHeadWriterAlone;

/// <summary>The server's audit head files, written off the commit path (<see cref="AuditHeadWriter"/>).</summary>
[Collection("audit-head-writer")]
public class AuditHeadWriterTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Every_committed_head_is_in_the_file_once_the_writer_stops_and_then_commits_write_their_own(string provider)
    {
        var writer = AuditHeadWriter.Start();
        var (t, db, files) = await AuditLogTests.WithThreeImportsAsync(provider);
        await using (t)
        await using (db)
        using (files)
        {
            var database = await AuditLog.DatabaseIdAsync(db, default);
            var imported = await db.AuditEntries.MaxAsync(e => e.Id);
            for (var i = 0; i < 20; i++)
            {
                await using var tx = await db.Database.BeginTransactionAsync();
                await AuditLog.AppendAsync(db, TimeProvider.System, new Actor("dave"), new AuditRecord("test.step", "test", i.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null, null), default);
                await tx.CommitAsync();
            }
            await writer.DisposeAsync();
            var last = await db.AuditEntries.MaxAsync(e => e.Id);
            Assert.Equal(imported + 20, last);
            Assert.Equal(last, AuditHeads.Read(database)?.Entry);

            // Stopped: the next commit writes its head before it returns, as a command's does.
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await AuditLog.AppendAsync(db, TimeProvider.System, new Actor("erin"), new AuditRecord("test.step", "test", "after", null, null, null), default);
                await tx.CommitAsync();
            }
            Assert.Equal(last + 1, AuditHeads.Read(database)?.Entry);
            Assert.Null((await AuditLog.VerifyAsync(db, default)).FirstBrokenId);
        }
    }
}
