using System.Security.Cryptography;
using Liaison.Data.Audit;

namespace Liaison.Data.Import;

/// <summary>How an import is recorded in the audit log: the file (name, size, SHA-256), the rows it wrote, and for an import declared complete for a scope the scope and how many records it ended (each audited on its own too).</summary>
public static class ImportAudit
{
    public static AuditRecord Record(string action, string entity, string path, long rows, string? completeFor = null, long ended = 0)
    {
        using var file = File.OpenRead(path);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(file));
        return new AuditRecord(action, entity, Path.GetFileName(path), null, null,
            completeFor is null
                ? new { file = Path.GetFileName(path), bytes = new FileInfo(path).Length, sha256, rows }
                : new { file = Path.GetFileName(path), bytes = new FileInfo(path).Length, sha256, rows, completeFor, ended });
    }
}
