using System.Globalization;
using Liaison.App.Web.Pdf;
using Liaison.Data.Reporting;
using Liaison.Domain.Reporting;
using Liaison.Domain.Shared;
using MiniExcelLibs;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Liaison.App.Features.Reports;

/// <summary>
/// The campaign report written out: JSON for scripts, xlsx and PDF for people, text for a terminal.
/// All read the layout of <see cref="CampaignSections"/> and <see cref="LeagueColumn"/>, so the four
/// say the same thing in the same order.
/// </summary>
public static class CampaignExport
{
    public static string Title(CampaignReport r, bool english) =>
        english ? $"{r.Name} — village-liaison report, {r.Period.Label.En}" : $"{r.Name}驻村联系服务工作报表（{r.Period.Label.Zh}）";

    public static string Subject(CampaignReport r, bool english) => r.UnitId is not null
        ? (english ? "unit" : "单位")
        : r.Level is { } level ? Terms.Levels[level].In(english) : "";

    private static string Stamp(CampaignReport r, bool english) =>
        (english ? "Figures as of " : "数据截至 ") + ChinaTime.Format(r.At) + (english ? " (China time)" : "（北京时间）");

    /// <summary>The JSON shape of <c>--format json</c> and <c>/api/v1/reports/campaign</c>.</summary>
    public static object Json(CampaignReport r, bool english) => new
    {
        subject = new { code = r.Code, name = r.Name, level = r.Level?.ToString().ToLowerInvariant(), unitId = r.UnitId },
        period = new { year = r.Period.Year, from = r.Period.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to = r.Period.Last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
        generatedAt = r.At,
        sections = CampaignSections.All.Where(s => s.Indicators.Any(r.Shows)).Select(s => new
        {
            id = s.Id,
            name = s.Name(english),
            figures = s.Indicators.Where(r.Shows).Select(i => new { id = i.Id, name = i.Name(english), value = r.Figures[i], unit = i.UnitLabel(english), kind = i.Kind.ToString().ToLowerInvariant(), definition = i.Definition(english) }),
            rates = s.Ratios.Where(r.Shows).Select(q => new { id = q.Id, name = q.Name(english), value = r.Figures[q], percent = q.Percent, definition = q.Definition(english) }),
        }),
        children = r.Children.Select(c => new
        {
            code = c.Code,
            name = c.Name,
            figures = c.Figures.Values,
            rates = Ratios.All.ToDictionary(q => q.Id, q => c.Figures[q]),
        }),
        months = r.Months.OrderBy(m => m.Key).Select(m => new { month = m.Key, figures = m.Value.Values }),
    };

    /// <summary>The report as lines of a table for a terminal (figures, then rates, then the league).</summary>
    public static IEnumerable<string[]> Rows(CampaignReport r, bool english)
    {
        foreach (var s in CampaignSections.All)
        {
            foreach (var i in s.Indicators.Where(r.Shows))
            {
                yield return [s.Name(english), i.Name(english), Web.Ui.Number(r.Figures[i]), i.UnitLabel(english)];
            }
            foreach (var q in s.Ratios.Where(r.Shows))
            {
                yield return [s.Name(english), q.Name(english), q.Format(r.Figures[q]), ""];
            }
        }
    }

    /// <summary>
    /// An xlsx with three sheets: the report (every figure and rate with its definition), the
    /// league of child divisions (laggards on the visit rate first) and the months. Numbers are
    /// numbers; names are always written as text, so a name that begins with "=" is never a formula.
    /// </summary>
    public static byte[] Xlsx(CampaignReport r, bool english)
    {
        string T(string zh, string en) => english ? en : zh;
        var figures = new List<Dictionary<string, object?>>
        {
            Row(T("项目", "Item"), Title(r, english), T("数值", "Value"), null, T("单位", "Unit"), Stamp(r, english), T("说明", "Definition"), ""),
        };
        foreach (var s in CampaignSections.All)
        {
            foreach (var i in s.Indicators.Where(r.Shows))
            {
                figures.Add(Row(T("项目", "Item"), s.Name(english) + " · " + i.Name(english), T("数值", "Value"), r.Figures[i], T("单位", "Unit"), i.UnitLabel(english), T("说明", "Definition"), i.Definition(english)));
            }
            foreach (var q in s.Ratios.Where(r.Shows))
            {
                figures.Add(Row(T("项目", "Item"), s.Name(english) + " · " + q.Name(english), T("数值", "Value"), Rounded(q, r.Figures[q]), T("单位", "Unit"), q.Percent ? "%" : "", T("说明", "Definition"), q.Definition(english)));
            }
        }
        var league = r.League(Ratios.VisitRate).Select(c =>
        {
            var row = new Dictionary<string, object?> { [T("名称", "Name")] = c.Name, [T("代码", "Code")] = c.Code };
            foreach (var col in LeagueColumn.All)
            {
                row[col.Name(english) + (col.Ratio is { Percent: true } ? " (%)" : "")] = col.Indicator is { } i ? c.Figures[i] : Rounded(col.Ratio!, c.Figures[col.Ratio!]);
            }
            return row;
        }).ToList();
        var monthly = Enumerable.Range(1, 12).Select(m =>
        {
            var f = r.Months.GetValueOrDefault(m) ?? ReportFigures.Empty;
            var row = new Dictionary<string, object?> { [T("月份", "Month")] = $"{r.Period.Year}-{m:00}" };
            foreach (var i in Indicators.All.Where(i => i.Kind is IndicatorKind.Flow or IndicatorKind.Distinct))
            {
                row[i.Name(english) + (i.Kind == IndicatorKind.Distinct ? T("（首次）", " (first)") : "")] = f[i];
            }
            return row;
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            [T("报表", "Report")] = figures,
            [T("下级排名", "League")] = league.Count > 0 ? league : [new Dictionary<string, object?> { [T("名称", "Name")] = "" }],
            [T("月度", "Months")] = monthly,
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Row(params object?[] pairs)
    {
        var row = new Dictionary<string, object?>();
        for (var i = 0; i < pairs.Length; i += 2)
        {
            row[(string)pairs[i]!] = pairs[i + 1];
        }
        return row;
    }

    private static double? Rounded(Ratio q, double? v) => v is { } x ? Math.Round(q.Percent ? 100 * x : x, q.Percent ? 1 : 2) : null;

    private static readonly double[] TwoColumns = [0.7, 0.3];

    /// <summary>An A4 PDF: title, every section's figures and rates, then the league. Chinese text is real text (searchable, copyable).</summary>
    public static byte[] Pdf(CampaignReport r, bool english)
    {
        CjkFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = Title(r, english);
        var pdf = new PdfWriter(document);
        try
        {
            pdf.Heading(Title(r, english), 14);
            pdf.Line(Stamp(r, english), 8, XBrushes.Gray);
            foreach (var s in CampaignSections.All.Where(s => s.Indicators.Any(r.Shows)))
            {
                pdf.Heading(s.Name(english), 11);
                foreach (var i in s.Indicators.Where(r.Shows))
                {
                    pdf.Cells([i.Name(english), Web.Ui.Number(r.Figures[i]) + " " + i.UnitLabel(english)], TwoColumns);
                }
                foreach (var q in s.Ratios.Where(r.Shows))
                {
                    pdf.Cells([q.Name(english) + "（" + q.Definition(english) + "）", q.Format(r.Figures[q])], TwoColumns);
                }
            }
            if (r.Children.Count > 0)
            {
                pdf.Heading(english ? "League of the divisions below (lowest visit rate first)" : "下级排名（按走访率由低到高）", 11);
                var widths = LeagueColumn.All.Select(_ => 0.81 / LeagueColumn.All.Count).Prepend(0.19).ToArray();
                pdf.Cells([english ? "Name" : "名称", .. LeagueColumn.All.Select(c => c.Name(english))], widths, 6.5, header: true);
                foreach (var c in r.League(Ratios.VisitRate))
                {
                    pdf.Cells([c.Name, .. LeagueColumn.All.Select(col => col.Indicator is { } i ? Web.Ui.Number(c.Figures[i]) : col.Ratio!.Format(c.Figures[col.Ratio!]))], widths, 6.5);
                }
            }
        }
        finally
        {
            pdf.Dispose();
        }
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    /// <summary>Lines and rows down A4 pages, a new page when one is full.</summary>
    private sealed class PdfWriter(PdfDocument document) : IDisposable
    {
        private const double Mm = 72 / 25.4;
        private const double Margin = 15 * Mm;
        private XGraphics? g;
        private PdfPage? page;
        private double y;

        private double Width => page!.Width.Point - (2 * Margin);

        public void Heading(string text, double size)
        {
            Room(size * 2);
            y += size * 0.6;
            g!.DrawString(text, new XFont(CjkFonts.Family, size), XBrushes.DarkRed, new XRect(Margin, y, Width, size * 1.4), XStringFormats.TopLeft);
            y += size * 1.5;
        }

        public void Line(string text, double size, XBrush brush)
        {
            Room(size * 1.6);
            g!.DrawString(text, new XFont(CjkFonts.Family, size), brush, new XRect(Margin, y, Width, size * 1.4), XStringFormats.TopLeft);
            y += size * 1.6;
        }

        public void Cells(IReadOnlyList<string> cells, double[] widths, double size = 9, bool header = false)
        {
            var height = size * 1.7;
            Room(height);
            var font = new XFont(CjkFonts.Family, size);
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                var w = widths[i] * Width;
                var text = Fit(cells[i], font, w - 4);
                var numeric = i > 0 && !header;
                g!.DrawString(text, font, header ? XBrushes.DarkRed : XBrushes.Black, new XRect(x + 2, y, w - 4, height), numeric ? XStringFormats.CenterRight : XStringFormats.CenterLeft);
                x += w;
            }
            g!.DrawLine(new XPen(XColors.LightGray, 0.4), Margin, y + height, Margin + Width, y + height);
            y += height;
        }

        /// <summary>Shortens text that would run into the next cell, with an ellipsis.</summary>
        private string Fit(string text, XFont font, double width)
        {
            if (g!.MeasureString(text, font).Width <= width)
            {
                return text;
            }
            var s = text;
            while (s.Length > 1 && g.MeasureString(s + "…", font).Width > width)
            {
                s = s[..^1];
            }
            return s + "…";
        }

        private void Room(double needed)
        {
            if (page is not null && y + needed <= page.Height.Point - Margin)
            {
                return;
            }
            g?.Dispose();
            page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            g = XGraphics.FromPdfPage(page);
            y = Margin;
        }

        public void Dispose() => g?.Dispose();
    }
}
