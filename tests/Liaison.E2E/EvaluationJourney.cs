using System.Globalization;
using Liaison.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Liaison.E2E;

/// <summary>
/// Issue 23's masses' evaluation: the village office shows its QR code; a villager scans it on a
/// phone (no sign-in), rates the village's cadre with the household's phone, and is thanked; a second
/// rating from the same household is refused; the rating counts in the cadre's satisfaction, and the
/// refusal is counted.
/// </summary>
[Collection("browser")]
public class EvaluationJourney(BrowserFixture app)
{
    private const string Village = "370830001001";

    [Fact]
    public async Task A_villager_rates_from_the_QR_code_once_a_second_rating_is_refused_and_the_rating_counts()
    {
        // A household of the village with a phone of its own (as the household registry holds it).
        var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        string ratedHouse;
        await using (var db = app.OpenDb())
        {
            var household = await db.Households.FirstAsync(h => h.VillageCode == Village && h.Status == HouseholdStatus.Current);
            household.HeadPhone = phone;
            ratedHouse = household.HouseNo;
            await db.SaveChangesAsync();
        }

        // The office's page of the village: the QR code for the noticeboard, and the standing so far.
        var desk = await app.Browser.NewPageAsync();
        await app.SignInAsync(desk, "office");
        await desk.GotoAsync(app.BaseUrl + "/assessment/evaluation?code=" + Village);
        var link = await desk.GetAttributeAsync("#evaluation-qr", "data-url");
        Assert.Equal(app.BaseUrl + "/public/evaluate/" + Village, link);
        Assert.True(await desk.Locator("#evaluation-qr svg").IsVisibleAsync());
        var row = desk.Locator("#satisfaction tbody tr").First;
        var cadre = await row.GetAttributeAsync("data-cadre");
        var before = int.Parse((await row.GetAttributeAsync("data-ratings"))!, CultureInfo.InvariantCulture);
        var refusedBefore = int.Parse(await desk.InnerTextAsync("#refused [data-reason='again']"), CultureInfo.InvariantCulture);

        // A villager scans the code on a phone: no sign-in.
        await using var phoneContext = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN", IsMobile = true, HasTouch = true });
        var villager = await phoneContext.NewPageAsync();
        await villager.GotoAsync(link!);
        Assert.DoesNotContain("/account/login", villager.Url, StringComparison.Ordinal);
        await villager.CheckAsync($"fieldset[data-cadre='{cadre}'] input[value='Satisfied']");
        await villager.FillAsync($"fieldset[data-cadre='{cadre}'] textarea", "驻村干部经常来家里，问题解决得及时");
        await villager.FillAsync("input[name=Phone]", phone);
        await villager.TapAsync("#evaluate button[type=submit]");
        await villager.WaitForSelectorAsync("#thanked");
        await villager.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "evaluation-phone.png"), FullPage = true });

        // The same household again (its phone written another way): refused.
        await villager.GotoAsync(link!);
        await villager.CheckAsync($"fieldset[data-cadre='{cadre}'] input[value='Dissatisfied']");
        await villager.FillAsync("input[name=Phone]", phone[..3] + " " + phone[3..7] + " " + phone[7..]);
        await villager.TapAsync("#evaluate button[type=submit]");
        await villager.WaitForSelectorAsync("#refused");
        Assert.Contains("已经评议过", await villager.InnerTextAsync("#refused"), StringComparison.Ordinal);

        // The rating counts in the cadre's satisfaction (the second does not), and the refusal is counted.
        await desk.ReloadAsync();
        var after = desk.Locator($"#satisfaction tbody tr[data-cadre='{cadre}']");
        Assert.Equal(before + 1, int.Parse((await after.GetAttributeAsync("data-ratings"))!, CultureInfo.InvariantCulture));
        Assert.Equal(refusedBefore + 1, int.Parse(await desk.InnerTextAsync("#refused [data-reason='again']"), CultureInfo.InvariantCulture));
        // The comment waits for screening before the cadre reads it.
        Assert.Contains("问题解决得及时", await desk.InnerTextAsync("#comments ~ form[data-rating]"), StringComparison.Ordinal);

        // A paper form: the office prints a one-time code for each household that has not rated (not the one that did), enters a returned form once; the same code again is refused.
        var ballots = int.Parse(await desk.InnerTextAsync("#ballots"), CultureInfo.InvariantCulture);
        await desk.ClickAsync("#make-codes button[type=submit]");
        Assert.DoesNotContain(await desk.Locator("#paper-codes tbody td:first-child").AllInnerTextsAsync(), h => h == ratedHouse);
        var code = await desk.InnerTextAsync("#paper-codes tbody tr:first-child code");
        foreach (var attempt in new[] { 1, 2 })
        {
            await desk.FillAsync("#enter-paper input[name=paperCode]", code);
            await desk.CheckAsync($"#enter-paper fieldset[data-cadre='{cadre}'] input[value='Basically']");
            await desk.ClickAsync("#enter-paper button[type=submit]");
            await desk.WaitForLoadStateAsync();
        }
        Assert.Contains("评议码无效或已使用", await desk.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(ballots + 1, int.Parse(await desk.InnerTextAsync("#ballots"), CultureInfo.InvariantCulture));
    }
}
