using System.Runtime.CompilerServices;
using System.Text.Json;
using Liaison.Data.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Liaison.Data.Audit;

/// <summary>The newest entry of a database's audit chain as last committed: its id and seal.</summary>
public sealed record AuditHead(long Entry, string Seal);

/// <summary>
/// The audit chain's head, also kept outside the database: one small file per database beside the
/// key file (<c>audit-heads/DATABASE-ID.json</c>), written after each commit that appends to the log
/// (in the server a moment after, by <see cref="AuditHeadWriter"/>, off the commit path).
/// It only moves forward, so deleting the last entries (or all of them) leaves the file naming an
/// entry the database no longer has, and <c>audit verify</c> finds it.
/// </summary>
public static class AuditHeads
{
    private static readonly Lock Gate = new();
    private static readonly ConditionalWeakTable<DbContext, PendingHead> Pending = [];

    private sealed record PendingHead(string Database, AuditHead Head);

    public static string Directory => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(PersonalDataKeys.ConfiguredPath))!, "audit-heads");

    public static string FileOf(string databaseId) => Path.Combine(Directory, databaseId + ".json");

    /// <summary>Remembers the head an uncommitted transaction will make; written when it commits.</summary>
    internal static void Stage(DbContext db, string databaseId, AuditHead head) => Pending.AddOrUpdate(db, new PendingHead(databaseId, head));

    /// <summary>The process's writer of head files off the commit path (the server's); null: each commit writes its own.</summary>
    private static AuditHeadWriter? _writer;

    internal static void UseWriter(AuditHeadWriter? writer, AuditHeadWriter? replacing = null)
    {
        if (writer is not null)
        {
            Volatile.Write(ref _writer, writer);
        }
        else
        {
            Interlocked.CompareExchange(ref _writer, null, replacing);
        }
    }

    internal static void Committed(DbContext? db)
    {
        if (db is not null && Pending.TryGetValue(db, out var pending))
        {
            Pending.Remove(db);
            if (Volatile.Read(ref _writer) is not { } writer || !writer.Post(pending.Database, pending.Head))
            {
                Advance(pending.Database, pending.Head);
            }
        }
    }

    internal static void RolledBack(DbContext? db)
    {
        if (db is not null)
        {
            Pending.Remove(db);
        }
    }

    public static AuditHead? Read(string databaseId)
    {
        var path = FileOf(databaseId);
        if (!File.Exists(path))
        {
            return null;
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return new AuditHead(doc.RootElement.GetProperty("entry").GetInt64(), doc.RootElement.GetProperty("seal").GetString()!);
    }

    /// <summary>Moves the head file forward (never back), under a lock shared with other processes.</summary>
    public static void Advance(string databaseId, AuditHead head, bool force = false)
    {
        lock (Gate)
        {
            System.IO.Directory.CreateDirectory(Directory);
            var path = FileOf(databaseId);
            using var fileLock = TakeFileLock(path + ".lock");
            if (!force && Read(databaseId) is { } current && current.Entry >= head.Entry)
            {
                return;
            }
            var temp = path + "." + Environment.ProcessId + ".tmp";
            File.WriteAllText(temp, JsonSerializer.Serialize(new { database = databaseId, entry = head.Entry, seal = head.Seal }));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            File.Move(temp, path, overwrite: true);
        }
    }

    private static FileStream TakeFileLock(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            catch (IOException) when (attempt < 200)
            {
                Thread.Sleep(5);
            }
        }
    }
}

/// <summary>Writes the staged audit head once the transaction that appended it has committed.</summary>
public sealed class AuditHeadInterceptor : DbTransactionInterceptor
{
    public static readonly AuditHeadInterceptor Instance = new();

    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        AuditHeads.Committed(eventData.Context);

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        AuditHeads.Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        AuditHeads.RolledBack(eventData.Context);

    public override Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        AuditHeads.RolledBack(eventData.Context);
        return Task.CompletedTask;
    }
}
