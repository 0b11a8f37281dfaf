using System.Net;
using System.Net.Http.Json;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

/// <summary>The plan's pages over the planned small demo; read only (edits have their own host).</summary>
[Collection("app")]
public class PlanPageTests(AppFixture app)
{
    [Fact]
    public async Task The_public_page_lists_every_county_leaders_contact_points_without_sign_in_and_without_phones()
    {
        await using var db = app.Target.CreateContext();
        var leaders = await db.Cadres.Where(c => c.Rank == CadreRank.CountyLeader).Select(c => new { c.Name, c.Phone }).ToListAsync();
        Assert.NotEmpty(leaders);

        var response = await app.Anonymous(followRedirects: false).GetAsync("/public/contacts");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.All(leaders, l =>
        {
            Assert.Contains(l.Name, html, StringComparison.Ordinal);
            Assert.DoesNotContain(l.Phone!, html, StringComparison.Ordinal);
        });
        Assert.Contains("0537-12380", html, StringComparison.Ordinal);
        // Each county leader's township and village are shown by name.
        var tie = await db.LiaisonTies.FirstAsync(t => t.Kind == TieKind.ContactPoint && t.DivisionCode.Length == 12);
        var village = await db.Divisions.SingleAsync(d => d.Code == tie.DivisionCode);
        Assert.Contains(village.Name, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_village_plan_shows_who_is_tied_there_in_which_role_and_why()
    {
        await using var db = app.Target.CreateContext();
        var tie = await db.LiaisonTies.Where(t => t.Kind == TieKind.BackwardVillage).OrderBy(t => t.Id).FirstAsync();
        var cadre = await db.Cadres.SingleAsync(c => c.Id == tie.CadreId);

        var html = WebUtility.HtmlDecode(await (await app.Client()).GetStringAsync($"/plan/{tie.DivisionCode}"));

        Assert.Contains(cadre.Name, html, StringComparison.Ordinal);
        Assert.Contains("包保后进村", html, StringComparison.Ordinal);
        Assert.Contains("乡镇党政班子成员", html, StringComparison.Ordinal);
        Assert.Contains(tie.Reason!, html, StringComparison.Ordinal);
        Assert.Contains(tie.Since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_county_plan_shows_full_coverage_and_the_check_finds_nothing()
    {
        await using var db = app.Target.CreateContext();
        var villages = await db.Divisions.CountAsync(d => d.Code.StartsWith("370830") && d.Code.Length == 12);
        var client = await app.Client();

        var html = await client.GetStringAsync("/plan/370830");
        Assert.Contains($"<strong>{villages:N0}</strong> / {villages:N0}", html, StringComparison.Ordinal);
        var check = await client.GetStringAsync("/plan/check?code=370830");
        Assert.Contains("没有违规", check, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_township_plan_shows_its_backward_ranking_with_reasons_and_who_takes_each()
    {
        await using var db = app.Target.CreateContext();
        var tie = await db.LiaisonTies.Where(t => t.Kind == TieKind.BackwardVillage && t.Reason!.StartsWith("后进村：")).OrderBy(t => t.Id).FirstAsync();
        var leader = await db.Cadres.SingleAsync(c => c.Id == tie.CadreId);
        var village = await db.Divisions.SingleAsync(d => d.Code == tie.DivisionCode);

        var html = WebUtility.HtmlDecode(await (await app.Client()).GetStringAsync($"/plan/{tie.DivisionCode[..9]}"));

        Assert.Contains("倒排后进村", html, StringComparison.Ordinal);
        var row = System.Text.RegularExpressions.Regex.Match(html, $"<tr class=\"gap\">(?:(?!</tr>).)*{village.Name}(?:(?!</tr>).)*</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains(leader.Name, row, StringComparison.Ordinal);
        Assert.Contains("后进村", row, StringComparison.Ordinal);
        Assert.Matches("党组织|难村|乱村|穷村", row);
    }

    [Fact]
    public async Task A_persons_page_lists_the_ties_and_a_tie_page_its_stays()
    {
        await using var db = app.Target.CreateContext();
        var leader = await db.Cadres.FirstAsync(c => c.Rank == CadreRank.CountyLeader);
        var village = await db.LiaisonTies.SingleAsync(t => t.CadreId == leader.Id && t.DivisionCode.Length == 12 && t.Until == null);
        var client = await app.Client();

        var person = await client.GetStringAsync($"/plan/people/{leader.Code}");
        Assert.Contains($"/plan/ties/{village.Id}", person, StringComparison.Ordinal);
        Assert.Contains("新增联系安排", person, StringComparison.Ordinal);
        var tie = await client.GetStringAsync($"/plan/ties/{village.Id}");
        Assert.Contains("集中驻村安排", tie, StringComparison.Ordinal);
        Assert.Contains("14 天", tie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_gives_a_villages_ties_and_a_persons_ties_as_json()
    {
        await using var db = app.Target.CreateContext();
        // An ordinary officer: one tie, the police one.
        var tie = await (from t in db.LiaisonTies
                         join c in db.Cadres on t.CadreId equals c.Id
                         where t.Kind == TieKind.Police && c.Rank == CadreRank.Ordinary
                         orderby t.Id
                         select t).FirstAsync();
        var cadre = await db.Cadres.SingleAsync(c => c.Id == tie.CadreId);
        var client = await app.Client();

        var atVillage = await client.GetFromJsonAsync<List<Features.Liaisons.TieDto>>($"/api/v1/plan/divisions/{tie.DivisionCode}?year={tie.Year}");
        Assert.Contains(atVillage!, t => t.Id == tie.Id && t.Kind == "police" && t.CadreCode == cadre.Code && t.Reason == tie.Reason);
        var ofPerson = await client.GetFromJsonAsync<List<Features.Liaisons.TieDto>>($"/api/v1/plan/people/{cadre.Code}");
        Assert.Equal(tie.DivisionCode, Assert.Single(ofPerson!).DivisionCode);
        var outside = await app.SignedInAsync("other-inspector");
        Assert.Equal(HttpStatusCode.NotFound, (await outside.GetAsync($"/api/v1/plan/divisions/370830001")).StatusCode);
    }

    [Fact]
    public async Task First_secretaries_show_on_their_village_their_person_page_and_the_public_page_with_cost_terms()
    {
        await using var db = app.Target.CreateContext();
        var posting = await db.SecretaryPostings.Where(p => p.Until == null).OrderBy(p => p.Id).FirstAsync();
        var cadre = await db.Cadres.SingleAsync(c => c.Id == posting.CadreId);
        var village = await db.Divisions.SingleAsync(d => d.Code == posting.VillageCode);
        var client = await app.Client();
        var terms = $"{posting.CostCategory} + {posting.CostNeed} + {posting.CostDistance} + {posting.CostSpread} = {posting.Cost}";

        var villagePage = WebUtility.HtmlDecode(await client.GetStringAsync($"/plan/{posting.VillageCode}"));
        Assert.Contains("第一书记", villagePage, StringComparison.Ordinal);
        Assert.Contains(cadre.Name, villagePage, StringComparison.Ordinal);
        Assert.Contains(terms, villagePage, StringComparison.Ordinal);
        var personPage = WebUtility.HtmlDecode(await client.GetStringAsync($"/plan/people/{cadre.Code}"));
        Assert.Contains(village.Name, personPage, StringComparison.Ordinal);
        var publicPage = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/public/contacts"));
        Assert.Contains("驻村第一书记", publicPage, StringComparison.Ordinal);
        Assert.Contains($"<td>{village.Name}</td><td>{cadre.Name}</td>", publicPage, StringComparison.Ordinal);
        Assert.Equal(await db.SecretaryPostings.CountAsync(p => p.Until == null), System.Text.RegularExpressions.Regex.Count(publicPage, "<tr><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td><td>(市派|县派|乡镇派)</td></tr>"));
    }

    [Fact]
    public async Task The_policy_page_shows_the_rules_in_words_in_either_language()
    {
        var client = await app.Client();
        var zh = await client.GetStringAsync("/policy");
        Assert.Contains("每年在联系村驻村不少于 14 天", zh, StringComparison.Ordinal);
        Assert.Contains("coverage.village", zh, StringComparison.Ordinal);

        var english = app.Anonymous();
        await TestAccounts.SignInAsync(english, "inspector");
        var en = await english.GetStringAsync("/lang/en?returnUrl=%2Fpolicy");
        Assert.Contains("lives in the village at least 10 days a year", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_of_scope_plan_pages_are_not_found_and_readers_cannot_open_the_edit_form()
    {
        await using var db = app.Target.CreateContext();
        var outside = await db.LiaisonTies.FirstAsync(t => !t.DivisionCode.StartsWith("370830102"));
        var inspector = await app.SignedInAsync("other-inspector");

        Assert.Equal(HttpStatusCode.NotFound, (await inspector.GetAsync($"/plan/ties/{outside.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await inspector.GetAsync("/plan/370830001")).StatusCode);
        var edit = await inspector.GetAsync($"/plan/edit?tie={outside.Id}");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Contains("/account/denied", edit.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
