using System.IO.Compression;
using UglyToad.PdfPig;

namespace Liaison.E2E;

[Collection("browser-activity")]
public class ReportJourney(ActivityBrowserFixture app)
{
    [Fact]
    public async Task A_county_office_sees_its_dashboard_drills_down_to_a_lagging_village_and_downloads_the_xlsx_and_a_searchable_pdf()
    {
        await using var context = await app.Browser.NewContextAsync(new() { Locale = "zh-CN", AcceptDownloads = true, ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await app.SignInAsync(page, "office");

        await BrowserFixture.MenuAsync(page, "工作报表");
        await page.WaitForURLAsync("**/reports/370830**");
        Assert.Contains("汶上县", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        // The trend is drawn from local assets (ECharts as SVG), the league lists the 15 townships.
        await page.WaitForSelectorAsync("#trend svg");
        Assert.Equal(15, await page.Locator("#league tbody tr").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "report-county.png"), FullPage = true });

        // Down: the township with the lowest visit rate, then its most lagging village.
        var township = await page.Locator("#league tbody tr a").First.InnerTextAsync();
        await page.Locator("#league tbody tr a").First.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/reports/370830[0-9]{3}$"));
        Assert.Contains(township, await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        var lagging = page.Locator("table.lagging tbody tr a").First;
        var village = await lagging.InnerTextAsync();
        await lagging.ClickAsync();
        await page.WaitForSelectorAsync("#records");
        Assert.Contains(village, await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        // The records behind its figures: its cases, within the office's jurisdiction.
        await page.ClickAsync("#records a >> text=群众诉求");
        await page.WaitForURLAsync("**/cases?division=*");
        Assert.True(await page.Locator("table.cases tbody tr").CountAsync() >= 0);

        // Back at the county: the xlsx and the PDF, as a leader would take them to a meeting.
        await page.GotoAsync(app.BaseUrl + "/reports/370830");
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-xlsx"));
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename, StringComparison.Ordinal);
        var xlsxPath = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.xlsx");
        var pdfPath = Path.ChangeExtension(xlsxPath, ".pdf");
        try
        {
            await xlsx.SaveAsAsync(xlsxPath);
            using (var zip = ZipFile.OpenRead(xlsxPath))
            {
                Assert.Contains(zip.Entries, e => e.FullName == "xl/worksheets/sheet2.xml");
            }
            var pdf = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-pdf"));
            await pdf.SaveAsAsync(pdfPath);
            using var document = PdfDocument.Open(pdfPath);
            var text = string.Join("\n", document.GetPages().Select(p => p.Text));
            // Searchable: the Chinese words are text in the PDF, not pictures of text.
            Assert.Contains("汶上县驻村联系服务工作报表", text, StringComparison.Ordinal);
            Assert.Contains(township, text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(xlsxPath);
            File.Delete(pdfPath);
        }
        Assert.Empty(errors);

        // On a phone the dashboard still reads.
        await using var phone = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN", IsMobile = true });
        var small = await phone.NewPageAsync();
        await app.SignInAsync(small, "office");
        await small.GotoAsync(app.BaseUrl + "/reports/370830");
        await small.WaitForSelectorAsync("#trend svg");
        // Nothing wider than the phone (a mobile browser would otherwise zoom the whole page out to fit it).
        Assert.True(await small.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 391);
        await small.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "report-phone.png"), FullPage = true });
    }
}
