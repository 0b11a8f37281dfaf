using System.CommandLine;
using Liaison.App.Cli;
using Liaison.Data.Liaisons;
using Liaison.Data.Years;

namespace Liaison.App.Features.Years;

/// <summary>
/// 年度关账与开年 on the command line: <c>year close Y</c> after the year's assessment is published
/// (records frozen, the report archived), <c>year open Y+1</c> to begin the next year from it,
/// <c>year reopen Y --reason</c> to amend a closed year's records (audited), closed again after.
/// </summary>
public static class YearCommands
{
    public static Command Build()
    {
        var command = new Command("year", "年度关账与开年 / closing a year and opening the next");
        command.Subcommands.Add(Close());
        command.Subcommands.Add(Open());
        command.Subcommands.Add(Reopen());
        return command;
    }

    private static Option<string?> AsOption() => new("--as") { Description = "以该账户的权限范围办理 / within this account's jurisdiction" };

    private static Command Close()
    {
        var year = new Argument<int>("YEAR") { Description = "关账的年度，如 2025 / the year to close" };
        var asUser = AsOption();
        var close = new Command("close", "年度考核公布后关账：当年记录不再新增或修改，归档全年报表 / close a year once its assessment is published: its records frozen, its report archived") { year, asUser };
        close.SetAction(CommandRunner.Action(async (r, ct) =>
        {
            await using var db = await r.OpenDbAsync(ct);
            var who = await CliAccount.WhoAsync(db, r.Clock, r.Value(asUser), ct);
            var closed = await YearStore.CloseAsync(db, r.Clock, new OfficeActor(who.Actor.Name, who.Scoped.Covers), r.Value(year), ct);
            if (r.Json)
            {
                CommandRunner.Print(new { year = closed.Year, closed = true, closedAt = closed.ClosedAt });
            }
            else
            {
                Console.WriteLine(r.Say($"{closed.Year} 年度已关账：当年的走访、驻村、第一书记工作、夜谈夜访和实事记录不再新增或修改，全年报表已归档。",
                    $"{closed.Year} is closed: its visits, stays, First Secretary activities, night sessions and deeds are frozen, and its report is archived."));
            }
            return ExitCodes.Ok;
        }));
        return close;
    }

    private static Command Reopen()
    {
        var year = new Argument<int>("YEAR") { Description = "重新打开的年度 / the closed year to reopen" };
        var reason = new Option<string?>("--reason") { Description = "更正的理由（必填，记入审计日志）/ why the year's records are amended (required, audited)" };
        var asUser = AsOption();
        var reopen = new Command("reopen", "重新打开已关账的年度以更正记录（写明理由），更正后再次关账 / reopen a closed year to amend its records, with a reason; close it again after") { year, reason, asUser };
        reopen.SetAction(CommandRunner.Action(async (r, ct) =>
        {
            await using var db = await r.OpenDbAsync(ct);
            var who = await CliAccount.WhoAsync(db, r.Clock, r.Value(asUser), ct);
            var y = await YearStore.ReopenAsync(db, r.Clock, new OfficeActor(who.Actor.Name, who.Scoped.Covers), r.Value(year), r.Value(reason), ct);
            if (r.Json)
            {
                CommandRunner.Print(new { year = y.Year, closed = false, reopenedAt = y.ReopenedAt, reason = y.ReopenReason });
            }
            else
            {
                Console.WriteLine(r.Say($"{y.Year} 年度已重新打开以更正记录；更正后请再次关账（liaison year close {y.Year}）。",
                    $"{y.Year} is reopened for amendment; close it again after (liaison year close {y.Year})."));
            }
            return ExitCodes.Ok;
        }));
        return reopen;
    }

    private static Command Open()
    {
        var year = new Argument<int>("YEAR") { Description = "开年的年度，如 2026 / the year to open" };
        var asUser = AsOption();
        var open = new Command("open", "从上一年度开年：延续政策（待审定）、联系关系、任期未满的第一书记、未办结的诉求和整改，重新倒排后进村并编制计划 / begin a year from the last") { year, asUser };
        open.SetAction(CommandRunner.Action(async (r, ct) =>
        {
            await using var db = await r.OpenDbAsync(ct);
            var who = await CliAccount.WhoAsync(db, r.Clock, r.Value(asUser), ct);
            var o = await r.BusyAsync(r.Say("开年并编制计划", "Opening the year and planning it"),
                () => YearStore.OpenAsync(db, r.Clock, new OfficeActor(who.Actor.Name, who.Scoped.Covers), r.Value(year), ct));
            var backward = o.Plan.World.Ties.Count(t => t.Year == o.Year && t.Until == null && t.Kind == Domain.Liaisons.TieKind.BackwardVillage);
            if (r.Json)
            {
                CommandRunner.Print(new
                {
                    year = o.Year,
                    policyCarried = o.PolicyCarried,
                    tiesCarried = o.TiesCarried,
                    secretariesCarried = o.SecretariesCarried,
                    secretariesTermEnded = o.SecretariesTermEnded,
                    secretariesRecalled = o.SecretariesRecalled,
                    openCases = o.OpenCases,
                    openOrders = o.OpenOrders,
                    planAdded = o.Plan.Outcome.Added.Count,
                    planEnded = o.Plan.Outcome.Ended.Count,
                    backwardVillages = backward,
                    violations = o.Plan.Check.Violations.Count,
                });
            }
            else
            {
                Console.WriteLine(r.Say(
                    $"{o.Year} 年度已开年：{(o.PolicyCarried ? "沿用上一年度政策（请审定）；" : "")}延续联系 {o.TiesCarried} 条；第一书记任期延续 {o.SecretariesCarried} 名（任期届满 {o.SecretariesTermEnded} 名、考核末等召回 {o.SecretariesRecalled} 名）；未办结诉求 {o.OpenCases} 件、整改 {o.OpenOrders} 项继续办理。重新编制计划：新增 {o.Plan.Outcome.Added.Count} 条、调整结束 {o.Plan.Outcome.Ended.Count} 条，后进村包保 {backward} 个（按分类定级重新倒排）。",
                    $"{o.Year} is open: {(o.PolicyCarried ? "last year's policy carried (review it); " : "")}{o.TiesCarried} ties carried; {o.SecretariesCarried} First Secretaries continue ({o.SecretariesTermEnded} terms ended, {o.SecretariesRecalled} recalled on their grade); {o.OpenCases} open cases and {o.OpenOrders} rectification orders go on. Planned again: {o.Plan.Outcome.Added.Count} ties added, {o.Plan.Outcome.Ended.Count} ended, {backward} backward villages taken (ranked afresh from the grading)."));
            }
            return ExitCodes.Ok;
        }));
        return open;
    }
}
