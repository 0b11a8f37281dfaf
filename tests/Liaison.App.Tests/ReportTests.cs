using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Liaison.App.Cli;
using Liaison.Data.Audit;
using Liaison.Data.Demo;
using Liaison.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace Liaison.App.Tests;

/// <summary>The campaign report on the command line, the dashboard, its downloads, the public page and the API, over the small demo with a year of activity.</summary>
[Collection("console")]
public sealed class ReportTests : IAsyncLifetime
{
    private const string County = TestAccounts.County;
    private const string Township = "370830001";
    private readonly string _dir = Directory.CreateTempSubdirectory("liaison-report-").FullName;
    private TempSqlite _file = null!;
    private WebApplicationFactory<Program> _host = null!;

    public async Task InitializeAsync()
    {
        _file = await TempSqlite.WithPlannedSmallDemoAsync();
        await TestAccounts.CreateAsync(_file.Target);
        await using (var db = _file.Target.CreateContext())
        {
            await DemoActivity.GenerateAsync(db, TimeProvider.System, Actor.System, Domain.Shared.ChinaTime.Today(TimeProvider.System).Year, 7, null, default);
        }
        _host = AppFixture.Host(_file);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _file.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private Task<(int Code, string Out, string Err)> Cli(params string[] args) => CliRunner.RunAsync([.. args, "--db", _file.DbSetting]);

    private static long Figure(JsonElement report, string id) =>
        report.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("figures").EnumerateArray())
            .Single(f => f.GetProperty("id").GetString() == id).GetProperty("value").GetInt64();

    [Fact]
    public async Task The_command_reports_any_division_and_period_in_every_format_within_a_jurisdiction()
    {
        var (code, json, _) = await Cli("report", "campaign", "--format", "json");
        Assert.Equal(ExitCodes.Ok, code);
        var report = JsonDocument.Parse(json).RootElement;
        Assert.Equal(County, report.GetProperty("subject").GetProperty("code").GetString());
        await using (var db = _file.Target.CreateContext())
        {
            Assert.Equal(await db.HouseholdVisits.CountAsync(), Figure(report, "visits"));
            Assert.Equal(await db.HouseholdVisits.Select(v => v.HouseholdId).Distinct().CountAsync(), Figure(report, "households_visited"));
        }
        Assert.Equal(15, report.GetProperty("children").GetArrayLength());
        Assert.Equal(report.GetProperty("children").EnumerateArray().Sum(c => c.GetProperty("figures").GetProperty("households_visited").GetInt64()), Figure(report, "households_visited"));

        // A quarter counts less than the year; a period must be whole months.
        var (_, quarter, _) = await Cli("report", "campaign", "--division", Township, "--from", "2026-01", "--to", "2026-03", "--format", "json");
        var (_, township, _) = await Cli("report", "campaign", "--division", Township, "--format", "json");
        Assert.InRange(Figure(JsonDocument.Parse(quarter).RootElement, "visits"), 1, Figure(JsonDocument.Parse(township).RootElement, "visits") - 1);
        var bad = await Cli("report", "campaign", "--from", "2026-02-15");
        Assert.NotEqual(ExitCodes.Ok, bad.Code);
        Assert.Contains("--from", bad.Err, StringComparison.Ordinal);

        // Another account's jurisdiction reads as absent; a unit by its code.
        var outside = await Cli("report", "campaign", "--division", County, "--as", "township-office", "--lang", "en");
        Assert.NotEqual(ExitCodes.Ok, outside.Code);
        Assert.Contains("unknown division", outside.Err, StringComparison.Ordinal);
        var (unitCode, unit, _) = await Cli("report", "campaign", "--unit", "370830U001", "--format", "json");
        Assert.Equal(ExitCodes.Ok, unitCode);
        Assert.Equal(JsonValueKind.Number, JsonDocument.Parse(unit).RootElement.GetProperty("subject").GetProperty("unitId").ValueKind);

        // The table for people.
        var (_, table, _) = await Cli("report", "campaign", "--division", Township);
        Assert.Contains("农户走访率", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_xlsx_never_holds_a_formula_and_the_pdf_holds_searchable_Chinese_text_and_both_are_audited()
    {
        // A township whose name would be a formula if written carelessly.
        await using (var db = _file.Target.CreateContext())
        {
            await db.Divisions.Where(d => d.Code == Township).ExecuteUpdateAsync(s => s.SetProperty(d => d.Name, "=HYPERLINK(\"http://evil\",\"x\")"));
        }
        var xlsx = Path.Combine(_dir, "r.xlsx");
        var pdf = Path.Combine(_dir, "r.pdf");
        Assert.Equal(ExitCodes.Ok, (await Cli("report", "campaign", "--format", "xlsx", "--out", xlsx)).Code);
        Assert.Equal(ExitCodes.Ok, (await Cli("report", "campaign", "--format", "pdf", "--out", pdf)).Code);
        using (var zip = ZipFile.OpenRead(xlsx))
        {
            var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).ToList();
            Assert.Equal(3, sheets.Count);
            var xml = string.Join("", sheets.Select(s => new StreamReader(s.Open()).ReadToEnd()));
            Assert.DoesNotContain("<x:f>", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<f>", xml, StringComparison.Ordinal);
            Assert.Contains("HYPERLINK", xml, StringComparison.Ordinal);
        }
        using (var document = PdfDocument.Open(pdf))
        {
            var text = string.Join("\n", document.GetPages().Select(p => p.Text));
            Assert.Contains("汶上县驻村联系服务工作报表", text, StringComparison.Ordinal);
            Assert.Contains("农户走访率", text, StringComparison.Ordinal);
        }
        await using (var db = _file.Target.CreateContext())
        {
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "report.export"));
        }
    }

    [Fact]
    public async Task Verify_passes_on_the_demo_and_exits_4_naming_an_altered_figure()
    {
        var (code, json, _) = await Cli("report", "verify", "--json");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(0, JsonDocument.Parse(json).RootElement.GetProperty("differences").GetArrayLength());
        await using (var db = _file.Target.CreateContext())
        {
            await db.Rollups.Where(r => r.DivisionCode == Township && r.IndicatorId == "cases_collected").ExecuteUpdateAsync(s => s.SetProperty(r => r.Value, r => r.Value + 1));
        }
        var (broken, text, _) = await Cli("report", "verify", "--lang", "en");
        Assert.Equal(4, broken);
        Assert.Contains($"{Township} Cases received", text, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, (await Cli("report", "refresh")).Code);
        Assert.Equal(ExitCodes.Ok, (await Cli("report", "verify")).Code);
    }

    [Fact]
    public async Task The_office_that_governs_the_database_rebuilds_an_altered_figure_from_the_report_page_as_a_job_and_a_township_office_may_not()
    {
        await using (var db = _file.Target.CreateContext())
        {
            await db.Rollups.Where(r => r.DivisionCode == Township && r.IndicatorId == "cases_collected").ExecuteUpdateAsync(s => s.SetProperty(r => r.Value, r => r.Value + 1));
        }
        Assert.Equal(4, (await Cli("report", "verify")).Code);

        var township = AppFixture.ClientOf(_host);
        Assert.True(TestAccounts.IsSignedIn(await TestAccounts.SignInAsync(township, "township-office")));
        var own = await township.GetStringAsync($"/reports/{Township}");
        Assert.DoesNotContain("handler=rebuild", own, StringComparison.Ordinal);
        // Posted anyway (with the page's own anti-forgery token, as its script would send it): refused.
        var token = System.Text.RegularExpressions.Regex.Match(own, "<meta name=\"csrf-token\" content=\"([^\"]+)\"").Groups[1].Value;
        var refused = await township.PostAsync($"/reports/{Township}?handler=rebuild",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal("/account/denied", refused.Headers.Location?.AbsolutePath);
        var office = AppFixture.ClientOf(_host);
        Assert.True(TestAccounts.IsSignedIn(await TestAccounts.SignInAsync(office, "office")));

        var done = await JobPages.EndAsync(office, await Forms.PostAsync(office, $"/reports/{County}", "rebuild", []));
        Assert.Contains("汇总已从原始记录重建", done, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, (await Cli("report", "verify")).Code);
        await using var check = _file.Target.CreateContext();
        Assert.Equal("office", (await check.AuditEntries.OrderBy(e => e.Id).LastAsync(e => e.Action == "report.refresh")).Actor);
    }

    [Fact]
    public async Task The_dashboard_shows_the_jurisdiction_drills_down_and_downloads_while_the_public_page_shows_only_public_figures()
    {
        var office = AppFixture.ClientOf(_host);
        Assert.True(TestAccounts.IsSignedIn(await TestAccounts.SignInAsync(office, "office")));
        var page = await office.GetStringAsync($"/reports/{County}");
        Assert.Contains("id=\"league\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/reports/{Township}\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"lagging-count\"", page, StringComparison.Ordinal);
        Assert.Contains("data-series=", page, StringComparison.Ordinal);
        var village = await office.GetStringAsync($"/reports/{Township}001");
        Assert.Contains($"/cases?division={Township}001", village, StringComparison.Ordinal);
        var period = await office.GetStringAsync($"/reports/{County}?from=2026-02-10");
        Assert.Contains("id=\"period-problem\"", period, StringComparison.Ordinal);

        var xlsx = await office.GetAsync($"/reports/{County}?format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var pdf = await office.GetAsync($"/reports/{County}?format=pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        await using (var db = _file.Target.CreateContext())
        {
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "report.export" && e.Actor == "office"));
        }

        // A township office does not see the county's report, by page or by API.
        var township = AppFixture.ClientOf(_host);
        Assert.True(TestAccounts.IsSignedIn(await TestAccounts.SignInAsync(township, "township-office")));
        Assert.Equal(HttpStatusCode.NotFound, (await township.GetAsync($"/reports/{County}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await township.GetAsync($"/api/v1/reports/campaign?division={County}")).StatusCode);
        var api = JsonDocument.Parse(await township.GetStringAsync("/api/v1/reports/campaign?lang=en")).RootElement;
        Assert.Equal(Township, api.GetProperty("subject").GetProperty("code").GetString());
        // A period that does not parse: 400, the field named with its message and code.
        var badPeriod = await township.GetAsync("/api/v1/reports/campaign?from=2026-13&lang=en");
        Assert.Equal(HttpStatusCode.BadRequest, badPeriod.StatusCode);
        var periodProblem = JsonDocument.Parse(await badPeriod.Content.ReadAsStringAsync()).RootElement;
        Assert.False(string.IsNullOrEmpty(periodProblem.GetProperty("errors").GetProperty("period")[0].GetString()));
        Assert.Equal("period", periodProblem.GetProperty("codes").GetProperty("period")[0].GetString());

        // The public: no sign-in, the policy's figures only, no village pages.
        var anonymous = AppFixture.ClientOf(_host);
        var open = await anonymous.GetStringAsync($"/public/figures/{County}");
        Assert.Contains("data-indicator=\"visits\"", open, StringComparison.Ordinal);
        Assert.DoesNotContain("data-indicator=\"cases_on_time\"", open, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/figures/{Township}001")).StatusCode);
    }
}
