using System.CommandLine;
using Liaison.App.Cli;
using Liaison.Data.Audit;
using Liaison.Data.Policy;
using Liaison.Domain.Policy;

namespace Liaison.App.Features.Policy;

/// <summary><c>liaison city show</c> and <c>liaison city set --code CODE [--name] [--title] [--telephone]</c>: whose programme the database holds.</summary>
public static class CityCommands
{
    public static Command Build()
    {
        var show = new Command("show", "显示本库所属城市 / show the city this database holds");
        show.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var city = await CityStore.GetAsync(db, ct);
            if (run.Json)
            {
                CommandRunner.Print(city is null ? new { city = (object?)null } : new { city = (object?)Json(city) });
            }
            else
            {
                Console.WriteLine(city is null
                    ? run.Say("尚未设置城市，也无法从行政区划看出：请先导入行政区划，或运行 liaison city set --code 市代码",
                              "No city is set, and the divisions do not show one: import the divisions, or run liaison city set --code CITY_CODE")
                    : Describe(run, city));
            }
            return ExitCodes.Ok;
        }));

        var code = new Option<string>("--code") { Description = "地级市行政区划代码（4 位），如 3713 / the city's division code (4 digits), e.g. 3713", Required = true };
        var name = new Option<string?>("--name") { Description = "城市名称（默认取行政区划名称）/ the city's name (default: the division's)" };
        var title = new Option<string?>("--title") { Description = "本市驻村联系工作的名称 / the title of the city's programme" };
        var telephone = new Option<string?>("--telephone") { Description = "监督电话（公开页面公布）/ the supervision telephone published on public pages" };
        var set = new Command("set", "记录本库所属城市：默认政策、公开页面、模板示例都以此为准 / record the city: the default policy, public pages and template examples follow it")
        {
            code, name, title, telephone,
        };
        set.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var city = await CityStore.SetAsync(db, run.Clock, Actor.Cli, run.Value(code)!, run.Value(name), run.Value(title), run.Value(telephone), isDemo: false, ct);
            if (run.Json)
            {
                CommandRunner.Print(new { city = Json(city) });
            }
            else
            {
                Console.WriteLine(run.Say("已记录：", "Recorded: ") + Describe(run, city));
            }
            return ExitCodes.Ok;
        }));
        return new Command("city", "本库所属城市（名称、代码、监督电话）/ the city this database holds (name, code, supervision telephone)") { show, set };
    }

    private static object Json(CityIdentity city) => new { code = city.Code, name = city.Name, title = city.Title, programme = city.Programme.Zh, telephone = city.Telephone, demo = city.IsDemo };

    private static string Describe(CommandRunner run, CityIdentity city) =>
        run.Say($"{city.Name}（{city.Code}）· {city.Programme.Zh} · 监督电话：{city.Telephone ?? "未设置"}{(city.IsDemo ? " · 演示数据" : "")}",
                $"{city.Name} ({city.Code}) · {city.Programme.En} · supervision telephone: {city.Telephone ?? "not set"}{(city.IsDemo ? " · demo data" : "")}");
}
