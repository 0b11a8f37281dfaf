using System.CommandLine;
using System.Diagnostics;
using Liaison.App.Cli;
using Liaison.App.Features.Policy;
using Liaison.Data.Audit;
using Liaison.Data.Liaisons;
using Liaison.Domain.Liaisons;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Liaisons;

/// <summary><c>liaison plan liaisons [--year Y] [--explain] [--since DATE]</c> and <c>liaison check [--year Y]</c>.</summary>
public static class LiaisonCommands
{
    /// <summary>The check found violations (like <c>audit verify</c> finding a broken chain).</summary>
    public const int Violations = 4;

    private const int ShownPerRule = 10;

    /// <summary>
    /// <c>--since DATE</c>: the day new ties (or postings) start, for a plan entered after the fact —
    /// the city demo's, made for the year as if at its start (<c>--since 2026-01-01</c>).
    /// </summary>
    public static Option<DateOnly?> SinceOption() => new("--since")
    {
        Description = "新安排的开始日期（默认：本年度为今天，其他年度为 1 月 1 日）/ the day new ties start (default: today in this year, 1 January in another)",
    };

    /// <summary>The day new ties start: <c>--since</c>, or the default <see cref="LiaisonTie.StartsOn"/> gives (the store refuses a day outside the year).</summary>
    public static DateOnly StartsOn(CommandRunner run, Option<DateOnly?> since, int year) =>
        run.Value(since) ?? LiaisonTie.StartsOn(year, ChinaTime.Today(run.Clock));

    public static Command Plan()
    {
        var year = PolicyCommands.YearOption();
        var explain = new Option<bool>("--explain") { Description = "逐条列出每项安排及理由 / list every change with its reason" };
        var since = SinceOption();
        var liaisons = new Command("liaisons", "按政策编制全部联系安排（保留手工和仍然有效的安排）/ plan every liaison mechanism (keeps hand-made and still valid ties)") { year, explain, since };
        liaisons.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var planYear = PolicyCommands.YearOf(run, year);
            var result = await run.WithProgressAsync(run.Say("联系计划", "liaison plan"), async progress =>
            {
                progress(new Data.Import.ImportProgress("plan", 0, 1));
                var r = await LiaisonStore.PlanAsync(db, run.Clock, Actor.Cli, planYear, ChinaTime.Today(run.Clock), StartsOn(run, since, planYear), ct);
                progress(new Data.Import.ImportProgress("plan", 1, 1));
                return r;
            });
            var o = result.Outcome;
            var gaps = ProfileGaps.Of(result.World.Places.Values);
            if (run.Json)
            {
                CommandRunner.Print(new
                {
                    year = result.Year,
                    policyVersion = result.PolicyVersion,
                    kept = o.Kept.Count,
                    added = o.Added.Count,
                    ended = o.Ended.Count,
                    stays = o.Stays.Count,
                    addedByKind = Enum.GetValues<TieKind>().ToDictionary(KindKey, k => o.Added.Count(t => t.Kind == k)),
                    changes = Changes(run, result),
                    violations = result.Check.Violations.Count,
                    coverage = result.Check.Coverage,
                    gaps = result.Check.Violations.Select(v => ToJson(run, v)),
                    profileGaps = gaps.ForPlan.Select(t => t.In(run.English)),
                    seconds = Math.Round(result.Seconds, 3),
                    phases = result.Phases,
                });
            }
            else
            {
                Console.WriteLine(run.Say(
                    $"{result.Year} 年度联系计划：保留 {o.Kept.Count} 项，新增 {o.Added.Count} 项，结束 {o.Ended.Count} 项，安排集中驻村 {o.Stays.Count} 次（{result.Seconds:0.0} 秒）。",
                    $"Liaison plan {result.Year}: kept {o.Kept.Count}, added {o.Added.Count}, ended {o.Ended.Count}, {o.Stays.Count} stays planned ({result.Seconds:0.0} s)."));
                foreach (var kind in Enum.GetValues<TieKind>().Where(k => o.Added.Any(t => t.Kind == k)))
                {
                    Console.WriteLine($"  + {Domain.Shared.Terms.TieKinds[kind].In(run.English)} {o.Added.Count(t => t.Kind == kind)}");
                }
                if (run.Value(explain))
                {
                    foreach (var change in Changes(run, result))
                    {
                        Console.WriteLine($"  {change.Sign} {change.Kind} {change.Who} → {change.Place}: {change.Reason}");
                    }
                }
                PrintCoverage(run, result.Check);
                PrintGaps(run, gaps);
                if (!result.Check.IsClean)
                {
                    Console.WriteLine(run.Say("计划仍有缺口（各条注明原因）：", "The plan still has gaps (each says why):"));
                    PrintViolations(run, result.Check);
                }
            }
            return ExitCodes.Ok;
        }));
        return new Command("plan", "编制计划 / planning") { liaisons, Secretaries.SecretaryCommands.Plan(), Village() };
    }

    /// <summary><c>liaison plan village CODE [--on DATE]</c>: who was tied to a division (and posted there) on a day, ended ties included — the plan's history.</summary>
    private static Command Village()
    {
        var code = new Argument<string>("code") { Description = "区划代码 / division code" };
        var on = new Option<DateOnly?>("--on") { Description = "日期（默认今天）/ the day (default today)" };
        var asUser = new Option<string?>("--as") { Description = "以该账户的权限范围查看 / within this account's jurisdiction" };
        var village = new Command("village", "某日联系该区划的干部与单位（含此后已结束的）/ who was tied to a division on a day (ties ended since included)") { code, on, asUser };
        village.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var who = await CliAccount.WhoAsync(db, run.Clock, run.Value(asUser), ct);
            var place = run.Value(code)!.Trim();
            var day = run.Value(on) ?? ChinaTime.Today(run.Clock);
            if (!who.Scoped.Covers(place) || !await who.Scoped.Divisions.AnyAsync(d => d.Code == place, ct))
            {
                throw new RefusedException(new Problem("code", $"行政区划 {place} 不存在或不在您的管辖范围内", $"division {place} does not exist or is outside your jurisdiction") { Code = "not-found" });
            }
            var ties = await (from t in TieHistory.HeldOn(who.Scoped.Ties.Where(t => t.DivisionCode == place), day)
                              join c in db.Cadres.AsNoTracking() on t.CadreId equals c.Id into cs
                              from c in cs.DefaultIfEmpty()
                              join u in who.Scoped.UnitNames on t.UnitId ?? c.UnitId equals u.Id into us
                              from u in us.DefaultIfEmpty()
                              orderby t.Kind, t.Id
                              select new { t, Cadre = c == null ? null : c.Code, Name = c == null ? null : c.Name, Unit = u == null ? null : u.Name }).ToListAsync(ct);
            var postings = await (from p in TieHistory.HeldOn(who.Scoped.Postings.Where(p => p.VillageCode == place), day)
                                  join c in db.Cadres.AsNoTracking() on p.CadreId equals c.Id
                                  orderby p.Id
                                  select new { p, c.Code, c.Name }).ToListAsync(ct);
            if (run.Json)
            {
                CommandRunner.Print(new
                {
                    division = place,
                    on = day,
                    ties = ties.Select(x => new { id = x.t.Id, kind = KindKey(x.t.Kind), cadre = x.Cadre, name = x.Name, unit = x.Unit, since = x.t.Since, until = x.t.Until, endReason = x.t.EndReason }),
                    firstSecretaries = postings.Select(x => new { id = x.p.Id, cadre = x.Code, name = x.Name, since = x.p.Since, until = x.p.Until, endReason = x.p.EndReason }),
                });
                return ExitCodes.Ok;
            }
            Console.WriteLine(run.Say($"{day:yyyy-MM-dd} 联系 {place} 的干部与单位：{ties.Count} 项；第一书记 {postings.Count} 名。", $"Tied to {place} on {day:yyyy-MM-dd}: {ties.Count}; First Secretaries: {postings.Count}."));
            static string Span(DateOnly since, DateOnly? until) => since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + (until is { } u ? " – " + u.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "");
            foreach (var x in ties)
            {
                Console.WriteLine($"  {Domain.Shared.Terms.TieKinds[x.t.Kind].In(run.English)} {(x.Name is null ? x.Unit : $"{x.Name}({x.Cadre}) {x.Unit}")} {Span(x.t.Since, x.t.Until)}{(x.t.EndReason is null ? "" : " " + x.t.EndReason)}");
            }
            foreach (var x in postings)
            {
                Console.WriteLine($"  {run.Say(Words.FirstSecretary)} {x.Name}({x.Code}) {Span(x.p.Since, x.p.Until)}{(x.p.EndReason is null ? "" : " " + x.p.EndReason)}");
            }
            return ExitCodes.Ok;
        }));
        return village;
    }

    public static Command Check()
    {
        var year = PolicyCommands.YearOption();
        var check = new Command("check", "按政策检查联系计划，列出全部违规 / check the liaison plan against the policy and list every violation (exit 4 when there are any)") { year };
        check.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var watch = Stopwatch.StartNew();
            var (result, world, policy) = await LiaisonStore.CheckAsync(db, PolicyCommands.YearOf(run, year), ct);
            var gaps = ProfileGaps.Of(world.Places.Values);
            if (run.Json)
            {
                CommandRunner.Print(new
                {
                    year = policy.Policy.Year,
                    policyVersion = policy.Version,
                    violations = result.Violations.Select(v => ToJson(run, v)),
                    coverage = result.Coverage,
                    byKind = result.ByKind.ToDictionary(kv => KindKey(kv.Key), kv => kv.Value),
                    byRule = result.Violations.GroupBy(v => v.Rule.Id).ToDictionary(g => g.Key, g => g.Count()),
                    profileGaps = gaps.ForPlan.Select(t => t.In(run.English)),
                    seconds = Math.Round(watch.Elapsed.TotalSeconds, 3),
                });
            }
            else
            {
                Console.WriteLine(run.Say($"{policy.Policy.Year} 年度联系计划检查：违规 {result.Violations.Count} 项。", $"Liaison plan {policy.Policy.Year}: {result.Violations.Count} violations."));
                foreach (var (kind, n) in result.ByKind)
                {
                    Console.WriteLine($"  {Domain.Shared.Terms.TieKinds[kind].In(run.English)} {n}");
                }
                PrintCoverage(run, result);
                PrintGaps(run, gaps);
                PrintViolations(run, result);
            }
            return result.IsClean ? ExitCodes.Ok : Violations;
        }));
        return check;
    }

    /// <summary>A tie kind as JSON names it, in commands and the API alike: contactPoint, pairing, ...</summary>
    public static string KindKey(TieKind kind) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    private static object ToJson(CommandRunner run, Violation v) => new
    {
        rule = v.Rule.Id,
        text = v.Rule.Text(run.English),
        detail = v.Detail(run.English),
        people = v.People,
        units = v.Units,
        places = v.Places,
        ties = v.Ties,
    };

    private static void PrintCoverage(CommandRunner run, CheckResult check) =>
        Console.WriteLine(run.Say($"覆盖：{check.Coverage.Covered}/{check.Coverage.Villages} 个村（社区）有干部联系。", $"Coverage: {check.Coverage.Covered} of {check.Coverage.Villages} villages have a tied cadre."));

    /// <summary>What the village profiles lack for the plan, said before anything is taken at face value.</summary>
    private static void PrintGaps(CommandRunner run, ProfileGaps gaps)
    {
        foreach (var gap in gaps.ForPlan)
        {
            Console.WriteLine(run.Say(Words.Note) + run.Say(gap));
        }
    }

    private static void PrintViolations(CommandRunner run, CheckResult check)
    {
        foreach (var group in check.Violations.GroupBy(v => v.Rule))
        {
            Console.WriteLine($"[{group.Key.Id}] {group.Key.Text(run.English)} — {group.Count()}");
            foreach (var v in group.Take(ShownPerRule))
            {
                Console.WriteLine("    " + v.Detail(run.English));
            }
            if (group.Count() > ShownPerRule)
            {
                Console.WriteLine(run.Say($"    …另有 {group.Count() - ShownPerRule} 项（--json 列出全部）", $"    … {group.Count() - ShownPerRule} more (--json lists all)"));
            }
        }
    }

    private sealed record Change(string Sign, string Kind, string Who, string Place, string? Reason);

    private static IEnumerable<Change> Changes(CommandRunner run, PlanRun result)
    {
        var world = result.World;
        string Who(LiaisonTie t) =>
            t.CadreId is { } c && world.CadresById.TryGetValue(c, out var cadre) ? $"{cadre.Name}({cadre.Code})"
            : t.UnitId is { } u && world.Units.TryGetValue(u, out var unit) ? $"{unit.Name}({unit.Code})" : "?";
        Change Of(string sign, LiaisonTie t, string? reason) =>
            new(sign, Domain.Shared.Terms.TieKinds[t.Kind].In(run.English), Who(t), $"{world.NameOf(t.DivisionCode)}({t.DivisionCode})", reason);
        return result.Outcome.Added.Select(t => Of("+", t, t.ReasonIn(run.English)))
            .Concat(result.Outcome.Ended.Select(e => Of("-", e.Tie, run.English ? e.ReasonEn : e.ReasonZh)));
    }
}
