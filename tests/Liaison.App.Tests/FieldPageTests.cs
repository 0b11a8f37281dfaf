using System.Net;
using System.Text.Json;
using Liaison.App.Cli;
using Liaison.Domain.Shared;
using Liaison.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

/// <summary>The field pages over a planned small demo with a year of generated activity.</summary>
[Collection("console")]
public sealed class FieldPageTests : IAsyncLifetime
{
    private TempSqlite _file = null!;
    private WebApplicationFactory<Program> _host = null!;

    public async Task InitializeAsync()
    {
        _file = await TempSqlite.WithPlannedSmallDemoAsync();
        await TestAccounts.CreateAsync(_file.Target);
        var (code, output, error) = await CliRunner.RunAsync("demo", "activity", "--db", _file.DbSetting, "--json");
        Assert.True(code == ExitCodes.Ok, error);
        using var result = JsonDocument.Parse(output);
        Assert.True(result.RootElement.GetProperty("visits").GetInt64() > 1_000);
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
    public async Task Generating_a_year_twice_is_refused_and_writes_nothing()
    {
        await using var db = _file.Target.CreateContext();
        var before = await db.HouseholdVisits.CountAsync();
        var (code, _, error) = await CliRunner.RunAsync("demo", "activity", "--db", _file.DbSetting);
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("已有走访记录", error, StringComparison.Ordinal);
        Assert.Equal(before, await db.HouseholdVisits.CountAsync());
    }

    [Fact]
    public async Task The_county_progress_shows_the_visit_rate_counted_from_the_records_and_its_townships_laggards_first()
    {
        var office = await SignedInAsync("office");
        var html = WebUtility.HtmlDecode(await office.GetStringAsync("/field/progress/370830"));
        await using var db = _file.Target.CreateContext();
        var year = await db.HouseholdVisits.MaxAsync(v => v.Year);
        var visited = await db.HouseholdVisits.Where(v => v.Year == year && v.VillageCode.StartsWith("370830")).Select(v => v.HouseholdId).Distinct().CountAsync();
        var households = await db.Households.CountAsync(h => h.VillageCode.StartsWith("370830"));
        Assert.Contains($"{visited:N0} / {households:N0} 户", html, StringComparison.Ordinal);
        Assert.Contains((100.0 * visited / households).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%", html, StringComparison.Ordinal);
        var rates = System.Text.RegularExpressions.Regex.Matches(html[html.IndexOf("table class=\"progress\"", StringComparison.Ordinal)..], @"<td class=""num"">([\d.]+)%</td>\s*<td class=""num"">[\d,]+ / ")
            .Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(rates.Count > 1);
        Assert.Equal(rates.Order(), rates);
    }

    [Fact]
    public async Task Supervisors_see_who_is_behind_and_the_flags_and_nobody_else_does()
    {
        var inspector = await SignedInAsync("inspector");
        var residence = WebUtility.HtmlDecode(await inspector.GetStringAsync("/field/residence?code=370830"));
        Assert.Contains("有驻村天数要求的联系", residence, StringComparison.Ordinal);
        Assert.Contains("第一书记", residence, StringComparison.Ordinal);
        var flags = WebUtility.HtmlDecode(await inspector.GetStringAsync("/field/flags?code=370830001"));
        Assert.Contains("立即检查", flags, StringComparison.Ordinal);

        var unit = await SignedInAsync("unit-admin");
        Assert.Equal(HttpStatusCode.Redirect, (await unit.GetAsync("/field/flags?code=370830")).StatusCode);
        var cadre = await SignedInAsync("cadre");
        Assert.Equal(HttpStatusCode.Redirect, (await cadre.GetAsync("/field/residence?code=370830001001")).StatusCode);
        var other = await SignedInAsync("other-inspector");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/field/flags?code=370830001")).StatusCode);
    }

    [Fact]
    public async Task An_office_enters_a_stay_for_a_cadre_of_the_village_and_it_counts_as_the_work_groups()
    {
        await using var db = _file.Target.CreateContext();
        var cadreId = (await db.Users.SingleAsync(a => a.UserName == "cadre")).CadreId!.Value;
        var code = await db.Cadres.Where(c => c.Id == cadreId).Select(c => c.Code).SingleAsync();
        // A cadre with no village at all this year — in the demo everyone takes part, so one joins a
        // township's unit today: no tie, no posting, a unit with no pairing, no work team.
        var unpaired = await db.Units.Where(u => !db.LiaisonTies.Any(t => t.Kind == Domain.Liaisons.TieKind.Pairing && t.UnitId == u.Id)).Select(u => u.Id).FirstAsync();
        const string stranger = "NEW-0001";
        db.Cadres.Add(new Domain.People.Cadre { Code = stranger, Name = "新入职", UnitId = unpaired, Rank = Domain.People.CadreRank.Ordinary, BirthYear = 1998, Gender = Domain.People.Gender.Female, Status = Domain.People.CadreStatus.Active, Version = 1 });
        await db.SaveChangesAsync();
        var today = ChinaTime.Today(TimeProvider.System);
        var office = await SignedInAsync("township-office");

        var saved = WebUtility.HtmlDecode(await (await Forms.PostAsync(office, "/field/progress/370830001001", "stay",
            new() { ["cadre"] = code, ["arrived"] = $"{today.AddDays(-3):yyyy-MM-dd}", ["left"] = $"{today.AddDays(-2):yyyy-MM-dd}" })).Content.ReadAsStringAsync());
        Assert.Contains("已代录驻村", saved, StringComparison.Ordinal);
        var refused = WebUtility.HtmlDecode(await (await Forms.PostAsync(office, "/field/progress/370830001001", "stay",
            new() { ["cadre"] = stranger, ["arrived"] = $"{today:yyyy-MM-dd}" })).Content.ReadAsStringAsync());
        Assert.Contains("不在你的驻村工作年度内", refused, StringComparison.Ordinal);
        var stay = await db.ResidenceStays.SingleAsync(s => s.ReceivedBy == "township-office");
        Assert.Equal((cadreId, Domain.Field.RecordSource.WorkGroup, 2), (stay.CadreId, stay.Source, stay.Days));
        var inspector = await SignedInAsync("inspector");
        Assert.DoesNotContain("handler=stay", await inspector.GetStringAsync("/field/progress/370830001001"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cadre_opens_the_installable_app_page()
    {
        var cadre = await SignedInAsync("cadre");
        var html = await cadre.GetStringAsync("/field");
        Assert.Contains("rel=\"manifest\" href=\"/field.webmanifest\"", html, StringComparison.Ordinal);
        Assert.Contains("/js/field.js", html, StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(await cadre.GetStringAsync("/field.webmanifest"));
        Assert.Equal("/field", manifest.RootElement.GetProperty("start_url").GetString());
        Assert.Contains("caches.open", await cadre.GetStringAsync("/field-sw.js"), StringComparison.Ordinal);
        var me = JsonDocument.Parse(await cadre.GetStringAsync("/api/v1/field/me"));
        Assert.True(me.RootElement.GetProperty("villages").GetArrayLength() >= 1);
        Assert.Equal(ChinaTime.Today(TimeProvider.System).Year, me.RootElement.GetProperty("year").GetInt32());
    }
}
