using System.Net;
using Liaison.Domain.Divisions;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

/// <summary>The village page's profile: the office that holds the village edits the year's profile (audited, with history); others read it; outside the scope nothing.</summary>
public sealed class VillageProfilePageTests : OwnHost
{
    private const string Village = "370830001001";

    private async Task<HttpClient> AsAsync(string user)
    {
        var client = AppFixture.ClientOf(Web);
        Assert.True(TestAccounts.IsSignedIn(await TestAccounts.SignInAsync(client, user)), user);
        return client;
    }

    [Fact]
    public async Task The_township_office_grades_its_village_sees_where_it_came_from_and_the_history()
    {
        var client = await AsAsync("township-office");
        var page = await client.GetStringAsync($"/divisions/{Village}");
        Assert.Contains("handler=profile", page, StringComparison.Ordinal);
        Assert.Contains("演示数据", page, StringComparison.Ordinal); // the demo's profile says it is the demo's

        var response = await Forms.PostAsync(client, $"/divisions/{Village}", "profile", new()
        {
            ["Form.Types"] = "Difficult",
            ["Form.Grade"] = "Backward",
            ["Form.Latitude"] = "35.71",
            ["Form.Longitude"] = "116.49",
            ["Form.Population"] = "1,234",
            ["Form.Households"] = "410",
            ["Form.Income"] = "85000",
            ["Form.Distance"] = "4.5",
            ["Form.Remarks"] = "村两委换届后待整顿",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var shown = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("由 township-office 在村页面编辑", shown, StringComparison.Ordinal);
        Assert.Contains("历年村情与党组织定级", shown, StringComparison.Ordinal);
        Assert.Contains("村两委换届后待整顿", shown, StringComparison.Ordinal);
        await using var db = Demo.Target.CreateContext();
        var village = await db.Divisions.AsNoTracking().SingleAsync(d => d.Code == Village);
        Assert.Equal(PartyOrgGrade.Backward, village.PartyOrgGrade);
        Assert.Equal(VillageType.Difficult, village.VillageType);
        Assert.Equal(35.71, village.Latitude);
        var saved = await db.VillageProfiles.AsNoTracking().Where(p => p.VillageCode == Village).OrderByDescending(p => p.Year).FirstAsync();
        Assert.Equal((ProfileSource.Page, "township-office", 1234), (saved.Source, saved.UpdatedBy, saved.Population!.Value));
        Assert.Equal("township-office", (await db.AuditEntries.SingleAsync(e => e.Action == "village-profile.save")).Actor);

        // A number that is not one is refused by name, nothing saved.
        var bad = await Forms.PostAsync(client, $"/divisions/{Village}", "profile", new() { ["Form.Population"] = "一千" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("人口“一千”不是数字", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "village-profile.save"));
    }

    [Fact]
    public async Task Outside_its_scope_the_office_can_neither_see_nor_save_and_an_inspector_only_reads()
    {
        var office = await AsAsync("township-office");
        var token = TestAccounts.FormToken(await office.GetStringAsync($"/divisions/{Village}"));
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/divisions/370830102001")).StatusCode);
        var outside = await office.PostAsync("/divisions/370830102001?handler=profile", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Form.Year"] = "2026",
            ["Form.Grade"] = "Backward",
        }));
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);

        var inspector = await AsAsync("inspector");
        var read = await inspector.GetStringAsync($"/divisions/{Village}");
        Assert.Contains("村情", read, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=profile", read, StringComparison.Ordinal);
        var refused = await inspector.PostAsync($"/divisions/{Village}?handler=profile", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            // The village page has no form for an inspector: a token from a page that has one.
            ["__RequestVerificationToken"] = TestAccounts.FormToken(await inspector.GetStringAsync("/account/password")),
            ["Form.Year"] = "2026",
            ["Form.Grade"] = "Backward",
        }));
        // Refused as every page refuses a role: to the "not allowed" page.
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);

        await using var db = Demo.Target.CreateContext();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == "village-profile.save"));
        Assert.False(await db.VillageProfiles.AnyAsync(p => p.Source == ProfileSource.Page));
    }
}
