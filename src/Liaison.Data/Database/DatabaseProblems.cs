using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Liaison.Data.Database;

/// <summary>The database was written by a newer Liaison: this one must not read or change it.</summary>
public sealed class SchemaTooNewException(IReadOnlyList<string> unknown)
    : Exception($"the database was written by a newer version of Liaison (migrations {string.Join(", ", unknown)}); install that version or newer")
{
    public IReadOnlyList<string> Unknown { get; } = unknown;
}

/// <summary>
/// What went wrong with the database itself, said in a sentence an operator can act on: read-only,
/// locked, not a database, damaged, unreachable. The one home of that wording, for the commands and <c>serve</c>.
/// </summary>
public static class DatabaseProblems
{
    /// <summary>A sentence for a database failure, or null when the exception is not one.</summary>
    public static string? Describe(Exception e, DatabaseTarget target, UiLanguage language)
    {
        var en = language == UiLanguage.English;
        var where = target.Describe();
        switch (e)
        {
            case SchemaTooNewException newer:
                return en ? $"{where}: {newer.Message}" : $"{where}：数据库由更新版本的 Liaison 写入（迁移 {string.Join("、", newer.Unknown)}），请安装该版本或更新版本";
            case SqliteException s:
                return (s.SqliteErrorCode, en) switch
                {
                    (8, true) => $"{where} is read-only: Liaison needs to write to the file and its folder",
                    (8, false) => $"{where} 是只读的：Liaison 需要写入该文件及其所在目录",
                    (5 or 6, true) => $"{where} is locked by another program; try again when it has finished",
                    (5 or 6, false) => $"{where} 被其他程序锁定，请待其结束后重试",
                    (26, true) => $"{where} is not a Liaison database (or it is damaged); restore it from a backup (liaison db restore)",
                    (26, false) => $"{where} 不是 Liaison 数据库（或已损坏），请用备份恢复（liaison db restore）",
                    (11, true) => $"{where} is damaged; restore it from a backup (liaison db restore)",
                    (11, false) => $"{where} 已损坏，请用备份恢复（liaison db restore）",
                    (14, true) => $"{where} cannot be opened (a missing folder, or no permission)",
                    (14, false) => $"无法打开 {where}（目录不存在或没有权限）",
                    (_, true) => $"{where}: {s.Message}",
                    _ => $"{where}：{s.Message}",
                };
            case NpgsqlException n when n.InnerException is System.Net.Sockets.SocketException or TimeoutException || n.IsTransient:
                return en ? $"cannot reach PostgreSQL at {where}: {n.Message}" : $"无法连接 PostgreSQL（{where}）：{n.Message}";
            case PostgresException p:
                return en ? $"{where}: {p.MessageText}" : $"{where}：{p.MessageText}";
            case NpgsqlException n:
                return en ? $"{where}: {n.Message}" : $"{where}：{n.Message}";
            case DbUpdateException { InnerException: { } inner }:
                return Describe(inner, target, language);
            default:
                return null;
        }
    }

    /// <summary>True when the database cannot answer for now (PostgreSQL restarting, SQLite busy): worth a retry, not a fault.</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        NpgsqlException n => n.IsTransient || n.InnerException is System.Net.Sockets.SocketException or TimeoutException or EndOfStreamException or IOException,
        SqliteException s => s.SqliteErrorCode is 5 or 6,
        InvalidOperationException { InnerException: { } inner } => IsTransient(inner),
        DbUpdateException { InnerException: { } inner } => IsTransient(inner),
        Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException { InnerException: { } inner } => IsTransient(inner),
        _ => false,
    };
}
