using System.Net;
using Liaison.Domain.Shared;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

/// <summary>An office sets up a township work team on its pages, adds its head and records a meeting; another township's office does not find it.</summary>
public sealed class WorkTeamWebTests() : OwnDemoHost(planned: true)
{
    [Fact]
    public async Task An_office_sets_up_a_team_adds_its_head_and_records_a_meeting_and_another_townships_office_does_not_find_it()
    {
        string township, cadre;
        await using (var db = Demo.Target.CreateContext())
        {
            // The township office's own township (370830001), and a cadre of a unit there.
            township = "370830001";
            cadre = await db.Cadres.Where(c => db.Units.Any(u => u.Id == c.UnitId && u.DivisionCode == township)).OrderBy(c => c.Code).Select(c => c.Code).FirstAsync();
        }
        var office = await SignedInAsync("office");
        var created = await Forms.PostAsync(office, "/teams", "create", new() { ["division"] = township, ["name"] = "", ["headPost"] = "挂职乡镇党委副书记" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;
        Assert.Matches("^/teams/\\d+$", page);

        var added = WebUtility.HtmlDecode(await (await Forms.PostAsync(office, page, "member", new() { ["cadre"] = cadre, ["role"] = "Head", ["since"] = "" })).Content.ReadAsStringAsync());
        Assert.Contains($"data-member=\"{cadre}\" data-current=\"true\"", added, StringComparison.Ordinal);
        Assert.Contains("队长", added, StringComparison.Ordinal);
        var met = WebUtility.HtmlDecode(await (await Forms.PostAsync(office, page, "meeting", new()
        {
            ["kind"] = "OnSite",
            ["on"] = ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["place"] = "村党群服务中心",
            ["topic"] = "现场观摩道路硬化",
            ["attendance"] = "25",
            ["decisions"] = "下月完成排水沟",
        })).Content.ReadAsStringAsync());
        Assert.Contains("现场观摩道路硬化", met, StringComparison.Ordinal);
        Assert.Contains("现场会", met, StringComparison.Ordinal);
        // A meeting with nobody there is refused by field.
        var refused = WebUtility.HtmlDecode(await (await Forms.PostAsync(office, page, "meeting", new()
        {
            ["kind"] = "Progress",
            ["on"] = "2020-01-01",
            ["place"] = "乡政府",
            ["topic"] = "部署",
            ["attendance"] = "0",
            ["decisions"] = "",
        })).Content.ReadAsStringAsync());
        Assert.Contains("data-field=\"attendance\"", refused, StringComparison.Ordinal);

        var list = WebUtility.HtmlDecode(await office.GetStringAsync("/teams"));
        Assert.Contains("工作队", list, StringComparison.Ordinal);
        Assert.Contains("/plan/" + township, list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await (await SignedInAsync("township-office")).GetAsync(page)).StatusCode);
        var otherTownship = await SignedInAsync("other-inspector");
        Assert.Equal(HttpStatusCode.NotFound, (await otherTownship.GetAsync(page)).StatusCode);
        Assert.DoesNotContain(township, await otherTownship.GetStringAsync("/teams"), StringComparison.Ordinal);
    }
}
