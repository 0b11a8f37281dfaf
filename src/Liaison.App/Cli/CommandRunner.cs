using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Liaison.Data;
using Liaison.Data.Database;
using Liaison.Data.Import;
using Liaison.Domain.Shared;
using Spectre.Console;

namespace Liaison.App.Cli;

/// <summary>Exit codes of <c>liaison</c>.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Usage = 1;
    public const int Refused = 2;
    public const int Failed = 3;
    /// <summary>A check found something wrong: the audit chain altered, the plan's violations, rollups that differ from the records.</summary>
    public const int Found = 4;
}

/// <summary>
/// What every command shares: the database, the language, JSON or human output, a progress bar,
/// and one way of reporting refusals and failures.
/// </summary>
public sealed class CommandRunner(ParseResult parse)
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private DatabaseTarget? _target;

    /// <summary>Resolved when first used, so that a malformed --db is reported like any other error.</summary>
    public DatabaseTarget Target => _target ??= CliOptions.Target(parse);

    /// <summary>The target for messages about it, even when --db itself was malformed.</summary>
    private DatabaseTarget SafeTarget => _target ?? DatabaseTarget.Default;
    public UiLanguage Language { get; } = CliOptions.Language(parse);
    public bool Json { get; } = parse.GetValue(CliOptions.Json);
    public bool English => Language == UiLanguage.English;

    /// <summary>The host's clock (<see cref="LiaisonCli.Build"/>): what "now" and "today" mean to this command.</summary>
    public TimeProvider Clock { get; } = (parse.RootCommandResult.Command as LiaisonRootCommand)?.Clock ?? TimeProvider.System;

    /// <summary>Text in the command's language, as <c>Ui.T</c> on a page: a pair written where it is used once, or a shared <see cref="Words"/> entry.</summary>
    public string Say(string zh, string en) => English ? en : zh;

    public string Say(Term term) => term.In(English);

    public T? Value<T>(Argument<T> argument) => parse.GetValue(argument);

    public T? Value<T>(Option<T> option) => parse.GetValue(option);

    /// <summary>Runs a command body; maps refusals and failures to messages and exit codes.</summary>
    public static Func<ParseResult, CancellationToken, Task<int>> Action(Func<CommandRunner, CancellationToken, Task<int>> body) =>
        async (parse, ct) =>
        {
            var runner = new CommandRunner(parse);
            try
            {
                return await body(runner, ct);
            }
            catch (Domain.Shared.RefusedException e)
            {
                return runner.Refused(e);
            }
            catch (Data.Privacy.KeysUnavailableException e)
            {
                return runner.Fail(runner.Say(e.Describe()));
            }
            catch (BackupException e)
            {
                return runner.Fail(e.Message);
            }
            catch (Exception e) when (DatabaseProblems.Describe(e, runner.SafeTarget) is { } said)
            {
                ErrorLog.Write(e);
                return runner.Fail(runner.Say(said));
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                return runner.Fail(e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Never a stack trace on the terminal: one line here, the whole of it in the log.
                var log = ErrorLog.Write(e);
                return runner.Fail(runner.Say($"意外错误：{e.Message}（详情见 {log}）", $"unexpected error: {e.Message} (details in {log})"));
            }
        };

    /// <summary>
    /// A refusal (decision 0016): the heading and each problem in the user's language, exit code 2.
    /// With --json each problem's code, field, file, line and message; reason and column (the names
    /// imports used) and rule and path (the names policies used) repeat the code and the field.
    /// </summary>
    public int Refused(Domain.Shared.RefusedException refusal)
    {
        if (Json)
        {
            Print(new
            {
                error = "refused",
                problems = refusal.Problems.Select(p => new
                {
                    code = p.Code,
                    field = p.Field,
                    file = p.File,
                    line = p.Line,
                    message = p.In(English),
                    reason = p.Code,
                    column = p.Field.Length > 0 ? p.Field : null,
                    rule = p.Code,
                    path = p.Field,
                }),
            });
        }
        else
        {
            Console.Error.WriteLine(refusal.Heading(English));
            foreach (var p in refusal.Problems)
            {
                Console.Error.WriteLine("  " + p.In(English));
            }
        }
        return ExitCodes.Refused;
    }

    public int Fail(string message)
    {
        if (Json)
        {
            Print(new { error = "failed", message });
        }
        else
        {
            Console.Error.WriteLine(Say("错误：", "error: ") + message);
        }
        return ExitCodes.Failed;
    }

    public static void Print(object value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>
    /// Runs long work under a progress bar when a person watches a terminal; silent for --json and pipes.
    /// Stages are shown with their own bars in the order they start.
    /// </summary>
    public async Task<T> WithProgressAsync<T>(string title, Func<Action<ImportProgress>, Task<T>> work)
    {
        if (Json || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await work(_ => { });
        }
        return await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                ProgressTask? last = null;
                var result = await work(p =>
                {
                    if (!tasks.TryGetValue(p.Stage, out var task))
                    {
                        if (last is not null)
                        {
                            last.Value = last.MaxValue;
                        }
                        task = ctx.AddTask(Markup.Escape(title + " · " + StageName(p.Stage)), maxValue: 1);
                        tasks[p.Stage] = task;
                        last = task;
                    }
                    task.Value = p.Total > 0 ? Math.Min(1, p.Done / p.Total) : 0;
                });
                foreach (var task in tasks.Values)
                {
                    task.Value = task.MaxValue;
                }
                return result;
            });
    }

    /// <summary>A spinner while a step without a measurable end runs, for a person at a terminal; silent for --json and pipes.</summary>
    public async Task<T> BusyAsync<T>(string title, Func<Task<T>> work) =>
        Json || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive
            ? await work()
            : await AnsiConsole.Status().StartAsync(Markup.Escape(title), _ => work());

    /// <summary>The database as it stands, for the commands that manage it (migrate, status, backup, restore).</summary>
    public LiaisonDb OpenRawDb() => Target.CreateContext();

    /// <summary>
    /// The database, its schema current (created on the spot for SQLite) and its keys checked: every
    /// command that reads or writes data opens it here, so none runs with a missing or wrong key file.
    /// </summary>
    public async Task<LiaisonDb> OpenDbAsync(CancellationToken ct)
    {
        var db = Target.CreateContext();
        try
        {
            await ImportCommands.EnsureSchemaAsync(this, db, ct);
            await Data.Privacy.KeyGuard.EnsureAsync(db, Clock, Data.Audit.Actor.Cli, ct);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    private static readonly Dictionary<string, (string Zh, string En)> Stages = new()
    {
        ["read"] = ("读取", "reading"),
        ["write"] = ("写入", "writing"),
        ["rows"] = ("读取并写入", "rows"),
        ["rollups"] = ("更新汇总", "rollups"),
        ["generate"] = ("生成", "generating"),
        ["divisions"] = ("行政区划", "divisions"),
        ["units"] = ("单位", "units"),
        ["cadres"] = ("干部", "cadres"),
        ["households"] = ("农户", "households"),
        ["done"] = ("完成", "done"),
        ["load"] = ("读取花名册与联系计划", "loading roster and plan"),
        ["plan"] = ("编制计划", "planning"),
        ["visits"] = ("入户走访", "visits"),
        ["stays"] = ("驻村", "stays"),
        ["activities"] = ("第一书记工作", "First Secretary activities"),
    };

    private string StageName(string stage) => Stages.TryGetValue(stage, out var s) ? Say(s.Zh, s.En) : stage;
}
