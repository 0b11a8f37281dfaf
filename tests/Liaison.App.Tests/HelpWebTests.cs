using System.Net;
using Liaison.Domain.People;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

/// <summary>An office pairs a poor household with a cadre on the help page and closes the plan; another township's reader does not find it.</summary>
public sealed class HelpWebTests() : OwnDemoHost(planned: true)
{
    [Fact]
    public async Task An_office_pairs_a_poor_household_closes_the_plan_as_achieved_and_a_reader_elsewhere_does_not_find_it()
    {
        long household;
        string cadre;
        await using (var db = Demo.Target.CreateContext())
        {
            household = await db.Households.Where(h => h.VillageCode.StartsWith("370830001") && (h.Categories & HouseholdCategory.Poor) != 0 && h.Status == HouseholdStatus.Current)
                .OrderBy(h => h.Id).Select(h => h.Id).FirstAsync();
            cadre = await db.Cadres.Where(c => c.Status == CadreStatus.Active).OrderBy(c => c.Code).Select(c => c.Code).FirstAsync();
        }
        var office = await SignedInAsync("office");
        var list = WebUtility.HtmlDecode(await office.GetStringAsync("/help?code=370830001"));
        Assert.Contains($"data-household=\"{household}\"", list, StringComparison.Ordinal);

        var created = await Forms.PostAsync(office, $"/help?household={household}&code=370830001", "create", new()
        {
            ["cadre"] = cadre,
            ["needs"] = "家中有病人，医疗负担重",
            ["measures"] = "协助申请医疗救助",
            ["targetOn"] = $"{Liaison.Domain.Shared.ChinaTime.Today(TimeProvider.System).Year}-12-31",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;
        var shown = WebUtility.HtmlDecode(await office.GetStringAsync(page));
        Assert.Contains("data-status=\"open\"", shown, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-household=\"{household}\"", WebUtility.HtmlDecode(await office.GetStringAsync("/help?code=370830001")), StringComparison.Ordinal);

        var closed = WebUtility.HtmlDecode(await (await Forms.PostAsync(office, page, "close", new() { ["achieved"] = "true", ["outcome"] = "医疗救助到位，负担减轻" })).Content.ReadAsStringAsync());
        Assert.Contains("data-status=\"achieved\"", closed, StringComparison.Ordinal);
        Assert.Contains("医疗救助到位，负担减轻", closed, StringComparison.Ordinal);

        var elsewhere = await SignedInAsync("other-inspector");
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync(page)).StatusCode);
        Assert.DoesNotContain(page, await elsewhere.GetStringAsync("/help"), StringComparison.Ordinal);
    }
}
