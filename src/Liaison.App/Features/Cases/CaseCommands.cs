using System.CommandLine;
using Liaison.App.Cli;
using Liaison.Data.Audit;
using Liaison.Data.Cases;

namespace Liaison.App.Features.Cases;

/// <summary><c>liaison cases escalate|take-up</c> and <c>liaison cards print</c>.</summary>
public static class CaseCommands
{
    public static Command Cases()
    {
        var escalate = new Command("escalate", "把超过办理时限的事项上报一级（服务器每 5 分钟自动执行）/ pass up every case past its deadline (the server does this every 5 minutes)");
        escalate.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var n = await CaseStore.EscalateOverdueAsync(db, run.Clock, ct);
            Report(run, new { escalated = n }, $"已上报 {n} 件超期事项", $"{n} overdue cases escalated");
            return ExitCodes.Ok;
        }));
        var takeUp = new Command("take-up", "把走访中群众反映的问题登记为事项 / take up the issues raised on visits as cases");
        takeUp.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            await using var db = await run.OpenDbAsync(ct);
            var total = 0;
            for (int n; (n = await CaseStore.TakeUpVisitIssuesAsync(db, run.Clock, 5_000, ct)) > 0;)
            {
                total += n;
            }
            Report(run, new { takenUp = total }, $"已登记 {total} 件走访问题", $"{total} visit issues taken up as cases");
            return ExitCodes.Ok;
        }));
        return new Command("cases", "群众诉求 / the masses' cases") { escalate, takeUp };
    }

    public static Command Cards()
    {
        var village = new Option<string>("--village") { Description = "村代码 / village code", Required = true };
        var output = new Option<string?>("--out") { Description = "PDF 文件（默认 cards-村代码.pdf）/ the PDF file (default cards-VILLAGE.pdf)" };
        var baseUrl = new Option<string>("--base-url")
        {
            Description = "群众手机能打开的本平台地址，二维码指向这里 / the address villagers' phones reach; the QR codes lead there",
            Required = true,
        };
        var print = new Command("print", "打印一个村的民情联系卡（PDF，含二维码）/ print a village's contact cards (PDF with QR codes)") { village, output, baseUrl };
        print.SetAction(CommandRunner.Action(async (run, ct) =>
        {
            var url = run.Value(baseUrl)!;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
            {
                return run.Fail(run.Say($"--base-url：“{url}”不是 http(s) 地址", $"--base-url: '{url}' is not an http(s) address"));
            }
            await using var db = await run.OpenDbAsync(ct);
            List<ContactCard> cards;
            try
            {
                cards = await ContactCards.ForVillageAsync(db, Data.Access.Scoped.Operator(db), run.Clock, run.Value(village)!.Trim(), url, ct);
            }
            catch (ArgumentException e)
            {
                return run.Fail("--village: " + e.Message.Split(" (Parameter", 2)[0]);
            }
            var file = run.Value(output) ?? $"cards-{cards[0].VillageCode}.pdf";
            await File.WriteAllBytesAsync(file, ContactCards.Pdf(cards), ct);
            // Cards are printed for a village's people: who printed which, on the record.
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                await AuditLog.AppendAsync(db, run.Clock, Actor.Cli, new AuditRecord("cards.print", "village", cards[0].VillageCode, cards[0].VillageCode, null, new { cards = cards.Count, file = Path.GetFileName(file) }), ct);
                await tx.CommitAsync(ct);
            }
            Report(run, new { village = cards[0].VillageCode, cards = cards.Count, file }, $"已生成 {cards.Count} 张联系卡：{file}", $"{cards.Count} cards written to {file}");
            return ExitCodes.Ok;
        }));
        return new Command("cards", "民情联系卡 / contact cards") { print };
    }

    private static void Report(CommandRunner run, object json, string zh, string en)
    {
        if (run.Json)
        {
            CommandRunner.Print(json);
        }
        else
        {
            Console.WriteLine(run.Say(zh, en));
        }
    }
}
