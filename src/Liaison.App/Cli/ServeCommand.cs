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
        serve.SetAction(async (parse, ct) =>
        {
            var app = WebApp.Create(parse.GetValue(CliOptions.Db), parse.GetValue(Urls) ?? DefaultUrls);
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
        });
        return serve;
    }
}
