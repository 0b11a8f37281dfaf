using System.Net;
using Liaison.Domain.Divisions;
using Liaison.Domain.Results;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

/// <summary>分类定级 on the web: the township office grades its villages by the checklist and sends the round up; the county office confirms; a backward village gets its rectification plan.</summary>
public sealed class GradingWebTests() : OwnDemoHost(planned: true)
{
    private const string Township = "370830001";
    private static readonly string[] Everything = ["leadership", "members", "organisation-life", "economy", "services", "stability"];

    [Fact]
    public async Task A_township_grades_its_villages_the_county_confirms_and_the_grades_are_the_villages_next_year()
    {
        var year = Liaison.Domain.Shared.ChinaTime.Today(TimeProvider.System).Year;
        var township = await SignedInAsync("township-office");
        var opened = await Forms.PostAsync(township, $"/grading?year={year}", "open", new() { ["township"] = Township });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var page = opened.Headers.Location!.OriginalString;
        List<string> villages;
        await using (var db = Demo.Target.CreateContext())
        {
            villages = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Village && d.WithdrawnOn == null && d.Code.StartsWith(Township))
                .OrderBy(d => d.Code).Select(d => d.Code).ToListAsync();
        }
        // The first village: another grade than the checklist suggests, without a reason — refused by field.
        var refused = WebUtility.HtmlDecode(await (await Forms.PostAsync(township, page, "grade", new() { ["village"] = villages[0], ["grade"] = "Advanced", ["criteria[0]"] = "leadership" }))
            .Content.ReadAsStringAsync());
        Assert.Contains("data-field=\"note\"", refused, StringComparison.Ordinal);
        foreach (var (village, i) in villages.Select((v, i) => (v, i)))
        {
            var form = new Dictionary<string, string> { ["village"] = village };
            // The first graded backward (nothing met), the rest advanced (all six met).
            foreach (var (c, k) in (i == 0 ? [] : Everything).Select((c, k) => (c, k)))
            {
                form[$"criteria[{k}]"] = c;
            }
            Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(township, page, "grade", form)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(township, page, "submit", [])).StatusCode);
        // The county office finds the round on its to-do list; the township, which cannot confirm it, does not count it.
        Assert.Contains("data-todo=\"gradings-to-confirm\"", await (await SignedInAsync("office")).GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal("<span class=\"count\">1</span>", await (await SignedInAsync("office")).GetStringAsync("/?handler=count&what=gradings-to-confirm"));
        Assert.Equal("<span class=\"count zero\">0</span>", await township.GetStringAsync("/?handler=count&what=gradings-to-confirm"));
        // The township does not confirm its own grading; the county office does.
        Assert.DoesNotContain("id=\"confirm-round\"", await township.GetStringAsync(page), StringComparison.Ordinal);
        var county = await SignedInAsync("office");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(county, page, "confirm", [])).StatusCode);
        Assert.Contains("data-status=\"confirmed\"", await county.GetStringAsync(page), StringComparison.Ordinal);

        // The backward village gets its rectification plan; an advanced one does not need one.
        var plan = await Forms.PostAsync(township, $"/grading?year={year}", "plan", new()
        {
            ["village"] = villages[0],
            ["problems"] = "组织生活不规范",
            ["measures"] = "规范“三会一课”，调整支部委员",
            ["deadline"] = Liaison.Domain.Shared.ChinaTime.Today(TimeProvider.System).AddDays(90).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, plan.StatusCode);
        var notBackward = WebUtility.HtmlDecode(await (await Forms.PostAsync(township, $"/grading?year={year}", "plan", new()
        {
            ["village"] = villages[1],
            ["problems"] = "无",
            ["measures"] = "无",
            ["deadline"] = Liaison.Domain.Shared.ChinaTime.Today(TimeProvider.System).AddDays(90).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        })).Content.ReadAsStringAsync());
        Assert.Contains("data-code=\"not-backward\"", notBackward, StringComparison.Ordinal);
        // Upgrade targets are for general organisations: an advanced one is refused them, by the kind the form sends.
        var notGeneral = WebUtility.HtmlDecode(await (await Forms.PostAsync(township, $"/grading?year={year}", "plan", new()
        {
            ["kind"] = "Upgrade",
            ["village"] = villages[1],
            ["problems"] = "集体经济收入未达先进标准",
            ["measures"] = "发展集体经济",
            ["deadline"] = Liaison.Domain.Shared.ChinaTime.Today(TimeProvider.System).AddDays(90).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        })).Content.ReadAsStringAsync());
        Assert.Contains("data-code=\"not-general\"", notGeneral, StringComparison.Ordinal);
        await using (var db = Demo.Target.CreateContext())
        {
            Assert.Equal(PartyOrgGrade.Backward, await db.VillageProfiles.AsNoTracking().Where(p => p.VillageCode == villages[0] && p.Year == year + 1).Select(p => p.Grade).SingleAsync());
            Assert.Equal(villages.Count - 1, await db.Divisions.AsNoTracking().CountAsync(d => villages.Contains(d.Code) && d.PartyOrgGrade == PartyOrgGrade.Advanced));
            Assert.Equal(1, await db.Rectifications.CountAsync(r => r.VillageCode == villages[0] && r.Status == RectificationStatus.Open));
        }
        // A reader of another township does not find the round.
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync("other-inspector")).GetAsync(page)).StatusCode);
    }
}
