using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Liaison.App.Web.Pdf;

/// <summary>
/// Lines and rows down A4 pages, a new page when one is full: the report's PDF and the printed
/// notices write through it. Chinese text is real text (<see cref="CjkFonts"/>).
/// </summary>
public sealed class PdfWriter(PdfDocument document) : IDisposable
{
    public const double Mm = 72 / 25.4;
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

    /// <summary>
    /// A row of cells, each given its share of the width; text that would run into the next cell is
    /// cut with an ellipsis, or with <paramref name="wrap"/> broken into as many lines as it needs
    /// (character by character, as Chinese is written).
    /// </summary>
    public void Cells(IReadOnlyList<string> cells, double[] widths, double size = 9, bool header = false, bool wrap = false)
    {
        var font = new XFont(CjkFonts.Family, size);
        var lineHeight = size * 1.7;
        Room(lineHeight);
        var lines = cells.Select((c, i) => wrap ? Wrap(c, font, (widths[i] * Width) - 4) : [Fit(c, font, (widths[i] * Width) - 4)]).ToList();
        var height = lineHeight + ((lines.Max(l => l.Count) - 1) * size * 1.25);
        Room(height);
        var x = Margin;
        for (var i = 0; i < cells.Count; i++)
        {
            var w = widths[i] * Width;
            var numeric = i > 0 && !header && !wrap;
            for (var l = 0; l < lines[i].Count; l++)
            {
                var top = lines[i].Count == 1 ? y : y + (l * size * 1.25) + (size * 0.3);
                var rowHeight = lines[i].Count == 1 ? height : size * 1.25;
                g!.DrawString(lines[i][l], font, header ? XBrushes.DarkRed : XBrushes.Black, new XRect(x + 2, top, w - 4, rowHeight),
                    numeric ? XStringFormats.CenterRight : lines[i].Count == 1 ? XStringFormats.CenterLeft : XStringFormats.TopLeft);
            }
            x += w;
        }
        g!.DrawLine(new XPen(XColors.LightGray, 0.4), Margin, y + height, Margin + Width, y + height);
        y += height;
    }

    /// <summary>A QR code of <paramref name="url"/> at the left margin, the URL beside it, and the code a link for anyone reading on a screen.</summary>
    public void Qr(string url, string caption, double size)
    {
        Room(size + (4 * Mm));
        y += 2 * Mm;
        DrawQr(g!, url, Margin, y, size);
        page!.AddWebLink(new PdfRectangle(new XRect(Margin, page.Height.Point - y - size, size, size)), url);
        var font = new XFont(CjkFonts.Family, 9);
        g!.DrawString(caption, font, XBrushes.Black, new XRect(Margin + size + (4 * Mm), y + (size / 2) - 12, Width - size - (4 * Mm), 12), XStringFormats.TopLeft);
        g.DrawString(url, new XFont(CjkFonts.Family, 7), XBrushes.Gray, new XRect(Margin + size + (4 * Mm), y + (size / 2) + 2, Width - size - (4 * Mm), 10), XStringFormats.TopLeft);
        y += size + (2 * Mm);
    }

    /// <summary>A QR code drawn as vector squares: sharp at any print size.</summary>
    public static void DrawQr(XGraphics graphics, string url, double x, double top, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        for (var row = 0; row < matrix.Count; row++)
        {
            for (var col = 0; col < matrix[row].Count; col++)
            {
                if (matrix[row][col])
                {
                    // A hair larger than a module, so that neighbouring squares leave no seams when printed.
                    graphics.DrawRectangle(XBrushes.Black, x + (col * module), top + (row * module), module * 1.02, module * 1.02);
                }
            }
        }
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

    /// <summary>The text in lines no wider than <paramref name="width"/>, broken between characters.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        foreach (var ch in text)
        {
            if (line.Length > 0 && g!.MeasureString(line.ToString() + ch, font).Width > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            line.Append(ch);
        }
        lines.Add(line.ToString());
        return lines;
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
