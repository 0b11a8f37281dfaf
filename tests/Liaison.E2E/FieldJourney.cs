using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Liaison.E2E;

[Collection("browser")]
public class FieldJourney(BrowserFixture app)
{
    [Fact]
    public async Task A_cadre_records_visits_with_no_network_and_each_is_stored_exactly_once_when_it_returns()
    {
        await using var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN", IsMobile = true, HasTouch = true });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };

        await app.SignInAsync(page, "cadre");
        var watch = Stopwatch.StartNew();
        await page.GotoAsync(app.BaseUrl + "/field");
        await page.WaitForSelectorAsync("ul.households li");
        // The app's shell is on the phone before the network goes.
        Assert.True(await page.EvaluateAsync<bool>("navigator.serviceWorker.ready.then(() => true)"));

        await context.SetOfflineAsync(true);
        await page.WaitForSelectorAsync("#net.offline");
        var notes = new[] { $"离线走访一 {Guid.NewGuid():N}", $"离线走访二 {Guid.NewGuid():N}" };
        var taps = 0;
        foreach (var note in notes)
        {
            await page.Locator("ul.households li:not(.visited) button").First.TapAsync();
            taps++;
            await page.FillAsync("#visit-form textarea[name=note]", note);
            await page.TapAsync("#visit-save");
            taps++;
            if (note == notes[0])
            {
                watch.Stop();
            }
        }
        await page.WaitForSelectorAsync("#queue[data-pending='2']");

        // Reopened with no network: the app, the households and the queue are all still there.
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("ul.households li");
        await page.WaitForSelectorAsync("#queue[data-pending='2']");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "field-offline.png"), FullPage = false });

        await context.SetOfflineAsync(false);
        await page.EvaluateAsync("window.dispatchEvent(new Event('online'))");
        await page.WaitForSelectorAsync("#queue[data-pending='0']");

        await using var db = app.OpenDb();
        foreach (var note in notes)
        {
            Assert.Equal(1, await db.HouseholdVisits.CountAsync(v => v.Note == note));
        }
        // The first visit took two taps and a note, well inside the half minute the issue allows.
        Assert.Equal(4, taps);
        Console.WriteLine($"first visit recorded {watch.Elapsed.TotalSeconds:0.0} s after opening the app");
        Assert.True(errors.All(e => e.Contains("net::ERR_INTERNET_DISCONNECTED", StringComparison.Ordinal) || e.Contains("Failed to fetch", StringComparison.Ordinal)), string.Join("\n", errors));
    }
}
