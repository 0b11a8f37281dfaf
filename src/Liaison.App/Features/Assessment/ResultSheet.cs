using System.Globalization;
using Liaison.App.Web.Pdf;
using Liaison.Domain.Assessment;
using Liaison.Domain.Policy;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Liaison.App.Features.Assessment;

/// <summary>
/// 年度考核登记表: a person's result as the organisation department files it — who, the year and group,
/// the score, grade and rank, every component with its weight, score, points and what it rests on, the
/// adjustment and its reason, the veto, the appeal and its answer. Always in Chinese: it goes in the
/// personnel file.
/// </summary>
public static class ResultSheet
{
    public static byte[] Pdf(ResultRow row, AssessmentRun run, AssessmentScheme scheme, IReadOnlyList<AssessmentPart> parts, AssessmentAppeal? appeal)
    {
        CjkFonts.Install();
        var inv = CultureInfo.InvariantCulture;
        string N(double? v) => v is { } d ? d.ToString("0.##", inv) : "—";
        var r = row.Result;
        using var document = new PdfDocument();
        document.Info.Title = $"{run.Year}年度考核登记表 {row.Name}";
        var pdf = new PdfWriter(document);
        try
        {
            pdf.Heading($"{run.Year} 年度{AssessmentGroups.Name(run.Group).Zh}考核登记表", 16);
            pdf.Line(AssessmentGroups.KindOf(run.Group) switch
            {
                AssessedKind.Unit => $"单位：{row.Name}（{row.Code}）　联建村：{row.Village}",
                AssessedKind.Division => $"区划：{row.Name}（{row.Code}）",
                _ => $"姓名：{row.Name}（{row.Code}）　单位：{row.Unit}　所驻村：{row.Village}",
            }, 10, XBrushes.Black);
            pdf.Line($"得分：{r.Score.ToString("0.00", inv)}　等次：{AssessmentRows.GradeName(scheme, r.Grade).Zh}{(r.Capped ? "（限额）" : "")}　名次：{r.Rank}/{run.Assessed}"
                + (run.PublishedAt is { } p ? $"　公布日期：{p.ToString("yyyy-MM-dd", inv)}" : "　（草稿，未公布）"), 10, XBrushes.Black);
            if (r.Veto is { } veto)
            {
                pdf.Line($"一票否决：{veto}", 10, XBrushes.Black);
            }
            pdf.Line("", 4, XBrushes.Black);
            double[] widths = [0.2, 0.1, 0.1, 0.1, 0.5];
            pdf.Cells(["考核项目", "权重", "项目得分", "计入分", "依据"], widths, 9, header: true);
            foreach (var part in parts)
            {
                pdf.Cells([AssessmentComponents.Name(part.Code).Zh, part.Weight > 0 ? N(part.Weight) : "不计", N(part.Score), N(part.Points), part.Detail], widths, 9, wrap: true);
            }
            pdf.Cells(["合计", "100", "", N(r.Raw), r.Adjustment != 0 ? $"调整 {r.Adjustment.ToString("+0.##;-0.##", inv)} 分：{r.AdjustReason}" : ""], widths, 9, wrap: true);
            if (appeal is not null)
            {
                pdf.Line("", 4, XBrushes.Black);
                pdf.Line($"申诉（{appeal.FiledAt.ToString("yyyy-MM-dd", inv)}）：{appeal.Text}", 9, XBrushes.Black);
                pdf.Line(appeal.Answer is { } a ? $"答复（{appeal.AnsweredAt?.ToString("yyyy-MM-dd", inv)}）：{a}" : "答复：尚未答复", 9, XBrushes.Black);
            }
            pdf.Line("", 6, XBrushes.Black);
            pdf.Line("各项得分由全年驻村、走访、诉求、承诺、实事、督查记录和现场观摩、工作点评、群众评议计算，依据见系统中的考核结果页面。", 8, XBrushes.Gray);
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
