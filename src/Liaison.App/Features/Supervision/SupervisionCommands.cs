using System.CommandLine;
using System.Globalization;
using Liaison.App.Cli;
using Liaison.Data.Demo;
using Liaison.Data.Liaisons;
using Liaison.Data.Policy;
using Liaison.Data.Supervision;
using Liaison.Domain.Shared;
using Liaison.Domain.Supervision;

namespace Liaison.App.Features.Supervision;

/// <summary>
/// 督查 on the command line: <c>supervision sample</c> draws a call sample, <c>supervision estimate</c>
/// gives its confirmation rate with the interval and the villages and cadres flagged; <c>demo calls</c>
/// answers a sample's calls from the demo's truth.
/// </summary>
public static class SupervisionCommands
{
    private static Option<string?> AsOption() => new("--as") { Description = "以该账户的权限范围办理 / within this account's jurisdiction" };

    private static Option<long> SampleOption() => new("--sample") { Description = "样本编号 / the sample's id", Required = true };

    public static Command Build()
    {
        var command = new Command("supervision", "督查：电话核实抽样与结果 / supervision: call samples and their results");
        command.Subcommands.Add(Sample());
        command.Subcommands.Add(Estimate());
        return command;
    }

    private static Command Sample()
    {
        var division = new Option<string>("--division") { Description = "行政区划代码（如县 370830）/ division code (e.g. the county 370830)", Required = true };
        var from = new Option<string?>("--from") { Description = "走访期间起，如 2026-01-01（默认本年 1 月 1 日）/ first day of the visits (default 1 January)" };
        var to = new Option<string?>("--to") { Description = "走访期间止（默认昨天）/ last day of the visits (default yesterday)" };
        var design = new Option<string>("--design") { Description = "simple | township | village | cadre | unit | flags（默认按乡镇分层）/ (default: strata by township)", DefaultValueFactory = _ => "township" };
        var size = new Option<int?>("--size") { Description = "样本量（默认按政策精度计算）/ sample size (default: from the policy's precision)" };
        var seed = new Option<int?>("--seed") { Description = "随机种子（默认随机，记入样本以便重抽）/ seed (default: random, kept with the sample)" };
        var asUser = AsOption();
        var sample = new Command("sample", "从期间内记录的入户走访中抽取电话核实样本 / draw a sample of the period's visits to verify by telephone") { division, from, to, design, size, seed, asUser };
        sample.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            var today = ChinaTime.Today(run.Clock);
            if (Day(run, from, new DateOnly(today.Year, 1, 1)) is not { } first || Day(run, to, today.AddDays(-1)) is not { } last)
            {
                return run.Fail(run.Say("--from/--to：日期写作 2026-01-31", "--from/--to: write a day as 2026-01-31"));
            }
            if (Designs.Parse(run.Value(design)!) is not { } d)
            {
                return run.Fail(run.Say("--design：simple、township、village、cadre、unit 或 flags", "--design: simple, township, village, cadre, unit or flags"));
            }
            await using var db = await run.OpenDbAsync(ct);
            var who = await CliAccount.WhoAsync(db, run.Clock, run.Value(asUser), ct);
            var drawn = await CallSampleStore.DrawAsync(db, run.Clock, new OfficeActor(who.Actor.Name, who.Scoped.Covers),
                new SampleInput(run.Value(division), first, last, d, run.Value(size), run.Value(seed)), ct);
            var s = drawn.Sample;
            if (run.Json)
            {
                CommandRunner.Print(new
                {
                    sample = s.Id,
                    division = s.DivisionCode,
                    from = s.From,
                    to = s.To,
                    design = Designs.Key(s.Design),
                    seed = s.Seed,
                    frame = s.FrameSize,
                    margin = s.Margin,
                    confidence = s.Confidence,
                    needed = drawn.Needed,
                    sampled = drawn.Drawn,
                });
            }
            else
            {
                Console.WriteLine(run.Say(
                    $"样本 {s.Id}：{s.From:yyyy-MM-dd} 至 {s.To:yyyy-MM-dd} 记录的入户走访 {s.FrameSize:N0} 次中，按{Designs.Name(s.Design).Zh}抽取 {drawn.Drawn:N0} 户（种子 {s.Seed}）；误差 ±{s.Margin * 100:0.#} 个百分点、置信度 {s.Confidence * 100:0.#}% 需接通 {drawn.Needed:N0} 户。",
                    $"Sample {s.Id}: {drawn.Drawn:N0} of the {s.FrameSize:N0} visits recorded from {s.From:yyyy-MM-dd} to {s.To:yyyy-MM-dd}, {Designs.Name(s.Design).En} (seed {s.Seed}); ±{s.Margin * 100:0.#} points at {s.Confidence * 100:0.#}% needs {drawn.Needed:N0} households reached."));
            }
            return ExitCodes.Ok;
        }));
        return sample;
    }

    private static Command Estimate()
    {
        var sample = SampleOption();
        var asUser = AsOption();
        var estimate = new Command("estimate", "样本的核实率、置信区间和需暗访的村与干部 / a sample's confirmation rate, its interval, and the villages and cadres flagged") { sample, asUser };
        estimate.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var who = await CliAccount.WhoAsync(db, run.Clock, run.Value(asUser), ct);
            var id = run.Value(sample);
            var rules = (await PolicyStore.GetAsync(db, ChinaTime.Today(run.Clock).Year, ct)).Policy.Supervision;
            if (await SampleResults.ReadAsync(who.Scoped, id, rules, ct) is not { } result)
            {
                return run.Fail(run.Say($"--sample：没有样本 {id}，或不在你的范围内", $"--sample: no sample {id} within your reach"));
            }
            var e = result.Estimate;
            if (run.Json)
            {
                CommandRunner.Print(new
                {
                    sample = id,
                    division = result.Sample.DivisionCode,
                    sampled = e?.Sampled ?? 0,
                    called = e?.Called ?? 0,
                    reached = e?.Reached ?? 0,
                    unreached = e?.Unreached ?? 0,
                    confirmed = e?.Confirmed ?? 0,
                    rate = Round(e?.Rate),
                    low = Round(e?.Low),
                    high = Round(e?.High),
                    interval = e?.Method.ToString(),
                    confidence = result.Sample.Confidence,
                    frame = result.Sample.FrameSize,
                    genuine = Round(e?.Genuine, 0),
                    genuineLow = Round(e?.GenuineLow, 0),
                    genuineHigh = Round(e?.GenuineHigh, 0),
                    test = result.Method,
                    alpha = result.Alpha,
                    flaggedVillages = result.Villages.Select(Flag),
                    flaggedCadres = result.Cadres.Select(Flag),
                });
                return ExitCodes.Ok;
            }
            if (e is null)
            {
                Console.WriteLine(run.Say("尚未接通任何农户，无结果。", "No household reached yet: no result."));
                return ExitCodes.Ok;
            }
            Console.WriteLine(run.Say(
                $"抽取 {e.Sampled:N0} 户，已拨打 {e.Called:N0}，接通 {e.Reached:N0}（未接通 {e.Unreached:N0}，不计为证实），证实走访 {e.Confirmed:N0}。",
                $"{e.Sampled:N0} drawn, {e.Called:N0} called, {e.Reached:N0} reached ({e.Unreached:N0} not reached, never counted as confirming), {e.Confirmed:N0} confirmed the visit."));
            Console.WriteLine(run.Say(
                $"核实率 {e.Rate:P1}（{result.Sample.Confidence:P0} 置信区间 {e.Low:P1}–{e.High:P1}）；{result.Sample.FrameSize:N0} 次走访中真实约 {e.Genuine:N0} 次（{e.GenuineLow:N0}–{e.GenuineHigh:N0}）。",
                $"Confirmed {e.Rate:P1} ({result.Sample.Confidence:P0} interval {e.Low:P1}–{e.High:P1}); of {result.Sample.FrameSize:N0} visits about {e.Genuine:N0} genuine ({e.GenuineLow:N0}–{e.GenuineHigh:N0})."));
            Console.WriteLine(run.Say($"需暗访（{result.Method}，α = {result.Alpha}）：", $"Flagged for inspection ({result.Method}, α = {result.Alpha}):"));
            foreach (var f in result.Villages.Concat(result.Cadres))
            {
                Console.WriteLine(run.Say($"  {f.Name}：接通 {f.Test.Reached}，未证实 {f.Test.Unconfirmed}，校正后 p {PValue(f.Test.Adjusted)}",
                    $"  {f.Name}: {f.Test.Reached} reached, {f.Test.Unconfirmed} unconfirmed, adjusted p {PValue(f.Test.Adjusted)}"));
            }
            return ExitCodes.Ok;
        }));
        return estimate;
    }

    /// <summary><c>liaison demo calls --sample ID</c>: the demo's households answer a sample's pending calls from the demo's truth, which it prints beside.</summary>
    public static Command DemoCalls()
    {
        var sample = SampleOption();
        var command = new Command("calls", "演示：按演示数据的真实情况接听样本中待拨打的电话 / demo: answer a sample's pending calls from the demo's truth") { sample };
        command.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var id = run.Value(sample);
            var scoped = Data.Access.Scoped.Operator(db);
            if (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(scoped.CallSamples, s => s.Id == id, ct) is not { } s)
            {
                return run.Fail(run.Say($"--sample：没有样本 {id}", $"--sample: no sample {id}"));
            }
            var answered = await run.BusyAsync(run.Say("接听电话", "Answering the calls"),
                () => DemoTruth.AnswerAsync(db, run.Clock, new OfficeActor(Data.Audit.Actor.Cli.Name, _ => true), id, ct));
            var truth = await DemoTruth.CountAsync(db, s.DivisionCode, s.From, s.To, ct);
            if (run.Json)
            {
                CommandRunner.Print(new { sample = id, answered, visits = truth.Visits, genuine = truth.Genuine, trueRate = Round(truth.Rate), dishonestVillages = truth.DishonestVillages });
            }
            else
            {
                Console.WriteLine(run.Say(
                    $"已接听 {answered} 个电话。演示数据的真实情况：{truth.Visits:N0} 次走访中真实 {truth.Genuine:N0} 次（{truth.Rate:P2}）；弄虚作假的村 {truth.DishonestVillages.Count} 个：{string.Join("、", truth.DishonestVillages)}",
                    $"{answered} calls answered. The demo's truth: {truth.Genuine:N0} of {truth.Visits:N0} visits genuine ({truth.Rate:P2}); {truth.DishonestVillages.Count} dishonest villages: {string.Join(", ", truth.DishonestVillages)}"));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static object Flag(FlaggedGroup f) => new
    {
        key = f.Key,
        name = f.Name,
        reached = f.Test.Reached,
        unconfirmed = f.Test.Unconfirmed,
        p = f.Test.PValue,
        adjusted = f.Test.Adjusted,
    };

    /// <summary>A p-value as a report gives it: "&lt; 0.0001" below that, else four places.</summary>
    public static string PValue(double p) => p < 0.0001 ? "< 0.0001" : "= " + p.ToString("0.0000", CultureInfo.InvariantCulture);

    private static double? Round(double? value, int places = 4) => value is { } v ? Math.Round(v, places) : null;

    private static DateOnly? Day(CommandRunner run, Option<string?> option, DateOnly fallback) =>
        run.Value(option) is not { } text ? fallback
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
