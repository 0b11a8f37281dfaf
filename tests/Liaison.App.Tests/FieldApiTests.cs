using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Liaison.App.Auth;
using Liaison.Data.Audit;
using Liaison.Domain.Field;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.App.Tests;

/// <summary>The field API as the phone and other systems use it: exactly once, answers by index, ProblemDetails naming the field.</summary>
public sealed class FieldApiTests : OwnHost
{
    private static readonly string[] Kept = ["stored", "duplicate"];

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    private async Task<List<long>> HouseholdsAsync(int n)
    {
        await using var db = Demo.Target.CreateContext();
        return await db.Households.Where(h => h.VillageCode == "370830001001").OrderBy(h => h.Id).Select(h => h.Id).Take(n).ToListAsync();
    }

    /// <summary>Every visit of a test run happened at the same minute, so that a resend is the same record.</summary>
    private static readonly DateTimeOffset VisitedAt = Now.AddMinutes(-5);

    private static object Visit(Guid id, long household, string? note = null) =>
        new { id, household, visitedAt = VisitedAt, note, issues = new[] { "路灯不亮" } };

    [Fact]
    public async Task A_cadre_posts_a_visit_once_and_every_resend_is_answered_without_a_second_copy()
    {
        var cadre = await SignedInAsync("cadre");
        var households = await HouseholdsAsync(3);
        var me = await cadre.GetFromJsonAsync<JsonElement>("/api/v1/field/me");
        Assert.Contains(me.GetProperty("villages").EnumerateArray(), v => v.GetProperty("code").GetString() == "370830001001");

        var id = Guid.NewGuid();
        var created = await cadre.PostAsJsonAsync("/api/v1/field/visits", Visit(id, households[0], "家里老人身体好"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var again = await cadre.PostAsJsonAsync("/api/v1/field/visits", Visit(id, households[0], "家里老人身体好"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("duplicate", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var changed = await cadre.PostAsJsonAsync("/api/v1/field/visits", Visit(id, households[0], "别的内容"));
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Equal("application/problem+json", changed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(id.ToString(), (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());

        var bad = await cadre.PostAsJsonAsync("/api/v1/field/visits", new { id = Guid.NewGuid(), household = 1L, visitedAt = Now.AddDays(2) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("visitedAt", out _));
        // Each field's stable code beside its message, for the phone app (decision 0016).
        Assert.Equal("in-the-future", problem.GetProperty("codes").GetProperty("visitedAt")[0].GetString());
        Assert.Equal(0, problem.GetProperty("index").GetInt32());

        var mine = await cadre.GetFromJsonAsync<JsonElement>("/api/v1/field/visits");
        Assert.Single(mine.EnumerateArray(), v => v.GetProperty("clientId").GetString() == id.ToString());
        await using var db = Demo.Target.CreateContext();
        Assert.Equal(1, await db.HouseholdVisits.CountAsync(v => v.ClientId == id));
        Assert.Equal(1, await db.RecordConflicts.CountAsync(c => c.ClientId == id));
    }

    [Fact]
    public async Task A_night_session_from_the_phone_is_stored_once_with_its_escalated_matter_taken_up_once_and_only_in_the_cadres_village()
    {
        const string village = "370830001001";
        var cadre = await SignedInAsync("cadre");
        var id = Guid.NewGuid();
        var held = Domain.Shared.ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        object Session(Guid key, string where) => new
        {
            id = key,
            village = where,
            heldOn = held,
            topic = "人居环境整治夜谈",
            people = 23,
            attendees = "党员、村民代表",
            matters = new object[]
            {
                new { text = "垃圾清运不及时", outcome = "solved" },
                new { text = "村南排水沟堵塞，需乡镇协调", outcome = "escalated", category = "infrastructure" },
            },
        };
        var created = await cadre.PostAsJsonAsync("/api/v1/field/nights", Session(id, village));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var recordId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recordId").GetInt64();
        // The phone's queue sends it again (the answer was lost): the same session, nothing new.
        var again = await cadre.PostAsJsonAsync("/api/v1/field/nights", new[] { Session(id, village) });
        var answer = (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0];
        Assert.Equal(("duplicate", recordId), (answer.GetProperty("status").GetString(), answer.GetProperty("recordId").GetInt64()));

        // Not in a village of the cadre's own; not without the phone's id.
        string elsewhere;
        await using (var db = Demo.Target.CreateContext())
        {
            elsewhere = await db.Divisions.Where(d => d.Level == Domain.Divisions.DivisionLevel.Village && d.Code.StartsWith("370830102")).OrderBy(d => d.Code).Select(d => d.Code).FirstAsync();
        }
        var outside = await cadre.PostAsJsonAsync("/api/v1/field/nights", Session(Guid.NewGuid(), elsewhere));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outside.StatusCode);
        Assert.True((await outside.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("villageCode", out _));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await cadre.PostAsJsonAsync("/api/v1/field/nights", Session(Guid.Empty, village))).StatusCode);
        // An inspector records no night session.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await SignedInAsync("inspector")).PostAsJsonAsync("/api/v1/field/nights", Session(Guid.NewGuid(), village))).StatusCode);

        await using (var db = Demo.Target.CreateContext())
        {
            var session = await db.NightSessions.SingleAsync(s => s.ClientId == id);
            Assert.Equal((village, 2, 1, 1, "cadre"), (session.VillageCode, session.Raised, session.Solved, session.Escalated, session.RecordedBy));
            var taken = await db.Cases.SingleAsync(c => c.NightSessionId == session.Id);
            Assert.Equal(Domain.Cases.CaseChannel.NightVisit, taken.Channel);
            Assert.Equal(1, await db.NightSessions.CountAsync(s => s.VillageCode == elsewhere || s.ClientId == id));
        }
    }

    [Fact]
    public async Task A_deed_from_the_phone_is_stored_once_as_the_cadres_own_in_the_kinds_units_and_only_in_the_cadres_village()
    {
        const string village = "370830001001";
        var cadre = await SignedInAsync("cadre");
        var id = Guid.NewGuid();
        var on = Domain.Shared.ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        object Deed(Guid key, string where, string unit) => new { id = key, village = where, kind = "road", on, quantities = new[] { new { code = "length", value = 0.8m, unit } }, evidence = "村南生产路" };
        var created = await cadre.PostAsJsonAsync("/api/v1/field/deeds", Deed(id, village, "公里"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var recordId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recordId").GetInt64();
        var again = (await (await cadre.PostAsJsonAsync("/api/v1/field/deeds", new[] { Deed(id, village, "公里") })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0];
        Assert.Equal(("duplicate", recordId), (again.GetProperty("status").GetString(), again.GetProperty("recordId").GetInt64()));

        // Metres for kilometres: refused by the quantity's field, naming the unit; a village not the cadre's; no phone id.
        var metres = await cadre.PostAsJsonAsync("/api/v1/field/deeds", Deed(Guid.NewGuid(), village, "米"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, metres.StatusCode);
        Assert.True((await metres.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("quantities.length", out _));
        string elsewhere;
        await using (var db = Demo.Target.CreateContext())
        {
            elsewhere = await db.Divisions.Where(d => d.Level == Domain.Divisions.DivisionLevel.Village && d.Code.StartsWith("370830102")).OrderBy(d => d.Code).Select(d => d.Code).FirstAsync();
        }
        var outside = await cadre.PostAsJsonAsync("/api/v1/field/deeds", Deed(Guid.NewGuid(), elsewhere, "km"));
        Assert.True((await outside.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("villageCode", out _));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await cadre.PostAsJsonAsync("/api/v1/field/deeds", Deed(Guid.Empty, village, "km"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await SignedInAsync("inspector")).PostAsJsonAsync("/api/v1/field/deeds", Deed(Guid.NewGuid(), village, "km"))).StatusCode);

        await using (var db = Demo.Target.CreateContext())
        {
            var deed = await db.Deeds.SingleAsync(d => d.ClientId == id);
            var own = await db.Users.Where(u => u.UserName == "cadre").Select(u => u.CadreId).SingleAsync();
            Assert.Equal((village, own, "cadre"), (deed.VillageCode, deed.CadreId, deed.RecordedBy));
            Assert.Equal(0.8m, await db.DeedQuantities.Where(q => q.DeedId == deed.Id).Select(q => q.Value).SingleAsync());
            Assert.Equal(1, await db.Deeds.CountAsync(d => d.VillageCode == elsewhere || d.ClientId == id));
        }
    }

    [Fact]
    public async Task A_visit_and_a_stay_keep_the_position_sent_and_one_far_from_the_village_is_flagged_for_supervisors()
    {
        const string village = "370830001001";
        var cadre = await SignedInAsync("cadre");
        var households = await HouseholdsAsync(2);
        double lat, lon;
        await using (var db = Demo.Target.CreateContext())
        {
            var place = await db.Divisions.SingleAsync(d => d.Code == village);
            (lat, lon) = (place.Latitude!.Value, place.Longitude!.Value);
        }
        // Beside the village, and about 55 km north of it.
        var (near, far, stay) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal(HttpStatusCode.Created, (await cadre.PostAsJsonAsync("/api/v1/field/visits",
            new { id = near, household = households[0], visitedAt = Now.AddHours(-3), latitude = lat + 0.001, longitude = lon })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await cadre.PostAsJsonAsync("/api/v1/field/visits",
            new { id = far, household = households[1], visitedAt = Now.AddMinutes(-1), latitude = lat + 0.5, longitude = lon })).StatusCode);
        var today = Domain.Shared.ChinaTime.Today(TimeProvider.System);
        Assert.Equal(HttpStatusCode.Created, (await cadre.PostAsJsonAsync("/api/v1/field/stays",
            new { id = stay, village, arrived = today, latitude = lat + 0.5, longitude = lon })).StatusCode);
        // A position is checked as a visit's is, and refused by its field.
        var bad = await cadre.PostAsJsonAsync("/api/v1/field/stays", new { id = Guid.NewGuid(), village, arrived = today, latitude = 95.0, longitude = lon });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal("coordinates", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("codes").GetProperty("latitude")[0].GetString());

        long farId, stayId;
        await using (var db = Demo.Target.CreateContext())
        {
            var visit = await db.HouseholdVisits.SingleAsync(v => v.ClientId == far);
            Assert.Equal((lat + 0.5, lon), (visit.Latitude, visit.Longitude));
            var stored = await db.ResidenceStays.SingleAsync(s => s.ClientId == stay);
            Assert.Equal((lat + 0.5, lon), (stored.Latitude, stored.Longitude));
            (farId, stayId) = (visit.Id, stored.Id);
        }
        var mine = await cadre.GetFromJsonAsync<JsonElement>("/api/v1/field/stays");
        Assert.Equal(lat + 0.5, mine.EnumerateArray().Single(s => s.GetProperty("clientId").GetGuid() == stay).GetProperty("latitude").GetDouble());

        var inspector = await SignedInAsync("inspector");
        // The checks run by the clock; "check now" runs them at once, and the flags are kept.
        var flags = WebUtility.HtmlDecode(await (await Liaison.Tests.Shared.Forms.PostAsync(inspector, "/field/flags?code=370830001", "refresh", [])).Content.ReadAsStringAsync());
        Assert.Matches("data-added=\"[1-9]", flags);
        var rows = Regex.Matches(flags, "<tr data-flag[^>]*>.*?</tr>", RegexOptions.Singleline).Select(m => m.Value).Where(r => r.Contains("记录位置距村", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains($"#{farId}<", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains($"驻村 #{stayId}<", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_batch_with_bad_records_stores_the_rest_and_answers_each_by_index()
    {
        var cadre = await SignedInAsync("cadre");
        var households = await HouseholdsAsync(2);
        var body = $$"""
            [
              { "id": "{{Guid.NewGuid()}}", "household": {{households[0]}}, "visitedAt": "{{Now.AddMinutes(-3):O}}" },
              { "id": "{{Guid.NewGuid()}}", "household": "not a number", "visitedAt": "{{Now:O}}" },
              { "household": {{households[1]}}, "visitedAt": "{{Now:O}}" },
              { "id": "{{Guid.NewGuid()}}", "household": {{households[1]}}, "visitedAt": "{{Now.AddMinutes(-1):O}}" }
            ]
            """;
        var response = await cadre.PostAsync("/api/v1/field/visits", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var results = answer.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["stored", "refused", "refused", "stored"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal([0, 1, 2, 3], results.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal("household", results[1].GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal("id", results[2].GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal((2, 2), (answer.GetProperty("stored").GetInt32(), answer.GetProperty("refused").GetInt32()));

        var broken = await cadre.PostAsync("/api/v1/field/visits", new StringContent("[{\"id\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("application/problem+json", broken.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Only_a_cadre_records_for_themself_an_office_for_a_cadre_of_its_jurisdiction_and_a_stranger_not_at_all()
    {
        var households = await HouseholdsAsync(1);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AppFixture.ClientOf(Web).PostAsJsonAsync("/api/v1/field/visits", Visit(Guid.NewGuid(), households[0]))).StatusCode);
        var inspector = await SignedInAsync("inspector");
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.PostAsJsonAsync("/api/v1/field/visits", Visit(Guid.NewGuid(), households[0]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.GetAsync("/api/v1/field/me")).StatusCode);

        string cadreCode;
        await using (var db = Demo.Target.CreateContext())
        {
            var account = await db.Users.SingleAsync(a => a.UserName == "cadre");
            cadreCode = await db.Cadres.Where(c => c.Id == account.CadreId).Select(c => c.Code).SingleAsync();
        }
        var office = await SignedInAsync("township-office");
        var onBehalf = await office.PostAsJsonAsync($"/api/v1/field/visits?cadre={cadreCode}", Visit(Guid.NewGuid(), households[0]));
        Assert.Equal(HttpStatusCode.Created, onBehalf.StatusCode);
        var other = await SignedInAsync("other-inspector");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/v1/field/visits?cadre={cadreCode}", Visit(Guid.NewGuid(), households[0]))).StatusCode);
        await using var check = Demo.Target.CreateContext();
        Assert.Equal(RecordSource.WorkGroup, (await check.HouseholdVisits.SingleAsync(v => v.ReceivedBy == "township-office")).Source);
    }

    [Fact]
    public async Task A_batch_interrupted_by_the_server_stopping_is_stored_exactly_once_when_sent_again()
    {
        string secret;
        await using (var services = AccountAdmin.Services(Demo.Target, TimeProvider.System))
        await using (var scope = services.CreateAsyncScope())
        {
            (_, secret) = await scope.ServiceProvider.GetRequiredService<AccountAdmin>().CreateTokenAsync("cadre", "phone", 30, Actor.System, default);
        }
        var households = await HouseholdsAsync(50);
        var batch = Enumerable.Range(0, 600).Select(i => Visit(Guid.NewGuid(), households[i % households.Count], $"第 {i} 次")).ToList();
        var first = Web.CreateClient();
        first.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var sending = first.PostAsJsonAsync("/api/v1/field/visits", batch);
        await Task.Delay(30);
        await Web.DisposeAsync(); // the server stops, mid-request or just after
        try
        {
            (await sending).Dispose();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or ObjectDisposedException or InvalidOperationException or IOException)
        {
            // The phone sees a broken connection and keeps its queue.
        }

        Web = AppFixture.Host(Demo);
        var retry = Web.CreateClient();
        retry.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var response = await retry.PostAsJsonAsync("/api/v1/field/visits", batch);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var statuses = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetString()).ToList();
        Assert.All(statuses, s => Assert.Contains(s, Kept));
        await using var db = Demo.Target.CreateContext();
        var ids = batch.Select(b => (Guid)b.GetType().GetProperty("id")!.GetValue(b)!).ToList();
        Assert.Equal(600, await db.HouseholdVisits.CountAsync(v => ids.Contains(v.ClientId)));
    }

    [Fact]
    public async Task A_pairings_planned_stay_is_marked_done_on_its_page_once_its_members_stayed_its_days_whoever_recorded_them()
    {
        long tieId;
        Domain.Liaisons.PlannedStay first;
        await using (var db = Demo.Target.CreateContext())
        {
            var tie = await db.LiaisonTies.Where(t => t.Kind == Domain.Liaisons.TieKind.Pairing && t.Until == null && t.DivisionCode.StartsWith("370830"))
                .Where(t => db.PlannedStays.Any(s => s.TieId == t.Id)).OrderBy(t => t.Id).FirstAsync();
            first = await db.PlannedStays.Where(s => s.TieId == tie.Id).OrderBy(s => s.StartsOn).FirstAsync();
            var members = await db.Cadres.Where(c => c.UnitId == tie.UnitId).OrderBy(c => c.Id).Select(c => c.Id).Take(2).ToListAsync();
            // Two members on different days of the planned stay: the first on its first day, the second on the rest.
            db.ResidenceStays.AddRange(
                Stay(members[0], tie.DivisionCode, first.StartsOn, first.StartsOn),
                Stay(members[1], tie.DivisionCode, first.StartsOn.AddDays(1), first.StartsOn.AddDays(first.Days - 1)));
            await db.SaveChangesAsync();
            tieId = tie.Id;
        }
        var html = WebUtility.HtmlDecode(await (await SignedInAsync("office")).GetStringAsync($"/plan/ties/{tieId}"));
        var row = Regex.Match(html, $"<tr data-stay-state=\"(\\w+)\">\\s*<td>{first.StartsOn:yyyy-MM-dd} · {first.Days} 天</td>\\s*<td>([^<]*)</td>");
        Assert.True(row.Success, html);
        Assert.Equal(("done", $"{first.Days} / {first.Days} · {first.StartsOn.AddDays(first.Days - 1):yyyy-MM-dd}"), (row.Groups[1].Value, row.Groups[2].Value.Trim()));
        Assert.Contains("已完成", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_units_participation_list_shows_how_each_cadre_takes_part_and_a_members_stay_moves_them_off_the_list_of_those_not_taking_part()
    {
        string unitCode, village;
        int cadreId, active;
        string cadreCode;
        await using (var db = Demo.Target.CreateContext())
        {
            var tie = await db.LiaisonTies.Where(t => t.Kind == Domain.Liaisons.TieKind.Pairing && t.Until == null && t.DivisionCode.StartsWith("370830")).OrderBy(t => t.Id).FirstAsync();
            var unit = await db.Units.SingleAsync(u => u.Id == tie.UnitId);
            var members = db.Cadres.Where(c => c.UnitId == unit.Id && c.Status == Domain.People.CadreStatus.Active);
            active = await members.CountAsync();
            var recorded = db.ResidenceStays.Select(r => r.CadreId).Concat(db.HouseholdVisits.Select(v => v.CadreId));
            var absent = await members.Where(c => !recorded.Contains(c.Id)).OrderBy(c => c.Code).FirstAsync();
            (unitCode, village, cadreId, cadreCode) = (unit.Code, tie.DivisionCode, absent.Id, absent.Code);
        }
        var office = await SignedInAsync("office");
        var before = WebUtility.HtmlDecode(await office.GetStringAsync($"/plan/units/{unitCode}?absent=true"));
        Assert.Contains($"data-total=\"{active}\"", before, StringComparison.Ordinal);
        // Every member belongs through the unit's pairing (the policy's default), so none is without a place.
        Assert.Contains($"data-with-place=\"{active}\"", before, StringComparison.Ordinal);
        Assert.Contains($"data-cadre=\"{cadreCode}\" data-taking-part=\"false\"", before, StringComparison.Ordinal);
        Assert.Contains("联建单位成员", before, StringComparison.Ordinal);
        var takingPart = int.Parse(Regex.Match(before, "data-taking-part=\"(\\d+)\"").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        await using (var db = Demo.Target.CreateContext())
        {
            var today = Domain.Shared.ChinaTime.Today(TimeProvider.System);
            db.ResidenceStays.Add(Stay(cadreId, village, today, today));
            await db.SaveChangesAsync();
        }
        var after = WebUtility.HtmlDecode(await office.GetStringAsync($"/plan/units/{unitCode}?absent=true"));
        Assert.Contains($"data-taking-part=\"{takingPart + 1}\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-cadre=\"{cadreCode}\"", after, StringComparison.Ordinal);
        var all = WebUtility.HtmlDecode(await office.GetStringAsync($"/plan/units/{unitCode}"));
        Assert.Contains($"data-cadre=\"{cadreCode}\" data-taking-part=\"true\"", all, StringComparison.Ordinal);
    }

    private static Domain.Field.ResidenceStay Stay(int cadre, string village, DateOnly arrived, DateOnly left) => new()
    {
        ClientId = Guid.NewGuid(),
        CadreId = cadre,
        VillageCode = village,
        Year = arrived.Year,
        Arrived = arrived,
        Left = left,
        Source = RecordSource.WorkGroup,
        ReceivedAt = Now,
        ReceivedBy = "test",
        ContentHash = "test",
    };
}
