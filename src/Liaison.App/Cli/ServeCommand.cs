using System.CommandLine;
using Liaison.App.Web;

namespace Liaison.App.Cli;

/// <summary><c>liaison serve [--urls URL]</c>: the web app; also what <c>liaison</c> alone does.</summary>
public static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static readonly Option<string> Urls = new("--urls")
    {
        Description = "监听地址 / addresses to listen on",
        DefaultValueFactory = _ => DefaultUrls,
    };

    public static Command Build()
    {
        var serve = new Command("serve", "启动网页服务（默认命令）/ run the web app (the default command)") { Urls };
        serve.SetAction((parse, ct) => ServeAsync(parse.GetValue(CliOptions.Db), parse.GetValue(Urls) ?? DefaultUrls, [], ct));
        return serve;
    }

    public static async Task<int> ServeAsync(string? db, string urls, string[] hostSettings, CancellationToken ct)
    {
        var app = WebApp.Create(db, urls, hostSettings);
        // Refusals before the host starts: one message and an exit code, never a stack trace.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            try
            {
                await FirstStart.PrepareAsync(scope.ServiceProvider.GetRequiredService<Data.LiaisonDb>(), scope.ServiceProvider.GetRequiredService<Data.Database.DatabaseTarget>(), scope.ServiceProvider.GetRequiredService<TimeProvider>(), ct);
            }
            catch (Data.Privacy.KeysUnavailableException e)
            {
                Console.Error.WriteLine("错误：" + e.Describe().Zh);
                Console.Error.WriteLine("error: " + e.Describe().En);
                return ExitCodes.Failed;
            }
            catch (Exception e) when (Data.Database.DatabaseProblems.Describe(e, scope.ServiceProvider.GetRequiredService<Data.Database.DatabaseTarget>()) is { } said)
            {
                ErrorLog.Write(e);
                Console.Error.WriteLine("错误：" + said.Zh);
                Console.Error.WriteLine("error: " + said.En);
                return ExitCodes.Failed;
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or FormatException)
            {
                Console.Error.WriteLine("错误 / error: " + e.Message);
                return ExitCodes.Failed;
            }
        }
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls)
            {
                Console.WriteLine($"Liaison 驻村联系服务平台: {url}");
            }
            Console.WriteLine("按 Ctrl+C 停止 / press Ctrl+C to stop");
        });
        await app.RunAsync(ct);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Arguments that are all ASP.NET host settings (<c>--key=value</c>, as test hosts and operators
    /// pass them, e.g. <c>--Kestrel:Limits:MaxRequestBodySize=1000000</c>) mean: serve with them.
    /// </summary>
    public static bool IsHostSettings(string[] args) =>
        args.Length > 0 && args.All(a => a.StartsWith("--", StringComparison.Ordinal) && a.IndexOf('=', StringComparison.Ordinal) > 2
            && !OwnOptions.Contains(a[2..a.IndexOf('=', StringComparison.Ordinal)]));

    private static readonly HashSet<string> OwnOptions = new(StringComparer.OrdinalIgnoreCase) { "db", "lang", "json", "urls" };
}
