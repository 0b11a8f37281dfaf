using System.Net;
using System.Net.Http.Json;
using Liaison.App.Auth;
using Liaison.Data.Audit;
using Liaison.Data.Cases;
using Liaison.Data.Liaisons;
using Liaison.Domain.Cases;
using Liaison.Domain.Divisions;
using Liaison.Domain.Shared;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.App.Tests;

/// <summary>
/// A work group's members act on what the group holds (issue 20): a cadre whose account is scoped to
/// their own village, serving in another village's work group, reads that village, takes up the case
/// the group holds there and sees the village's progress; a cadre of the same village outside the
/// group finds none of it.
/// </summary>
public sealed class TeamReachWebTests() : OwnDemoHost(planned: true)
{
    private const string Home = "370830001001";

    [Fact]
    public async Task A_cadre_serving_in_another_villages_work_group_reads_it_and_acts_on_the_case_the_group_holds_and_another_cadre_does_not()
    {
        string village, neither;
        long caseId;
        await using (var db = Demo.Target.CreateContext())
        {
            // A village of another township than the cadre account's own.
            village = await db.Divisions.Where(d => d.Level == DivisionLevel.Village && d.WithdrawnOn == null && !d.Code.StartsWith("370830001"))
                .OrderBy(d => d.Code).Select(d => d.Code).FirstAsync();
            neither = await db.Divisions.Where(d => d.Level == DivisionLevel.Village && d.Code != village && !d.Code.StartsWith("370830001"))
                .OrderBy(d => d.Code).Select(d => d.Code).FirstAsync();
            var cadre = await db.Users.Where(a => a.UserName == "cadre").Select(a => a.CadreId!.Value).SingleAsync();
            var code = await db.Cadres.Where(c => c.Id == cadre).Select(c => c.Code).SingleAsync();
            var office = new OfficeActor("office-test", _ => true);
            var team = await WorkTeamStore.CreateAsync(db, TimeProvider.System, office, new(ChinaTime.Today(TimeProvider.System).Year, village, null, null), default);
            await WorkTeamStore.AddMemberAsync(db, TimeProvider.System, office, team.Id, new(code, Domain.Liaisons.TeamRole.Member, null), default);
            caseId = (await CaseStore.CreateAsync(db, TimeProvider.System, CaseActor.System,
                new CaseInput(CaseKind.Problem, "infrastructure", CaseChannel.WalkIn, village, "组里待办：村东桥面塌陷"), default)).Case!.Id;
            // Another cadre of the account's own village, with an account of their own and no team.
            var other = await db.Cadres.Where(c => c.Id != cadre && c.Status == Domain.People.CadreStatus.Active).OrderBy(c => c.Id).Select(c => c.Code).FirstAsync();
            await using var services = AccountAdmin.Services(Demo.Target, TimeProvider.System);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AccountAdmin>().AddAsync(
                new NewAccount("cadre-elsewhere", Domain.Access.Role.Cadre, Home, null, TestAccounts.Password, other), Actor.System, default);
        }

        var member = await SignedInAsync("cadre");
        var page = WebUtility.HtmlDecode(await member.GetStringAsync($"/cases/{caseId}"));
        Assert.Contains("组里待办：村东桥面塌陷", page, StringComparison.Ordinal);
        Assert.Contains("case-action", page, StringComparison.Ordinal);
        Assert.Contains("组里待办：村东桥面塌陷", WebUtility.HtmlDecode(await member.GetStringAsync("/cases")), StringComparison.Ordinal);
        var accepted = await member.PostAsync($"/cases/{caseId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["action"] = "Accept",
            ["__RequestVerificationToken"] = TestAccounts.FormToken(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        await using (var db = Demo.Target.CreateContext())
        {
            Assert.Equal(CaseStatus.Accepted, await db.Cases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync());
        }
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/field/progress/{village}")).StatusCode);
        // Their own village stays theirs; a village of neither stays out of reach.
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/field/progress/{Home}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/field/progress/{neither}")).StatusCode);

        // Every page and endpoint that answers by division, as the authorization matrix calls it:
        // the team's village answers as the account's own, a village of neither is not found.
        foreach (var route in AuthorizationMatrixTests.Scoped)
        {
            var call = AuthorizationMatrixTests.Samples[route];
            var inTeam = (await member.GetAsync(call(village))).StatusCode;
            var own = (await member.GetAsync(call(Home))).StatusCode;
            Assert.True(inTeam == own, $"{call(village)}: {(int)inTeam}, the account's own village {(int)own}");
            // A role's refusal (403, or a page's redirect to "denied") is the same wherever; else outside is not found.
            if (own == HttpStatusCode.OK)
            {
                Assert.True((await member.GetAsync(call(neither))).StatusCode == HttpStatusCode.NotFound, $"{call(neither)} is found");
            }
            else
            {
                Assert.Contains(own, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Redirect });
            }
        }

        var elsewhere = await SignedInAsync("cadre-elsewhere");
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/cases/{caseId}")).StatusCode);
        Assert.DoesNotContain("组里待办", WebUtility.HtmlDecode(await elsewhere.GetStringAsync("/cases")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/field/progress/{village}")).StatusCode);
    }

    /// <summary>
    /// The people within an office's reach include who serves in its work teams (and its pairings and
    /// postings): the people picker and the person page find a cadre of another township's unit once
    /// they join a work group of the office's village, as they would a cadre tied there.
    /// </summary>
    [Fact]
    public async Task A_township_office_finds_a_cadre_of_another_township_once_they_serve_in_its_village_work_group()
    {
        const string township = "370830001";
        string stranger;
        await using (var db = Demo.Target.CreateContext())
        {
            var tied = db.LiaisonTies.Where(t => t.DivisionCode.StartsWith(township) && t.CadreId != null).Select(t => t.CadreId!.Value);
            var paired = db.LiaisonTies.Where(t => t.DivisionCode.StartsWith(township) && t.UnitId != null).Select(t => t.UnitId!.Value);
            var posted = db.SecretaryPostings.Where(p => p.VillageCode.StartsWith(township)).Select(p => p.CadreId);
            stranger = await (from c in db.Cadres
                              join u in db.Units on c.UnitId equals u.Id
                              where !u.DivisionCode.StartsWith(township) && u.DivisionCode.StartsWith("370830") && !tied.Contains(c.Id) && !paired.Contains(c.UnitId) && !posted.Contains(c.Id)
                                    && c.Status == Domain.People.CadreStatus.Active
                              orderby c.Code
                              select c.Code).FirstAsync();
        }
        var office = await SignedInAsync("township-office");
        Assert.DoesNotContain(await office.GetFromJsonAsync<List<Features.Search.Found>>($"/api/v1/pick/people?q={stranger}") ?? [], p => p.Value == stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/plan/people/{stranger}")).StatusCode);
        await using (var db = Demo.Target.CreateContext())
        {
            var actor = new OfficeActor("office-test", _ => true);
            var team = await WorkTeamStore.CreateAsync(db, TimeProvider.System, actor, new(ChinaTime.Today(TimeProvider.System).Year, Home, null, null), default);
            await WorkTeamStore.AddMemberAsync(db, TimeProvider.System, actor, team.Id, new(stranger, Domain.Liaisons.TeamRole.Member, null), default);
        }
        Assert.Contains(await office.GetFromJsonAsync<List<Features.Search.Found>>($"/api/v1/pick/people?q={stranger}") ?? [], p => p.Value == stranger);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/plan/people/{stranger}")).StatusCode);
    }
}
