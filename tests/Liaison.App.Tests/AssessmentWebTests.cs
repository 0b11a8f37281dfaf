using System.Net;
using System.Text.Json;
using Liaison.App.Cli;
using Liaison.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

/// <summary>年度考核 (issue 23) on the web: the office reads each part and its records; the person reads their own only once published, and may appeal.</summary>
[Collection("console")]
public sealed class AssessmentWebTests : IAsyncLifetime
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
    public async Task Every_part_traces_to_records_for_the_office_and_the_person_reads_their_own_once_published()
    {
        var year = Liaison.Domain.Shared.ChinaTime.Today(TimeProvider.System).Year;
        var runs = new List<(long Run, JsonElement Json)>();
        foreach (var group in new[] { "first-secretaries", "stationed-cadres" })
        {
            var (code, output, error) = await CliRunner.RunAsync("assessment", "run", "--year", year.ToString(System.Globalization.CultureInfo.InvariantCulture), "--group", group,
                "--division", "370830", "--as", "office", "--db", _file.DbSetting, "--json");
            Assert.True(code == ExitCodes.Ok, error);
            var json = JsonDocument.Parse(output).RootElement;
            runs.Add((json.GetProperty("run").GetInt64(), json));
            // Every person's parts add up to the score before adjustment.
            foreach (var assessed in json.GetProperty("people").EnumerateArray())
            {
                var points = assessed.GetProperty("components").EnumerateArray().Sum(c => c.GetProperty("points").GetDouble());
                // Each part is rounded to the hundredth: ten of them stay within a few hundredths of the score.
                Assert.InRange(Math.Abs(assessed.GetProperty("raw").GetDouble() - points), 0, 0.06);
            }
            // The cap: the top grade for no more than the run allows.
            Assert.True(json.GetProperty("grades")[0].GetProperty("count").GetInt32() <= json.GetProperty("topAllowed").GetInt32());
        }

        int cadre;
        long result, run;
        await using (var db = _file.Target.CreateContext())
        {
            cadre = (await db.Users.SingleAsync(u => u.UserName == "cadre")).CadreId!.Value;
            var row = await db.AssessmentResults.AsNoTracking().SingleAsync(r => r.CadreId == cadre);
            (result, run) = (row.Id, row.RunId);
        }
        var page = $"/assessment/results/{result}";
        var office = await SignedInAsync("office");
        var html = await office.GetStringAsync(page);
        Assert.Contains("data-part=\"masses\"", html, StringComparison.Ordinal);
        Assert.Contains("data-part=\"supervision\"", html, StringComparison.Ordinal);
        Assert.Contains("/cases?code=", html, StringComparison.Ordinal);

        // Before publication the person does not read it; a unit's administrator never does.
        var person = await SignedInAsync("cadre");
        Assert.Equal(HttpStatusCode.NotFound, (await person.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync("unit-admin")).GetAsync(page)).StatusCode);

        var (c, _, e) = await CliRunner.RunAsync("assessment", "publish", "--run", run.ToString(System.Globalization.CultureInfo.InvariantCulture), "--as", "office", "--db", _file.DbSetting);
        Assert.True(c == ExitCodes.Ok, e);
        var own = await person.GetStringAsync(page);
        Assert.Contains("id=\"file-appeal\"", own, StringComparison.Ordinal);
        Assert.Contains(page, await person.GetStringAsync("/assessment/mine"), StringComparison.Ordinal);
        // Records links are the office's: the person reads what each part rests on, not the village's case book.
        Assert.DoesNotContain("/cases?code=", own, StringComparison.Ordinal);

        // The person's filing sheet: a PDF with the parts in Chinese (searchable text).
        var filed = await person.GetAsync(page + "?handler=pdf");
        Assert.Equal("application/pdf", filed.Content.Headers.ContentType?.MediaType);
        using (var sheetPdf = UglyToad.PdfPig.PdfDocument.Open(await filed.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Concat(sheetPdf.GetPages().Select(p => p.Text));
            Assert.Contains("考核登记表", text, StringComparison.Ordinal);
            Assert.Contains("群众评议", text, StringComparison.Ordinal);
        }

        // The run's page and its sheet for the organisation department.
        var runPage = await office.GetStringAsync($"/assessment/runs/{run}");
        var inRun = runs.Single(x => x.Run == run).Json.GetProperty("assessed").GetInt32();
        Assert.Equal(Math.Min(50, inRun), System.Text.RegularExpressions.Regex.Count(runPage, "data-result=\""));
        var sheet = await office.GetAsync($"/assessment/runs/{run}?handler=export");
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", sheet.Content.Headers.ContentType?.MediaType);
        Assert.True((await sheet.Content.ReadAsByteArrayAsync()).Length > 1000);

        // A commendation from the published run: a draft notice naming its top grade, on the notices' page to edit and issue.
        var published = runs.Single(x => x.Run == run).Json;
        if (published.GetProperty("grades")[0].GetProperty("count").GetInt32() > 0)
        {
            var commend = await office.PostAsync($"/assessment/runs/{run}?handler=commend", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = TestAccounts.FormToken(await office.GetStringAsync($"/assessment/runs/{run}")),
            }));
            Assert.Equal(HttpStatusCode.Redirect, commend.StatusCode);
            Assert.Contains("通报表扬", await office.GetStringAsync(commend.Headers.Location!.ToString()), StringComparison.Ordinal);
        }

        // The year's page: the other group not yet published, so closing is refused with the reason, nothing closed.
        var years = await office.GetStringAsync("/years");
        Assert.Contains($"data-year=\"{year}\"", years, StringComparison.Ordinal);
        var close = await office.PostAsync("/years?handler=close", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TestAccounts.FormToken(years),
            ["year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        var refused = await close.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        Assert.Contains("考核尚未公布", refused, StringComparison.Ordinal);
        Assert.Contains($"data-year=\"{year}\" data-closed=\"false\"", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_household_reached_on_a_supervision_call_gives_its_voice_through_the_caller_once()
    {
        long call;
        string village;
        await using (var db = _file.Target.CreateContext())
        {
            var reached = await (from c in db.SampleCalls.AsNoTracking()
                                 join s in db.CallSamples.AsNoTracking() on c.SampleId equals s.Id
                                 where c.Outcome == Liaison.Domain.Supervision.CallOutcome.Reached && c.VillageCode.StartsWith("370830") && s.DivisionCode.StartsWith("370830") && !s.DivisionCode.StartsWith("370830102")
                                 orderby c.Id
                                 select new { c.Id, c.VillageCode }).FirstAsync();
            (call, village) = (reached.Id, reached.VillageCode);
        }
        var office = await SignedInAsync("office");
        var page = $"/supervision/calls/{call}/evaluation";
        var form = await office.GetStringAsync(page);
        var cadres = System.Text.RegularExpressions.Regex.Matches(form, "<fieldset data-cadre=\"(\\d+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(cadres);
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = TestAccounts.FormToken(form) };
        foreach (var c in cadres)
        {
            fields[$"ratings[{c}]"] = "Satisfied";
        }
        var cast = await office.PostAsync(page, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, cast.StatusCode);
        Assert.Contains("id=\"voted\"", await office.GetStringAsync(page), StringComparison.Ordinal);
        // Sent again, refused as the household's second voice and counted; one telephone ballot kept.
        var again = await office.PostAsync(page, new FormUrlEncodedContent(fields));
        Assert.Contains("id=\"refused\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = _file.Target.CreateContext())
        {
            Assert.Equal(1, await db.MassBallots.CountAsync(b => b.VillageCode == village && b.Channel == Liaison.Domain.Assessment.BallotChannel.Phone));
            Assert.Equal(1, await db.BallotRefusals.CountAsync(r => r.VillageCode == village && r.Reason == Liaison.Domain.Assessment.RefusalReason.Again));
        }
        // Another county's inspector does not find the call.
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync("other-inspector")).GetAsync(page)).StatusCode);
    }
}
