using System.Net;
using System.Text.RegularExpressions;
using Liaison.Domain.Cases;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

/// <summary>夜谈夜访 on the web: a cadre records a session in their village, the escalated matter becomes a case that names the session; refusals keep what was typed; readers elsewhere do not find it.</summary>
public sealed partial class NightWebTests() : OwnDemoHost(planned: true)
{
    private const string Village = "370830001001";

    [Fact]
    public async Task A_cadre_records_a_night_session_its_escalated_matter_becomes_a_case_and_a_reader_elsewhere_does_not_find_it()
    {
        var today = Liaison.Domain.Shared.ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var cadre = await SignedInAsync("cadre");
        Assert.Contains("id=\"record-night\"", await cadre.GetStringAsync("/nights"), StringComparison.Ordinal);

        var refused = WebUtility.HtmlDecode(await (await Forms.PostAsync(cadre, "/nights", "record", new()
        {
            ["village"] = Village,
            ["heldOn"] = today,
            ["topic"] = "",
            ["people"] = "25",
            ["text[0]"] = "村西机井坏了",
            ["outcome[0]"] = "Escalated",
            ["category[0]"] = "infrastructure",
        })).Content.ReadAsStringAsync());
        Assert.Contains("data-field=\"topic\"", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"村西机井坏了\"", refused, StringComparison.Ordinal);

        var recorded = await Forms.PostAsync(cadre, "/nights", "record", new()
        {
            ["village"] = Village,
            ["heldOn"] = today,
            ["topic"] = "冬季安全生产",
            ["people"] = "25",
            ["attendees"] = "党员、村民代表",
            ["text[0]"] = "路灯不亮",
            ["outcome[0]"] = "Solved",
            ["category[0]"] = "other",
            ["text[1]"] = "村西机井坏了",
            ["outcome[1]"] = "Escalated",
            ["category[1]"] = "infrastructure",
            ["text[2]"] = "",
            ["outcome[2]"] = "Solved",
            ["category[2]"] = "other",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var page = recorded.Headers.Location!.OriginalString;
        var shown = WebUtility.HtmlDecode(await cadre.GetStringAsync(page));
        Assert.Contains("冬季安全生产", shown, StringComparison.Ordinal);
        Assert.Contains("data-raised=\"2\"", shown, StringComparison.Ordinal);
        var caseId = long.Parse(CaseLink().Match(shown).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await using (var db = Demo.Target.CreateContext())
        {
            var c = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == caseId);
            Assert.Equal((CaseChannel.NightVisit, "村西机井坏了", Village), (c.Channel, c.Description, c.VillageCode));
            Assert.Equal(page, $"/nights/{c.NightSessionId}");
            Assert.NotNull(c.CadreId);
        }
        var office = await SignedInAsync("office");
        Assert.Contains($"href=\"{page}\"", await office.GetStringAsync($"/cases/{caseId}"), StringComparison.Ordinal);
        Assert.Contains($"href=\"{page}\"", await office.GetStringAsync("/nights?code=370830001"), StringComparison.Ordinal);

        // An inspector reads but does not record; a reader of another township finds nothing.
        var inspector = await SignedInAsync("inspector");
        var read = await inspector.GetStringAsync("/nights");
        Assert.Contains($"href=\"{page}\"", read, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"record-night\"", read, StringComparison.Ordinal);
        var elsewhere = await SignedInAsync("other-inspector");
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync(page)).StatusCode);
        Assert.DoesNotContain(page, await elsewhere.GetStringAsync("/nights"), StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"/cases/(\\d+)\" data-case")]
    private static partial Regex CaseLink();
}
