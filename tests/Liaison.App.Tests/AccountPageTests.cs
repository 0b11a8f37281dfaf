using System.Net;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

/// <summary>Issue 19 item 3: an office manages the accounts of its own jurisdiction in the browser, and no further.</summary>
public sealed class AccountPageTests() : OwnDemoHost(planned: false)
{
    [Fact]
    public async Task A_county_office_creates_a_township_office_whose_first_password_works_once_and_is_audited()
    {
        var client = await SignedInAsync("office");
        var response = await Forms.PostAsync(client, "/admin/accounts/new", "create",
            new() { ["UserName"] = "nanzhan-office", ["DisplayName"] = "南站镇驻村办", ["Role"] = "Office", ["Division"] = "370830001" });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("已创建账户 nanzhan-office", html, StringComparison.Ordinal);
        await using var db = Demo.Target.CreateContext();
        var account = await db.Users.SingleAsync(a => a.UserName == "nanzhan-office");
        Assert.Equal(("370830001", true), (account.ScopeDivisionCode, account.MustChangePassword));
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == "account.add" && e.EntityKey == "nanzhan-office");
        Assert.Equal("office", audit.Actor);
        Assert.Contains("nanzhan-office", await client.GetStringAsync("/admin/accounts?q=nanzhan"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_township_office_cannot_create_see_or_change_accounts_outside_its_township()
    {
        var client = await SignedInAsync("township-office");
        var elsewhere = await Forms.PostAsync(client, "/admin/accounts/new", "create",
            new() { ["UserName"] = "grab", ["Role"] = "Office", ["Division"] = "370830102" });
        Assert.Contains("不在您的管辖范围内", await elsewhere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var admin = await Forms.PostAsync(client, "/admin/accounts/new", "create",
            new() { ["UserName"] = "root2", ["Role"] = "Admin", ["Division"] = "370830001" });
        Assert.Contains("不在您的管辖范围内", await admin.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A cadre account is linked to a cadre within reach only: one of another township's unit (with no
        // place in this one) does not exist for this office; one of its own township's unit does.
        string outside, inside;
        await using (var read = Demo.Target.CreateContext())
        {
            var codes = from c in read.Cadres join u in read.Units on c.UnitId equals u.Id orderby c.Code select new { c.Code, u.DivisionCode };
            outside = await codes.Where(x => x.DivisionCode.StartsWith("370830102")).Select(x => x.Code).FirstAsync();
            inside = await codes.Where(x => x.DivisionCode.StartsWith("370830001")).Select(x => x.Code).FirstAsync();
        }
        var foreign = WebUtility.HtmlDecode(await (await Forms.PostAsync(client, "/admin/accounts/new", "create",
            new() { ["UserName"] = "borrowed", ["Role"] = "Cadre", ["Division"] = "370830001001", ["Cadre"] = outside })).Content.ReadAsStringAsync());
        Assert.Contains($"没有编号为 {outside} 的干部", foreign, StringComparison.Ordinal);
        var own = WebUtility.HtmlDecode(await (await Forms.PostAsync(client, "/admin/accounts/new", "create",
            new() { ["UserName"] = "own-cadre", ["Role"] = "Cadre", ["Division"] = "370830001001", ["Cadre"] = inside })).Content.ReadAsStringAsync());
        Assert.Contains("已创建账户 own-cadre", own, StringComparison.Ordinal);

        var list = await client.GetStringAsync("/admin/accounts");
        Assert.Contains("township-office", list, StringComparison.Ordinal);
        Assert.DoesNotContain(">office<", list, StringComparison.Ordinal);
        Assert.DoesNotContain(">admin<", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/accounts/office")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/accounts/other-inspector")).StatusCode);

        await using var db = Demo.Target.CreateContext();
        Assert.False(await db.Users.AnyAsync(a => a.UserName == "grab" || a.UserName == "root2" || a.UserName == "borrowed"));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == "account.add" && (e.EntityKey == "grab" || e.EntityKey == "root2")));
    }

    [Fact]
    public async Task An_office_resets_disables_and_gives_a_token_to_an_account_of_its_county()
    {
        var client = await SignedInAsync("office");
        var reset = await (await Forms.PostAsync(client, "/admin/accounts/inspector", "reset", [])).Content.ReadAsStringAsync();
        Assert.Contains("密码已重置", reset, StringComparison.Ordinal);
        var token = await (await Forms.PostAsync(client, "/admin/accounts/township-office", "token", new() { ["TokenName"] = "手机", ["TokenDays"] = "30" })).Content.ReadAsStringAsync();
        Assert.Contains("令牌已创建", token, StringComparison.Ordinal);
        var disabled = await (await Forms.PostAsync(client, "/admin/accounts/township-office", "disable", [])).Content.ReadAsStringAsync();
        Assert.Contains("账户已停用", disabled, StringComparison.Ordinal);
        var own = await (await Forms.PostAsync(client, "/admin/accounts/office", "disable", [])).Content.ReadAsStringAsync();
        Assert.Contains("不能停用自己的账户", own, StringComparison.Ordinal);

        await using var db = Demo.Target.CreateContext();
        var township = await db.Users.SingleAsync(a => a.UserName == "township-office");
        Assert.True(township.IsDisabled);
        // Disabling ends the account's tokens at once, the one just made too.
        Assert.All(await db.ApiTokens.Where(t => t.AccountId == township.Id).ToListAsync(), t => Assert.NotNull(t.RevokedAt));
        Assert.True((await db.Users.SingleAsync(a => a.UserName == "inspector")).MustChangePassword);
        Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.Actor == "office" && (e.Action == "account.password-reset" || e.Action == "token.create" || e.Action == "account.disable")));
        Assert.False((await db.Users.SingleAsync(a => a.UserName == "office")).IsDisabled);
    }
}
