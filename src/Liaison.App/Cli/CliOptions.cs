using System.CommandLine;
using Liaison.Data;
using Liaison.Data.Database;

namespace Liaison.App.Cli;

/// <summary>The options every command takes.</summary>
public static class CliOptions
{
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "数据库 / database: sqlite:PATH or postgres:CONNECTION-STRING (default: $LIAISON_DB, else " + DatabaseTarget.DefaultSqlitePath + ")",
        Recursive = true,
    };

    public static readonly Option<string?> Lang = new("--lang")
    {
        Description = "消息语言 / language of messages: zh (default) or en",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "输出一个 JSON 对象 / print one JSON object for scripts",
        Recursive = true,
    };

    public static DatabaseTarget Target(ParseResult parse) =>
        DatabaseTarget.Resolve(parse.GetValue(Db), Environment.GetEnvironmentVariable(DatabaseTarget.EnvironmentVariable));

    public static UiLanguage Language(ParseResult parse) =>
        UiLanguages.Parse(parse.GetValue(Lang) ?? Environment.GetEnvironmentVariable("LIAISON_LANG"));
}
