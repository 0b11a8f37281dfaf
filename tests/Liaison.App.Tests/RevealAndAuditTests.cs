using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

/// <summary>Unmasked personal data only on request, only for roles that may, only in scope, and always audited.</summary>
[Collection("app")]
public class RevealAndAuditTests(AppFixture app)
{
    private static async Task<HttpResponseMessage> RevealAsync(HttpClient client, string village, long id, bool withToken = true)
    {
        var page = await client.GetStringAsync($"/divisions/{village}");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"csrf-token\" content=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/divisions/{village}/households/{id}/reveal");
        if (withToken)
        {
            request.Headers.Add("X-CSRF-TOKEN", token);
        }
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task An_office_reveals_a_household_in_scope_and_the_reveal_is_audited_and_listed()
    {
        await using var db = app.Target.CreateContext();
        // Sealed values open in memory only (they are bound to their row): the first of the township's households with a phone.
        var household = (await db.Households.AsNoTracking().Where(h => h.VillageCode.StartsWith("370830001")).OrderBy(h => h.Id).Take(100).ToListAsync()).First(h => h.HeadPhone != null);
        var key = household.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var client = await app.SignedInAsync("township-office", followRedirects: true);
        var before = await db.AuditEntries.CountAsync(e => e.Action == "personal-data.reveal" && e.EntityKey == key);

        var response = await RevealAsync(client, household.VillageCode, household.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(household.HeadPhone!, html, StringComparison.Ordinal);
        Assert.Contains(household.HeadName, html, StringComparison.Ordinal);
        var entry = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "personal-data.reveal" && e.EntityKey == key).OrderBy(e => e.Id).LastAsync();
        Assert.Equal(before + 1, await db.AuditEntries.CountAsync(e => e.Action == "personal-data.reveal" && e.EntityKey == key));
        Assert.Equal("township-office", entry.Actor);
        Assert.Equal(household.VillageCode, entry.DivisionCode);

        var office = await app.SignedInAsync("office", followRedirects: true);
        var audit = await office.GetStringAsync("/audit?actor=township-office&entity=household");
        // The action and the record by their names, the action's key in its title.
        Assert.Contains("title=\"personal-data.reveal\">查看个人信息<", audit, StringComparison.Ordinal);
        Assert.Contains($"农户 {household.Id}", audit, StringComparison.Ordinal);
        Assert.Contains("字段：户主姓名、户主电话", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reveals_outside_scope_by_other_roles_or_without_the_token_give_nothing()
    {
        await using var db = app.Target.CreateContext();
        var elsewhere = await db.Households.AsNoTracking().Where(h => h.VillageCode.StartsWith("370830102")).OrderBy(h => h.Id).FirstAsync();
        var mine = await db.Households.AsNoTracking().Where(h => h.VillageCode.StartsWith("370830001")).OrderBy(h => h.Id).FirstAsync();
        var township = await app.SignedInAsync("township-office", followRedirects: false);

        // Another township's household, asked for through my own village's path or its own.
        Assert.Equal(HttpStatusCode.NotFound, (await RevealAsync(township, mine.VillageCode, elsewhere.Id)).StatusCode);
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"/divisions/{elsewhere.VillageCode}/households/{elsewhere.Id}/reveal"))
        {
            var page = await township.GetStringAsync($"/divisions/{mine.VillageCode}");
            request.Headers.Add("X-CSRF-TOKEN", System.Text.RegularExpressions.Regex.Match(page, "name=\"csrf-token\" content=\"([^\"]+)\"").Groups[1].Value);
            Assert.Equal(HttpStatusCode.NotFound, (await township.SendAsync(request)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await RevealAsync(township, mine.VillageCode, mine.Id, withToken: false)).StatusCode);

        var inspector = await app.SignedInAsync("inspector", followRedirects: false);
        var denied = await RevealAsync(inspector, mine.VillageCode, mine.Id);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/denied", denied.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(">显示<", await inspector.GetStringAsync($"/divisions/{mine.VillageCode}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_office_reads_only_its_own_subtrees_audit_entries_and_an_inspector_none()
    {
        var other = await app.SignedInAsync("other-inspector", followRedirects: false);
        var denied = await other.GetAsync("/audit");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);

        var township = await app.SignedInAsync("township-office", followRedirects: true);
        var html = await township.GetStringAsync("/audit");
        // Imports and sign-ins carry no division: only the administrator reads them.
        Assert.DoesNotContain("import.", html, StringComparison.Ordinal);
        var admin = await app.SignedInAsync("admin", followRedirects: true);
        Assert.Contains("title=\"account.sign-in\">登录<", await admin.GetStringAsync("/audit?entity=account"), StringComparison.Ordinal);
    }
}
