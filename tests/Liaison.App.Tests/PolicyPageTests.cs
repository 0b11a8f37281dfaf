using System.Net;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

/// <summary>Issue 19 item 3: the year's policy edited on a page, previewed with its difference, stored only when saved.</summary>
public sealed class PolicyPageTests() : OwnDemoHost(planned: false)
{
    private static Dictionary<string, string> Form(string telephone, int countyQuota) => new()
    {
        ["Title"] = "汶上县驻村工作规则",
        ["Telephone"] = telephone,
        ["CityQuota"] = "0",
        ["CountyQuota"] = countyQuota.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TownshipQuota"] = "5",
        ["BackwardPercent"] = "10",
        ["VillagesPerTownshipLeader"] = "1",
        ["SecretaryDays"] = "220",
        ["CityLeaderDays"] = "10",
        ["CountyLeaderDays"] = "14",
    };

    [Fact]
    public async Task The_county_office_of_a_one_county_database_previews_the_difference_then_saves_a_version()
    {
        var client = await SignedInAsync("office");
        var preview = await (await Forms.PostAsync(client, "/policy/edit", "form", Form("0537 - 7212380", 12))).Content.ReadAsStringAsync();

        Assert.Contains("与现行版本相比", preview, StringComparison.Ordinal);
        Assert.Contains("0537-7212380", preview, StringComparison.Ordinal);
        await using var db = Demo.Target.CreateContext();
        Assert.False(await db.PolicyVersions.AnyAsync());

        var saved = await (await Forms.PostFromAsync(client, preview, "save", [])).Content.ReadAsStringAsync();
        Assert.Contains("第 1 版", saved, StringComparison.Ordinal);
        var stored = await db.PolicyVersions.SingleAsync();
        var (policy, _) = Liaison.Domain.Policy.PolicyDocument.Parse(stored.Document);
        Assert.Equal(("0537-7212380", 12, 5), (policy!.Public.Telephone, policy.FirstSecretaries.CountyQuota, policy.FirstSecretaries.TownshipQuota));
        Assert.Equal("office", (await db.AuditEntries.SingleAsync(e => e.Action == "policy.set")).Actor);
        Assert.Contains("0537-7212380", await AppFixture.ClientOf(Host).GetStringAsync("/public/contacts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_value_is_refused_with_the_rules_words_and_a_township_office_may_not_save()
    {
        var office = await SignedInAsync("office");
        var bad = await (await Forms.PostAsync(office, "/policy/edit", "form", Form("监督", 12))).Content.ReadAsStringAsync();
        Assert.Contains("public.telephone", bad, StringComparison.Ordinal);
        Assert.DoesNotContain("确认保存为新版本", bad, StringComparison.Ordinal);
        var json = await (await Forms.PostAsync(office, "/policy/edit", "document", new() { ["Document"] = """{ "year": 2026, "backward": { "shares": 0.2 } }""" })).Content.ReadAsStringAsync();
        Assert.Contains("policy.field", json, StringComparison.Ordinal);

        var township = await SignedInAsync("township-office");
        var page = await township.GetStringAsync("/policy/edit");
        Assert.Contains("只有系统管理员或辖区包含全部村的驻村办可以修改", page, StringComparison.Ordinal);
        var preview = await (await Forms.PostAsync(township, "/policy/edit", "form", Form("0537-7212380", 12))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("确认保存为新版本", preview, StringComparison.Ordinal);

        await using var db = Demo.Target.CreateContext();
        Assert.False(await db.PolicyVersions.AnyAsync());
    }

    [Fact]
    public async Task The_county_office_plans_the_year_from_the_page_and_follows_the_job_until_its_result()
    {
        var township = await SignedInAsync("township-office");
        Assert.DoesNotContain("handler=plan", await township.GetStringAsync("/plan/370830001"), StringComparison.Ordinal);

        var client = await SignedInAsync("office");
        var started = await Forms.PostAsync(client, "/plan/370830", "plan", []);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var job = started.Headers.Location!.OriginalString;
        Assert.StartsWith("/jobs/", job, StringComparison.Ordinal);
        // Someone else does not follow another's job.
        Assert.Equal(HttpStatusCode.NotFound, (await township.GetAsync(job)).StatusCode);
        var page = await JobPages.EndAsync(client, started);
        Assert.Contains("已编制", page, StringComparison.Ordinal);
        await using var db = Demo.Target.CreateContext();
        Assert.True(await db.LiaisonTies.AnyAsync());
        Assert.Equal("office", (await db.AuditEntries.OrderBy(e => e.Id).LastAsync(e => e.Action.StartsWith("plan"))).Actor);
    }
}
