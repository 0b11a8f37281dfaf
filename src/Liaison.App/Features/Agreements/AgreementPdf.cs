using System.Globalization;
using Liaison.App.Web.Pdf;
using Liaison.Domain.Policy;
using Liaison.Domain.Results;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Liaison.App.Features.Agreements;

/// <summary>年度目标责任书 printed for the file: the parties, every target by area, and the signatures with their day (Chinese, A4).</summary>
public static class AgreementPdf
{
    public static byte[] Of(AgreementRow row, string township, string? unit, IReadOnlyList<AgreementTarget> targets, AgreementRules rules)
    {
        var a = row.Agreement;
        string Day(DateOnly? d) => d?.ToString("yyyy 年 M 月 d 日", CultureInfo.InvariantCulture) ?? "____ 年 __ 月 __ 日";
        CjkFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"{a.Year} 年度第一书记目标责任书";
        var pdf = new PdfWriter(document);
        try
        {
            pdf.Heading($"{a.Year} 年度第一书记目标责任书", 16);
            pdf.Line($"甲方：{township}党委", 11, XBrushes.Black);
            // The party: the village's First Secretary (with their sending unit), or the paired unit.
            pdf.Line(row.Agreement.UnitId is null ? $"乙方：{row.Village}第一书记 {row.Party}{(unit is null ? "" : "（" + unit + "）")}" : $"乙方：{row.Village}联建单位 {row.Party}", 11, XBrushes.Black);
            pdf.Line(a.Status == AgreementStatus.Concluded ? $"状态：已签订{(a.Amendments > 0 ? $"，签订后修订 {a.Amendments} 次" : "")}" : $"状态：{AgreementWords.Status(a.Status).Zh}（未签订）", 9, XBrushes.Gray);
            double[] widths = [0.12, 0.46, 0.22, 0.2];
            pdf.Cells(["领域", "目标任务", "衡量办法及目标值", "完成时限"], widths, 10, header: true);
            foreach (var t in targets)
            {
                var measure = (t.Value is { } v ? v.ToString("#,0.###", CultureInfo.InvariantCulture) + " " : "") + (t.Measure ?? "");
                pdf.Cells([rules.Find(t.Area)?.Name ?? t.Area, t.Text + (t.MetOn is { } met ? $"（已于 {met:yyyy-MM-dd} 完成）" : ""), measure.Trim(), t.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
                    widths, 10, wrap: true);
            }
            pdf.Line("", 10, XBrushes.Black);
            pdf.Line($"甲方（签字）：{a.TownshipSigner ?? "________"}        乙方（签字）：{row.Party}", 11, XBrushes.Black);
            pdf.Line($"签订日期：{Day(a.SignedOn)}", 11, XBrushes.Black);
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
