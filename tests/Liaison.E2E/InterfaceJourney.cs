using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Liaison.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Liaison.E2E;

/// <summary>
/// The office interface as each role meets it, at a desktop's and a phone's width: screenshots of the
/// pages issue 18 names; on each, nothing wider than the phone, no code typed where a picker belongs,
/// no English key in Chinese mode, and no serious or critical accessibility violation (axe-core).
/// </summary>
[Collection("browser-activity")]
public class InterfaceJourney(ActivityBrowserFixture app)
{
    private static readonly (int Width, int Height, string Name)[] Sizes = [(1366, 900, "desktop"), (390, 844, "phone")];

    /// <summary>Code keys of the enumerations and the policy's categories: none may show as text on a Chinese page.</summary>
    private static readonly string[] Keys =
    [
        .. new Liaison.Domain.Policy.ProgrammePolicy().Cases.Categories.Select(c => c.Code),
        .. Enum.GetNames<CaseStatus>(), .. Enum.GetNames<CaseChannel>(), .. Enum.GetNames<CaseKind>(), .. Enum.GetNames<CaseLevel>(),
        .. Enum.GetNames<DisputeKind>(), .. Enum.GetNames<ErrandKind>(), .. Enum.GetNames<ErrandStatus>(),
        "account.sign-in",
    ];

    [Fact]
    public async Task Each_role_and_the_public_see_pages_that_fit_a_phone_use_pickers_speak_chinese_and_pass_axe()
    {
        long tie, caseId, posting, pairing, team, helpPlan, night;
        string pairedUnit;
        await using (var db = app.OpenDb())
        {
            var paired = await db.LiaisonTies.Where(t => t.Kind == Domain.Liaisons.TieKind.Pairing && t.DivisionCode.StartsWith("370830") && t.Until == null).OrderBy(t => t.Id).FirstAsync();
            pairing = paired.Id;
            pairedUnit = await db.Units.Where(u => u.Id == paired.UnitId).Select(u => u.Code).SingleAsync();
            tie = await db.LiaisonTies.Where(t => t.DivisionCode.StartsWith("370830001") && t.Until == null).Select(t => t.Id).FirstAsync();
            caseId = await db.Cases.Where(c => c.VillageCode.StartsWith("370830")).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            posting = await db.SecretaryPostings.Where(p => p.VillageCode.StartsWith("370830")).Select(p => p.Id).FirstAsync();
            team = await db.WorkTeams.Where(x => x.DivisionCode.StartsWith("370830")).OrderBy(x => x.DivisionCode.Length).ThenBy(x => x.Id).Select(x => x.Id).FirstAsync();
            helpPlan = await db.HelpPlans.Where(x => x.VillageCode.StartsWith("370830")).OrderBy(x => x.Id).Select(x => x.Id).FirstAsync();
            night = await db.NightSessions.Where(x => x.VillageCode.StartsWith("370830")).OrderBy(x => x.Id).Select(x => x.Id).FirstAsync();
        }
        (string? User, string Name, string Path)[] pages =
        [
            ("office", "home-office", "/"),
            ("township-office", "home-township", "/"),
            ("unit-admin", "home-unit", "/"),
            ("inspector", "home-inspector", "/"),
            ("cadre", "home-cadre", "/"),
            ("office", "cases", "/cases"),
            ("office", "case", $"/cases/{caseId}"),
            ("office", "plan-edit", $"/plan/edit?tie={tie}"),
            ("office", "plan-add", "/plan/edit"),
            ("office", "posting", $"/secretaries/postings/{posting}"),
            ("office", "posting-duties", $"/secretaries/postings/{posting}/duties"),
            ("office", "policy", "/policy"),
            ("office", "disputes", "/disputes"),
            ("office", "search", "/search?q=%E4%B8%AD%E9%83%BD"),
            // Every other office page, for the phone width, typed codes, English keys and axe.
            ("office", "divisions", "/divisions/370830"),
            ("office", "village", "/divisions/370830001001"),
            ("office", "plan", "/plan/370830001"),
            ("office", "plan-check", "/plan/check?code=370830001"),
            ("office", "pairing", $"/plan/ties/{pairing}"),
            ("office", "unit-participation", $"/plan/units/{pairedUnit}"),
            ("office", "unit-stays", $"/plan/ties/{pairing}/stays"),
            ("office", "teams", "/teams?code=370830"),
            ("office", "team", $"/teams/{team}"),
            ("office", "help", "/help?code=370830001"),
            ("office", "help-plan", $"/help/{helpPlan}"),
            ("office", "nights", "/nights?code=370830"),
            ("office", "night", $"/nights/{night}"),
            ("cadre", "nights-cadre", "/nights"),
            ("office", "secretaries", "/secretaries"),
            ("office", "progress", "/field/progress/370830"),
            ("office", "residence", "/field/residence?code=370830001"),
            ("office", "flags", "/field/flags?code=370830001"),
            ("office", "case-figures", "/cases/figures"),
            ("office", "reports", "/reports/370830"),
            ("office", "audit", "/audit"),
            ("office", "security", "/account/security"),
            ("office", "assessment", "/assessment"),
            ("office", "evaluation", "/assessment/evaluation?code=370830001001"),
            ("office", "observations", "/assessment/observations?code=370830"),
            ("office", "years", "/years"),
            (null, "public-figures", "/public/figures/370830"),
            (null, "public", "/public"),
            (null, "public-contacts", "/public/contacts"),
            (null, "public-report", "/public/report/370830001001"),
            (null, "public-track", "/public/track"),
            (null, "public-evaluate", "/public/evaluate/370830001001"),
            (null, "sign-in", "/account/login"),
        ];
        var problems = new List<string>();
        foreach (var (width, height, size) in Sizes)
        {
            foreach (var group in pages.GroupBy(p => p.User))
            {
                await using var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = "zh-CN" });
                context.SetDefaultTimeout(90_000);
                var page = await context.NewPageAsync();
                if (group.Key is { } user)
                {
                    await app.SignInAsync(page, user);
                }
                foreach (var (_, name, path) in group)
                {
                    await page.GotoAsync(app.BaseUrl + path);
                    await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                    await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, $"ui-{name}-{size}.png"), FullPage = false });
                    problems.AddRange((await CheckAsync(page, size == "desktop")).Select(p => $"{name} ({size}, {path}): {p}"));
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task A_township_office_finds_its_overdue_cases_in_one_click_and_ties_a_person_to_a_village_by_name()
    {
        string person, village;
        await using (var db = app.OpenDb())
        {
            var units = db.Units.Where(u => u.DivisionCode.StartsWith("370830001")).Select(u => u.Id);
            person = await db.Cadres.Where(c => units.Contains(c.UnitId)).OrderBy(c => c.Id).Select(c => c.Name).FirstAsync();
            village = await db.Divisions.Where(d => d.Code.StartsWith("370830001") && d.Code.Length == 12).OrderByDescending(d => d.Code).Select(d => d.Name).FirstAsync();
        }
        await using var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 }, Locale = "zh-CN" });
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        await app.SignInAsync(page, "township-office");

        // One click from the workbench to the overdue cases, every one of them overdue and in red,
        // as many as the workbench counted.
        await page.WaitForSelectorAsync("[data-todo=overdue-cases] .count:not(.muted)");
        var counted = await page.Locator("[data-todo=overdue-cases] .count").InnerTextAsync();
        await page.ClickAsync("[data-todo=overdue-cases] a");
        await page.WaitForURLAsync("**/cases?overdue=true");
        var rows = page.Locator("table.cases tbody tr");
        Assert.True(await rows.CountAsync() > 0, "no overdue cases listed");
        Assert.Equal(await rows.CountAsync(), await page.Locator("table.cases tbody tr.overdue").CountAsync());
        Assert.StartsWith($"共 {counted} 条", await page.Locator(".pager .total").InnerTextAsync(), StringComparison.Ordinal);

        // A new tie: the person and the village chosen by name, never by code.
        await BrowserFixture.MenuAsync(page, "联系计划");
        await page.ClickAsync("a >> text=新增联系安排");
        await page.ClickAsync("main .ts-control");
        await page.Keyboard.TypeAsync(person);
        await page.ClickAsync($".ts-dropdown .option >> text={person}");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync("**/plan/edit?person=*");
        await page.SelectOptionAsync("form[action*='handler=add'] select[name=kind]", "ContactPoint");
        await page.ClickAsync("form[action*='handler=add'] .ts-control");
        await page.Keyboard.TypeAsync(village);
        await page.ClickAsync($".ts-dropdown .option >> text={village}");
        Assert.Equal(Liaison.Domain.Shared.ChinaTime.Today(TimeProvider.System).Year.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.InputValueAsync("form[action*='handler=add'] input[name=year]"));
        await page.FillAsync("form[action*='handler=add'] input[name=reason]", "镇党委研究决定");
        // Sent with Enter from the last field, as people do: under a loaded CI machine the village picker's
        // list was seen left open over the button after the choice (twice in three full runs, never alone).
        await page.Locator("form[action*='handler=add'] input[name=reason]").PressAsync("Enter");
        await page.WaitForSelectorAsync("#result");
        Assert.Contains("已保存", await page.Locator("#result").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "ui-plan-added.png") });
    }

    private static async Task<List<string>> CheckAsync(IPage page, bool axe)
    {
        var found = new List<string>();
        if (!await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"))
        {
            found.Add($"wider than the window: {await page.EvaluateAsync<int>("document.documentElement.scrollWidth")} px");
        }
        // A field asking for a code a person would have to look up, where a picker belongs.
        var typed = await page.EvaluateAsync<string[]>(
            "Array.from(document.querySelectorAll('main input')).filter(i => ['village','division','cadre','person','replacement','home'].includes(i.name) && i.type !== 'hidden' && !i.dataset.picker || /0-9\\]\\{(9|12)/.test(i.pattern || '')).map(i => i.name)");
        if (typed.Length > 0)
        {
            found.Add("typed-code fields: " + string.Join(", ", typed));
        }
        var text = await page.InnerTextAsync("body");
        foreach (var key in Keys)
        {
            if (Regex.IsMatch(text, $@"(?<![A-Za-z.]){Regex.Escape(key)}(?![A-Za-z-])"))
            {
                found.Add($"English key in Chinese: {key}");
            }
        }
        if (axe)
        {
            var result = await page.RunAxe();
            found.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"axe {v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
        }
        return found;
    }
}
