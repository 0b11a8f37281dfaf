using System.Net;
using Liaison.App.Auth;
using Liaison.Data.Field;
using Liaison.Data.Reporting;
using Liaison.Domain.Access;
using Liaison.Domain.Results;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using R = Liaison.Domain.Reporting.Indicators;

namespace Liaison.App.Tests;

/// <summary>年度目标责任书 on the web: drafted by the township office, agreed by the First Secretary, signed once, amended with a reason, a target met, printed; out of others' reach.</summary>
public sealed class AgreementWebTests() : OwnDemoHost(planned: true)
{
    [Fact]
    public async Task An_office_drafts_the_First_Secretary_agrees_the_office_signs_once_and_amends_with_a_reason()
    {
        var iso = System.Globalization.CultureInfo.InvariantCulture;
        var today = Liaison.Domain.Shared.ChinaTime.Today(TimeProvider.System);
        string village, secretary;
        await using (var db = Demo.Target.CreateContext())
        {
            var posting = await db.SecretaryPostings.AsNoTracking().Where(p => p.Until == null && p.Year == today.Year && p.VillageCode.StartsWith("370830"))
                .OrderBy(p => p.VillageCode).FirstAsync();
            village = posting.VillageCode;
            secretary = await db.Cadres.AsNoTracking().Where(c => c.Id == posting.CadreId).Select(c => c.Code).SingleAsync();
        }
        await using (var services = AccountAdmin.Services(Demo.Target, TimeProvider.System))
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AccountAdmin>().AddAsync(
                new NewAccount("first-secretary", Role.Cadre, village, null, TestAccounts.Password, secretary), Liaison.Data.Audit.Actor.System, default);
        }
        Dictionary<string, string> Targets(params (string Area, string Text, string Measure, string Value, DateOnly Due)[] rows)
        {
            var form = new Dictionary<string, string>();
            for (var i = 0; i < rows.Length; i++)
            {
                (form[$"area[{i}]"], form[$"text[{i}]"], form[$"measure[{i}]"], form[$"value[{i}]"], form[$"due[{i}]"]) =
                    (rows[i].Area, rows[i].Text, rows[i].Measure, rows[i].Value, rows[i].Due.ToString("yyyy-MM-dd", iso));
            }
            return form;
        }
        var office = await SignedInAsync("office");
        var draft = Targets(("development", "村集体经济收入增加", "万元", "5", new DateOnly(today.Year, 12, 31)), ("livelihood", "硬化村内道路", "公里", "1.5", new DateOnly(today.Year, 10, 31)));
        draft["village"] = village;
        var drafted = await Forms.PostAsync(office, "/agreements", "draft", draft);
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        var page = drafted.Headers.Location!.OriginalString;
        var twice = WebUtility.HtmlDecode(await (await Forms.PostAsync(office, "/agreements", "draft", draft)).Content.ReadAsStringAsync());
        Assert.Contains("已起草", twice, StringComparison.Ordinal);

        // No signing before the First Secretary agrees (the form is not there); they agree on their own page.
        Assert.DoesNotContain("id=\"sign\"", await office.GetStringAsync(page), StringComparison.Ordinal);
        var fs = await SignedInAsync("first-secretary");
        Assert.Contains("id=\"agree\"", await fs.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(fs, page, "agree", [])).StatusCode);
        // Agreed and not yet signed: on the office's to-do list.
        Assert.Equal("<span class=\"count\">1</span>", await office.GetStringAsync("/?handler=count&what=agreements-to-sign"));
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(office, page, "sign", new() { ["signedOn"] = today.ToString("yyyy-MM-dd", iso), ["townshipSigner"] = "王书记" })).StatusCode);
        Assert.DoesNotContain("id=\"sign\"", await office.GetStringAsync(page), StringComparison.Ordinal);

        // Signed: changed only by an amendment with its reason.
        var amend = Targets(("development", "村集体经济收入增加", "万元", "8", new DateOnly(today.Year, 12, 31)), ("livelihood", "硬化村内道路", "公里", "1.5", new DateOnly(today.Year, 10, 31)),
            ("party-building", "发展党员", "名", "2", new DateOnly(today.Year, 12, 31)));
        Assert.Contains("data-field=\"reason\"", WebUtility.HtmlDecode(await (await Forms.PostAsync(office, page, "revise", amend)).Content.ReadAsStringAsync()), StringComparison.Ordinal);
        amend["reason"] = "乡镇党委会议研究提高集体经济目标";
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(office, page, "revise", amend)).StatusCode);

        long id = long.Parse(page["/agreements/".Length..], iso), road;
        await using (var db = Demo.Target.CreateContext())
        {
            var stored = await db.Agreements.AsNoTracking().SingleAsync(a => a.Id == id);
            Assert.Equal((AgreementStatus.Concluded, "王书记", 1, (DateOnly?)today), (stored.Status, stored.TownshipSigner, stored.Amendments, stored.SignedOn));
            Assert.Equal([8m, 1.5m, 2m], await db.AgreementTargets.AsNoTracking().Where(t => t.AgreementId == id).OrderBy(t => t.Line).Select(t => t.Value!.Value).ToListAsync());
            road = await db.AgreementTargets.AsNoTracking().Where(t => t.AgreementId == id && t.Area == "livelihood").Select(t => t.Id).SingleAsync();
            var key = id.ToString(iso);
            Assert.Equal(["agreement.draft", "agreement.agree", "agreement.sign", "agreement.amend"],
                await db.AuditEntries.AsNoTracking().Where(e => e.Entity == "agreement" && e.EntityKey == key).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        }
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(fs, page, "meet", new() { ["target"] = road.ToString(iso), ["metOn"] = today.ToString("yyyy-MM-dd", iso) })).StatusCode);

        var pdf = await office.GetAsync(page + "?handler=pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Concat(document.GetPages().Select(p => p.Text));
            Assert.Contains("目标责任书", text, StringComparison.Ordinal);
            Assert.Contains("发展党员", text, StringComparison.Ordinal);
            Assert.Contains("王书记", text, StringComparison.Ordinal);
        }
        await using (var db = Demo.Target.CreateContext())
        {
            await FieldRollups.DrainAllAsync(db, default);
            var figures = await RollupStore.ForDivisionAsync(db, village, default);
            Assert.Equal((1L, 3L, 1L), (figures[R.AgreementsSigned.Id], figures[R.AgreementTargets.Id], figures[R.AgreementTargetsMet.Id]));
        }
        // The First Secretary records the road that fulfils the target, from the target's row: the deed is linked and counted there.
        var withLink = await fs.GetStringAsync(page);
        Assert.Contains($"href=\"/deeds?target={road}#record\"", withLink, StringComparison.Ordinal);
        var form = WebUtility.HtmlDecode(await fs.GetStringAsync($"/deeds?target={road}"));
        Assert.Contains("data-field=\"agreementTargetId\"", form, StringComparison.Ordinal);
        Assert.Contains("硬化村内道路", form, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"alsoVillages\"", form, StringComparison.Ordinal);
        var fulfilled = await Forms.PostAsync(fs, $"/deeds?target={road}", "record", new()
        {
            ["agreementTargetId"] = road.ToString(iso),
            ["village"] = village,
            ["kind"] = "road",
            ["q.road.length"] = "1.5",
            ["on"] = today.ToString("yyyy-MM-dd", iso),
        });
        Assert.Equal((HttpStatusCode.Redirect, page), (fulfilled.StatusCode, fulfilled.Headers.Location!.OriginalString));
        Assert.Contains($"data-deeds=\"1\"", await fs.GetStringAsync(page), StringComparison.Ordinal);

        // Another cadre of the city cannot agree to it, and a reader of another township does not find it.
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync("other-inspector")).GetAsync(page)).StatusCode);
        Assert.DoesNotContain("id=\"agree\"", await (await SignedInAsync("office")).GetStringAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Where_the_policy_says_an_office_drafts_a_paired_units_agreement_and_the_units_administrator_agrees_to_it()
    {
        var iso = System.Globalization.CultureInfo.InvariantCulture;
        var today = Liaison.Domain.Shared.ChinaTime.Today(TimeProvider.System);
        string village;
        await using (var db = Demo.Target.CreateContext())
        {
            // The unit of the unit-admin account, paired with a village this year.
            village = await (from t in db.LiaisonTies.AsNoTracking()
                             join u in db.Units.AsNoTracking() on t.UnitId equals u.Id
                             where u.Code == "370830U001" && t.Kind == Domain.Liaisons.TieKind.Pairing && t.Year == today.Year && t.Until == null && t.DivisionCode.Length == 12
                             orderby t.DivisionCode
                             select t.DivisionCode).FirstAsync();
            await Liaison.Data.Policy.PolicyStore.SetAsync(db, TimeProvider.System, Liaison.Data.Audit.Actor.System,
                $$"""{ "year": {{today.Year}}, "agreements": { "forPairings": true } }""", default);
        }
        var office = await SignedInAsync("office");
        Assert.Contains("name=\"unit\"", await office.GetStringAsync($"/agreements?year={today.Year}"), StringComparison.Ordinal);
        var drafted = await Forms.PostAsync(office, $"/agreements?year={today.Year}", "draft", new()
        {
            ["village"] = village,
            ["unit"] = "370830U001",
            ["area[0]"] = "development",
            ["text[0]"] = "帮助引进产业项目",
            ["measure[0]"] = "项",
            ["value[0]"] = "1",
            ["due[0]"] = new DateOnly(today.Year, 12, 31).ToString("yyyy-MM-dd", iso),
        });
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        var page = drafted.Headers.Location!.OriginalString;
        Assert.Contains("联建单位", WebUtility.HtmlDecode(await office.GetStringAsync(page)), StringComparison.Ordinal);

        // The unit's administrator agrees; an inspector of the county, who is not the party, cannot.
        var inspector = await SignedInAsync("inspector");
        Assert.DoesNotContain("id=\"agree\"", await inspector.GetStringAsync(page), StringComparison.Ordinal);
        var unitAdmin = await SignedInAsync("unit-admin");
        Assert.Contains("id=\"agree\"", await unitAdmin.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(unitAdmin, page, "agree", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(office, page, "sign", new() { ["signedOn"] = today.ToString("yyyy-MM-dd", iso), ["townshipSigner"] = "王书记" })).StatusCode);
        await using (var db = Demo.Target.CreateContext())
        {
            var id = long.Parse(page["/agreements/".Length..], iso);
            var stored = await db.Agreements.AsNoTracking().SingleAsync(a => a.Id == id);
            Assert.Equal((AgreementStatus.Concluded, (int?)null), (stored.Status, stored.CadreId));
            Assert.NotNull(stored.UnitId);
        }
        var pdf = await office.GetAsync(page + "?handler=pdf");
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("联建单位", string.Concat(document.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
    }
}
