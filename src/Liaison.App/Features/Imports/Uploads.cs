using System.Security.Cryptography;

namespace Liaison.App.Features.Imports;

/// <summary>
/// A file uploaded for an import, kept between its preview and its confirmation: in a folder only
/// the server's user reads, named by a random id, tied to the account and kind, checked by its
/// SHA-256 at confirmation (the preview's file is the file imported) and deleted once imported or
/// after an hour. Rosters hold personal data: they are never kept longer than that.
/// </summary>
public static class Uploads
{
    private static readonly TimeSpan Kept = TimeSpan.FromHours(1);

    private static string Root
    {
        get
        {
            var root = Path.Combine(Path.GetTempPath(), "liaison-uploads");
            if (!Directory.Exists(root))
            {
                Private(root);
            }
            return root;
        }
    }

    public sealed record Staged(string Id, string Path, string Sha256);

    /// <summary>Saves the upload under a new id; its file name is kept, for the messages and the audit log.</summary>
    public static async Task<Staged> SaveAsync(IFormFile file, string owner, string kind, TimeProvider clock, CancellationToken ct)
    {
        Forget(clock.GetUtcNow());
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var dir = Private(System.IO.Path.Combine(Root, id));
        var name = System.IO.Path.GetFileName(file.FileName);
        var path = System.IO.Path.Combine(dir, name.Length == 0 ? "upload" : name);
        await using (var target = File.Create(path))
        {
            await file.CopyToAsync(target, ct);
        }
        await File.WriteAllTextAsync(System.IO.Path.Combine(dir, ".owner"), owner + "\n" + kind, ct);
        return new Staged(id, path, await HashAsync(path, ct));
    }

    /// <summary>The staged file of this account and kind with the hash previewed; null when it is gone, another's, or changed.</summary>
    public static async Task<Staged?> FindAsync(string id, string owner, string kind, string sha256, CancellationToken ct)
    {
        if (id.Length != 32 || !id.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }
        var dir = System.IO.Path.Combine(Root, id);
        var ownerFile = System.IO.Path.Combine(dir, ".owner");
        if (!File.Exists(ownerFile) || await File.ReadAllTextAsync(ownerFile, ct) != owner + "\n" + kind)
        {
            return null;
        }
        var path = Directory.GetFiles(dir).FirstOrDefault(f => System.IO.Path.GetFileName(f) != ".owner");
        return path is not null && await HashAsync(path, ct) == sha256 ? new Staged(id, path, sha256) : null;
    }

    /// <summary>A folder only the server's own user may enter (on Windows, the temp folder's rights).</summary>
    private static string Private(string path) =>
        (OperatingSystem.IsWindows() ? Directory.CreateDirectory(path) : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute)).FullName;

    public static void Delete(Staged staged) => Directory.Delete(System.IO.Path.GetDirectoryName(staged.Path)!, recursive: true);

    private static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }

    private static void Forget(DateTimeOffset now)
    {
        foreach (var dir in new DirectoryInfo(Root).EnumerateDirectories().Where(d => d.CreationTimeUtc < (now - Kept).UtcDateTime))
        {
            dir.Delete(recursive: true);
        }
    }
}
