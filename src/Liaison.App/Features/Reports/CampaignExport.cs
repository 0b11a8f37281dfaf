using System.Globalization;
using Liaison.App.Web.Pdf;
using Liaison.Data.Reporting;
using Liaison.Domain.Reporting;
using Liaison.Domain.Shared;
using MiniExcelLibs;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Liaison.App.Features.Reports;

public sealed record ReportDto(SubjectDto Subject, PeriodDto Period, DateTimeOffset GeneratedAt, IReadOnlyList<SectionDto> Sections, IReadOnlyList<ChildDto> Children, IReadOnlyList<MonthDto> Months);

/// <summary>A division (level set) or a unit (unit id set; code is its division).</summary>
public sealed record SubjectDto(string Code, string Name, string? Level, int? UnitId);

public sealed record PeriodDto(int Year, string From, string To);

public sealed record SectionDto(string Id, string Name, IReadOnlyList<FigureDto> Figures, IReadOnlyList<RateDto> Rates);

/// <summary>A figure as people read it: a count, or an amount to its decimals (kilometres to the metre).</summary>
public sealed record FigureDto(string Id, string Name, decimal Value, string Unit, string Kind, string Definition);

/// <summary>A rate as a share (0.865) or an average (4.32); null when its denominator is zero.</summary>
public sealed record RateDto(string Id, string Name, double? Value, bool Percent, string Definition);

public sealed record ChildDto(string Code, string Name, IReadOnlyDictionary<string, decimal> Figures, IReadOnlyDictionary<string, double?> Rates);

public sealed record MonthDto(int Month, IReadOnlyDictionary<string, decimal> Figures);

/// <summary>
/// The campaign report written out: JSON for scripts, xlsx and PDF for people, text for a terminal.
/// All read the layout of <see cref="CampaignSections"/> and <see cref="LeagueColumn"/>, so the four
/// say the same thing in the same order.
/// </summary>
public static class CampaignExport
{
    /// <summary>An exported report on the record: who took which figures away, in which file.</summary>
    public static async Task AuditAsync(Data.LiaisonDb db, TimeProvider clock, Data.Audit.Actor actor, CampaignReport r, string format, string file, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await Data.Audit.AuditLog.AppendAsync(db, clock, actor,
            new Data.Audit.AuditRecord("report.export", r.UnitId is null ? "division" : "unit", r.UnitId?.ToString(CultureInfo.InvariantCulture) ?? r.Code, r.Code, null,
                new { file, format, period = r.Period.ToString() }), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The file name a download suggests, e.g. 汶上县-2026-03…2026-05.xlsx.</summary>
    public static string FileName(CampaignReport r, string extension) => $"{r.Name}-{r.Period.ToString().Replace('…', '_')}.{extension}";

    public static string Title(CampaignReport r, bool english) =>
        english ? $"{r.Name} — village-liaison report, {r.Period.Label.En}" : $"{r.Name}驻村联系服务工作报表（{r.Period.Label.Zh}）";

    public static string Subject(CampaignReport r, bool english) => r.UnitId is not null
        ? (english ? "unit" : "单位")
        : r.Level is { } level ? Terms.Levels[level].In(english) : "";

    private static string Stamp(CampaignReport r, bool english) =>
        (english ? "Figures as of " : "数据截至 ") + ChinaTime.Format(r.At) + (english ? " (China time)" : "（北京时间）");

    /// <summary>The JSON of <c>--format json</c> and <c>/api/v1/reports/campaign</c>, names in the asked language.</summary>
    public static ReportDto Json(CampaignReport r, bool english) => new(
        new(r.Code, r.Name, r.Level?.ToString().ToLowerInvariant(), r.UnitId),
        new(r.Period.Year, r.Period.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Period.Last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        r.At,
        CampaignSections.All.Where(s => s.Indicators.Any(r.Shows)).Select(s => new SectionDto(s.Id, s.Name(english),
            s.Indicators.Where(r.Shows).Select(i => new FigureDto(i.Id, i.Name(english), i.ValueOf(r.Figures[i]), i.UnitLabel(english), i.Kind.ToString().ToLowerInvariant(), i.Definition(english))).ToList(),
            s.Ratios.Where(r.Shows).Select(q => new RateDto(q.Id, q.Name(english), r.Figures[q], q.Percent, q.Definition(english))).ToList())).ToList(),
        r.Children.Select(c => new ChildDto(c.Code, c.Name, Readable(c.Figures), Ratios.All.ToDictionary(q => q.Id, q => c.Figures[q]))).ToList(),
        r.Months.OrderBy(m => m.Key).Select(m => new MonthDto(m.Key, Readable(m.Value))).ToList());

    /// <summary>Each figure by id as people read it (<see cref="Indicator.ValueOf"/>).</summary>
    private static Dictionary<string, decimal> Readable(ReportFigures figures) =>
        figures.Values.ToDictionary(v => v.Key, v => Indicators.Find(v.Key)?.ValueOf(v.Value) ?? v.Value);

    /// <summary>The report as lines of a table for a terminal (figures, then rates, then the league).</summary>
    public static IEnumerable<string[]> Rows(CampaignReport r, bool english)
    {
        foreach (var s in CampaignSections.All)
        {
            foreach (var i in s.Indicators.Where(r.Shows))
            {
                yield return [s.Name(english), i.Name(english), i.Format(r.Figures[i]), i.UnitLabel(english)];
            }
            foreach (var q in s.Ratios.Where(r.Shows))
            {
                yield return [s.Name(english), q.Name(english), r.Figures.Show(q, english), ""];
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
            Row(Words.Item.In(english), Title(r, english), Words.Value.In(english), null, Words.Unit.In(english), Stamp(r, english), Words.Definition.In(english), ""),
        };
        foreach (var s in CampaignSections.All)
        {
            foreach (var i in s.Indicators.Where(r.Shows))
            {
                figures.Add(Row(Words.Item.In(english), s.Name(english) + " · " + i.Name(english), Words.Value.In(english), i.ValueOf(r.Figures[i]), Words.Unit.In(english), i.UnitLabel(english), Words.Definition.In(english), i.Definition(english)));
            }
            foreach (var q in s.Ratios.Where(r.Shows))
            {
                figures.Add(Row(Words.Item.In(english), s.Name(english) + " · " + q.Name(english), Words.Value.In(english), Rounded(q, r.Figures[q]), Words.Unit.In(english), q.Percent ? "%" : "", Words.Definition.In(english), q.Definition(english)));
            }
        }
        var league = r.League(Ratios.VisitRate).Select(c =>
        {
            var row = new Dictionary<string, object?> { [Words.Name.In(english)] = c.Name, [Words.Code.In(english)] = c.Code };
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
            [T("下级排名", "League")] = league.Count > 0 ? league : [new Dictionary<string, object?> { [Words.Name.In(english)] = "" }],
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
                    pdf.Cells([i.Name(english), i.Format(r.Figures[i]) + " " + i.UnitLabel(english)], TwoColumns);
                }
                foreach (var q in s.Ratios.Where(r.Shows))
                {
                    pdf.Cells([q.Name(english) + "（" + q.Definition(english) + "）", r.Figures.Show(q, english)], TwoColumns);
                }
            }
            if (r.Children.Count > 0)
            {
                pdf.Heading(english ? "League of the divisions below (lowest visit rate first)" : "下级排名（按走访率由低到高）", 11);
                var widths = LeagueColumn.All.Select(_ => 0.81 / LeagueColumn.All.Count).Prepend(0.19).ToArray();
                pdf.Cells([english ? "Name" : "名称", .. LeagueColumn.All.Select(c => c.Name(english))], widths, 6.5, header: true);
                foreach (var c in r.League(Ratios.VisitRate))
                {
                    pdf.Cells([c.Name, .. LeagueColumn.All.Select(col => col.Text(c.Figures))], widths, 6.5);
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
}
