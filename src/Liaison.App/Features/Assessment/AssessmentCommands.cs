using System.CommandLine;
using Liaison.App.Cli;
using Liaison.Data.Assessment;
using Liaison.Data.Liaisons;
using Liaison.Data.Policy;
using Liaison.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Assessment;

/// <summary>
/// 年度考核 on the command line: <c>assessment run</c> computes a group's year under a division (the
/// city's by default) and prints each person's score, grade and parts; <c>assessment publish</c>
/// publishes a run.
/// </summary>
public static class AssessmentCommands
{
    public static Command Build()
    {
        var command = new Command("assessment", "年度考核 / the year-end assessment");
        command.Subcommands.Add(Run());
        command.Subcommands.Add(Publish());
        return command;
    }

    private static Option<string?> AsOption() => new("--as") { Description = "以该账户的权限范围办理 / within this account's jurisdiction" };

    private static Command Run()
    {
        var year = new Option<int>("--year") { Description = "考核年度，如 2025 / the year assessed", Required = true };
        var group = new Option<string>("--group") { Description = "first-secretaries | stationed-cadres", Required = true };
        var division = new Option<string?>("--division") { Description = "行政区划代码（默认全市）/ division code (default: the city)" };
        var asUser = AsOption();
        var run = new Command("run", "按政策的考核方案从全年记录计算得分和等次（草稿，可调整后公布）/ compute scores and grades from the year's records (a draft, to adjust and publish)") { year, group, division, asUser };
        run.SetAction(CommandRunner.Action(async (r, ct) =>
        {
            await using var db = await r.OpenDbAsync(ct);
            var who = await CliAccount.WhoAsync(db, r.Clock, r.Value(asUser), ct);
            var code = r.Value(division) ?? (await CityStore.GetAsync(db, ct))?.Code;
            if (code is null)
            {
                return r.Fail(r.Say("--division：尚未设置城市，请指定区划", "--division: no city is set; name a division"));
            }
            var assessed = await r.BusyAsync(r.Say("计算考核得分", "Computing the assessment"), () =>
                AssessmentStore.RunAsync(db, r.Clock, new OfficeActor(who.Actor.Name, who.Scoped.Covers), r.Value(year), r.Value(group), code, ct));
            var policy = (await PolicyStore.GetAsync(db, assessed.Year, ct)).Policy;
            var scheme = policy.Assessment.For(assessed.Group)!;
            using var outside = Data.Access.Unscoped.Section("the CLI prints the run its actor just made under its own jurisdiction");
            var results = await AssessmentRows.NameAsync(db, Data.Access.Scoped.Public(db),
                await db.AssessmentResults.AsNoTracking().Where(x => x.RunId == assessed.Id).OrderBy(x => x.Rank).ThenBy(x => x.Id).ToListAsync(ct), ct);
            var ids = results.Select(x => x.Result.Id).ToList();
            var parts = (await db.AssessmentParts.AsNoTracking().Where(p => ids.Contains(p.ResultId)).OrderBy(p => p.Id).ToListAsync(ct)).ToLookup(p => p.ResultId);
            var kind = AssessmentGroups.KindOf(assessed.Group);
            var grades = scheme.Bands.Select(b => new { grade = b.Code, name = r.English && b.EnglishName.Length > 0 ? b.EnglishName : b.Name, count = results.Count(x => x.Result.Grade == b.Code) }).ToList();
            if (r.Json)
            {
                CommandRunner.Print(new
                {
                    run = assessed.Id,
                    year = assessed.Year,
                    group = assessed.Group,
                    division = assessed.DivisionCode,
                    assessed = assessed.Assessed,
                    topAllowed = assessed.TopAllowed,
                    grades,
                    // "people" for every group (a unit's or a division's rows too), each with its code: the cadre's staff number, the unit's code or the division's.
                    people = results.Select(row => (Row: row, x: row.Result)).Select(y => new
                    {
                        cadre = kind == AssessedKind.Person ? y.Row.Code : null,
                        unit = kind == AssessedKind.Unit ? y.Row.Code : null,
                        division = kind == AssessedKind.Division ? y.Row.Code : null,
                        name = y.Row.Name,
                        village = y.x.VillageCode,
                        score = y.x.Score,
                        raw = y.x.Raw,
                        adjustment = y.x.Adjustment,
                        grade = y.x.Grade,
                        rank = y.x.Rank,
                        capped = y.x.Capped,
                        veto = y.x.Veto,
                        page = $"/assessment/results/{y.x.Id}",
                        components = parts[y.x.Id].Select(p => new { code = p.Code, weight = p.Weight, score = p.Score, points = p.Points, detail = r.English ? p.DetailEn : p.Detail, link = p.Link }),
                    }),
                });
            }
            else
            {
                Console.WriteLine(r.Say($"考核 {assessed.Id}：{assessed.Year} 年{AssessmentGroups.Name(assessed.Group).Zh}（{assessed.DivisionCode}）{assessed.Assessed} 人；最高等次不超过 {assessed.TopAllowed} 人。",
                    $"Assessment {assessed.Id}: {assessed.Year}, {AssessmentGroups.Name(assessed.Group).En} under {assessed.DivisionCode}, {assessed.Assessed} assessed; the top grade for at most {assessed.TopAllowed}."));
                Console.WriteLine(string.Join(r.Say(Domain.Shared.Words.PhraseSeparator), grades.Select(g => $"{g.name} {g.count}")));
                foreach (var (row, x) in results.Take(20).Select(row => (row, row.Result)))
                {
                    Console.WriteLine($"{x.Rank,5} {row.Code,-12} {row.Name,-6} {x.Score,6:0.00} {scheme.Bands.First(b => b.Code == x.Grade).Name}{(x.Capped ? r.Say(AssessmentWords.Capped) : "")}{(x.Veto is { } v ? r.Say($"（一票否决：{v}）", $" (vetoed: {v})") : "")}");
                }
                if (results.Count > 20)
                {
                    Console.WriteLine(r.Say($"……其余 {results.Count - 20} 人见 --json 或页面 /assessment/runs/{assessed.Id}", $"… {results.Count - 20} more in --json or on /assessment/runs/{assessed.Id}"));
                }
            }
            return ExitCodes.Ok;
        }));
        return run;
    }

    private static Command Publish()
    {
        var id = new Option<long>("--run") { Description = "考核编号 / the run's id", Required = true };
        var asUser = AsOption();
        var publish = new Command("publish", "公布考核结果：被考核人可查看本人结果并申诉 / publish: each person reads their own result and may appeal") { id, asUser };
        publish.SetAction(CommandRunner.Action(async (r, ct) =>
        {
            await using var db = await r.OpenDbAsync(ct);
            var who = await CliAccount.WhoAsync(db, r.Clock, r.Value(asUser), ct);
            await AssessmentStore.PublishAsync(db, r.Clock, new OfficeActor(who.Actor.Name, who.Scoped.Covers), r.Value(id), ct);
            if (r.Json)
            {
                CommandRunner.Print(new { run = r.Value(id), published = true });
            }
            else
            {
                Console.WriteLine(r.Say($"考核 {r.Value(id)} 已公布。", $"Assessment {r.Value(id)} published."));
            }
            return ExitCodes.Ok;
        }));
        return publish;
    }
}
