using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Liaison.Domain.Divisions;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

[Collection("app")]
public partial class PageTests(AppFixture app)
{
    [Fact]
    public async Task The_home_dashboard_shows_the_county_with_its_figures_in_chinese()
    {
        var html = await (await app.Client()).GetStringAsync("/");

        Assert.Contains("<html lang=\"zh-CN\"", html, StringComparison.Ordinal);
        Assert.Contains("汶上县", html, StringComparison.Ordinal);
        Assert.Contains("农户", html, StringComparison.Ordinal);
        await using var db = app.Target.CreateContext();
        var households = await db.Households.CountAsync();
        Assert.Contains(households.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_remembers_english_and_only_redirects_locally()
    {
        var client = app.Anonymous();
        await TestAccounts.SignInAsync(client, "office");
        var html = await client.GetStringAsync("/lang/en?returnUrl=%2Fdivisions%2F370830");
        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("Households", html, StringComparison.Ordinal);
        Assert.Contains("Subdivisions", html, StringComparison.Ordinal);
        Assert.Contains("Households", await client.GetStringAsync("/"), StringComparison.Ordinal);

        var noFollow = app.Anonymous(followRedirects: false);
        var evil = await noFollow.GetAsync("/lang/en?returnUrl=%2F%2Fevil.example%2F");
        Assert.Equal("/", evil.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_division_browser_walks_county_township_village()
    {
        await using var db = app.Target.CreateContext();
        var township = await db.Divisions.Where(d => d.Level == DivisionLevel.Township).OrderBy(d => d.Code).FirstAsync();
        var village = await db.Divisions.Where(d => d.ParentCode == township.Code).OrderBy(d => d.Code).FirstAsync();
        var client = await app.Client();

        var county = await client.GetStringAsync("/divisions/370830");
        Assert.Contains($"/divisions/{township.Code}", county, StringComparison.Ordinal);
        var townshipPage = await client.GetStringAsync($"/divisions/{township.Code}");
        Assert.Contains(village.Name, townshipPage, StringComparison.Ordinal);
        Assert.Contains("济宁市", townshipPage, StringComparison.Ordinal);
        var villagePage = await client.GetStringAsync($"/divisions/{village.Code}");
        Assert.Contains("村情", villagePage, StringComparison.Ordinal);
        Assert.Contains("1号", villagePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Personal_data_is_masked_on_the_village_page()
    {
        await using var db = app.Target.CreateContext();
        // Sealed values open in memory only (they are bound to their row): the first of the first households with a phone.
        var household = (await db.Households.AsNoTracking().OrderBy(h => h.Id).Take(100).ToListAsync()).First(h => h.HeadPhone != null);
        var html = await (await app.Client()).GetStringAsync($"/divisions/{household.VillageCode}");

        Assert.DoesNotMatch(FullPhone(), html);
        Assert.DoesNotContain(household.HeadPhone!, html, StringComparison.Ordinal);
        Assert.Contains(household.HeadPhone![..3] + "****" + household.HeadPhone[^4..], html, StringComparison.Ordinal);
        if (household.HeadName.Length > 1)
        {
            Assert.DoesNotContain(">" + household.HeadName + "<", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Search_finds_by_name_and_by_code()
    {
        var client = await app.Client();
        Assert.Contains("/divisions/370830", await client.GetStringAsync("/search?q=%E6%B1%B6%E4%B8%8A"), StringComparison.Ordinal);
        var byCode = await client.GetStringAsync("/search?q=370830001");
        Assert.Contains("/divisions/370830001", byCode, StringComparison.Ordinal);
        Assert.Contains("没有找到", await client.GetStringAsync("/search?q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E5%9C%B0%E6%96%B9"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_divisions_answer_404_on_pages_and_api()
    {
        var client = await app.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/divisions/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/divisions/999999")).StatusCode);
    }

    [Fact]
    public async Task Pickers_find_by_name_within_the_scope_and_show_households_masked()
    {
        var township = await app.SignedInAsync("township-office");
        var divisions = await township.GetFromJsonAsync<List<Liaison.App.Features.Search.Found>>("/api/v1/pick/divisions?q=37083");
        Assert.NotEmpty(divisions!);
        Assert.All(divisions!, d => Assert.StartsWith("370830001", d.Value, StringComparison.Ordinal));
        var villages = await township.GetFromJsonAsync<List<Liaison.App.Features.Search.Found>>("/api/v1/pick/divisions?q=%E7%A4%BE%E5%8C%BA&level=village");
        Assert.All(villages!, v => Assert.Equal(12, v.Value.Length));
        Assert.All(villages!, v => Assert.StartsWith("汶上县 › 中都街道", v.Path, StringComparison.Ordinal));

        string village, head, outsider;
        await using (var db = app.Target.CreateContext())
        {
            var h = await db.Households.Where(x => x.VillageCode.StartsWith("370830001")).OrderBy(x => x.Id).Select(x => new { x.VillageCode, x.HeadName }).FirstAsync();
            (village, head) = (h.VillageCode, h.HeadName);
            // A cadre of another township's unit, tied to nothing in this one: out of this office's reach.
            var here = db.LiaisonTies.Where(t => t.DivisionCode.StartsWith("370830001")).Select(t => t.CadreId);
            outsider = await (from c in db.Cadres
                              join u in db.Units on c.UnitId equals u.Id
                              where u.DivisionCode.StartsWith("370830102") && !here.Contains(c.Id)
                              select c.Code).FirstAsync();
        }
        var households = await township.GetFromJsonAsync<List<Liaison.App.Features.Search.Found>>($"/api/v1/pick/households?village={village}&q={Uri.EscapeDataString(head[..1])}");
        Assert.NotEmpty(households!);
        Assert.All(households!, f => Assert.DoesNotContain(head, f.Text, StringComparison.Ordinal));
        Assert.Contains(households!, f => f.Text.Contains(Liaison.Domain.Shared.PersonalData.MaskName(head), StringComparison.Ordinal));

        // By staff number: the county office finds the outsider, the township office does not.
        var people = await township.GetFromJsonAsync<List<Liaison.App.Features.Search.Found>>($"/api/v1/pick/people?q={outsider}");
        Assert.DoesNotContain(people!, p => p.Value == outsider);
        var county = await app.SignedInAsync("office");
        var seenByCounty = await county.GetFromJsonAsync<List<Liaison.App.Features.Search.Found>>($"/api/v1/pick/people?q={outsider}");
        Assert.Contains(seenByCounty!, p => p.Value == outsider);

        // The portal's village chooser: no sign-in, villages only.
        var chooser = await app.Anonymous().GetFromJsonAsync<List<Liaison.App.Features.Search.Found>>("/api/v1/pick/public-villages?q=%E5%8D%97%E9%97%A8");
        Assert.NotEmpty(chooser!);
        Assert.All(chooser!, v => Assert.Equal(12, v.Value.Length));
    }

    [Fact]
    public async Task A_page_out_of_reach_answers_a_page_in_the_users_language_with_a_way_back_and_the_api_problem_details()
    {
        // A township office following a breadcrumb up to its county.
        var township = await app.SignedInAsync("township-office");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/divisions/370830");
        request.Headers.Referrer = new Uri(township.BaseAddress!, "/divisions/370830001");
        var page = await township.SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("页面不存在", html, StringComparison.Ordinal);
        Assert.Contains("不在您的管辖范围内", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/divisions/370830001\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Not Found", html, StringComparison.Ordinal);

        var api = await township.GetAsync("/api/v1/divisions/370830");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);

        // A villager who is not signed in gets the portal's frame, not the office menu.
        var missing = await app.Anonymous().GetAsync("/public/figures/999999999999");
        var publicHtml = await missing.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("页面不存在", publicHtml, StringComparison.Ordinal);
        Assert.Contains("public-tasks", publicHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("side-menu", publicHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_gives_a_division_with_its_figures_and_children()
    {
        var dto = await (await app.Client()).GetFromJsonAsync<Features.Divisions.DivisionDto>("/api/v1/divisions/370830");

        Assert.NotNull(dto);
        Assert.Equal("汶上县", dto.Name);
        Assert.Equal("county", dto.Level);
        await using var db = app.Target.CreateContext();
        Assert.Equal(await db.Households.LongCountAsync(), dto.Figures["households"]);
        Assert.Equal(await db.Divisions.CountAsync(d => d.ParentCode == "370830"), dto.Children.Count);
        Assert.Equal(dto.Figures["households"], dto.Children.Sum(c => c.Figures.GetValueOrDefault("households")));
    }

    [Fact]
    public async Task The_api_is_described_by_an_openapi_document()
    {
        var doc = await (await app.Client()).GetStringAsync("/api/v1/openapi.json");
        Assert.Contains("\"openapi\"", doc, StringComparison.Ordinal);
        Assert.Contains("/api/v1/divisions/{code}", doc, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers_and_pages_load_nothing_from_outside()
    {
        var response = await (await app.Client()).GetAsync("/");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch(OutsideAsset(), html);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/lib/htmx.min.js")]
    [InlineData("/lib/echarts.min.js")]
    [InlineData("/css/site.css")]
    [InlineData("/js/site.js")]
    public async Task Front_end_assets_are_served_locally(string path)
    {
        var response = await (await app.Client()).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 500, path);
    }

    [GeneratedRegex(@"(?<!\d)140\d{8}(?!\d)")]
    private static partial Regex FullPhone();

    [GeneratedRegex(@"(src|href)=""https?://", RegexOptions.IgnoreCase)]
    private static partial Regex OutsideAsset();
}
