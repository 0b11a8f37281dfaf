using Liaison.Domain.Shared;
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
    /// <summary>A sentence for a database failure in both languages, or null when the exception is not one.</summary>
    public static Term? Describe(Exception e, DatabaseTarget target)
    {
        var where = target.Describe();
        Term At(string zh, string en) => new($"{where}{zh}", $"{where}{en}");
        return e switch
        {
            SchemaTooNewException newer => At($"：数据库由更新版本的 Liaison 写入（迁移 {string.Join("、", newer.Unknown)}），请安装该版本或更新版本", $": {newer.Message}"),
            SqliteException s => s.SqliteErrorCode switch
            {
                8 => At(" 是只读的：Liaison 需要写入该文件及其所在目录", " is read-only: Liaison needs to write to the file and its folder"),
                5 or 6 => At(" 被其他程序锁定，请待其结束后重试", " is locked by another program; try again when it has finished"),
                26 => At(" 不是 Liaison 数据库（或已损坏），请用备份恢复（liaison db restore）", " is not a Liaison database (or it is damaged); restore it from a backup (liaison db restore)"),
                11 => At(" 已损坏，请用备份恢复（liaison db restore）", " is damaged; restore it from a backup (liaison db restore)"),
                14 => new($"无法打开 {where}（目录不存在或没有权限）", $"{where} cannot be opened (a missing folder, or no permission)"),
                _ => At($"：{s.Message}", $": {s.Message}"),
            },
            NpgsqlException n when n.InnerException is System.Net.Sockets.SocketException or TimeoutException || n.IsTransient =>
                new($"无法连接 PostgreSQL（{where}）：{n.Message}", $"cannot reach PostgreSQL at {where}: {n.Message}"),
            PostgresException p => At($"：{p.MessageText}", $": {p.MessageText}"),
            NpgsqlException n => At($"：{n.Message}", $": {n.Message}"),
            DbUpdateException { InnerException: { } inner } => Describe(inner, target),
            _ => null,
        };
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
