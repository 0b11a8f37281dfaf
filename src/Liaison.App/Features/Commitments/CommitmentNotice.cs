using Liaison.App.Web.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Liaison.App.Features.Commitments;

/// <summary>
/// 公开承诺公示: the village noticeboard's A4 sheet — every commitment of the year with its promiser,
/// deadline and standing, the supervision telephone, and a QR code (also a link) to the village's
/// public page where the standing stays current. Always in Chinese: it hangs in a village.
/// </summary>
public static class CommitmentNotice
{
    public static byte[] Pdf(string village, string path, int year, IReadOnlyList<CommitmentRow> rows, DateOnly today, string url, string telephone)
    {
        CjkFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"{village}公开承诺公示";
        var pdf = new PdfWriter(document);
        try
        {
            pdf.Heading($"{village}驻村干部公开承诺公示（{year} 年）", 16);
            pdf.Line(path, 9, XBrushes.Gray);
            double[] widths = [0.52, 0.16, 0.14, 0.18];
            pdf.Cells(["承诺事项", "承诺人", "承诺期限", "兑现情况"], widths, 10, header: true);
            foreach (var r in rows)
            {
                var c = r.Commitment;
                var state = c.State(today).Zh + (c.ClosedOn is { } on ? " " + on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "")
                    + (c.Reason is { } why ? "。原因：" + why : "");
                pdf.Cells([c.Text, r.Cadre, c.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), state], widths, 10, wrap: true);
            }
            if (rows.Count == 0)
            {
                pdf.Line("本年度还没有公开承诺。", 10, XBrushes.Black);
            }
            pdf.Line("", 6, XBrushes.Black);
            pdf.Qr(url, "扫码查看承诺兑现的最新情况，或反映问题、提出建议。", 32 * PdfWriter.Mm);
            if (telephone.Length > 0)
            {
                pdf.Line($"监督电话：{telephone}", 10, XBrushes.Black);
            }
            pdf.Line($"公示日期：{today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}", 8, XBrushes.Gray);
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
