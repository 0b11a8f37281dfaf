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

/// <summary>工作组代录: the head of a village's work group enters a stay and a visit for a member without a phone, and the First Secretary's work, from the village's progress page.</summary>
public sealed class WorkGroupEntryWebTests() : OwnDemoHost(planned: true)
{
    private const string Village = "370830001001";

    [Fact]
    public async Task The_head_of_a_villages_work_group_enters_stays_visits_and_the_first_secretarys_work_and_no_one_else_of_the_group_may()
    {
        var cadre = await SignedInAsync("cadre");
        Assert.DoesNotContain("handler=stay", await cadre.GetStringAsync($"/field/progress/{Village}"), StringComparison.Ordinal);

        string member;
        int memberId;
        await using (var db = Demo.Target.CreateContext())
        {
            var head = await db.Users.Where(a => a.UserName == "cadre").Select(a => a.CadreId!.Value).SingleAsync();
            var headCode = await db.Cadres.Where(c => c.Id == head).Select(c => c.Code).SingleAsync();
            (memberId, member) = await db.Cadres.Where(c => c.Id != head && c.Status == Domain.People.CadreStatus.Active).OrderBy(c => c.Id)
                .Select(c => new ValueTuple<int, string>(c.Id, c.Code)).FirstAsync();
            var office = new Data.Liaisons.OfficeActor("office-test", _ => true);
            var year = ChinaTime.Today(TimeProvider.System).Year;
            var team = await Data.Liaisons.WorkTeamStore.CreateAsync(db, TimeProvider.System, office, new(year, Village, null, null), default);
            await Data.Liaisons.WorkTeamStore.AddMemberAsync(db, TimeProvider.System, office, team.Id, new(headCode, Domain.Liaisons.TeamRole.Head, null), default);
            await Data.Liaisons.WorkTeamStore.AddMemberAsync(db, TimeProvider.System, office, team.Id, new(member, Domain.Liaisons.TeamRole.Member, null), default);
        }
        var today = ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var entered = WebUtility.HtmlDecode(await (await Forms.PostAsync(cadre, $"/field/progress/{Village}", "stay", new() { ["cadre"] = member, ["arrived"] = today })).Content.ReadAsStringAsync());
        Assert.Contains("已代录驻村", entered, StringComparison.Ordinal);
        await using (var db = Demo.Target.CreateContext())
        {
            var stay = await db.ResidenceStays.AsNoTracking().SingleAsync(s => s.CadreId == memberId && s.VillageCode == Village);
            Assert.Equal((Domain.Field.RecordSource.WorkGroup, "cadre"), (stay.Source, stay.ReceivedBy));
        }
        // A visit of the member's, by the household's house number, with the issue raised; and the
        // village's First Secretary's symposium. Both the phone's records, marked as the work group's.
        // A First Secretary of the year moves to the village (the small demo posts none there).
        string house, secretary;
        await using (var db = Demo.Target.CreateContext())
        {
            house = await db.Households.Where(h => h.VillageCode == Village && h.Status == Domain.People.HouseholdStatus.Current).OrderBy(h => h.Id).Select(h => h.HouseNo).FirstAsync();
            var year = ChinaTime.Today(TimeProvider.System).Year;
            var posting = await db.SecretaryPostings.Where(p => p.Year == year && p.Until == null).OrderBy(p => p.Id).FirstAsync();
            posting.VillageCode = Village;
            await db.SaveChangesAsync();
            secretary = await db.Cadres.Where(c => c.Id == posting.CadreId).Select(c => c.Code).SingleAsync();
        }
        var visited = WebUtility.HtmlDecode(await (await Forms.PostAsync(cadre, $"/field/progress/{Village}", "visit",
            new() { ["cadre"] = member, ["house"] = house, ["day"] = today, ["issue"] = "村西路灯不亮" })).Content.ReadAsStringAsync());
        Assert.Contains("已代录走访", visited, StringComparison.Ordinal);
        // The same form sent again (a reload, a double tap) is stored once.
        var again = WebUtility.HtmlDecode(await (await Forms.PostAsync(cadre, $"/field/progress/{Village}", "visit",
            new() { ["cadre"] = member, ["house"] = house, ["day"] = today, ["issue"] = "村西路灯不亮" })).Content.ReadAsStringAsync());
        Assert.Contains("这条记录已代录过，未重复保存", again, StringComparison.Ordinal);
        var nowhere = WebUtility.HtmlDecode(await (await Forms.PostAsync(cadre, $"/field/progress/{Village}", "visit",
            new() { ["cadre"] = member, ["house"] = "不存在的门牌", ["day"] = today })).Content.ReadAsStringAsync());
        Assert.Contains("本村没有门牌号为 不存在的门牌 的在册农户", nowhere, StringComparison.Ordinal);
        var activity = WebUtility.HtmlDecode(await (await Forms.PostAsync(cadre, $"/field/progress/{Village}", "activity",
            new() { ["cadre"] = secretary, ["kind"] = "Symposium", ["on"] = today, ["count"] = "1", ["people"] = "12" })).Content.ReadAsStringAsync());
        Assert.Contains("已代录第一书记工作", activity, StringComparison.Ordinal);
        await using (var db = Demo.Target.CreateContext())
        {
            var visit = await db.HouseholdVisits.AsNoTracking().SingleAsync(v => v.CadreId == memberId && v.VillageCode == Village);
            Assert.Equal((Domain.Field.RecordSource.WorkGroup, "cadre", 1), (visit.Source, visit.ReceivedBy, visit.IssueCount));
            var held = await db.SecretaryActivities.AsNoTracking().Where(a => a.VillageCode == Village && a.Source == Domain.Field.RecordSource.WorkGroup).SingleAsync();
            Assert.Equal((Domain.Field.ActivityKind.Symposium, 12), (held.Kind, held.People));
        }

        // An inspector of the county sees the page, not the form.
        Assert.DoesNotContain("handler=stay", await (await SignedInAsync("inspector")).GetStringAsync($"/field/progress/{Village}"), StringComparison.Ordinal);
    }
}
