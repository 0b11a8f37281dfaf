using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

/// <summary>Behind a proxy, the API's writes, bad records in a batch, and the headers every answer carries.</summary>
public sealed class HardeningTests : OwnHost
{




    private static HttpRequestMessage From(string address, string path, string proto = "http")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-For", address);
        request.Headers.Add("X-Forwarded-Proto", proto);
        return request;
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_limits_key_on_the_real_client_and_cookies_follow_the_forwarded_scheme()
    {
        // The test server's connections come from loopback: that is the proxy here.
        await using var proxied = AppFixture.Host(Demo, ("Liaison:TrustedProxies", "127.0.0.1, ::1"), ("Liaison:RateLimits:PublicPerMinute", "2"));
        var client = AppFixture.ClientOf(proxied);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(From("203.0.113.1", "/healthz"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(From("203.0.113.1", "/healthz"))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(From("203.0.113.1", "/healthz"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(From("203.0.113.2", "/healthz"))).StatusCode);

        var login = await client.SendAsync(From("203.0.113.3", "/account/login", "https"));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        // Without the setting, a forwarded address is nobody's word: every request counts against the connection's address.
        await using var direct = AppFixture.Host(Demo, ("Liaison:RateLimits:PublicPerMinute", "2"));
        var plain = AppFixture.ClientOf(direct);
        Assert.Equal(HttpStatusCode.OK, (await plain.SendAsync(From("203.0.113.1", "/healthz"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await plain.SendAsync(From("203.0.113.2", "/healthz"))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await plain.SendAsync(From("203.0.113.3", "/healthz"))).StatusCode);
    }

    [Fact]
    public async Task Requiring_https_redirects_plain_http_and_sends_hsts_and_secure_cookies()
    {
        await using var host = AppFixture.Host(Demo, ("Liaison:TrustedProxies", "127.0.0.1, ::1"), ("Liaison:RequireHttps", "1"));
        var client = AppFixture.ClientOf(host);
        var plain = await client.SendAsync(From("203.0.113.1", "/account/login"));
        Assert.True(plain.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.Redirect, plain.StatusCode.ToString());
        Assert.StartsWith("https://", plain.Headers.Location?.OriginalString, StringComparison.Ordinal);

        var secure = await client.SendAsync(From("203.0.113.1", "/account/login", "https"));
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.Contains("max-age=", secure.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.All(secure.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_signed_in_browsers_api_writes_need_json_and_the_anti_forgery_header()
    {
        var cadre = await SignedInAsync("cadre");
        var body = "[]";
        var asText = await cadre.PostAsync("/api/v1/field/visits", new StringContent(body, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, asText.StatusCode);

        cadre.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        var forged = await cadre.PostAsync("/api/v1/field/visits", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        await TestAccounts.UseApiTokenAsync(cadre);
        var ok = await cadre.PostAsync("/api/v1/field/visits", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.True(ok.Headers.CacheControl?.NoStore);
    }

    private async Task<List<long>> HouseholdsAsync(string village, int n)
    {
        await using var db = Demo.Target.CreateContext();
        return await db.Households.Where(h => h.VillageCode == village).OrderBy(h => h.Id).Select(h => h.Id).Take(n).ToListAsync();
    }

    private static readonly DateTimeOffset VisitedAt = TimeProvider.System.GetUtcNow().AddMinutes(-5);

    [Fact]
    public async Task A_bad_record_in_a_batch_is_refused_by_its_index_and_never_fails_the_batch()
    {
        var cadre = await SignedInAsync("cadre");
        var h = await HouseholdsAsync("370830001001", 5);
        var body = "[" + string.Join(",",
            $$"""{"id":"{{Guid.NewGuid()}}","household":{{h[0]}},"visitedAt":"{{VisitedAt:O}}","latitude":1e400,"longitude":116.5}""",
            $$"""{"id":"{{Guid.NewGuid()}}","household":{{h[1]}},"visitedAt":"{{VisitedAt:O}}","note":"电话 \u202E8765 4321"}""",
            $$"""{"id":"{{Guid.NewGuid()}}","household":{{h[2]}},"visitedAt":"{{VisitedAt:O}}","note":"{{new string('长', 2000)}}"}""",
            $$"""{"id":"{{Guid.NewGuid()}}","household":{{h[3]}},"visitedAt":"{{VisitedAt:O}}","latitude":35.4,"longitude":116.5}""") + "]";

        var answer = await cadre.PostAsync("/api/v1/field/visits", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["refused", "refused", "refused", "stored"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal("latitude", results[0].GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal("note", results[1].GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal("note", results[2].GetProperty("errors")[0].GetProperty("field").GetString());

        // One record alone: 422 naming the field.
        var single = await cadre.PostAsync("/api/v1/field/visits", new StringContent(
            $$"""{"id":"{{Guid.NewGuid()}}","household":{{h[4]}},"visitedAt":"{{VisitedAt:O}}","latitude":-1e400,"longitude":1}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, single.StatusCode);
        Assert.Contains("latitude", await single.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_household_and_another_villages_household_answer_alike()
    {
        var cadre = await SignedInAsync("cadre");
        long elsewhere;
        await using (var db = Demo.Target.CreateContext())
        {
            elsewhere = await db.Households.Where(h => h.VillageCode.StartsWith("370830102")).OrderBy(h => h.Id).Select(h => h.Id).FirstAsync();
        }
        async Task<string> MessageAsync(long household)
        {
            var answer = await cadre.PostAsJsonAsync("/api/v1/field/visits", new { id = Guid.NewGuid(), household, visitedAt = VisitedAt });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
            using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("errors").GetProperty("household")[0].GetString()!.Replace(household.ToString(System.Globalization.CultureInfo.InvariantCulture), "N", StringComparison.Ordinal);
        }
        var other = await MessageAsync(elsewhere);
        Assert.Equal(await MessageAsync(999_999_999), other);
        Assert.DoesNotContain("3708301", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_cadres_record_id_reveals_nothing_of_that_record()
    {
        var cadre = await SignedInAsync("cadre");
        var office = await SignedInAsync("township-office");
        var h = await HouseholdsAsync("370830001001", 2);
        var id = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await cadre.PostAsJsonAsync("/api/v1/field/visits", new { id, household = h[0], visitedAt = VisitedAt })).StatusCode);
        // Another cadre (entered by the office on that cadre's behalf) sends a record under the same id.
        string otherCadre;
        await using (var db = Demo.Target.CreateContext())
        {
            var mine = await db.HouseholdVisits.Where(v => v.ClientId == id).Select(v => v.CadreId).SingleAsync();
            otherCadre = await db.LiaisonTies.Where(t => t.DivisionCode == "370830001001" && t.CadreId != mine).Join(db.Cadres, t => t.CadreId, c => c.Id, (t, c) => c.Code).FirstAsync();
        }
        var same = await office.PostAsJsonAsync($"/api/v1/field/visits?cadre={otherCadre}", new { id, household = h[0], visitedAt = VisitedAt });
        var text = await same.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, same.StatusCode);
        Assert.DoesNotContain("recordId", text, StringComparison.Ordinal);
        Assert.DoesNotContain("conflict", text, StringComparison.OrdinalIgnoreCase);
        await using var check = Demo.Target.CreateContext();
        Assert.Equal(0, await check.RecordConflicts.CountAsync(c => c.ClientId == id));
    }

    [Fact]
    public async Task Answers_carry_no_server_banner_and_a_permissions_policy()
    {
        var answer = await AppFixture.ClientOf(Web).GetAsync("/account/login");
        Assert.False(answer.Headers.Contains("Server"));
        Assert.Contains("camera=()", answer.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_and_metrics_tell_the_operator_and_metrics_stay_on_allowed_addresses()
    {
        var client = AppFixture.ClientOf(Web);
        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("ready", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var metrics = await client.GetStringAsync("/metrics");
        Assert.Contains("liaison_field_rollup_queue_villages", metrics, StringComparison.Ordinal);
        Assert.Contains("liaison_background_job_last_round_age_seconds{job=\"field-rollups\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("http_request_duration_seconds", metrics, StringComparison.Ordinal);
        // A stored visit shows in the field records' counter.
        var cadre = await SignedInAsync("cadre");
        var household = (await HouseholdsAsync("370830001001", 1)).Single();
        Assert.Equal(HttpStatusCode.Created, (await cadre.PostAsJsonAsync("/api/v1/field/visits", new { id = Guid.NewGuid(), household, visitedAt = VisitedAt })).StatusCode);
        Assert.Matches("liaison_field_records_total\\{kind=\"visit\",outcome=\"stored\"\\} [1-9]", await client.GetStringAsync("/metrics"));
        // The case clock's first round runs as the server starts: its duration and what it did are counted.
        for (var i = 0; i < 100 && !(await client.GetStringAsync("/metrics")).Contains("liaison_case_clock_cases_total{action=\"escalated\"}", StringComparison.Ordinal); i++)
        {
            await Task.Delay(200);
        }
        Assert.Matches("liaison_case_clock_round_seconds_count [1-9]", await client.GetStringAsync("/metrics"));

        await using var closed = AppFixture.Host(Demo, ("Liaison:Metrics:AllowFrom", "10.1.2.3"));
        Assert.Equal(HttpStatusCode.NotFound, (await AppFixture.ClientOf(closed).GetAsync("/metrics")).StatusCode);
    }
}
