using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Liaison.App.Cli;
using Liaison.Data.Demo;
using Liaison.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

/// <summary>
/// 督查 (issue 22) over a planned small demo with a year of activity: a call sample drawn and answered
/// from the command line, its estimate the same on the page, the call list the samplers' alone and its
/// numbers revealed one at a time, audited.
/// </summary>
[Collection("console")]
public sealed class SupervisionWebTests : IAsyncLifetime
{
    private TempSqlite _file = null!;
    private WebApplicationFactory<Program> _host = null!;

    public async Task InitializeAsync()
    {
        _file = await TempSqlite.WithPlannedSmallDemoAsync();
        await TestAccounts.CreateAsync(_file.Target);
        var (code, _, error) = await CliRunner.RunAsync("demo", "activity", "--db", _file.DbSetting);
        Assert.True(code == ExitCodes.Ok, error);
        _host = AppFixture.Host(_file);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _file.DisposeAsync();
    }

    private async Task<HttpClient> SignedInAsync(string name)
    {
        var client = AppFixture.ClientOf(_host);
        Assert.True(TestAccounts.IsSignedIn(await TestAccounts.SignInAsync(client, name)));
        return client;
    }

    [Fact]
    public async Task A_county_sample_at_the_policys_precision_answered_from_the_demos_truth_holds_the_true_rate_and_flags_only_dishonest_villages()
    {
        var (code, output, error) = await CliRunner.RunAsync("supervision", "sample", "--division", "370830", "--seed", "7", "--as", "inspector", "--db", _file.DbSetting, "--json");
        Assert.True(code == ExitCodes.Ok, error);
        using var drawn = JsonDocument.Parse(output);
        var sample = drawn.RootElement.GetProperty("sample").GetInt64();
        var needed = drawn.RootElement.GetProperty("needed").GetInt64();
        var frame = drawn.RootElement.GetProperty("frame").GetInt64();
        // ±3 points at 95 %: 1,068 reached for a large frame, less the finite correction; drawn for 85 % reached.
        Assert.Equal(Domain.Supervision.Proportions.SampleSize(0.03, 0.95, population: frame), needed);
        Assert.Equal((long)Math.Ceiling(needed / 0.85), drawn.RootElement.GetProperty("sampled").GetInt64());

        (code, output, error) = await CliRunner.RunAsync("demo", "calls", "--sample", sample.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", _file.DbSetting, "--json");
        Assert.True(code == ExitCodes.Ok, error);
        using var truth = JsonDocument.Parse(output);
        var trueRate = truth.RootElement.GetProperty("trueRate").GetDouble();

        (code, output, error) = await CliRunner.RunAsync("supervision", "estimate", "--sample", sample.ToString(System.Globalization.CultureInfo.InvariantCulture), "--as", "inspector", "--db", _file.DbSetting, "--json");
        Assert.True(code == ExitCodes.Ok, error);
        using var estimate = JsonDocument.Parse(output);
        var e = estimate.RootElement;
        Assert.Equal(drawn.RootElement.GetProperty("sampled").GetInt64(), e.GetProperty("sampled").GetInt64());
        Assert.InRange(e.GetProperty("reached").GetInt64(), needed * 9 / 10, e.GetProperty("sampled").GetInt64());
        Assert.InRange(trueRate, e.GetProperty("low").GetDouble(), e.GetProperty("high").GetDouble());
        Assert.Equal(Math.Round(e.GetProperty("confirmed").GetInt64() / (double)e.GetProperty("reached").GetInt64(), 2), Math.Round(e.GetProperty("rate").GetDouble(), 2));
        var flagged = e.GetProperty("flaggedVillages").EnumerateArray().Select(v => v.GetProperty("key").GetString()!).ToList();
        Assert.NotEmpty(flagged);
        Assert.All(flagged, v => Assert.True(DemoTruth.Dishonest(v), $"{v} flagged but honest"));
        Assert.Contains("Benjamini", e.GetProperty("test").GetString(), StringComparison.Ordinal);

        // A township's office does not hold the county's sample: not found, on the command line as on the page.
        (code, _, error) = await CliRunner.RunAsync("supervision", "estimate", "--sample", sample.ToString(System.Globalization.CultureInfo.InvariantCulture), "--as", "township-office", "--db", _file.DbSetting);
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("不在你的范围内", error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync("township-office")).GetAsync($"/supervision/samples/{sample}")).StatusCode);

        // The page gives the same estimate, its flagged villages, and the call list.
        var inspector = await SignedInAsync("inspector");
        var html = WebUtility.HtmlDecode(await inspector.GetStringAsync($"/supervision/samples/{sample}"));
        Assert.Equal(e.GetProperty("low").GetDouble(), double.Parse(Regex.Match(html, "data-low=\"([0-9.]+)\"").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 4);
        Assert.Equal(e.GetProperty("high").GetDouble(), double.Parse(Regex.Match(html, "data-high=\"([0-9.]+)\"").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 4);
        Assert.All(flagged, v => Assert.Contains($"data-flagged-village=\"{v}\"", html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_number_on_the_call_list_is_masked_until_revealed_and_each_reveal_is_audited()
    {
        var (code, output, error) = await CliRunner.RunAsync("supervision", "sample", "--division", "370830001", "--size", "30", "--seed", "3", "--db", _file.DbSetting, "--json");
        Assert.True(code == ExitCodes.Ok, error);
        using var drawn = JsonDocument.Parse(output);
        var sample = drawn.RootElement.GetProperty("sample").GetInt64();
        var inspector = await SignedInAsync("inspector");
        var page = $"/supervision/samples/{sample}";
        var before = WebUtility.HtmlDecode(await inspector.GetStringAsync(page));
        Assert.DoesNotContain("data-revealed", before, StringComparison.Ordinal);
        await using var db = _file.Target.CreateContext();
        var reveals = await db.AuditEntries.CountAsync(a => a.Action == "personal-data.reveal");
        var revealed = WebUtility.HtmlDecode(await (await Forms.PostAsync(inspector, page, "reveal", [])).Content.ReadAsStringAsync());
        var number = Regex.Match(revealed, "<strong data-revealed>([^<]+)</strong>").Groups[1].Value;
        Assert.Matches("^1[0-9]{10}$", number);
        Assert.DoesNotContain(number, before, StringComparison.Ordinal);
        Assert.Equal(reveals + 1, await db.AuditEntries.CountAsync(a => a.Action == "personal-data.reveal"));
        // A cadre is not a caller: the supervision pages are closed to them.
        var cadre = await SignedInAsync("cadre");
        var denied = await cadre.GetAsync(page);
        Assert.Contains("/account/denied", denied.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_review_is_recorded_on_the_page_item_by_item_and_a_missing_item_is_refused_by_name()
    {
        var inspector = await SignedInAsync("inspector");
        var page = "/supervision/reviews?code=370830&level=village";
        var fields = new Dictionary<string, string>
        {
            ["target"] = "370830001001",
            ["reviewedOn"] = Domain.Shared.ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["check.residence"] = "true",
            ["check.visits"] = "false",
            ["remark.visits"] = "缺 5 月记录",
            ["check.cases"] = "true",
        };
        var refused = WebUtility.HtmlDecode(await (await Forms.PostAsync(inspector, page, "record", new(fields))).Content.ReadAsStringAsync());
        Assert.Contains("目标责任书", refused, StringComparison.Ordinal);
        Assert.Contains("未填写", refused, StringComparison.Ordinal);
        fields["check.agreements"] = "true";
        var saved = await Forms.PostAsync(inspector, page, "record", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = WebUtility.HtmlDecode(await inspector.GetStringAsync(page));
        var row = Regex.Match(list, "<tr data-review=\"[0-9]+\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("入户走访记录", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_county_office_lists_the_demos_rectification_orders_by_state_and_exports_the_view()
    {
        var office = await SignedInAsync("office");
        await using var db = _file.Target.CreateContext();
        var orders = await db.RectificationOrders.AsNoTracking().Where(o => o.DivisionCode == "370830").ToListAsync();
        Assert.NotEmpty(orders);
        var open = orders.Count(o => o.Status != Domain.Supervision.OrderStatus.Accepted);
        var page = WebUtility.HtmlDecode(await office.GetStringAsync("/orders?code=370830&state=open"));
        Assert.Equal(open, Regex.Count(page, "<tr data-order="));
        var export = await office.GetAsync("/orders?code=370830&state=open&handler=export");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await export.Content.ReadAsByteArrayAsync())[..2]);
        // A unit of no order: none listed.
        Assert.DoesNotContain("<tr data-order=", await office.GetStringAsync("/orders?code=370830&unit=NO-SUCH-UNIT"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_units_administrator_reads_the_countys_issued_notices_but_not_its_drafts_nor_orders_the_unit_does_not_answer_for()
    {
        await using var db = _file.Target.CreateContext();
        var order = await db.RectificationOrders.AsNoTracking().Where(o => o.DivisionCode == "370830" && o.UnitId == null).Select(o => o.Id).FirstAsync();
        var issued = await db.Notices.AsNoTracking().Where(n => n.DivisionCode == "370830" && n.Status == Domain.Supervision.NoticeStatus.Issued).Select(n => n.Id).FirstAsync();
        var clock = TimeProvider.System;
        var draft = await Data.Supervision.NoticeStore.DraftAsync(db, clock, new Data.Liaisons.OfficeActor("office", c => c.StartsWith("370830", StringComparison.Ordinal)),
            new Data.Supervision.NoticeInput("370830", Domain.Supervision.NoticeKind.Commendation, "表扬草稿", "在岗在位", null, [], [], ["370830U001"], []), default);
        var unit = await SignedInAsync("unit-admin");
        Assert.Equal(HttpStatusCode.NotFound, (await unit.GetAsync($"/orders/{order}")).StatusCode);
        Assert.DoesNotContain("<tr data-order=", await unit.GetStringAsync("/orders"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await unit.GetAsync($"/notices/{issued}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await unit.GetAsync($"/notices/{draft.Id}")).StatusCode);
        var office = await SignedInAsync("office");
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/notices/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/orders/{order}")).StatusCode);
    }
}
