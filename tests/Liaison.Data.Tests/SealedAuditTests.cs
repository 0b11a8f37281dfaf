using System.Security.Cryptography;
using Liaison.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Tests;

/// <summary>
/// Somebody who can write to the database but has no audit key: every way of rewriting the log
/// is found by <c>audit verify</c>, naming the first bad entry, and a damaged row is a finding.
/// </summary>
public class SealedAuditTests
{
    private static async Task<(TestDb, LiaisonDb, TestFiles, List<AuditEntry>)> WithThreeEntriesAsync(string provider)
    {
        var (t, db, files) = await AuditLogTests.WithThreeImportsAsync(provider);
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        Assert.Null((await AuditLog.VerifyAsync(db, default)).FirstBrokenId);
        return (t, db, files, entries);
    }

    /// <summary>Rewrites every entry from <paramref name="from"/> on with <paramref name="seal"/>, links included, as a forger would.</summary>
    private static async Task RewriteAsync(LiaisonDb db, List<AuditEntry> entries, int from, Func<AuditEntry, string> seal)
    {
        var previous = from == 0 ? AuditLog.Genesis : entries[from - 1].Hash;
        foreach (var e in entries.Skip(from))
        {
            e.PreviousHash = previous;
            e.Hash = seal(e);
            previous = e.Hash;
            await db.AuditEntries.Where(x => x.Id == e.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Actor, e.Actor).SetProperty(x => x.PreviousHash, e.PreviousHash).SetProperty(x => x.Hash, e.Hash));
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_changed_entry_with_the_rest_recomputed_without_the_key_is_found(string provider)
    {
        foreach (var forger in new Func<AuditEntry, string>[] { AuditSeal.LegacyHash, e => AuditSeal.Of(RandomNumberGenerator.GetBytes(32), e) })
        {
            var (t, db, files, entries) = await WithThreeEntriesAsync(provider);
            await using (t)
            await using (db)
            using (files)
            {
                entries[1].Actor = "mallory";
                await RewriteAsync(db, entries, 1, forger);

                var result = await AuditLog.VerifyAsync(db, default);

                Assert.Equal(entries[1].Id, result.FirstBrokenId);
            }
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_forged_entry_appended_or_inserted_is_found(string provider)
    {
        var (t, db, files, entries) = await WithThreeEntriesAsync(provider);
        await using (t)
        await using (db)
        using (files)
        {
            var forged = new AuditEntry
            {
                Id = entries[^1].Id + 1,
                At = entries[^1].At,
                Actor = "admin",
                Action = "account.add",
                Entity = "account",
                EntityKey = "mallory",
                PreviousHash = entries[^1].Hash,
                Hash = "",
            };
            forged.Hash = AuditSeal.Of(RandomNumberGenerator.GetBytes(32), forged);
            db.AuditEntries.Add(forged);
            await db.SaveChangesAsync();

            var result = await AuditLog.VerifyAsync(db, default);

            Assert.Equal(forged.Id, result.FirstBrokenId);
            Assert.StartsWith("seal", result.Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Deleting_the_last_entries_or_all_of_them_is_found_by_the_head_outside_the_database(string provider)
    {
        var (t, db, files, entries) = await WithThreeEntriesAsync(provider);
        await using (t)
        await using (db)
        using (files)
        {
            var head = AuditHeads.Read(await AuditLog.DatabaseIdAsync(db, default));
            Assert.Equal(entries[^1].Id, head?.Entry);

            var last = entries[^1].Id;
            await db.AuditEntries.Where(e => e.Id == last).ExecuteDeleteAsync();
            var result = await AuditLog.VerifyAsync(db, default);
            Assert.Equal(entries[^1].Id, result.FirstBrokenId);
            Assert.StartsWith("deleted", result.Reason, StringComparison.Ordinal);

            await db.AuditEntries.ExecuteDeleteAsync();
            result = await AuditLog.VerifyAsync(db, default);
            Assert.Equal(entries[^1].Id, result.FirstBrokenId);

            // Without the head file too, an empty log in a database that holds data is still a finding.
            File.Delete(AuditHeads.FileOf(await AuditLog.DatabaseIdAsync(db, default)));
            result = await AuditLog.VerifyAsync(db, default);
            Assert.Equal(0, result.FirstBrokenId);
            Assert.StartsWith("empty", result.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unreadable_row_is_a_finding_not_a_crash()
    {
        var (t, db, files, entries) = await WithThreeEntriesAsync("sqlite");
        await using (t)
        await using (db)
        using (files)
        {
            // What a damaged file or a hand edit can leave: the table without its constraints, a row with a hole.
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_entries RENAME TO audit_old; CREATE TABLE audit_entries AS SELECT * FROM audit_old; DROP TABLE audit_old;");
            await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET actor = NULL WHERE id = {0}", entries[1].Id);

            var result = await AuditLog.VerifyAsync(db, default);

            Assert.Equal(entries[1].Id, result.FirstBrokenId);
            Assert.Equal([entries[1].Id], result.Unreadable);
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_log_from_before_sealing_verifies_only_after_the_one_time_reseal(string provider)
    {
        var (t, db, files, entries) = await WithThreeEntriesAsync(provider);
        await using (t)
        await using (db)
        using (files)
        {
            await RewriteAsync(db, entries, 0, AuditSeal.LegacyHash);
            var before = await AuditLog.VerifyAsync(db, default);
            Assert.Equal(entries[0].Id, before.FirstBrokenId);
            Assert.StartsWith("unsealed", before.Reason, StringComparison.Ordinal);

            var resealed = await AuditLog.ResealAsync(db, TimeProvider.System, Actor.Cli, default);
            Assert.Null(resealed.FirstBrokenId);

            var after = await AuditLog.VerifyAsync(db, default);
            Assert.Null(after.FirstBrokenId);
            // The imports' entries (and the city the first one recorded), and the reseal's own.
            Assert.Equal(entries.Count + 1, after.Entries);
            Assert.Equal("audit.reseal", (await db.AuditEntries.OrderBy(e => e.Id).LastAsync()).Action);
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Reseal_refuses_a_chain_that_does_not_verify(string provider)
    {
        var (t, db, files, entries) = await WithThreeEntriesAsync(provider);
        await using (t)
        await using (db)
        using (files)
        {
            await db.AuditEntries.Where(e => e.Id == entries[1].Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, "mallory"));

            var result = await AuditLog.ResealAsync(db, TimeProvider.System, Actor.Cli, default);

            Assert.Equal(entries[1].Id, result.FirstBrokenId);
            Assert.Equal("mallory", (await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == entries[1].Id)).Actor);
            Assert.Equal(entries[1].Id, (await AuditLog.VerifyAsync(db, default)).FirstBrokenId);
        }
    }

    [Fact]
    public void Typed_names_lose_control_and_bidirectional_characters_and_are_bounded()
    {
        Assert.Equal("adminexe.txt", Actor.Typed("admin\u202Eexe.txt\r\n").Name);
        Assert.Equal(64, Actor.Typed(new string('x', 500)).Name.Length);
    }
}
