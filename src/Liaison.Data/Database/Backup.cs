using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Liaison.Data.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Liaison.Data.Database;

/// <summary>What a backup holds, written beside it as <c>FILE.manifest.json</c>: enough to check a restore, never a key.</summary>
public sealed record BackupManifest(
    string Format,
    DateTimeOffset CreatedAt,
    string Provider,
    string SchemaVersion,
    string DatabaseId,
    IReadOnlyDictionary<string, long> Rows,
    IReadOnlyList<string> KeyIds,
    long AuditHeadEntry,
    string? AuditHeadSeal,
    string Sha256)
{
    public const string CurrentFormat = "liaison-backup-1";

    public static string PathOf(string backup) => backup + ".manifest.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public void Write(string backup) => File.WriteAllText(PathOf(backup), JsonSerializer.Serialize(this, Json));

    public static BackupManifest Read(string backup)
    {
        var path = PathOf(backup);
        if (!File.Exists(path))
        {
            throw new BackupException($"{path}: the manifest is missing (every backup has one beside it)");
        }
        return JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), Json) is { Format: CurrentFormat } m
            ? m
            : throw new BackupException($"{path}: not a Liaison backup manifest of format {CurrentFormat}");
    }
}

/// <summary>A backup or restore that cannot be done as asked; nothing was changed.</summary>
public sealed class BackupException(string message) : Exception(message);

/// <summary>What a restore checked after loading the backup.</summary>
public sealed record RestoreCheck(IReadOnlyList<string> RowDifferences, AuditVerification Audit, Reporting.RollupCheck Rollups)
{
    public bool Ok => RowDifferences.Count == 0 && Audit.FirstBrokenId is null && Rollups.Differences.Count == 0;
}

/// <summary>
/// <c>liaison db backup</c> and <c>db restore</c>: a consistent online copy of a running database
/// (SQLite's <c>VACUUM INTO</c>; PostgreSQL's <c>pg_dump</c> in custom format from an exported
/// snapshot, so the manifest's counts are those of the dump) and a restore into an empty database
/// only, checked against the manifest. Keys are never part of a backup.
/// </summary>
public static class Backup
{
    public static async Task<BackupManifest> BackupAsync(DatabaseTarget target, string file, TimeProvider clock, CancellationToken ct)
    {
        var full = Path.GetFullPath(file);
        if (File.Exists(full))
        {
            throw new BackupException($"{full} exists already; a backup never overwrites a file");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await using var db = target.CreateContext();
        var schema = (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault() ?? throw new BackupException("the database has no schema: nothing to back up");
        var partial = full + ".partial";
        File.Delete(partial);
        try
        {
            Snapshot facts;
            if (target.Provider == DatabaseProvider.Sqlite)
            {
                await using (var c = new SqliteConnection(target.ConnectionString))
                {
                    await c.OpenAsync(ct);
                    await using var cmd = c.CreateCommand();
                    cmd.CommandText = "VACUUM INTO $path";
                    cmd.Parameters.AddWithValue("$path", partial);
                    await cmd.ExecuteNonQueryAsync(ct);
                }
                // Counted from the copy itself: exactly what the backup holds.
                await using var copy = DatabaseTarget.Sqlite(partial).CreateContext();
                facts = await SnapshotAsync(copy, ct);
                SqliteConnection.ClearAllPools();
            }
            else
            {
                facts = await DumpPostgresAsync(target, db, partial, ct);
            }
            Protect(partial);
            File.Move(partial, full);
            var manifest = new BackupManifest(BackupManifest.CurrentFormat, clock.GetUtcNow(), target.Provider.ToString().ToLowerInvariant(), schema,
                facts.DatabaseId, facts.Rows, facts.KeyIds, facts.Head?.Entry ?? 0, facts.Head?.Seal, await Sha256Async(full, ct));
            manifest.Write(full);
            Protect(BackupManifest.PathOf(full));
            return manifest;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private sealed record Snapshot(string DatabaseId, IReadOnlyDictionary<string, long> Rows, IReadOnlyList<string> KeyIds, AuditHead? Head);

    /// <summary>Row counts of every table of the model, the keys recorded and the audit chain's head, in the context's current transaction.</summary>
    private static async Task<Snapshot> SnapshotAsync(LiaisonDb db, CancellationToken ct)
    {
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        foreach (var table in Tables(db))
        {
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            cmd.CommandText = $"SELECT COUNT(*) FROM {table}";
            rows[table] = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        var keys = await db.KeyRecords.AsNoTracking().OrderBy(k => k.KeyId).Select(k => k.KeyId).ToListAsync(ct);
        var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).Select(e => new AuditHead(e.Id, e.Hash)).FirstOrDefaultAsync(ct);
        var id = await db.DatabaseFacts.AsNoTracking().Where(f => f.Name == Privacy.DatabaseFact.DatabaseId).Select(f => f.Value).FirstOrDefaultAsync(ct) ?? "";
        return new Snapshot(id, rows, keys, head);
    }

    public static IReadOnlyList<string> Tables(LiaisonDb db) =>
        db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>pg_dump from a snapshot exported by a repeatable-read transaction that also counts the rows.</summary>
    private static async Task<Snapshot> DumpPostgresAsync(DatabaseTarget target, LiaisonDb db, string partial, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var serverMajor = connection.PostgreSqlVersion.Major;
        var pgDump = PgTool("pg_dump", serverMajor);
        string snapshot;
        await using (var cmd = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, (NpgsqlTransaction)tx.GetDbTransaction()))
        {
            snapshot = (string)(await cmd.ExecuteScalarAsync(ct))!;
        }
        var facts = await SnapshotAsync(db, ct);
        await RunPgToolAsync(pgDump, target, ["--format=custom", "--no-owner", "--no-privileges", "--snapshot=" + snapshot, "--file=" + partial], ct);
        await tx.CommitAsync(ct);
        return facts;
    }

    public static async Task<RestoreCheck> RestoreAsync(DatabaseTarget target, string file, TimeProvider clock, CancellationToken ct)
    {
        var full = Path.GetFullPath(file);
        if (!File.Exists(full))
        {
            throw new BackupException($"{full}: no such backup");
        }
        var manifest = BackupManifest.Read(full);
        if (await Sha256Async(full, ct) != manifest.Sha256)
        {
            throw new BackupException($"{full}: the file does not match its manifest's SHA-256 (damaged or changed)");
        }
        if (!string.Equals(manifest.Provider, target.Provider.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            throw new BackupException($"{full} is a {manifest.Provider} backup; it restores into a {manifest.Provider} database only");
        }
        await RefuseNonEmptyAsync(target, ct);
        if (target.Provider == DatabaseProvider.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(target.ConnectionString).DataSource;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            SqliteConnection.ClearAllPools();
            File.Delete(path);
            File.Copy(full, path);
            Protect(path);
        }
        else
        {
            await using var probe = target.CreateContext();
            await probe.Database.OpenConnectionAsync(ct);
            var major = ((NpgsqlConnection)probe.Database.GetDbConnection()).PostgreSqlVersion.Major;
            await probe.Database.CloseConnectionAsync();
            await RunPgToolAsync(PgTool("pg_restore", major), target, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", full], ct);
        }
        await using var db = target.CreateContext();
        // A restored copy is a database of its own: a new id, and its head file starts from the manifest's head.
        var newId = Guid.NewGuid().ToString("N");
        await db.DatabaseFacts.Where(f => f.Name == Privacy.DatabaseFact.DatabaseId).ExecuteUpdateAsync(s => s.SetProperty(f => f.Value, newId), ct);
        AuditLog.ForgetDatabaseIds();
        if (manifest.AuditHeadSeal is { } seal)
        {
            AuditHeads.Advance(newId, new AuditHead(manifest.AuditHeadEntry, seal), force: true);
        }
        var restored = await SnapshotAsync(db, ct);
        var rows = manifest.Rows.Where(kv => !restored.Rows.TryGetValue(kv.Key, out var n) || n != kv.Value)
            .Select(kv => $"{kv.Key}: {kv.Value} in the manifest, {(restored.Rows.TryGetValue(kv.Key, out var n) ? n : 0)} restored")
            .ToList();
        var audit = await AuditLog.VerifyAsync(db, ct);
        var rollups = await Reporting.RollupVerifier.VerifyAsync(db, ct);
        return new RestoreCheck(rows, audit, rollups);
    }

    /// <summary>Restores go into an empty database only: a missing or empty SQLite file, a PostgreSQL database without tables.</summary>
    private static async Task RefuseNonEmptyAsync(DatabaseTarget target, CancellationToken ct)
    {
        if (target.Provider == DatabaseProvider.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(target.ConnectionString).DataSource;
            if (File.Exists(path) && new FileInfo(path).Length > 0)
            {
                throw new BackupException($"{path} exists and is not empty; a restore goes into a new, empty database only");
            }
            return;
        }
        await using var c = new NpgsqlConnection(target.ConnectionString);
        await c.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", c);
        if ((long)(await cmd.ExecuteScalarAsync(ct))! > 0)
        {
            throw new BackupException($"{target.Describe()} has tables; a restore goes into a new, empty database only (createdb a new one)");
        }
    }

    /// <summary>The PostgreSQL client tool of at least the server's major version: on PATH, or Debian's versioned folders.</summary>
    public static string PgTool(string name, int serverMajor)
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", name)).Where(File.Exists).ToList()
            : [];
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).Where(File.Exists));
        var best = candidates.Select(c => (Path: c, Major: ToolMajor(c))).Where(c => c.Major >= serverMajor).OrderBy(c => c.Major).FirstOrDefault();
        return best.Path ?? throw new BackupException(
            $"{name} of PostgreSQL {serverMajor} or newer is needed (the server is {serverMajor}); install the postgresql-client package of that version");
    }

    private static int ToolMajor(string path)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(path, "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            var version = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
            return int.TryParse(version.Split('.')[0], out var major) ? major : 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 0;
        }
    }

    private static async Task RunPgToolAsync(string tool, DatabaseTarget target, IEnumerable<string> args, CancellationToken ct)
    {
        var b = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        var info = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "--host=" + b.Host, "--port=" + b.Port, "--username=" + b.Username, "--dbname=" + b.Database }.Concat(args))
        {
            info.ArgumentList.Add(a);
        }
        // The password goes by the environment, never on a command line others can list.
        if (!string.IsNullOrEmpty(b.Password))
        {
            info.Environment["PGPASSWORD"] = b.Password;
        }
        using var p = Process.Start(info)!;
        var error = p.StandardError.ReadToEndAsync(ct);
        _ = await p.StandardOutput.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        if (p.ExitCode != 0)
        {
            throw new BackupException($"{Path.GetFileName(tool)} failed ({p.ExitCode}): {(await error).Trim()}");
        }
    }

    private static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var s = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(s, ct));
    }

    /// <summary>Backups hold personal data (encrypted) and the audit log: readable by their owner only.</summary>
    private static void Protect(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
