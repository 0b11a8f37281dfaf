using System.Net;
using System.Text.Json;
using Liaison.App.Cli;
using Liaison.Data.Audit;
using Liaison.Data.People;
using Liaison.Domain.Access;
using Liaison.Domain.People;
using Liaison.Domain.Shared;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

/// <summary>The registry forms under /people: within the jurisdiction, audited, refused over a changed record; each test on its own planned demo.</summary>
public sealed class RegistryWebTests() : OwnDemoHost(planned: true)
{
    /// <summary>Retires a cadre today on the cadre's registry page, as an office does.</summary>
    private static Task<HttpResponseMessage> RetireAsync(HttpClient office, string code) =>
        Forms.PostAsync(office, $"/people/cadres/{code}", "change", new()
        {
            ["change"] = ((int)RegistryAction.Retired).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["on"] = ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["reason"] = "到龄退休",
        });

    /// <summary>Posts a page's plain form (no handler) with its anti-forgery token.</summary>
    private static async Task<HttpResponseMessage> PostPlainAsync(HttpClient client, string page, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        fields["__RequestVerificationToken"] = TestAccounts.FormToken(html);
        return await client.PostAsync(page, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task An_office_adds_a_household_in_its_county_sealed_and_audited_and_a_township_office_is_refused_one_outside_its_township()
    {
        await using var db = Demo.Target.CreateContext();
        var office = await SignedInAsync("office");
        var added = await PostPlainAsync(office, "/people/households/new", new()
        {
            ["village"] = "370830001001",
            ["houseNo"] = "新-88",
            ["headName"] = "周新户",
            ["headPhone"] = "13912345678",
            ["memberCount"] = "3",
            ["categories"] = "Poor",
            ["reason"] = "外地迁入",
        });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var household = await db.Households.AsNoTracking().SingleAsync(h => h.VillageCode == "370830001001" && h.HouseNo == "新-88");
        Assert.Equal(("周新户", "13912345678", HouseholdCategory.Poor, HouseholdStatus.Current), (household.HeadName, household.HeadPhone, household.Categories, household.Status));
        Assert.Equal($"/people/households/{household.Id}", added.Headers.Location?.OriginalString);
        var raw = await db.Database.SqlQueryRaw<string>("SELECT head_name AS \"Value\" FROM households WHERE id = {0}", household.Id).SingleAsync();
        Assert.DoesNotContain("周新户", raw, StringComparison.Ordinal);
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "household.add");
        Assert.Equal(("office", "370830001001"), (audit.Actor, audit.DivisionCode));
        Assert.DoesNotContain("周新户", audit.After ?? "", StringComparison.Ordinal);
        // The page shows it masked, with its history.
        var page = await office.GetStringAsync($"/people/households/{household.Id}");
        Assert.Contains("周**", page, StringComparison.Ordinal);
        Assert.DoesNotContain("周新户", page, StringComparison.Ordinal);
        Assert.Contains("外地迁入", page, StringComparison.Ordinal);

        var township = await SignedInAsync("township-office");
        var outside = await PostPlainAsync(township, "/people/households/new", new()
        {
            ["village"] = "370830102001",
            ["houseNo"] = "越-1",
            ["headName"] = "越权户",
            ["memberCount"] = "2",
        });
        Assert.Equal(HttpStatusCode.OK, outside.StatusCode);
        Assert.Contains("不在您的管辖范围内", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await db.Households.AnyAsync(h => h.HouseNo == "越-1"));
        Assert.Single(await db.AuditEntries.Where(e => e.Action.StartsWith("household.")).ToListAsync());
        // A record of another township is not there for it, and a unit's administrator has no registry pages.
        var elsewhere = await db.Households.AsNoTracking().Where(h => h.VillageCode.StartsWith("370830102")).Select(h => h.Id).FirstAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await township.GetAsync($"/people/households/{elsewhere}")).StatusCode);
        var unitAdmin = await SignedInAsync("unit-admin");
        var denied = await unitAdmin.GetAsync("/people/households/new");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/denied", denied.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_office_retires_a_cadre_on_the_form_the_ties_end_the_check_lists_them_to_replan_and_the_plan_page_answers_who_was_tied_before()
    {
        await using var db = Demo.Target.CreateContext();
        var tie = await db.LiaisonTies.AsNoTracking().Where(t => t.Until == null && t.CadreId != null && t.DivisionCode.StartsWith("370830") && t.DivisionCode.Length == 12)
            .OrderBy(t => t.Id).FirstAsync();
        var cadre = await db.Cadres.AsNoTracking().SingleAsync(c => c.Id == tie.CadreId);
        var today = ChinaTime.Today(TimeProvider.System);
        var office = await SignedInAsync("office");

        var response = await RetireAsync(office, cadre.Code);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已保存", html, StringComparison.Ordinal);
        Assert.Contains("需重新编制计划", html, StringComparison.Ordinal);
        Assert.Equal(CadreStatus.Retired, (await db.Cadres.AsNoTracking().SingleAsync(c => c.Id == cadre.Id)).Status);
        var ended = await db.LiaisonTies.AsNoTracking().SingleAsync(t => t.Id == tie.Id);
        Assert.Equal((today, "退休：到龄退休"), (ended.Until!.Value, ended.EndReason));
        Assert.Equal("office", (await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "cadre.retired")).Actor);

        var check = await office.GetStringAsync("/plan/check?code=370830");
        Assert.Contains("to-replan", check, StringComparison.Ordinal);
        Assert.Contains(cadre.Name, check, StringComparison.Ordinal);
        // Yesterday the cadre was tied there; today no longer.
        var before = await office.GetStringAsync($"/plan/{tie.DivisionCode}?on={ended.Since:yyyy-MM-dd}");
        Assert.Contains(cadre.Name, before, StringComparison.Ordinal);
        var now = await office.GetStringAsync($"/plan/{tie.DivisionCode}?on={today:yyyy-MM-dd}");
        Assert.DoesNotContain($"/plan/people/{cadre.Code}\"", now, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cadre_who_retires_signs_in_no_more_their_session_ends_and_the_office_is_audited_for_it()
    {
        await using var db = Demo.Target.CreateContext();
        var account = await db.Users.AsNoTracking().SingleAsync(a => a.UserName == "cadre");
        var cadre = await db.Cadres.AsNoTracking().SingleAsync(c => c.Id == account.CadreId);
        var field = await SignedInAsync("cadre");
        Assert.Equal(HttpStatusCode.OK, (await field.GetAsync("/api/v1/field/me")).StatusCode);

        var office = await SignedInAsync("office");
        Assert.Contains("已保存", await (await RetireAsync(office, cadre.Code)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.True((await db.Users.AsNoTracking().SingleAsync(a => a.UserName == "cadre")).IsDisabled);
        // The live session ends at its next request, and the account cannot sign in again.
        Assert.NotEqual(HttpStatusCode.OK, (await field.GetAsync("/api/v1/field/me")).StatusCode);
        Assert.False(TestAccounts.IsSignedIn(await TestAccounts.SignInAsync(AppFixture.ClientOf(Host), "cadre")));
        var disabled = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "account.disable");
        Assert.Equal(("office", "cadre"), (disabled.Actor, disabled.EntityKey));
    }

    [Fact]
    public async Task A_retired_cadre_leaves_the_unit_administrators_list_of_who_is_not_yet_taking_part()
    {
        await using var db = Demo.Target.CreateContext();
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Code == "370830U001");
        // One not taking part yet: the list shows them first.
        var cadre = await db.Cadres.AsNoTracking().Where(c => c.UnitId == unit.Id && !db.LiaisonTies.Any(t => t.CadreId == c.Id && t.Until == null))
            .OrderBy(c => c.Code).FirstAsync();
        var inPost = await db.Cadres.CountAsync(c => c.UnitId == unit.Id && c.Status == CadreStatus.Active);
        var unitAdmin = await SignedInAsync("unit-admin");
        var home = await unitAdmin.GetStringAsync("/");
        Assert.Contains($"<td>{cadre.Code}</td>", home, StringComparison.Ordinal);
        Assert.Contains($"共 {inPost} 人", home, StringComparison.Ordinal);

        var office = await SignedInAsync("office");
        Assert.Contains("已保存", await (await RetireAsync(office, cadre.Code)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await unitAdmin.GetStringAsync("/");
        Assert.DoesNotContain($"<td>{cadre.Code}</td>", after, StringComparison.Ordinal);
        Assert.Contains($"共 {inPost - 1} 人", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_save_over_a_changed_cadre_is_refused_with_what_changed()
    {
        await using var db = Demo.Target.CreateContext();
        var cadre = await db.Cadres.AsNoTracking().Where(c => c.Status == CadreStatus.Active).OrderBy(c => c.Code).FirstAsync();
        var office = await SignedInAsync("office");
        var page = $"/people/cadres/{cadre.Code}";
        var html = await office.GetStringAsync(page);

        // Someone else saves first.
        await RegistryStore.EditCadreAsync(db, TimeProvider.System, new Actor("someone-else"), Scope.Everything, cadre.Code,
            new CadreInput(cadre.Code, "改过的名字", "", cadre.Rank, cadre.IsReserve, cadre.IsPolice, cadre.IsNewlyPromoted, cadre.BirthYear, cadre.Gender, null), null, default);

        var action = System.Text.RegularExpressions.Regex.Match(html, "<form[^>]*action=\"([^\"]*handler=edit)\"").Groups[1].Value;
        var response = await office.PostAsync(WebUtility.HtmlDecode(action), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TestAccounts.FormToken(html),
            ["version"] = cadre.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["name"] = "我的名字",
            ["rank"] = ((int)cadre.Rank).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["birthYear"] = cadre.BirthYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["gender"] = ((int)cadre.Gender).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));

        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("该记录已被修改", text, StringComparison.Ordinal);
        Assert.Contains("someone-else", text, StringComparison.Ordinal);
        Assert.Equal("改过的名字", (await db.Cadres.AsNoTracking().SingleAsync(c => c.Id == cadre.Id)).Name);
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == "cadre.edit" && e.Actor == "office"));
    }
}

/// <summary>The registry commands as a script calls them.</summary>
[Collection("console")]
public sealed class RegistryCliTests
{
    [Fact]
    public async Task Retiring_a_cadre_from_the_command_line_ends_the_ties_and_plan_village_on_a_past_day_still_names_the_cadre()
    {
        await using var file = await TempSqlite.WithPlannedSmallDemoAsync();
        var db = "sqlite:" + file.Path;
        string code;
        string village;
        DateOnly since;
        await using (var context = file.Target.CreateContext())
        {
            var tie = await context.LiaisonTies.AsNoTracking().Where(t => t.Until == null && t.CadreId != null && t.DivisionCode.StartsWith("370830") && t.DivisionCode.Length == 12).OrderBy(t => t.Id).FirstAsync();
            code = await context.Cadres.Where(c => c.Id == tie.CadreId).Select(c => c.Code).SingleAsync();
            (village, since) = (tie.DivisionCode, tie.Since);
        }
        var today = ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var (exit, output, _) = await CliRunner.RunAsync("cadres", "retire", code, "--on", today, "--reason", "到龄退休", "--db", db, "--json");
        Assert.Equal(ExitCodes.Ok, exit);
        using (var json = JsonDocument.Parse(output))
        {
            Assert.Equal("retired", json.RootElement.GetProperty("action").GetString());
            Assert.True(json.RootElement.GetProperty("tiesEnded").GetInt32() >= 1);
            Assert.Contains(village, json.RootElement.GetProperty("replan").EnumerateArray().Select(e => e.GetString()));
        }
        // Twice is refused: a retired cadre cannot retire again (exit 2, nothing written).
        var (again, againOut, _) = await CliRunner.RunAsync("cadres", "retire", code, "--on", today, "--reason", "再次", "--db", db, "--json");
        Assert.Equal(ExitCodes.Refused, again);
        Assert.Contains("not-open", againOut, StringComparison.Ordinal);

        var (planExit, planOut, _) = await CliRunner.RunAsync("plan", "village", village, "--on", since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "--db", db, "--json");
        Assert.Equal(ExitCodes.Ok, planExit);
        using (var json = JsonDocument.Parse(planOut))
        {
            Assert.Contains(json.RootElement.GetProperty("ties").EnumerateArray(), t => t.GetProperty("cadre").GetString() == code && t.GetProperty("until").GetString() == today);
        }
        var (nowExit, nowOut, _) = await CliRunner.RunAsync("plan", "village", village, "--on", today, "--db", db, "--json");
        Assert.Equal(ExitCodes.Ok, nowExit);
        Assert.DoesNotContain($"\"{code}\"", nowOut, StringComparison.Ordinal);
        // As an account of another township, the village is not there.
        await TestAccounts.CreateAsync(file.Target);
        var outsider = village.StartsWith("370830001", StringComparison.Ordinal) ? "other-inspector" : "township-office";
        var (outsideExit, _, _) = await CliRunner.RunAsync("plan", "village", village, "--as", outsider, "--db", db, "--json");
        Assert.Equal(ExitCodes.Refused, outsideExit);
    }
}
