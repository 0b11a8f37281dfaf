using System.Net;
using Liaison.Domain.Liaisons;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

/// <summary>Hand edits through the web form, each test on its own planned demo.</summary>
public sealed class PlanEditTests() : OwnDemoHost(planned: true)
{
    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> form) =>
        Forms.PostAsync(client, page, handler, form);

    [Fact]
    public async Task An_office_moves_a_police_officers_tie_into_a_second_village_sees_the_violation_and_the_check_lists_it()
    {
        await using var db = Demo.Target.CreateContext();
        var officer = await db.LiaisonTies.Where(t => t.Kind == TieKind.Police).OrderBy(t => t.Id).FirstAsync();
        var client = await SignedInAsync("office");

        // An added second police tie for the same officer breaks police.one.
        var cadre = await db.Cadres.SingleAsync(c => c.Id == officer.CadreId);
        var other = await db.Divisions.Where(d => d.Code.StartsWith(officer.DivisionCode.Substring(0, 9)) && d.Code.Length == 12 && d.Code != officer.DivisionCode).Select(d => d.Code).FirstAsync();
        var response = await PostAsync(client, $"/plan/edit?person={cadre.Code}", "add", new() { ["kind"] = "Police", ["division"] = other, ["reason"] = "临时增加联系村" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("已保存", html, StringComparison.Ordinal);
        Assert.Contains("police.one", html, StringComparison.Ordinal);
        var check = await client.GetStringAsync("/plan/check?code=370830");
        Assert.Contains("police.one", check, StringComparison.Ordinal);
        Assert.Contains(cadre.Name, check, StringComparison.Ordinal);
        Assert.Equal("office", (await db.AuditEntries.SingleAsync(e => e.Action == "liaison-tie.add")).Actor);
    }

    [Fact]
    public async Task An_edit_without_a_reason_or_into_another_jurisdiction_is_refused_and_nothing_changes()
    {
        await using var db = Demo.Target.CreateContext();
        var tie = await db.LiaisonTies.Where(t => t.Kind == TieKind.Stationed || t.Kind == TieKind.Police)
            .Where(t => t.DivisionCode.StartsWith("370830001")).OrderBy(t => t.Id).FirstAsync();
        var client = await SignedInAsync("township-office");
        var before = await db.LiaisonTies.CountAsync();

        var noReason = await PostAsync(client, $"/plan/edit?tie={tie.Id}", "move", new() { ["division"] = "370830001002", ["reason"] = " " });
        Assert.Contains("请填写调整理由", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var elsewhere = await PostAsync(client, $"/plan/edit?tie={tie.Id}", "move", new() { ["division"] = "370830102001", ["reason"] = "越权" });
        Assert.Contains("不在您的管辖范围内", await elsewhere.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(before, await db.LiaisonTies.CountAsync());
        Assert.Null((await db.LiaisonTies.SingleAsync(t => t.Id == tie.Id)).Until);
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action.StartsWith("liaison-tie.")));
    }

    [Fact]
    public async Task Locking_a_tie_is_saved_and_audited_with_its_reason()
    {
        await using var db = Demo.Target.CreateContext();
        var tie = await db.LiaisonTies.Where(t => t.DivisionCode.StartsWith("370830")).OrderBy(t => t.Id).FirstAsync();
        var client = await SignedInAsync("office");

        var response = await PostAsync(client, $"/plan/edit?tie={tie.Id}", "lock", new() { ["reason"] = "群众满意，保持不变" });

        Assert.Contains("已保存", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await db.LiaisonTies.AsNoTracking().SingleAsync(t => t.Id == tie.Id)).Locked);
        Assert.Contains("群众满意", (await db.AuditEntries.SingleAsync(e => e.Action == "liaison-tie.lock")).After, StringComparison.Ordinal);
    }
}
