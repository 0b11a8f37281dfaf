using System.Net;
using System.Text.RegularExpressions;
using Liaison.App.Cli;
using Liaison.Data.Cases;
using Liaison.Domain.Cases;
using Liaison.Domain.Shared;
using Liaison.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Liaison.App.Tests;

/// <summary>Cases on the web: the public form and tracking page, the handlers' pages, the cards and the clock.</summary>
[Collection("console")]
public sealed partial class CaseWebTests : IAsyncLifetime
{
    private const string Village = "370830001001";
    private TempSqlite _file = null!;
    private WebApplicationFactory<Program> _host = null!;

    public async Task InitializeAsync()
    {
        _file = await TempSqlite.WithPlannedSmallDemoAsync();
        await TestAccounts.CreateAsync(_file.Target);
        _host = AppFixture.Host(_file);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _file.DisposeAsync();
    }

    private async Task<HttpClient> SignedInAsync(string name, WebApplicationFactory<Program>? host = null)
    {
        var client = AppFixture.ClientOf(host ?? _host);
        Assert.True(TestAccounts.IsSignedIn(await TestAccounts.SignInAsync(client, name)));
        return client;
    }

    /// <summary>Files a case through the public form as a villager does; returns the response and the page.</summary>
    private static async Task<(HttpResponseMessage Response, string Html)> FileAsync(HttpClient client, string description, string? phone = null)
    {
        var form = await client.GetStringAsync($"/public/report/{Village}");
        var response = await client.PostAsync($"/public/report/{Village}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Kind"] = "Problem",
            ["Category"] = "infrastructure",
            ["Description"] = description,
            ["Phone"] = phone ?? "",
            ["__RequestVerificationToken"] = TestAccounts.FormToken(form),
        }));
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts the case page's action form as the browser does, token and all.</summary>
    private static async Task<HttpResponseMessage> ActAsync(HttpClient client, long id, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = TestAccounts.FormToken(await client.GetStringAsync($"/cases/{id}"));
        return await client.PostAsync($"/cases/{id}", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("data-testid=\"tracking-code\">([0-9A-Z-]+)<")]
    private static partial Regex Code();

    [Fact]
    public async Task A_villager_files_without_signing_in_follows_the_case_by_code_and_script_stays_text()
    {
        var villager = _host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var (response, html) = await FileAsync(villager, "<script>alert('x')</script>村口的桥有裂缝", "13905370000");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var code = Code().Match(html).Groups[1].Value;
        Assert.Equal(14, code.Length);

        var track = await villager.GetStringAsync($"/public/track?code={code}");
        Assert.Contains("已收到", track, StringComparison.Ordinal);
        Assert.DoesNotContain("13905370000", track, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", track, StringComparison.Ordinal);
        // A code made up is simply unknown.
        Assert.Contains("没有这个查询码", await villager.GetStringAsync("/public/track?code=2345-6789-ABCD"), StringComparison.Ordinal);

        await using var db = _file.Target.CreateContext();
        var stored = await db.Cases.AsNoTracking().SingleAsync(c => c.TrackingCode == TrackingCode.Normalize(code));
        Assert.Equal((CaseChannel.ContactCard, "public", Village), (stored.Channel, stored.ReceivedBy, stored.VillageCode));
        Assert.StartsWith("<script>", stored.Description, StringComparison.Ordinal);
        // The office reads it as text, never as markup; the phone masked.
        var office = await SignedInAsync("office");
        var page = await office.GetStringAsync($"/cases/{stored.Id}");
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("13905370000", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_form_refuses_a_flood_from_one_address_and_an_oversized_description()
    {
        // A host of its own, so that its flood guard starts empty.
        await using var host = AppFixture.Host(_file);
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        await using var db = _file.Target.CreateContext();
        var before = await db.Cases.CountAsync();

        // 5 MB is refused before it is read; 3,000 characters are read and refused by the form, naming the limit.
        var fiveMegabytes = await FileAsync(client, new string('问', 5 * 1024 * 1024 / 3));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, fiveMegabytes.Response.StatusCode);
        var huge = await FileAsync(client, new string('问', 3000));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, huge.Response.StatusCode);
        Assert.Contains("2000", WebUtility.HtmlDecode(huge.Html), StringComparison.Ordinal);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            answers.Add((await FileAsync(client, $"第 {i} 件")).Response.StatusCode);
        }
        // The policy's limit is 10 an hour from one address (the refused oversized one counted too).
        Assert.Equal(9, answers.Count(a => a == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        Assert.Equal(before + 9, await db.Cases.CountAsync());
    }

    [Fact]
    public async Task The_village_cadre_accepts_and_escalates_the_township_resolves_and_a_wrong_step_is_refused_by_name()
    {
        await using var db = _file.Target.CreateContext();
        var created = await CaseStore.CreateAsync(db, TimeProvider.System, CaseActor.System,
            new CaseInput(CaseKind.Problem, "livelihood", CaseChannel.WalkIn, Village, "低保申请没有回音"), default);
        var id = created.Case!.Id;
        var cadre = await SignedInAsync("cadre");
        Assert.Contains("低保申请没有回音", await cadre.GetStringAsync("/cases"), StringComparison.Ordinal);

        var accept = await ActAsync(cadre, id, new() { ["action"] = "Accept" });
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        var unexplained = await ActAsync(cadre, id, new() { ["action"] = "Escalate" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unexplained.StatusCode);
        Assert.Contains("上报前须向群众解释", WebUtility.HtmlDecode(await unexplained.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(cadre, id, new() { ["action"] = "Escalate", ["note"] = "需乡镇民政办审核，已向群众说明" })).StatusCode);
        // The cadre still sees it, but no longer holds it: no actions offered, and a forged post is refused.
        var view = await cadre.GetStringAsync($"/cases/{id}");
        Assert.DoesNotContain("case-action", view, StringComparison.Ordinal);
        var forged = await cadre.PostAsync($"/cases/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["action"] = "Resolve",
            ["note"] = "x",
            // A valid token from another of the cadre's pages: the refusal must come from the case, not from anti-forgery.
            ["__RequestVerificationToken"] = TestAccounts.FormToken(await cadre.GetStringAsync("/cases")),
        }));
        var forgedHtml = WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync());
        Assert.True(forgedHtml.Contains("乡镇办理", StringComparison.Ordinal), $"{forged.StatusCode}: {forgedHtml[..Math.Min(forgedHtml.Length, 3000)]}");

        var township = await SignedInAsync("township-office");
        var wrong = await ActAsync(township, id, new() { ["action"] = "Reopen" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("可以：受理、交办", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(township, id, new() { ["action"] = "Resolve", ["note"] = "已纳入低保，下月发放" })).StatusCode);
        // An inspector reads cases but takes no step.
        var inspector = await SignedInAsync("inspector");
        Assert.DoesNotContain("case-action", await inspector.GetStringAsync($"/cases/{id}"), StringComparison.Ordinal);

        await using var check = _file.Target.CreateContext();
        var done = await check.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal((CaseStatus.Resolved, CaseLevel.Township, "已纳入低保，下月发放"), (done.Status, done.Level, done.Reply));
        Assert.Equal(["cadre", "cadre", "township-office"], await check.CaseSteps.Where(s => s.CaseId == id && s.Action != CaseAction.Receive).OrderBy(s => s.Id).Select(s => s.Actor).ToListAsync());
    }

    [Fact]
    public async Task A_suggestion_box_in_an_unknown_category_is_refused_whole_naming_each_line()
    {
        var office = await SignedInAsync("office");
        await using var db = _file.Target.CreateContext();
        var before = await db.Cases.CountAsync();
        var refused = await Forms.PostAsync(office, "/cases", "Box", new() { ["village"] = Village, ["category"] = "no-such-category", ["slips"] = "建议一\n建议二" });
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("第 1 行 category", html, StringComparison.Ordinal);
        Assert.Contains("第 2 行 category", html, StringComparison.Ordinal);
        Assert.Equal(before, await db.Cases.CountAsync());
        var entered = await Forms.PostAsync(office, "/cases", "Box", new() { ["village"] = Village, ["category"] = "environment", ["slips"] = "建议一\n\n建议二\n" });
        Assert.Contains("已录入意见箱 2 条", WebUtility.HtmlDecode(await entered.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before + 2, await db.Cases.CountAsync());
    }

    [Fact]
    public async Task Cards_print_a_searchable_chinese_pdf_whose_codes_link_to_the_villages_form()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cards-{Guid.NewGuid():N}.pdf");
        try
        {
            var (code, output, error) = await CliRunner.RunAsync("cards", "print", "--village", Village, "--out", file, "--base-url", "https://liaison.example.gov.cn/", "--db", _file.DbSetting, "--json");
            Assert.True(code == ExitCodes.Ok, error);
            Assert.Contains("\"cards\":", output, StringComparison.Ordinal);
            using var pdf = PdfDocument.Open(file);
            var page = pdf.GetPage(1);
            var text = page.Text;
            Assert.Contains("民情联系卡", text, StringComparison.Ordinal);
            Assert.Contains("监督电话", text, StringComparison.Ordinal);
            var links = page.GetHyperlinks().Select(l => l.Uri).ToList();
            Assert.NotEmpty(links);
            Assert.All(links, l => Assert.StartsWith($"https://liaison.example.gov.cn/public/report/{Village}?cadre=", l, StringComparison.Ordinal));
            await using var db = _file.Target.CreateContext();
            var tied = await db.LiaisonTies.Where(t => t.DivisionCode == Village && t.Until == null && t.CadreId != null).Select(t => t.CadreId).Distinct().CountAsync();
            Assert.Equal(tied, links.Distinct().Count());
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "cards.print" && e.EntityKey == Village));
        }
        finally
        {
            File.Delete(file);
        }
        var (bad, _, why) = await CliRunner.RunAsync("cards", "print", "--village", "370830", "--base-url", "https://x.example", "--db", _file.DbSetting);
        Assert.Equal(ExitCodes.Failed, bad);
        Assert.Contains("不是村代码", why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_passes_up_a_case_left_past_its_deadline_by_itself()
    {
        var received = new FixedClock(new DateTimeOffset(2026, 6, 15, 10, 0, 0, ChinaTime.Offset));
        long id;
        await using (var db = _file.Target.CreateContext())
        {
            id = (await CaseStore.CreateAsync(db, received, CaseActor.System, new CaseInput(CaseKind.Help, "livelihood", CaseChannel.Phone, Village, "独居老人需要帮助"), default)).Case!.Id;
        }
        // A server whose clock says a month later: its case clock runs at start.
        var later = new FixedClock(new DateTimeOffset(2026, 7, 15, 10, 0, 0, ChinaTime.Offset));
        await using var host = AppFixture.Host(_file).WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(later)));
        _ = host.CreateClient();
        Case? now = null;
        for (var i = 0; i < 100 && now?.Level != CaseLevel.Township; i++)
        {
            await Task.Delay(100);
            await using var db = _file.Target.CreateContext();
            now = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
        }
        Assert.Equal((CaseLevel.Township, CaseStatus.Escalated), (now!.Level, now.Status));
        await using var check = _file.Target.CreateContext();
        Assert.Equal("system", (await check.CaseSteps.SingleAsync(s => s.CaseId == id && s.Action == CaseAction.AutoEscalate)).Actor);
        Assert.Equal(1, await check.AuditEntries.CountAsync(e => e.Action == "case.autoescalate" && e.EntityKey == id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task The_figures_page_counts_the_jurisdictions_cases_by_category_as_the_records_say()
    {
        await using var db = _file.Target.CreateContext();
        var clock = TimeProvider.System;
        var ids = new List<long>();
        var elsewhere = await db.Divisions.Where(d => d.Code.Length == 12 && !d.Code.StartsWith("370830001")).Select(d => d.Code).FirstAsync();
        foreach (var (category, village) in new[] { ("infrastructure", Village), ("infrastructure", Village), ("livelihood", Village), ("infrastructure", elsewhere) })
        {
            var result = await CaseStore.CreateAsync(db, clock, CaseActor.System, new CaseInput(CaseKind.Problem, category, CaseChannel.Phone, village, "统计用"), default);
            Assert.True(result.Ok);
            ids.Add(result.Case!.Id);
        }
        Assert.True((await CaseStore.ActAsync(db, clock, CaseActor.System, ids[0], new CaseStepInput(CaseAction.Resolve, "已办好"), default)).Ok);
        // The township office counts its own villages only: not the case of another township.
        var township = await SignedInAsync("township-office");
        var html = Regex.Replace(await township.GetStringAsync("/cases/figures?by=Category"), @">\s+<", "><");
        // Each category by the policy's name for it.
        Assert.Matches("<tr><th>基础设施（路、水、电、桥）</th><td>2</td><td>0</td><td>1</td><td>50.0%</td><td>100.0%</td><td>50.0%</td>", html);
        Assert.Matches("<tr><th>民生保障（低保、医保、养老）</th><td>1</td><td>0</td><td>0</td><td>0.0%</td><td>—</td>", html);
        Assert.Matches("<tr><th>合计</th><td>3</td>", html);
    }

    [Fact]
    public async Task A_dispute_is_recorded_and_mediated_and_an_errand_finished_on_the_page_with_parties_masked()
    {
        var cadre = await SignedInAsync("cadre");
        var added = await Forms.PostAsync(cadre, "/disputes", "Dispute", new() { ["village"] = Village, ["kind"] = "Neighbours", ["parties"] = "张三丰、李四光", ["summary"] = "两家因排水沟争执" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var outside = await Forms.PostAsync(cadre, "/disputes", "Dispute", new() { ["village"] = "370830001002", ["kind"] = "Land", ["parties"] = "甲、乙", ["summary"] = "边界" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outside.StatusCode);
        await using var db = _file.Target.CreateContext();
        var dispute = await db.Disputes.AsNoTracking().SingleAsync();
        var page = await cadre.GetStringAsync("/disputes");
        Assert.DoesNotContain("张三丰", page, StringComparison.Ordinal);
        var mediated = await Forms.PostAsync(cadre, "/disputes", "Mediate", new() { ["id"] = dispute.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["step"] = "签订协议", ["outcome"] = "Mediated", ["agreementOn"] = "2026-06-15" });
        Assert.Equal(HttpStatusCode.Redirect, mediated.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(cadre, "/disputes", "Errand", new() { ["village"] = Village, ["kind"] = "Benefits", ["what"] = "代办高龄补贴" })).StatusCode);
        var errand = await db.Errands.AsNoTracking().SingleAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(cadre, "/disputes", "Finish", new() { ["id"] = errand.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["done"] = "true", ["result"] = "已发放" })).StatusCode);
        // An inspector reads, and may not write.
        var inspector = await SignedInAsync("inspector");
        Assert.Contains("两家因排水沟争执", await inspector.GetStringAsync("/disputes"), StringComparison.Ordinal);
        // The lists export as they are shown: the village by name, the parties masked.
        using var sheet = new MemoryStream(await inspector.GetByteArrayAsync("/disputes?handler=export&list=disputes"));
        var row = MiniExcelLibs.MiniExcel.Query(sheet, useHeaderRow: true).Cast<IDictionary<string, object>>().Single();
        Assert.Equal(PersonalData.MaskName("张三丰、李四光"), row["当事人"]);
        Assert.DoesNotContain("三丰", row["当事人"].ToString()!, StringComparison.Ordinal);
        Assert.Equal("两家因排水沟争执", row["内容"]);
        Assert.Equal("调解成功", row["结果"]);
        Assert.DoesNotMatch("^[0-9]{12}$", row["村"].ToString()!);
        using var errandSheet = new MemoryStream(await inspector.GetByteArrayAsync("/disputes?handler=export&list=errands"));
        Assert.Equal("已发放", MiniExcelLibs.MiniExcel.Query(errandSheet, useHeaderRow: true).Cast<IDictionary<string, object>>().Single()["办理结果"]);
        await using var check = _file.Target.CreateContext();
        Assert.Equal(DisputeOutcome.Mediated, (await check.Disputes.AsNoTracking().SingleAsync()).Outcome);
        Assert.Equal(ErrandStatus.Done, (await check.Errands.AsNoTracking().SingleAsync()).Status);
    }
}
