using System.Net;
using System.Text.RegularExpressions;
using Liaison.Domain.People;
using Liaison.Domain.Secretaries;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

/// <summary>The yearly First Secretary cycle run in the web app, from calls to the published list.</summary>
public sealed class SecretaryWebTests() : OwnDemoHost(planned: false)
{
    /// <summary>Posts a form of the page as a browser does; the answer must be the page again.</summary>
    private static async Task<string> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        var response = await Forms.PostAsync(client, page, handler, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_administrator_runs_the_cycle_from_calls_to_the_published_list_and_a_county_office_may_not()
    {
        var admin = await SignedInAsync("admin");
        var index = await admin.GetStringAsync("/secretaries");
        var year = int.Parse(Regex.Match(index, "<h1>(\\d{4})").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        // Each step of the cycle is a job followed on its page.
        var opened = await JobPages.EndAsync(admin, await Forms.PostAsync(admin, "/secretaries", "open", new() { ["year"] = $"{year}" }));
        Assert.Contains("个选派", opened, StringComparison.Ordinal);
        await using var db = Demo.Target.CreateContext();
        var call = await db.SecretaryCalls.FirstAsync(c => c.Level == DispatchLevel.Township);
        var cadre = await (from c in db.Cadres
                           join u in db.Units on c.UnitId equals u.Id
                           where u.Level == UnitLevel.Township && u.DivisionCode == call.DivisionCode && c.Rank == CadreRank.Ordinary && !c.IsPolice
                           orderby c.Code
                           select c).FirstAsync();

        var registered = await PostAsync(admin, $"/secretaries/calls/{call.Id}", "register", new() { ["cadre"] = cadre.Code, ["home"] = "" });
        Assert.Contains("已报名", registered, StringComparison.Ordinal);
        var again = await PostAsync(admin, $"/secretaries/calls/{call.Id}", "register", new() { ["cadre"] = cadre.Code, ["home"] = "" });
        Assert.Contains("本年度已报名", again, StringComparison.Ordinal);
        var candidate = await db.SecretaryCandidates.SingleAsync(c => c.CadreId == cadre.Id);
        var scored = await PostAsync(admin, $"/secretaries/calls/{call.Id}", "score", new()
        {
            ["candidate"] = $"{candidate.Id}",
            ["political"] = "90",
            ["innovation"] = "80",
            ["massWork"] = "85",
            ["coordination"] = "75",
        });
        Assert.Contains("评分已保存", scored, StringComparison.Ordinal);
        Assert.Contains("选中", await JobPages.EndAsync(admin, await Forms.PostAsync(admin, "/secretaries", "select", new() { ["year"] = $"{year}" })), StringComparison.Ordinal);
        var matched = await JobPages.EndAsync(admin, await Forms.PostAsync(admin, "/secretaries", "match", new() { ["year"] = $"{year}" }));
        Assert.Contains("已安排 1 名", matched, StringComparison.Ordinal);

        var posting = await db.SecretaryPostings.SingleAsync();
        Assert.Equal(cadre.Id, posting.CadreId);
        Assert.StartsWith(call.DivisionCode, posting.VillageCode, StringComparison.Ordinal);
        var published = WebUtility.HtmlDecode(await AppFixture.ClientOf(Host).GetStringAsync("/public/contacts"));
        Assert.Contains(cadre.Name, published, StringComparison.Ordinal);

        // The appointment and the sending unit's support are recorded on the posting.
        var appointed = await PostAsync(admin, $"/secretaries/postings/{posting.Id}", "appoint", new()
        {
            ["appointedOn"] = $"{year}-03-15",
            ["membershipMoved"] = "true",
            ["headsWorkGroup"] = "true",
        });
        Assert.Contains("已保存", appointed, StringComparison.Ordinal);
        var supported = await PostAsync(admin, $"/secretaries/postings/{posting.Id}", "support", new()
        {
            ["kind"] = "Funds",
            ["amount"] = "50000",
            ["description"] = "修路资金",
            ["on"] = $"{year}-04-01",
        });
        Assert.Contains("修路资金", supported, StringComparison.Ordinal);
        Assert.Contains("50,000.00", supported, StringComparison.Ordinal);
        var recorded = await db.SecretaryPostings.AsNoTracking().SingleAsync(p => p.Id == posting.Id);
        Assert.Equal((new DateOnly(year, 3, 15), true, false, true), (recorded.AppointedOn!.Value, recorded.MembershipMoved, recorded.DecoupledFromUnit, recorded.HeadsWorkGroup));
        Assert.Equal(50000m, (await db.SecretarySupports.SingleAsync()).Amount);
        var refusedSupport = await PostAsync(admin, $"/secretaries/postings/{posting.Id}", "support", new() { ["kind"] = "Funds", ["amount"] = "0", ["description"] = "x", ["on"] = $"{year}-04-01" });
        Assert.Contains("大于零", refusedSupport, StringComparison.Ordinal);

        // Why not a village of another township? The call's jurisdiction forbids it.
        var elsewhere = await db.Divisions.Where(d => d.Code.Length == 12 && !d.Code.StartsWith(call.DivisionCode)).Select(d => d.Code).FirstAsync();
        var why = WebUtility.HtmlDecode(await admin.GetStringAsync($"/secretaries/postings/{posting.Id}?village={elsewhere}"));
        Assert.Contains("不允许：该村不在选派单位的辖区内", why, StringComparison.Ordinal);
        // Moved by hand to another village of the township that needs one, then recalled: each with its reason.
        var needy = (await db.Divisions.Where(d => d.ParentCode == call.DivisionCode && d.Code != posting.VillageCode).ToListAsync())
            .First(d => d.PartyOrgGrade is Domain.Divisions.PartyOrgGrade.Backward or Domain.Divisions.PartyOrgGrade.General);
        var moved = await PostAsync(admin, $"/secretaries/postings/{posting.Id}", "move", new() { ["village"] = needy.Code, ["reason"] = "村里要求" });
        Assert.Contains("已保存", moved, StringComparison.Ordinal);
        var manual = await db.SecretaryPostings.AsNoTracking().SingleAsync(p => p.Until == null);
        Assert.True(manual.Manual);
        Assert.Equal(needy.Code, manual.VillageCode);
        var badReplacement = await PostAsync(admin, $"/secretaries/postings/{manual.Id}", "recall", new() { ["reason"] = "身体原因", ["replacement"] = "NOBODY" });
        Assert.Contains("NOBODY 不是本年度已选中的第一书记人选", badReplacement, StringComparison.Ordinal);
        Assert.True(await db.SecretaryPostings.AnyAsync(p => p.Id == manual.Id && p.Until == null));
        var recalled = await PostAsync(admin, $"/secretaries/postings/{manual.Id}", "recall", new() { ["reason"] = "身体原因" });
        Assert.Contains("已保存", recalled, StringComparison.Ordinal);
        Assert.False(await db.SecretaryPostings.AnyAsync(p => p.Until == null));
        Assert.Equal(["secretaries.move", "secretaries.recall"], await db.AuditEntries.Where(e => e.Action == "secretaries.move" || e.Action == "secretaries.recall").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());

        // The cycle spans the whole database: the county office of this one-county demo runs it, a township's office only reads.
        var township = await SignedInAsync("township-office");
        Assert.DoesNotContain("handler=match", await township.GetStringAsync("/secretaries"), StringComparison.Ordinal);
        var office = await SignedInAsync("office");
        Assert.Contains("handler=match", await office.GetStringAsync("/secretaries"), StringComparison.Ordinal);
        Assert.Contains($"/secretaries/calls/{call.Id}", await office.GetStringAsync("/secretaries"), StringComparison.Ordinal);
    }
}
