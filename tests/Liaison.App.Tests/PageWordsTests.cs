using System.Net;
using System.Text.RegularExpressions;
using Liaison.Data.Audit;
using Liaison.Data.Cases;
using Liaison.Data.Demo;
using Liaison.Domain.Cases;
using Liaison.Domain.Field;
using Liaison.Domain.Liaisons;
using Liaison.Domain.Policy;
using Liaison.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

/// <summary>
/// Every word in the user's language: the Chinese pages that show enumerations and keys — cases,
/// their figures, disputes and errands, the tracking page, the audit log, plausibility flags — show
/// none of their English keys as text (a key may stay in an attribute), over the small demo with a
/// year of activity, a case entered and taken up, a dispute and an errand.
/// </summary>
public sealed partial class PageWordsTests : IAsyncLifetime
{
    private const string Village = "370830001001";
    private TempSqlite _file = null!;
    private WebApplicationFactory<Program> _host = null!;

    public async Task InitializeAsync()
    {
        _file = await TempSqlite.WithPlannedSmallDemoAsync();
        await TestAccounts.CreateAsync(_file.Target);
        await using (var db = _file.Target.CreateContext())
        {
            await DemoActivity.GenerateAsync(db, TimeProvider.System, Actor.System, Domain.Shared.ChinaTime.Today(TimeProvider.System).Year, 7, null, default);
        }
        _host = AppFixture.Host(_file);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _file.DisposeAsync();
    }

    private async Task<HttpClient> SignedInAsync(string name)
    {
        var client = AppFixture.ClientOf(_host);
        Assert.True(TestAccounts.IsSignedIn(await TestAccounts.SignInAsync(client, name)));
        return client;
    }

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex Code();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    /// <summary>What a reader sees: the page without its scripts, styles, tags and attributes.</summary>
    private static string Visible(string html) => WebUtility.HtmlDecode(Tag().Replace(Code().Replace(html, " "), " "));

    /// <summary>The English keys that must never be a Chinese page's text.</summary>
    internal static List<string> Keys(IEnumerable<string> actions)
    {
        var keys = new List<string>();
        keys.AddRange(new CaseRules().Categories.Select(c => c.Code));
        keys.AddRange(Enum.GetNames<CaseKind>());
        keys.AddRange(Enum.GetNames<CaseChannel>());
        keys.AddRange(Enum.GetNames<CaseStatus>());
        keys.AddRange(Enum.GetNames<CaseAction>());
        keys.AddRange(Enum.GetNames<CaseLevel>());
        keys.AddRange(Enum.GetNames<DisputeKind>());
        keys.AddRange(Enum.GetNames<DisputeOutcome>());
        keys.AddRange(Enum.GetNames<ErrandKind>());
        keys.AddRange(Enum.GetNames<ErrandStatus>());
        keys.AddRange(Enum.GetNames<FlagKind>());
        keys.AddRange(Enum.GetNames<TieKind>());
        keys.AddRange(Enum.GetNames<TieOrigin>());
        keys.AddRange(actions);
        return keys.Distinct(StringComparer.Ordinal).ToList();
    }

    internal static void NoKeys(string path, string html, List<string> keys)
    {
        Assert.Contains("lang=\"zh-CN\"", html, StringComparison.Ordinal);
        var text = Visible(html);
        var shown = keys.Where(k => Regex.IsMatch(text, $"(?<![A-Za-z0-9_.:-]){Regex.Escape(k)}(?![A-Za-z0-9_-])")).ToList();
        Assert.True(shown.Count == 0, $"{path} shows the keys {string.Join(", ", shown)}");
        Assert.DoesNotContain("liaison ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chinese_pages_name_every_enumeration_and_key_in_chinese()
    {
        long id;
        string tracking;
        await using (var db = _file.Target.CreateContext())
        {
            var created = await CaseStore.CreateAsync(db, TimeProvider.System, CaseActor.System,
                new CaseInput(CaseKind.Help, "environment", CaseChannel.WalkIn, Village, "村口垃圾无人清运"), default);
            (id, tracking) = (created.Case!.Id, created.Case.TrackingCode);
        }
        var cadre = await SignedInAsync("cadre");
        var accept = await cadre.PostAsync($"/cases/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["action"] = "Accept",
            ["__RequestVerificationToken"] = TestAccounts.FormToken(await cadre.GetStringAsync($"/cases/{id}")),
        }));
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(cadre, "/disputes", "Dispute",
            new() { ["village"] = Village, ["kind"] = "Land", ["parties"] = "张三丰、李四光", ["summary"] = "宅基地边界争执" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(cadre, "/disputes", "Errand",
            new() { ["village"] = Village, ["kind"] = "Insurance", ["what"] = "代缴医保" })).StatusCode);

        List<string> actions;
        await using (var db = _file.Target.CreateContext())
        {
            actions = await db.AuditEntries.Select(e => e.Action).Distinct().ToListAsync();
        }
        Assert.Contains("case.accept", actions);
        long tie;
        await using (var db = _file.Target.CreateContext())
        {
            tie = await db.LiaisonTies.Where(t => t.DivisionCode == Village).Select(t => t.Id).FirstAsync();
        }
        var keys = Keys(actions);

        var office = await SignedInAsync("office");
        var admin = await SignedInAsync("admin");
        var pages = new List<(HttpClient Client, string Path)>
        {
            (office, "/cases"),
            (office, "/cases?overdue=true"),
            (office, $"/cases/{id}"),
            (office, "/cases/figures"),
            (office, "/cases/figures?by=Channel"),
            (office, "/disputes"),
            (office, "/field/flags?code=370830001"),
            (office, "/account/security"),
            (office, "/policy"),
            (admin, "/audit"),
            (admin, "/audit?entity=case"),
            (admin, "/audit?entity=dispute"),
            (admin, "/audit?entity=account"),
            (_host.CreateClient(), $"/public/track?code={tracking}"),
            (_host.CreateClient(), $"/public/report/{Village}"),
            (office, "/"),
            (office, "/plan/370830001"),
            (office, "/plan/check?code=370830001"),
            (office, $"/plan/ties/{tie}"),
            (office, "/secretaries"),
            (office, "/field/progress/370830001"),
            (office, "/field/residence?code=370830001"),
            (office, "/reports/370830"),
            (office, $"/divisions/{Village}"),
        };
        foreach (var (client, path) in pages)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            NoKeys(path, await response.Content.ReadAsStringAsync(), keys);
        }

        // And the names are there instead.
        var detail = Visible(await office.GetStringAsync($"/cases/{id}"));
        Assert.Contains("求助 · 村容环境", detail, StringComparison.Ordinal);
        var figures = Visible(await office.GetStringAsync("/cases/figures"));
        Assert.Contains("村务与党务", figures, StringComparison.Ordinal);
        var disputes = Visible(await office.GetStringAsync("/disputes"));
        Assert.Contains("土地纠纷", disputes, StringComparison.Ordinal);
        Assert.Contains("社保医保", disputes, StringComparison.Ordinal);
        Assert.Contains("驻村办", Visible(await office.GetStringAsync("/account/security")), StringComparison.Ordinal);
        Assert.Contains("修改政策", Visible(await office.GetStringAsync("/policy")), StringComparison.Ordinal);

        // The audit log: actions by name (the key only in a title), before and after as a difference, no raw JSON.
        var audit = await admin.GetStringAsync("/audit?entity=case");
        Assert.Contains("title=\"case.accept\"", audit, StringComparison.Ordinal);
        var log = Visible(audit);
        Assert.Contains("事项受理", log, StringComparison.Ordinal);
        Assert.Contains("状态：已收到 → 已受理", log, StringComparison.Ordinal);
        Assert.Contains("类别：村容环境", log, StringComparison.Ordinal);
        Assert.DoesNotContain("{\"", log, StringComparison.Ordinal);
        var signIns = Visible(await admin.GetStringAsync("/audit?entity=account"));
        Assert.Contains("登录", signIns, StringComparison.Ordinal);
        Assert.Contains("结果：成功", signIns, StringComparison.Ordinal);
    }
}

/// <summary>The check of <see cref="PageWordsTests"/> itself: it sees a key in a page's text, and lets one be in an attribute.</summary>
public sealed class PageWordsCheckTests
{
    [Fact]
    public void A_key_in_the_text_is_found_and_one_in_an_attribute_or_a_user_name_is_not()
    {
        var keys = PageWordsTests.Keys(["account.sign-in"]);
        PageWordsTests.NoKeys("sample", """<html lang="zh-CN"><td title="account.sign-in">登录</td><option value="Land">土地纠纷</option><td>other-inspector</td></html>""", keys);
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => PageWordsTests.NoKeys("sample", """<html lang="zh-CN"><td>求助 · livelihood</td></html>""", keys));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => PageWordsTests.NoKeys("sample", """<html lang="zh-CN"><td>account.sign-in</td></html>""", keys));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => PageWordsTests.NoKeys("sample", """<html lang="zh-CN"><td>Neighbours</td></html>""", keys));
    }
}
