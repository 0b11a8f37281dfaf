using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Liaison.E2E;

[Collection("browser")]
public class FieldJourney(BrowserFixture app)
{
    [Fact]
    public async Task A_cadre_records_visits_with_no_network_and_each_is_stored_exactly_once_when_it_returns()
    {
        await using var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN", IsMobile = true, HasTouch = true });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };

        await app.SignInAsync(page, "cadre");
        var watch = Stopwatch.StartNew();
        await page.GotoAsync(app.BaseUrl + "/field");
        await page.WaitForSelectorAsync("ul.households li");
        // The app's shell is on the phone before the network goes.
        Assert.True(await page.EvaluateAsync<bool>("navigator.serviceWorker.ready.then(() => true)"));

        await context.SetOfflineAsync(true);
        await page.WaitForSelectorAsync("#net.offline");
        var notes = new[] { $"离线走访一 {Guid.NewGuid():N}", $"离线走访二 {Guid.NewGuid():N}" };
        var taps = 0;
        foreach (var note in notes)
        {
            await page.Locator("ul.households li:not(.visited) button").First.TapAsync();
            taps++;
            await page.FillAsync("#visit-form textarea[name=note]", note);
            await page.TapAsync("#visit-save");
            taps++;
            if (note == notes[0])
            {
                watch.Stop();
            }
        }
        await page.WaitForSelectorAsync("#queue[data-pending='2']");

        // Reopened with no network: the app, the households and the queue are all still there.
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("ul.households li");
        await page.WaitForSelectorAsync("#queue[data-pending='2']");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "field-offline.png"), FullPage = false });

        await context.SetOfflineAsync(false);
        await page.EvaluateAsync("window.dispatchEvent(new Event('online'))");
        await page.WaitForSelectorAsync("#queue[data-pending='0']");

        await using var db = app.OpenDb();
        foreach (var note in notes)
        {
            Assert.Equal(1, await db.HouseholdVisits.CountAsync(v => v.Note == note));
        }
        // The first visit took two taps and a note, well inside the half minute the issue allows.
        Assert.Equal(4, taps);
        Console.WriteLine($"first visit recorded {watch.Elapsed.TotalSeconds:0.0} s after opening the app");
        Assert.True(errors.All(e => e.Contains("net::ERR_INTERNET_DISCONNECTED", StringComparison.Ordinal) || e.Contains("Failed to fetch", StringComparison.Ordinal)), string.Join("\n", errors));
        // Once everything went, the page says so, and nothing still says it waits.
        await AssertAllSyncedAsync(page);
    }

    [Fact]
    public async Task A_cadre_records_a_night_session_with_no_network_and_its_escalated_matter_becomes_one_case_when_it_returns()
    {
        await using var context = await PhoneAsync("cadre");
        var page = context.Pages[0];
        await page.WaitForSelectorAsync("ul.households li");
        Assert.True(await page.EvaluateAsync<bool>("navigator.serviceWorker.ready.then(() => true)"));

        await context.SetOfflineAsync(true);
        await page.WaitForSelectorAsync("#net.offline");
        var topic = $"秋收夜谈 {Guid.NewGuid():N}";
        await page.TapAsync("#night");
        await page.FillAsync("#night-form input[name=topic]", topic);
        await page.FillAsync("#night-form input[name=people]", "18");
        var rows = page.Locator("#night-form .matter");
        await rows.Nth(0).Locator("input[name=text]").FillAsync("晒场不够用");
        await rows.Nth(0).Locator("select[name=outcome]").SelectOptionAsync("Explained");
        await rows.Nth(1).Locator("input[name=text]").FillAsync("村东道路坑洼需修补");
        await rows.Nth(1).Locator("select[name=outcome]").SelectOptionAsync("Escalated");
        await page.TapAsync("#night-form button[type=submit]");
        await page.WaitForSelectorAsync("#queue[data-pending='1']");

        await context.SetOfflineAsync(false);
        await page.EvaluateAsync("window.dispatchEvent(new Event('online'))");
        await page.WaitForSelectorAsync("#queue[data-pending='0']");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "field-night.png"), FullPage = false });

        await using var db = app.OpenDb();
        var session = await db.NightSessions.SingleAsync(s => s.Topic == topic);
        Assert.Equal((18, 2, 1, 1), (session.People, session.Raised, session.Explained, session.Escalated));
        Assert.NotNull(session.ClientId);
        Assert.Equal("村东道路坑洼需修补", (await db.Cases.SingleAsync(c => c.NightSessionId == session.Id)).Description);
        await AssertAllSyncedAsync(page);
    }

    [Fact]
    public async Task A_cadre_records_a_deed_with_no_network_its_kind_showing_its_quantities_and_it_is_stored_once_when_the_network_returns()
    {
        await using var context = await PhoneAsync("cadre");
        var page = context.Pages[0];
        await page.WaitForSelectorAsync("ul.households li");
        Assert.True(await page.EvaluateAsync<bool>("navigator.serviceWorker.ready.then(() => true)"));

        await context.SetOfflineAsync(true);
        await page.WaitForSelectorAsync("#net.offline");
        var evidence = $"村南生产路硬化 {Guid.NewGuid():N}";
        await page.TapAsync("#deed");
        // Only the chosen kind's quantities show.
        await page.SelectOptionAsync("#deed-form select[name=kind]", "road");
        Assert.True(await page.IsVisibleAsync("#deed-form input[name='q.road.length']"));
        Assert.False(await page.IsVisibleAsync("#deed-form input[name='q.well.wells']"));
        // Not a number: the sheet stays open and nothing is queued.
        await page.FillAsync("#deed-form input[name='q.road.length']", "一点五");
        await page.TapAsync("#deed-save");
        Assert.True(await page.IsVisibleAsync("#deed-sheet"));
        Assert.Equal("0", await page.GetAttributeAsync("#queue", "data-pending"));
        // The length in the kind's unit, kilometres (commas would be thousands separators, as on the office form).
        await page.FillAsync("#deed-form input[name='q.road.length']", "1.25");
        await page.FillAsync("#deed-form textarea[name=evidence]", evidence);
        await page.TapAsync("#deed-save");
        await page.WaitForSelectorAsync("#queue[data-pending='1']");

        await context.SetOfflineAsync(false);
        await page.EvaluateAsync("window.dispatchEvent(new Event('online'))");
        await page.WaitForSelectorAsync("#queue[data-pending='0']");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "field-deed.png"), FullPage = false });
        // Sent again (a phone that lost the answer): still one deed.
        await page.EvaluateAsync("document.getElementById('sync').click()");

        await using var db = app.OpenDb();
        var deed = await db.Deeds.SingleAsync(d => d.Evidence == evidence);
        var cadre = (await db.Users.SingleAsync(u => u.UserName == "cadre")).CadreId;
        Assert.Equal(("road", cadre), (deed.Kind, deed.CadreId));
        Assert.NotNull(deed.ClientId);
        Assert.Equal(1.25m, (await db.DeedQuantities.SingleAsync(q => q.DeedId == deed.Id)).Value);
        await AssertAllSyncedAsync(page);
    }

    [Fact]
    public async Task Where_the_phone_allows_a_visit_and_a_stay_carry_its_position_and_the_page_says_so()
    {
        const float latitude = 35.405f, longitude = 116.587f;
        await using var context = await app.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 },
            Locale = "zh-CN",
            IsMobile = true,
            HasTouch = true,
            Permissions = ["geolocation"],
            Geolocation = new() { Latitude = latitude, Longitude = longitude },
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await app.SignInAsync(page, "cadre");
        await page.GotoAsync(app.BaseUrl + "/field");
        await page.WaitForSelectorAsync("ul.households li");

        var note = $"有位置的走访 {Guid.NewGuid():N}";
        // The sheet says what the phone gave before the cadre saves.
        await VisitAndStayAsync(page, note, async () => Assert.Equal("位置已记录", await page.Locator("#visit-position[data-located='true']").TextContentAsync()));
        foreach (var kind in new[] { "visit", "stay" })
        {
            var record = page.Locator($"#records li[data-kind='{kind}']").First;
            Assert.Equal("true", await record.GetAttributeAsync("data-located"));
            Assert.Contains("位置已记录", await record.TextContentAsync(), StringComparison.Ordinal);
            Assert.Contains("已同步", await record.TextContentAsync(), StringComparison.Ordinal);
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "field-position.png"), FullPage = false });

        await using var db = app.OpenDb();
        var visit = await db.HouseholdVisits.SingleAsync(v => v.Note == note);
        Assert.Equal(latitude, visit.Latitude!.Value, 1e-5);
        Assert.Equal(longitude, visit.Longitude!.Value, 1e-5);
        var stayId = await RecentIdAsync(page, "stay");
        var stay = await db.ResidenceStays.SingleAsync(s => s.ClientId == stayId);
        Assert.Equal(latitude, stay.Latitude!.Value, 1e-5);
        Assert.Equal(longitude, stay.Longitude!.Value, 1e-5);
    }

    [Fact]
    public async Task A_member_of_a_paired_unit_with_no_tie_of_their_own_records_a_stay_and_a_visit_in_the_paired_village_from_the_phone()
    {
        int cadreId;
        string cadreCode, village;
        await using (var db = app.OpenDb())
        {
            var pairing = await db.LiaisonTies.AsNoTracking().Where(x => x.Kind == Domain.Liaisons.TieKind.Pairing && x.Until == null).OrderByDescending(x => x.Year).ThenBy(x => x.Id).FirstAsync();
            var tied = db.LiaisonTies.Where(x => x.CadreId != null).Select(x => x.CadreId!.Value);
            var posted = db.SecretaryPostings.Select(p => p.CadreId);
            var accounts = db.Users.Where(u => u.CadreId != null).Select(u => u.CadreId!.Value);
            var member = await db.Cadres.AsNoTracking().Where(c => c.UnitId == pairing.UnitId && c.Status == Domain.People.CadreStatus.Active
                && !tied.Contains(c.Id) && !posted.Contains(c.Id) && !accounts.Contains(c.Id)).OrderBy(c => c.Id).FirstAsync();
            (cadreId, cadreCode, village) = (member.Id, member.Code, pairing.DivisionCode);
        }
        await using var context = await PhoneOfAsync("member-" + cadreCode, cadreCode, village);
        var page = context.Pages[0];
        await page.WaitForSelectorAsync("ul.households li");
        // The paired village is the member's only village, and says why it is theirs.
        Assert.Contains("联建村", await page.Locator("#villages button").Last.TextContentAsync(), StringComparison.Ordinal);

        var note = $"联建单位干部走访 {Guid.NewGuid():N}";
        await VisitAndStayAsync(page, note);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "field-pairing-member.png"), FullPage = false });

        await using var check = app.OpenDb();
        var visit = await check.HouseholdVisits.SingleAsync(v => v.Note == note);
        Assert.Equal((cadreId, village), (visit.CadreId, visit.VillageCode));
        var stayId = await RecentIdAsync(page, "stay");
        var stay = await check.ResidenceStays.SingleAsync(s => s.ClientId == stayId);
        Assert.Equal((cadreId, village), (stay.CadreId, stay.VillageCode));
    }

    [Fact]
    public async Task A_First_Secretary_sees_their_visiting_duties_on_the_phone_and_a_visit_made_offline_counts_at_once()
    {
        string cadreCode, village;
        await using (var db = app.OpenDb())
        {
            var accounts = db.Users.Where(u => u.CadreId != null).Select(u => u.CadreId!.Value);
            var posting = await db.SecretaryPostings.AsNoTracking().Where(p => p.Until == null && !accounts.Contains(p.CadreId)).OrderBy(p => p.VillageCode).FirstAsync();
            (cadreCode, village) = (await db.Cadres.Where(c => c.Id == posting.CadreId).Select(c => c.Code).SingleAsync(), posting.VillageCode);
        }
        var name = "fs-" + cadreCode;
        Assert.Equal(0, await Liaison.App.Cli.LiaisonCli.RunAsync(["users", "add", "--name", name, "--role", "cadre", "--scope", village, "--cadre", cadreCode,
            "--password", Liaison.Tests.Shared.TestAccounts.Password, "--db", app.DbSetting], TimeProvider.System));

        await using var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN", IsMobile = true, HasTouch = true });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await app.SignInAsync(page, name);
        await page.GotoAsync(app.BaseUrl + "/field");
        await page.WaitForSelectorAsync("ul.households li");
        await page.Locator("#villages button", new() { HasText = "第一书记" }).First.TapAsync();
        var all = page.Locator("#duties li[data-duty='allHouseholds']");
        await all.WaitForAsync();
        Assert.Equal(3, await page.Locator("#duties li").CountAsync());
        var before = await all.TextContentAsync();
        Assert.StartsWith("走访全村农户：", before, StringComparison.Ordinal);
        Assert.Contains("未走访", await page.Locator("#duties #unvisited").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("办一两件实事", await page.Locator("#duties").TextContentAsync(), StringComparison.Ordinal);

        // A visit made with no network counts toward the duties while it waits.
        await context.SetOfflineAsync(true);
        await page.WaitForSelectorAsync("#net.offline");
        await page.Locator("ul.households li:not(.visited) button").First.TapAsync();
        await page.TapAsync("#visit-save");
        await page.WaitForSelectorAsync("#queue[data-pending='1']");
        var done = int.Parse(System.Text.RegularExpressions.Regex.Match(before!, "：(\\d+)/").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith($"走访全村农户：{done + 1}/", await all.TextContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "field-secretary-duties.png"), FullPage = false });

        await context.SetOfflineAsync(false);
        await page.EvaluateAsync("window.dispatchEvent(new Event('online'))");
        await page.WaitForSelectorAsync("#queue[data-pending='0']");
        Assert.StartsWith($"走访全村农户：{done + 1}/", await all.TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_leave_to_know_the_position_a_visit_is_saved_at_once_without_one()
    {
        await using var context = await PhoneAsync("cadre");
        var page = context.Pages[0];
        await page.WaitForSelectorAsync("ul.households li");

        var note = $"无位置的走访 {Guid.NewGuid():N}";
        await page.Locator("ul.households li:not(.visited) button").First.TapAsync();
        // Saved straight away, whatever the phone has answered yet.
        await page.FillAsync("#visit-form textarea[name=note]", note);
        await page.TapAsync("#visit-save");
        var record = page.Locator("#records li[data-kind='visit'][data-synced='true']").First;
        await record.WaitForAsync();
        Assert.Equal("false", await record.GetAttributeAsync("data-located"));
        Assert.Contains("位置未记录", await record.TextContentAsync(), StringComparison.Ordinal);
        await AssertAllSyncedAsync(page);

        await using var db = app.OpenDb();
        var visit = await db.HouseholdVisits.SingleAsync(v => v.Note == note);
        Assert.Equal((null, null), (visit.Latitude, visit.Longitude));
    }

    [Fact]
    public async Task A_cadre_responsible_for_a_help_plan_sees_it_on_the_phone_and_follows_it_up_with_a_visit()
    {
        int cadreId;
        long householdId;
        string cadreCode, village, houseNo;
        await using (var db = app.OpenDb())
        {
            var tied = db.LiaisonTies.Where(x => x.CadreId != null).Select(x => x.CadreId!.Value);
            var paired = db.LiaisonTies.Where(x => x.Kind == Domain.Liaisons.TieKind.Pairing).Select(x => x.UnitId);
            var accounts = db.Users.Where(u => u.CadreId != null).Select(u => u.CadreId!.Value);
            var helper = await db.Cadres.AsNoTracking().Where(c => c.Status == Domain.People.CadreStatus.Active && !tied.Contains(c.Id) && !paired.Contains(c.UnitId)
                && !db.SecretaryPostings.Any(p => p.CadreId == c.Id) && !db.WorkTeamMembers.Any(m => m.CadreId == c.Id) && !accounts.Contains(c.Id)
                && !db.HelpPlans.Any(p => p.CadreId == c.Id)).OrderByDescending(c => c.Id).FirstAsync();
            var helped = db.HelpPlans.Select(p => p.HouseholdId);
            var household = await db.Households.AsNoTracking().Where(h => h.Status == Domain.People.HouseholdStatus.Current && !helped.Contains(h.Id)).OrderByDescending(h => h.Id).FirstAsync();
            await Data.Liaisons.HelpPlanStore.CreateAsync(db, TimeProvider.System, new Data.Liaisons.OfficeActor("e2e-office", _ => true),
                new Data.Liaisons.HelpPlanInput(household.Id, helper.Code, "缺少劳动力，子女在外务工", "介绍就近务工，联系农技培训", Domain.Shared.ChinaTime.Today(TimeProvider.System).AddDays(20)), default);
            (cadreId, cadreCode, householdId, village, houseNo) = (helper.Id, helper.Code, household.Id, household.VillageCode, household.HouseNo);
        }
        await using var context = await PhoneOfAsync("helper-" + cadreCode, cadreCode, village);
        var page = context.Pages[0];
        await page.WaitForSelectorAsync("#help-plans li");
        var plan = page.Locator("#help-plans li").First;
        Assert.Contains("需求：缺少劳动力，子女在外务工；措施：介绍就近务工，联系农技培训", await plan.TextContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "field-help-plan.png"), FullPage = false });

        // The plan's household opens the visit that follows it up.
        await plan.Locator("button").TapAsync();
        Assert.StartsWith(houseNo, await page.Locator("#visit-title").TextContentAsync(), StringComparison.Ordinal);
        var note = $"跟进帮扶 {Guid.NewGuid():N}";
        await page.FillAsync("#visit-form textarea[name=note]", note);
        await page.TapAsync("#visit-save");
        await page.WaitForSelectorAsync("#records li[data-kind='visit'][data-synced='true']");
        await using var check = app.OpenDb();
        var visit = await check.HouseholdVisits.SingleAsync(v => v.Note == note);
        Assert.Equal((cadreId, householdId), (visit.CadreId, visit.HouseholdId));
    }

    /// <summary>A new cadre account for <paramref name="cadreCode"/> (scope: <paramref name="village"/>), signed in on a phone-sized page showing /field.</summary>
    private async Task<IBrowserContext> PhoneOfAsync(string name, string cadreCode, string village)
    {
        Assert.Equal(0, await Liaison.App.Cli.LiaisonCli.RunAsync(["users", "add", "--name", name, "--role", "cadre", "--scope", village, "--cadre", cadreCode,
            "--password", Liaison.Tests.Shared.TestAccounts.Password, "--db", app.DbSetting], TimeProvider.System));
        return await PhoneAsync(name);
    }

    /// <summary>A phone signed in as the account, on the field app (its first page).</summary>
    private async Task<IBrowserContext> PhoneAsync(string name)
    {
        var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN", IsMobile = true, HasTouch = true });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await app.SignInAsync(page, name);
        await page.GotoAsync(app.BaseUrl + "/field");
        return context;
    }

    /// <summary>A visit to the first household not yet visited, with its note, and "in the village today"; both synced. <paramref name="onSheet"/> runs while the visit's sheet is open.</summary>
    private static async Task VisitAndStayAsync(IPage page, string note, Func<Task>? onSheet = null)
    {
        await page.Locator("ul.households li:not(.visited) button").First.TapAsync();
        if (onSheet is not null)
        {
            await onSheet();
        }
        await page.FillAsync("#visit-form textarea[name=note]", note);
        await page.TapAsync("#visit-save");
        await page.TapAsync("#in-village");
        await page.WaitForSelectorAsync("#records li[data-kind='visit'][data-synced='true']");
        await page.WaitForSelectorAsync("#records li[data-kind='stay'][data-synced='true']");
        await AssertAllSyncedAsync(page);
    }

    private static async Task AssertAllSyncedAsync(IPage page)
    {
        await page.WaitForSelectorAsync("#queue[data-synced='true']");
        Assert.StartsWith("全部已同步", await page.Locator("#queue-state").TextContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("等待同步", await page.Locator("#message").TextContentAsync() ?? "", StringComparison.Ordinal);
    }

    /// <summary>The client id of the latest synced record of a kind, as the phone keeps it.</summary>
    private static async Task<Guid> RecentIdAsync(IPage page, string kind) =>
        Guid.Parse(await page.EvaluateAsync<string>("""
            kind => JSON.parse(localStorage.getItem(Object.keys(localStorage).find(k => k.startsWith('liaison.field.recent.')))).find(r => r.kind === kind).id
            """, kind));
}
