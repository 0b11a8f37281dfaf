using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Liaison.App.Auth;
using Liaison.Data.Audit;
using Liaison.Data.Field;
using Liaison.Domain.Access;
using Liaison.Domain.Field;
using Liaison.Domain.People;
using Liaison.Domain.Shared;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.App.Tests;

/// <summary>
/// The First Secretary's duties made visible: the posting's coverage and its unvisited households by
/// category for the offices, the village's First Secretaries on the field progress page, the
/// First Secretary's own standing on the phone; a stranger finds none of it.
/// </summary>
public sealed class SecretaryDutyWebTests : OwnHost
{
    /// <summary>A First Secretary in post in the county, outside the other inspector's township, their three-olds households but one visited by them.</summary>
    private async Task<(long Posting, string Village, string Cadre, Household Left, List<Household> Visited, List<Household> Households)> VisitedAsync()
    {
        await using var db = Demo.Target.CreateContext();
        var posting = await db.SecretaryPostings.AsNoTracking().Where(p => p.VillageCode.StartsWith("370830") && !p.VillageCode.StartsWith("370830102") && p.Until == null).OrderBy(p => p.VillageCode).FirstAsync();
        var cadre = await db.Cadres.AsNoTracking().Where(c => c.Id == posting.CadreId).Select(c => c.Name).SingleAsync();
        var households = await db.Households.AsNoTracking().Where(h => h.VillageCode == posting.VillageCode && h.Status == HouseholdStatus.Current).OrderBy(h => h.Id).ToListAsync();
        var olds = households.Where(h => (h.Categories & HouseholdCategories.ThreeOlds) != 0).ToList();
        Assert.True(olds.Count >= 2, "the demo village has three-olds households to visit");
        var visited = olds.Skip(1).ToList();
        var at = TimeProvider.System.GetUtcNow().AddMinutes(-10);
        var saved = await FieldStore.SaveVisitsAsync(db, TimeProvider.System, new FieldAuthor(posting.CadreId, "duty-test", RecordSource.Phone),
            visited.Select(h => new VisitInput(Guid.NewGuid(), h.Id, at)).ToList(), default);
        Assert.All(saved, s => Assert.Equal(RecordOutcome.Stored, s.Outcome));
        return (posting.Id, posting.VillageCode, cadre, olds[0], visited, households);
    }

    [Fact]
    public async Task An_office_sees_the_posting_s_coverage_and_its_unvisited_households_by_category_masked_and_a_stranger_finds_nothing()
    {
        var (posting, village, cadre, left, visited, households) = await VisitedAsync();
        var office = await SignedInAsync("office");

        var page = await office.GetAsync($"/secretaries/postings/{posting}/duties");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("第一书记走访职责", html, StringComparison.Ordinal);
        Assert.Contains(cadre, html, StringComparison.Ordinal);
        Assert.Contains($"{visited.Count} / {households.Count}", html, StringComparison.Ordinal);
        Assert.Contains($"未走访农户 <small>{households.Count - visited.Count}</small>", html, StringComparison.Ordinal);
        // 办一两件实事: a deed the First Secretary records counts; a party-building output does not.
        var before = PracticalThings(html);
        await using (var db = Demo.Target.CreateContext())
        {
            var today = Domain.Shared.ChinaTime.Today(TimeProvider.System);
            var saved = await Data.Results.DeedStore.SaveFromFieldAsync(db, TimeProvider.System, new FieldAuthor(await db.SecretaryPostings.Where(p => p.Id == posting).Select(p => p.CadreId).SingleAsync(), "duty-test", RecordSource.Phone),
                [new(Guid.NewGuid(), village, "well", today, [new Domain.Policy.DeedAmount("wells", 1)]), new(Guid.NewGuid(), village, "new-members", today, [new Domain.Policy.DeedAmount("people", 2)])], null, default);
            Assert.All(saved, s => Assert.Equal(RecordOutcome.Stored, s.Outcome));
        }
        var after = WebUtility.HtmlDecode(await office.GetStringAsync($"/secretaries/postings/{posting}/duties"));
        Assert.Equal(before + 1, PracticalThings(after));
        Assert.Matches(new System.Text.RegularExpressions.Regex("data-duty=\"PracticalThings\">((?!</div>).)*已达标", System.Text.RegularExpressions.RegexOptions.Singleline), after);
        // The one three-olds household left, in its category's group, masked; none of those visited.
        var category = HouseholdCategories.All.First(c => left.Categories.HasFlag(c));
        var group = WebUtility.HtmlDecode(await office.GetStringAsync($"/secretaries/postings/{posting}/duties?category={Domain.Secretaries.SecretaryDuties.Key(category)}"));
        Assert.Contains($"id=\"household-{left.Id}\"", group, StringComparison.Ordinal);
        Assert.Contains(PersonalData.MaskName(left.HeadName), group, StringComparison.Ordinal);
        Assert.DoesNotContain(">" + left.HeadName + "<", group, StringComparison.Ordinal);
        Assert.All(visited, h => Assert.DoesNotContain($"id=\"household-{h.Id}\"", group, StringComparison.Ordinal));

        // The posting page sums it up and links to the list; the village's progress page lists its First Secretary.
        var postingPage = WebUtility.HtmlDecode(await office.GetStringAsync($"/secretaries/postings/{posting}"));
        Assert.Contains($"href=\"/secretaries/postings/{posting}/duties\"", postingPage, StringComparison.Ordinal);
        Assert.Contains($"未走访农户 {households.Count - visited.Count} 户", postingPage, StringComparison.Ordinal);
        var progress = WebUtility.HtmlDecode(await office.GetStringAsync($"/field/progress/{village}"));
        Assert.Contains("id=\"secretary-duties\"", progress, StringComparison.Ordinal);
        Assert.Contains($">{cadre}</a>", progress, StringComparison.Ordinal);

        // In English too.
        var inEnglish = await SignedInAsync("office");
        Assert.Equal(HttpStatusCode.Redirect, (await inEnglish.GetAsync("/lang/en?returnUrl=%2F")).StatusCode);
        var english = WebUtility.HtmlDecode(await inEnglish.GetStringAsync($"/secretaries/postings/{posting}/duties"));
        Assert.Contains("First Secretary's visiting duties", english, StringComparison.Ordinal);
        Assert.Contains("Three olds visited", english, StringComparison.Ordinal);

        // An inspector of another township does not find the posting, its list, or the village's progress.
        var stranger = await SignedInAsync("other-inspector");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/secretaries/postings/{posting}/duties")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/field/progress/{village}")).StatusCode);
    }

    [Fact]
    public async Task The_First_Secretary_s_phone_gets_their_own_duties_and_the_unvisited_by_category()
    {
        var (_, village, _, left, visited, households) = await VisitedAsync();
        var cadre = await SignedInAsync(await SecretaryAccountAsync(village));
        var me = await cadre.GetFromJsonAsync<JsonElement>("/api/v1/field/me");
        var mine = me.GetProperty("villages").EnumerateArray().Single(v => v.GetProperty("code").GetString() == village);
        var duties = mine.GetProperty("duties");
        var byDuty = duties.GetProperty("duties").EnumerateArray().ToDictionary(d => d.GetProperty("duty").GetString()!, d => (d.GetProperty("total").GetInt32(), d.GetProperty("unvisited").GetArrayLength()));
        Assert.Equal((households.Count, households.Count - visited.Count), byDuty["allHouseholds"]);
        Assert.Equal((visited.Count + 1, 1), byDuty["threeOlds"]);
        var category = Domain.Secretaries.SecretaryDuties.Key(HouseholdCategories.All.First(c => left.Categories.HasFlag(c)));
        var group = duties.GetProperty("unvisited").EnumerateArray().Single(g => g.GetProperty("category").GetString() == category);
        Assert.Contains(left.Id, group.GetProperty("households").EnumerateArray().Select(h => h.GetInt64()));

        // 办一两件实事: a deed sent from the phone counts at the next load.
        Assert.Equal(1, duties.GetProperty("practicalThingsAtLeast").GetInt32());
        var things = duties.GetProperty("practicalThings").GetInt32();
        var on = Domain.Shared.ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Created, (await cadre.PostAsJsonAsync("/api/v1/field/deeds",
            new { id = Guid.NewGuid(), village, kind = "health-check", on, quantities = new[] { new { code = "people", value = 40 } } })).StatusCode);
        var reloaded = (await cadre.GetFromJsonAsync<JsonElement>("/api/v1/field/me")).GetProperty("villages").EnumerateArray().Single(v => v.GetProperty("code").GetString() == village);
        Assert.Equal(things + 1, reloaded.GetProperty("duties").GetProperty("practicalThings").GetInt32());

        // The page has the words for every key.
        var field = WebUtility.HtmlDecode(await cadre.GetStringAsync("/field"));
        Assert.Contains("\"duty.threeOlds\"", field, StringComparison.Ordinal);
        Assert.Contains($"\"category.{category}\"", field, StringComparison.Ordinal);

        // Another cadre of the village, who is not its First Secretary, gets no duties.
        var other = await (await SignedInAsync("cadre")).GetFromJsonAsync<JsonElement>("/api/v1/field/me");
        Assert.All(other.GetProperty("villages").EnumerateArray(), v => Assert.False(v.TryGetProperty("duties", out var d) && d.ValueKind != JsonValueKind.Null));
    }

    /// <summary>A cadre account for the village's First Secretary.</summary>
    private async Task<string> SecretaryAccountAsync(string village)
    {
        string code;
        await using (var db = Demo.Target.CreateContext())
        {
            code = (await FieldQueries.CadreOfVillageAsync(db, village, default))!;
        }
        await using var services = AccountAdmin.Services(Demo.Target, TimeProvider.System);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountAdmin>()
            .AddAsync(new NewAccount("fs-duty", Role.Cadre, village, null, TestAccounts.Password, code), Actor.System, default);
        return "fs-duty";
    }

    /// <summary>The figure of 办一两件实事 on a duties page.</summary>
    private static int PracticalThings(string html) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(html, "data-duty=\"PracticalThings\">\\s*<span class=\"value\">([0-9,]+)</span>").Groups[1].Value.Replace(",", "", StringComparison.Ordinal),
            System.Globalization.CultureInfo.InvariantCulture);
}
