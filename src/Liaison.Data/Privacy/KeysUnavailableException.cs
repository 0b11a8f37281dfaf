using Liaison.Domain.Shared;

namespace Liaison.Data.Privacy;

public enum KeyProblem
{
    /// <summary>The key file is not there, and the database holds data written with it.</summary>
    FileMissing,
    /// <summary>The key file is there but cannot be read as a key file.</summary>
    FileUnreadable,
    /// <summary>The database was written with a key the file does not hold.</summary>
    KeyMissing,
    /// <summary>The file holds a key of that id, but not the same key.</summary>
    KeyDifferent,
    /// <summary>A stored value does not decrypt with the file's keys.</summary>
    DoesNotDecrypt,
}

/// <summary>
/// The keys this database needs are not at hand. Every command and the web app stop on it with one
/// message (exit code 3) before reading or writing anything: going on would store new values under
/// another key and leave old ones unreadable.
/// </summary>
public sealed class KeysUnavailableException(KeyProblem problem, string path, string? detail, Exception? inner = null)
    : Exception($"{problem}: {path} {detail}", inner)
{
    public KeyProblem Problem { get; } = problem;
    public string KeyFile { get; } = path;
    public string? Detail { get; } = detail;

    /// <summary>What is wrong and what to do, in both languages.</summary>
    public Term Describe()
    {
        var what = Problem switch
        {
            KeyProblem.FileMissing => new Term(
                $"密钥文件 {KeyFile} 不存在，但本数据库中有用其密钥写入的数据",
                $"the key file {KeyFile} is missing, but this database holds data written with its keys"),
            KeyProblem.FileUnreadable => new Term(
                $"无法读取密钥文件 {KeyFile}（{InnerException?.Message}）",
                $"the key file {KeyFile} cannot be read ({InnerException?.Message})"),
            KeyProblem.KeyMissing => new Term(
                $"本数据库用密钥 {Detail} 写入，但密钥文件 {KeyFile} 中没有该密钥",
                $"this database was written with key {Detail}, which the key file {KeyFile} does not hold"),
            KeyProblem.KeyDifferent => new Term(
                $"密钥文件 {KeyFile} 中的密钥 {Detail} 与写入本数据库时所用的不同",
                $"the key file {KeyFile} holds a different key {Detail} than the one this database was written with"),
            _ => new Term(
                $"已存的个人信息无法用密钥文件 {KeyFile} 解密（{Detail}）",
                $"stored personal data does not decrypt with the key file {KeyFile} ({Detail})"),
        };
        return new Term(
            $"{what.Zh}。未读取或更改任何数据。请放回正确的密钥文件（或用环境变量 {PersonalDataKeys.EnvironmentVariable} 指向它），然后运行 liaison keys check。",
            $"{what.En}. Nothing was read or changed. Put the right key file back (or point {PersonalDataKeys.EnvironmentVariable} at it) and run liaison keys check.");
    }
}
